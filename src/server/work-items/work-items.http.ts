import type { FastifyInstance } from "fastify";
import { workItemsRoutes } from "../../shared/work-items/work-items.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { listWorkItems } from "./use-cases/list-work-items";

export async function workItemsHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, workItemsRoutes.listWorkItems, (req) => listWorkItems(deps, req.actor, req.query));
}
