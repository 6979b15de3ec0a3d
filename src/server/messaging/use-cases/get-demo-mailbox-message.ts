import { z } from "zod";
import { messagingErrors } from "../../../shared/messaging/messaging.errors";
import { mailboxMessageIdSchema } from "../../../shared/messaging/messaging.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { messagingPolicy } from "../messaging.policy";
import { messagingRepository } from "../messaging.repository";

/** One message of the demo mailbox with its text (demo and test only); the read is audited. */
export const getDemoMailboxMessage = useCase(
  "GetDemoMailboxMessage",
  z.object({ messageId: mailboxMessageIdSchema }),
  async ({ tx, actor, clock, input }) => {
    assertCan(messagingPolicy.readDemoMailbox(actor), "messaging.demo_mailbox.read", {
      section: "messagerie",
      purpose: "follow",
    });
    const m = await messagingRepository.mailboxMessage(tx, input.messageId);
    if (!m) throw messagingErrors.mailboxMessageNotFound(input.messageId);
    await audit.record(tx, clock, actor, {
      action: "messaging.demo_mailbox.read",
      section: "messagerie",
      purpose: "follow",
      personId: null,
      details: { messageId: m.id },
    });
    return { ...m, receivedAt: m.receivedAt.toISOString() };
  },
);
