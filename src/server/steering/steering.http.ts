import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { INDICATORS_EXPORT_URL, steeringRoutes } from "../../shared/steering/steering.routes";
import { indicatorsExportQuerySchema } from "../../shared/steering/steering.schema";
import { requireSession } from "../http/authenticate";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { exportIndicators } from "./use-cases/export-indicators";
import { getIndicators } from "./use-cases/get-indicators";

export async function steeringHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, steeringRoutes.getIndicators, (req) => getIndicators(deps, req.actor, req.query));
  // the download is a file, not JSON: bound by hand, with the same session check as every route
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: INDICATORS_EXPORT_URL,
    schema: {
      summary:
        "Indicateurs de pilotage en fichier (CSV, XLSX, JSON), en données ouvertes avec secret statistique si demandé",
      tags: ["pilotage"],
      querystring: indicatorsExportQuerySchema,
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const file = await exportIndicators(deps, req.session!.actor, req.query);
      return reply
        .header("Content-Type", file.contentType)
        .header("Content-Disposition", `attachment; filename="${file.fileName}"`)
        .header("Cache-Control", "private, no-store")
        .send(file.content);
    },
  });
}
