import type { FastifyInstance } from "fastify";
import { followUpRoutes } from "../../shared/follow-up/follow-up.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { answerJobFollowUp } from "./use-cases/answer-job-follow-up";
import { getFollowUp } from "./use-cases/get-follow-up";
import { getMyJobFollowUp } from "./use-cases/get-my-job-follow-up";
import { recordCheckpoint } from "./use-cases/record-checkpoint";
import { recordExit } from "./use-cases/record-exit";
import { resolveJobDifficulty } from "./use-cases/resolve-job-difficulty";

export async function followUpHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, followUpRoutes.getFollowUp, (req) => getFollowUp(deps, req.actor, req.params));
  bindRoute(app, deps, followUpRoutes.recordCheckpoint, (req) =>
    recordCheckpoint(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, followUpRoutes.recordExit, (req) =>
    recordExit(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, followUpRoutes.resolveJobDifficulty, (req) =>
    resolveJobDifficulty(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, followUpRoutes.getMyJobFollowUp, (req) => getMyJobFollowUp(deps, req.actor, {}));
  bindRoute(app, deps, followUpRoutes.answerJobFollowUp, (req) =>
    answerJobFollowUp(deps, req.actor, req.body),
  );
}
