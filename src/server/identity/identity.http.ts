import type { FastifyInstance } from "fastify";
import { identityRoutes } from "../../shared/identity/identity.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getSession } from "./use-cases/get-session";

export async function identityHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, identityRoutes.getSession, (req) => getSession(deps, req.raw.session!));
}
