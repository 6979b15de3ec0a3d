import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { orientationRoutes } from "../../shared/orientation/orientation.routes";
import { orientationIdSchema } from "../../shared/orientation/orientation.schema";
import { requireSession } from "../http/authenticate";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { decideOrientation } from "./use-cases/decide-orientation";
import { decideReorientationRequest } from "./use-cases/decide-reorientation-request";
import { getMyOrientation } from "./use-cases/get-my-orientation";
import { getOrientation } from "./use-cases/get-orientation";
import { getOrientationLetter } from "./use-cases/get-orientation-letter";
import { getReorientationRequest } from "./use-cases/get-reorientation-request";
import { listRuleSets } from "./use-cases/list-rule-sets";
import { requestReorientation } from "./use-cases/request-reorientation";
import { updateOrientationCriteria } from "./use-cases/update-orientation-criteria";

export async function orientationHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, orientationRoutes.getOrientation, (req) =>
    getOrientation(deps, req.actor, req.params),
  );
  bindRoute(app, deps, orientationRoutes.updateOrientationCriteria, (req) =>
    updateOrientationCriteria(deps, req.actor, { ...req.params, ...req.body }),
  );
  // the e-mail is written with the decision, with its job in the job queue (server/messaging)
  bindRoute(app, deps, orientationRoutes.decideOrientation, (req) =>
    decideOrientation(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, orientationRoutes.getMyOrientation, (req) => getMyOrientation(deps, req.actor, {}));
  bindRoute(app, deps, orientationRoutes.requestReorientation, (req) =>
    requestReorientation(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, orientationRoutes.getReorientationRequest, (req) =>
    getReorientationRequest(deps, req.actor, req.params),
  );
  bindRoute(app, deps, orientationRoutes.decideReorientationRequest, (req) =>
    decideReorientationRequest(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, orientationRoutes.listRuleSets, (req) => listRuleSets(deps, req.actor, req.query));

  // the letter is a PDF, not JSON: bound by hand, with the same session check as every route
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: "/api/orientations/:orientationId/letter",
    schema: {
      summary: "Courrier de décision d'orientation (PDF)",
      tags: ["orientation"],
      params: z.object({ orientationId: orientationIdSchema }),
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) => {
      const actor = req.session!.actor;
      const letter = await getOrientationLetter(deps, actor, req.params);
      return reply
        .header("Content-Type", "application/pdf")
        .header("Content-Disposition", `attachment; filename="${letter.filename}"`)
        .header("Cache-Control", "private, no-store")
        .header("ETag", `"${letter.sha256}"`)
        .send(letter.content);
    },
  });
}
