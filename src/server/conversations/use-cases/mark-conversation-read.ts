import { z } from "zod";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import {
  allowedConversation,
  CONVERSATION_SECTION,
  conversationPersonId,
  PURPOSE,
  sideOf,
} from "../conversations.load";
import { conversationsRepository } from "../conversations.repository";

/**
 * The read receipt of one side: the person has read the professionals' messages, or a référent·e has read
 * the person's (one receipt for the professionals' side: whoever reads first answers for the team, and is
 * named). A receipt is set once, at the first reading, and never moved (the trigger refuses it).
 */
export const markConversationRead = useCase(
  "MarkConversationRead",
  z.object({ personId: z.string().uuid().nullable() }),
  async ({ tx, actor, input, clock }): Promise<{ marked: number }> => {
    const personId = conversationPersonId(actor, input.personId, "conversation.marked_read");
    await allowedConversation(tx, actor, personId, "conversation.marked_read");
    const marked = await conversationsRepository.markRead(
      tx,
      personId,
      sideOf(actor),
      clock.now(),
      actor.kind === "professional" ? actor.id : null,
    );
    if (marked > 0)
      await audit.record(tx, clock, actor, {
        action: "conversation.marked_read",
        section: CONVERSATION_SECTION,
        purpose: PURPOSE,
        personId,
        details: { marked },
      });
    return { marked };
  },
);
