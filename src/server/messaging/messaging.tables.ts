// Table types of the messaging capability: the outbox (outbound_messages, created by the orientation
// migration and extended by 202612061210-messaging.sql) and the demo/test mailbox.
import type { Generated } from "kysely";

export type MessageChannel = "EMAIL" | "SMS";
/** A_ENVOYER (waiting for its send_after), EN_COURS (claimed by a sender), ENVOYE, ECHEC, ANNULE */
export type MessageStatus = "A_ENVOYER" | "EN_COURS" | "ENVOYE" | "ECHEC" | "ANNULE";

export type StoredAttachment = { filename: string; contentType: string; contentBase64: string };

export interface OutboundMessagesTable {
  id: string;
  message_key: string;
  channel: MessageChannel;
  person_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  attachments: StoredAttachment[];
  related_kind: string;
  related_id: string;
  status: MessageStatus;
  attempts: Generated<number>;
  created_at: Date;
  send_after: Date;
  claimed_at: Date | null;
  sent_at: Date | null;
  transport_id: string | null;
  last_error: string | null;
}

export interface DemoMailboxTable {
  id: Generated<number>;
  channel: MessageChannel;
  to_address: string;
  subject: string;
  body_text: string;
  /** names and content types only: [{ filename, contentType, size }] */
  attachments: { filename: string; contentType: string; size: number }[];
  transport_id: string;
  received_at: Date;
}

export interface MessagingTables {
  outbound_messages: OutboundMessagesTable;
  demo_mailbox: DemoMailboxTable;
}
