import type { MessageAuthorKind } from "../../shared/conversations/conversations.schema";

export interface ConversationMessagesTable {
  id: string;
  person_id: string;
  author_kind: MessageAuthorKind;
  author_professional_id: string | null;
  structure_id: string | null;
  body: string;
  created_at: Date;
  read_at: Date | null;
  read_by_professional_id: string | null;
}
export interface ConversationsTables {
  conversation_messages: ConversationMessagesTable;
}
