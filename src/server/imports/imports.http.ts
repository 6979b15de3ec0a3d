import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import {
  CNAF_UPLOAD_MAX_MB,
  cnafUploadContentTypes,
  importsRoutes,
} from "../../shared/imports/imports.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getImportReport } from "./use-cases/get-import-report";
import { uploadCnafFlux } from "./use-cases/upload-cnaf-flux";

export async function importsHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, importsRoutes.getImportReport, (req) => getImportReport(deps, req.actor, req.params));
  // the flow arrives as the raw request body: handed over as a stream, never buffered (scoped to this route)
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      cnafUploadContentTypes,
      { bodyLimit: CNAF_UPLOAD_MAX_MB * 1_000_000 },
      (_req, payload, done) => done(null, payload),
    );
    bindRoute(scope, deps, importsRoutes.uploadCnafFlux, (req) =>
      uploadCnafFlux(deps, req.actor, { ...req.query, body: req.raw.body as Readable | undefined }),
    );
  });
}
