import { z } from "zod";
import {
  type ConversationMessage,
  sendMessageBodySchema,
} from "../../../shared/conversations/conversations.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import {
  allowedConversation,
  CONVERSATION_SECTION,
  conversationPersonId,
  PURPOSE,
  sideOf,
} from "../conversations.load";
import { notifyPersonOfNewMessage } from "../conversations.notify";
import { conversationsPolicy } from "../conversations.policy";
import { messageView, personDisplayName } from "../conversations.presenter";
import { conversationsRepository } from "../conversations.repository";

/**
 * The person writes to their référent·es, or a référent·e answers the person. A message is never edited
 * (a trigger refuses it): a mistake is followed by a new message, as in any correspondence. When a
 * professional writes, the person is told by e-mail (or SMS), without the content, once per unread streak.
 */
export const sendConversationMessage = useCase(
  "SendConversationMessage",
  sendMessageBodySchema.extend({ personId: z.string().uuid().nullable() }),
  async ({ tx, actor, input, clock, ids, config }): Promise<ConversationMessage> => {
    const personId = conversationPersonId(actor, input.personId, "conversation.message_sent");
    await allowedConversation(tx, actor, personId, "conversation.message_sent", conversationsPolicy.write);
    const id = ids.uuid();
    const now = clock.now();
    const side = sideOf(actor);
    const pro = actor.kind === "professional" ? actor : null;
    await conversationsRepository.insert(tx, {
      id,
      person_id: personId,
      author_kind: side,
      author_professional_id: pro?.id ?? null,
      structure_id: pro?.structureId ?? null,
      body: input.body,
      created_at: now,
      read_at: null,
      read_by_professional_id: null,
    });
    const notification =
      side === "PROFESSIONNEL"
        ? await notifyPersonOfNewMessage(tx, { clock, ids, config }, personId)
        : { channel: null, created: false };
    await audit.record(tx, clock, actor, {
      action: "conversation.message_sent",
      section: CONVERSATION_SECTION,
      purpose: PURPOSE,
      personId,
      details: {
        messageId: id,
        length: input.body.length,
        notification: notification.created ? notification.channel : null,
      },
    });
    const person = await conversationsRepository.person(tx, personId);
    const row = (await conversationsRepository.messages(tx, personId)).find((m) => m.id === id)!;
    return messageView(row, person ? personDisplayName(person) : "", side, pro?.id ?? null);
  },
);
