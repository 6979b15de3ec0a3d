// The messaging error catalogue: stable codes, French messages, identifiers only in details.
import { NotFoundError } from "../kernel/errors";

export const messagingErrors = {
  mailboxMessageNotFound: (id: number) =>
    new NotFoundError("messaging.mailbox_message_not_found", "Ce message est introuvable.", {
      messageId: id,
    }),
};
