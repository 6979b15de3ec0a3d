import type { FastifyInstance } from "fastify";
import { conversationsRoutes } from "../../shared/conversations/conversations.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { countUnreadMessages } from "./use-cases/count-unread-messages";
import { getConversation } from "./use-cases/get-conversation";
import { markConversationRead } from "./use-cases/mark-conversation-read";
import { sendConversationMessage } from "./use-cases/send-conversation-message";

export async function conversationsHttp(app: FastifyInstance, deps: Deps) {
  const r = conversationsRoutes;
  bindRoute(app, deps, r.getConversation, (req) => getConversation(deps, req.actor, req.params));
  bindRoute(app, deps, r.sendMessage, (req) =>
    sendConversationMessage(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.markConversationRead, (req) => markConversationRead(deps, req.actor, req.params));
  bindRoute(app, deps, r.countUnreadMessages, (req) => countUnreadMessages(deps, req.actor, req.params));
  bindRoute(app, deps, r.getMyConversation, (req) => getConversation(deps, req.actor, { personId: null }));
  bindRoute(app, deps, r.sendMyMessage, (req) =>
    sendConversationMessage(deps, req.actor, { ...req.body, personId: null }),
  );
  bindRoute(app, deps, r.markMyConversationRead, (req) =>
    markConversationRead(deps, req.actor, { personId: null }),
  );
  bindRoute(app, deps, r.countMyUnreadMessages, (req) =>
    countUnreadMessages(deps, req.actor, { personId: null }),
  );
}
