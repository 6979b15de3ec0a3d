// Routes of the conversation between a person and their référent·es: the professional's side is under the
// person's file, the person's side under /api/me.
import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  conversationMessageSchema,
  conversationViewSchema,
  markReadResultSchema,
  sendMessageBodySchema,
  unreadCountSchema,
} from "./conversations.schema";

const params = z.object({ personId: z.string().uuid() });
const tags = ["messages"];

/** The person's page, also the link of the e-mail notification. */
export const MY_MESSAGES_PATH = "/mon-espace/messages";
export const personMessagesPath = (personId: string) => `/personnes/${personId}/messages`;

export const conversationsRoutes = {
  getConversation: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/messages",
    summary: "Les messages échangés entre la personne et ses référent·es (lecture tracée au journal)",
    tags,
    params,
    response: conversationViewSchema,
  }),
  sendMessage: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/messages",
    summary: "Répondre à la personne (elle est prévenue par courriel, sans le contenu du message)",
    tags,
    params,
    body: sendMessageBodySchema,
    response: conversationMessageSchema,
  }),
  markConversationRead: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/messages/read",
    summary: "Marquer comme lus les messages de la personne",
    tags,
    params,
    response: markReadResultSchema,
  }),
  countUnreadMessages: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/messages/unread",
    summary: "Le nombre de messages de la personne non lus (et si l'on a accès à la conversation)",
    tags,
    params,
    response: unreadCountSchema,
  }),
  getMyConversation: defineRoute({
    method: "GET",
    url: "/api/me/messages",
    summary: "Mes messages avec mes référent·es (espace personnel)",
    tags,
    response: conversationViewSchema,
  }),
  sendMyMessage: defineRoute({
    method: "POST",
    url: "/api/me/messages",
    summary: "Écrire à mes référent·es (espace personnel)",
    tags,
    body: sendMessageBodySchema,
    response: conversationMessageSchema,
  }),
  markMyConversationRead: defineRoute({
    method: "POST",
    url: "/api/me/messages/read",
    summary: "Marquer comme lus les messages de mes référent·es",
    tags,
    response: markReadResultSchema,
  }),
  countMyUnreadMessages: defineRoute({
    method: "GET",
    url: "/api/me/messages/unread",
    summary: "Le nombre de messages de mes référent·es que je n'ai pas lus",
    tags,
    response: unreadCountSchema,
  }),
};
