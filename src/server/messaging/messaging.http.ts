import type { FastifyInstance } from "fastify";
import { messagingRoutes } from "../../shared/messaging/messaging.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getDemoMailboxMessage } from "./use-cases/get-demo-mailbox-message";
import { listDemoMailbox } from "./use-cases/list-demo-mailbox";

export async function messagingHttp(app: FastifyInstance, deps: Deps) {
  // the demo mailbox exists only in demo and test (production sends for real and keeps no copy)
  if (deps.config.isProduction) return;
  bindRoute(app, deps, messagingRoutes.listDemoMailbox, (req) => listDemoMailbox(deps, req.actor, {}));
  bindRoute(app, deps, messagingRoutes.getDemoMailboxMessage, (req) =>
    getDemoMailboxMessage(deps, req.actor, req.params),
  );
}
