import type { FastifyInstance } from "fastify";
import { tabularImportRoutes } from "../../../shared/imports/tabular/tabular-import.routes";
import { TABULAR_MAX_BYTES } from "../../../shared/imports/tabular/tabular-import.schema";
import { bindRoute } from "../../http/bind-route";
import type { Deps } from "../../kernel/deps";
import { applyTabularImport } from "./use-cases/apply-tabular-import";
import { downloadTabularQuarantine } from "./use-cases/download-tabular-quarantine";
import { getTabularImport } from "./use-cases/get-tabular-import";
import { listTabularImportRows } from "./use-cases/list-tabular-import-rows";
import { listTabularImports } from "./use-cases/list-tabular-imports";
import { previewTabularImport } from "./use-cases/preview-tabular-import";
import { updateTabularMapping } from "./use-cases/update-tabular-mapping";
import { uploadTabularImport } from "./use-cases/upload-tabular-import";

/** A file travels base64-encoded in JSON: 4/3 of its size, plus the envelope. */
const UPLOAD_BODY_LIMIT = Math.ceil((TABULAR_MAX_BYTES * 4) / 3) + 64 * 1024;

export async function tabularImportsHttp(app: FastifyInstance, deps: Deps) {
  // an encapsulated context: the larger body limit applies to these routes only
  await app.register(async (scope) => {
    scope.addHook("onRoute", (route) => {
      if (route.method === "POST" && route.url === tabularImportRoutes.uploadTabularImport.url)
        route.bodyLimit = UPLOAD_BODY_LIMIT;
    });
    const r = tabularImportRoutes;
    bindRoute(scope, deps, r.uploadTabularImport, (req) => uploadTabularImport(deps, req.actor, req.body));
    bindRoute(scope, deps, r.listTabularImports, (req) => listTabularImports(deps, req.actor, {}));
    bindRoute(scope, deps, r.getTabularImport, (req) => getTabularImport(deps, req.actor, req.params));
    bindRoute(scope, deps, r.updateTabularMapping, (req) =>
      updateTabularMapping(deps, req.actor, { ...req.params, ...req.body }),
    );
    bindRoute(scope, deps, r.previewTabularImport, (req) =>
      previewTabularImport(deps, req.actor, req.params),
    );
    bindRoute(scope, deps, r.applyTabularImport, (req) => applyTabularImport(deps, req.actor, req.params));
    bindRoute(scope, deps, r.listTabularImportRows, (req) =>
      listTabularImportRows(deps, req.actor, { ...req.params, ...req.query }),
    );
    bindRoute(scope, deps, r.downloadTabularQuarantine, (req) =>
      downloadTabularQuarantine(deps, req.actor, req.params),
    );
  });
}
