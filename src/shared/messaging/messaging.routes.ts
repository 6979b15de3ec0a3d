import { z } from "zod";
import { defineRoute } from "../kernel/route";
import { mailboxListSchema, mailboxMessageIdSchema, mailboxMessageSchema } from "./messaging.schema";

/** Demo and test only: these routes are not registered in production. */
export const messagingRoutes = {
  listDemoMailbox: defineRoute({
    method: "GET",
    url: "/api/demo/mailbox",
    summary: "Courriels et SMS envoyés (démonstration et test uniquement), les plus récents d'abord",
    tags: ["messagerie"],
    response: mailboxListSchema,
  }),
  getDemoMailboxMessage: defineRoute({
    method: "GET",
    url: "/api/demo/mailbox/:messageId",
    summary: "Un courriel ou SMS envoyé (démonstration et test uniquement) : texte et pièces jointes",
    tags: ["messagerie"],
    params: z.object({ messageId: mailboxMessageIdSchema }),
    response: mailboxMessageSchema,
  }),
};
