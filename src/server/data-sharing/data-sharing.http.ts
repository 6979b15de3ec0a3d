import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { dataSharingRoutes, LISTE_MINIMALE_EXPORT_URL } from "../../shared/data-sharing/data-sharing.routes";
import {
  LISTE_MINIMALE_MAX_BYTES,
  listeMinimaleExportQuerySchema,
} from "../../shared/data-sharing/data-sharing.schema";
import { requireSession } from "../http/authenticate";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { exportListeMinimale } from "./use-cases/export-liste-minimale";
import { importListeMinimale } from "./use-cases/import-liste-minimale";
import { listListeMinimaleImports } from "./use-cases/list-liste-minimale-imports";

/** A file travels base64-encoded in JSON: 4/3 of its size, plus the envelope. */
const UPLOAD_BODY_LIMIT = Math.ceil((LISTE_MINIMALE_MAX_BYTES * 4) / 3) + 64 * 1024;

export async function dataSharingHttp(app: FastifyInstance, deps: Deps) {
  // the download is a file of personal data, not JSON: bound by hand, with the same session check
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: LISTE_MINIMALE_EXPORT_URL,
    schema: {
      summary:
        "Liste minimale des données à partager d'un département pour un mois (CSV, XLSX, JSON) : données personnelles, réservée au département",
      tags: ["pilotage"],
      querystring: listeMinimaleExportQuerySchema,
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const file = await exportListeMinimale(deps, req.session!.actor, req.query);
      return reply
        .header("Content-Type", file.contentType)
        .header("Content-Disposition", `attachment; filename="${file.fileName}"`)
        .header("Cache-Control", "private, no-store")
        .send(file.content);
    },
  });
  // an encapsulated context: the larger body limit applies to the upload only
  await app.register(async (scope) => {
    scope.addHook("onRoute", (route) => {
      if (route.method === "POST" && route.url === dataSharingRoutes.importListeMinimale.url)
        route.bodyLimit = UPLOAD_BODY_LIMIT;
    });
    bindRoute(scope, deps, dataSharingRoutes.importListeMinimale, (req) =>
      importListeMinimale(deps, req.actor, {
        departement: req.body.departement,
        fileName: req.body.fileName,
        content: Buffer.from(req.body.contentBase64, "base64"),
      }),
    );
    bindRoute(scope, deps, dataSharingRoutes.listListeMinimaleImports, (req) =>
      listListeMinimaleImports(deps, req.actor, req.query),
    );
  });
}
