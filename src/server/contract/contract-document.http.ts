import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { contractIdSchema } from "../../shared/contract/contract.schema";
import { requireSession } from "../http/authenticate";
import type { Deps } from "../kernel/deps";
import { getContractDocument } from "./use-cases/get-contract-document";

/** The PDF of one version: not JSON, so bound by hand, with the same session check as every route. */
export async function contractDocumentHttp(app: FastifyInstance, deps: Deps) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: "/api/contracts/:contractId/versions/:numero/document",
    schema: {
      summary: "Une version du contrat d'engagement en PDF (signée, refusée, remplacée ou à signer)",
      tags: ["contrat"],
      params: z.object({ contractId: contractIdSchema, numero: z.coerce.number().int().min(1) }),
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const actor = req.session!.actor;
      const doc = await getContractDocument(deps, actor, req.params);
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", `attachment; filename="${doc.filename}"`)
        .header("Cache-Control", "private, no-store")
        .send(doc.content);
    },
  });
}
