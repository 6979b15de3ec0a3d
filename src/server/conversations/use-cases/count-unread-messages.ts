import { z } from "zod";
import type { UnreadCount } from "../../../shared/conversations/conversations.schema";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../../persons/persons.policy";
import { allowedConversation, conversationPersonId, sideOf } from "../conversations.load";
import { conversationsPolicy } from "../conversations.policy";
import { conversationsRepository } from "../conversations.repository";

/**
 * How many messages of the other side wait to be read: the badge of the person's home and of the person
 * file's « Messages » link. A number, never a content, so it is not an audited read; a professional who
 * sees the file but not its conversation (a member of the group) gets `canRead: false`, one who does not
 * see the file a 403.
 */
export const countUnreadMessages = useCase(
  "CountUnreadMessages",
  z.object({ personId: z.string().uuid().nullable() }),
  async ({ tx, actor, input }): Promise<UnreadCount> => {
    const personId = conversationPersonId(actor, input.personId, "conversation.unread_count");
    const file = await allowedConversation(tx, actor, personId, "conversation.unread_count", (a, f) =>
      personsPolicy.view(a, f),
    );
    if (!conversationsPolicy.read(actor, file)) return { canRead: false, unread: 0 };
    return { canRead: true, unread: await conversationsRepository.unreadCount(tx, personId, sideOf(actor)) };
  },
);
