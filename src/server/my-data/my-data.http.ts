// « Mes données »: two file downloads, bound by hand from the shared contracts (a file with
// Content-Disposition, not a JSON view), with the same session check as every route.
import type { FastifyInstance } from "fastify";
import type { RouteContract } from "../../shared/kernel/route";
import { myDataRoutes } from "../../shared/my-data/my-data.routes";
import { requireSession } from "../http/authenticate";
import type { Deps } from "../kernel/deps";
import { exportMyData } from "./use-cases/export-my-data";

export async function myDataHttp(app: FastifyInstance, deps: Deps) {
  const bind = (contract: RouteContract, format: "json" | "pdf") =>
    app.route({
      method: contract.method,
      url: contract.url,
      schema: { summary: contract.summary, tags: contract.tags },
      preHandler: requireSession(deps),
      handler: async (req, reply) => {
        const file = await exportMyData(deps, req.session!.actor, { format });
        return reply
          .header(
            "Content-Type",
            file.format === "pdf" ? "application/pdf" : "application/json; charset=utf-8",
          )
          .header("Content-Disposition", `attachment; filename="${file.filename}"`)
          .header("Cache-Control", "private, no-store")
          .send(file.format === "pdf" ? file.content : `${JSON.stringify(file.data, null, 2)}\n`);
      },
    });
  bind(myDataRoutes.exportMyDataJson, "json");
  bind(myDataRoutes.exportMyDataPdf, "pdf");
}
