import { z } from "zod";
import type { ConversationView } from "../../../shared/conversations/conversations.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import {
  allowedConversation,
  CONVERSATION_SECTION,
  conversationPersonId,
  conversationView,
  PURPOSE,
} from "../conversations.load";

/**
 * The conversation of a person with their référent·es, oldest message first. Every read is written to the
 * audit trail, so the person sees each professional who opened it in « qui a consulté mon dossier ».
 * Reading does not mark anything read: the page says so explicitly (markConversationRead).
 */
export const getConversation = useCase(
  "GetConversation",
  z.object({ personId: z.string().uuid().nullable() }),
  async ({ tx, actor, input, clock }): Promise<ConversationView> => {
    const personId = conversationPersonId(actor, input.personId, "conversation.read");
    const file = await allowedConversation(tx, actor, personId, "conversation.read");
    const view = await conversationView(tx, actor, file);
    await audit.record(tx, clock, actor, {
      action: "conversation.read",
      section: CONVERSATION_SECTION,
      purpose: PURPOSE,
      personId,
      details: { messages: view.messages.length },
    });
    return view;
  },
);
