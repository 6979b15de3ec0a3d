// Views of the conversation: rows → the shared response schemas.
import type {
  ConversationMessage,
  ConversationView,
  MessageAuthorKind,
} from "../../shared/conversations/conversations.schema";
import { followUpRoleLabels } from "../../shared/shared-file/shared-file.schema";
import type { MessageRow } from "./conversations.repository";

export function personDisplayName(p: { firstNames: string; usageName: string | null; birthName: string }) {
  return `${p.firstNames} ${(p.usageName ?? p.birthName).toUpperCase()}`;
}

/**
 * `mine`: a professional's message is « mine » for its author only; a co-référent reads it as the
 * professionals' side, written by a colleague.
 */
export function messageView(
  r: MessageRow,
  personName: string,
  side: MessageAuthorKind,
  professionalId: string | null,
): ConversationMessage {
  return {
    id: r.id,
    authorKind: r.authorKind,
    authorName: r.authorKind === "PERSONNE" ? personName : (r.authorName ?? "Professionnel·le"),
    structureName: r.structureName,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    readByName: r.readByName,
    mine: r.authorKind === side && (side === "PERSONNE" || r.authorProfessionalId === professionalId),
  };
}

export function readerView(r: {
  role: "referent" | "co_referent" | "membre";
  structureName: string;
  professionalName: string | null;
}): ConversationView["readers"][number] {
  return {
    name: r.professionalName ?? `L'équipe de ${r.structureName}`,
    structureName: r.structureName,
    role: followUpRoleLabels[r.role],
  };
}
