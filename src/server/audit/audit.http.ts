import type { FastifyInstance } from "fastify";
import { auditRoutes } from "../../shared/audit/audit.routes";
import { personsRoutes } from "../../shared/persons/persons.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getMyAuditLog } from "./use-cases/get-my-audit-log";
import { getPersonAuditLog } from "./use-cases/get-person-audit-log";

export async function auditHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, auditRoutes.getMyAuditLog, (req) => getMyAuditLog(deps, req.actor, {}));
  bindRoute(app, deps, personsRoutes.getPersonAuditLog, (req) =>
    getPersonAuditLog(deps, req.actor, req.params),
  );
}
