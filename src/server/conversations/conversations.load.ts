// Reads shared by the conversations' use cases: whose conversation it is, the access check (a denial is
// audited by the use-case helper), and the view. Use cases do not call each other.
import type { AuditPurpose } from "../../shared/audit/audit.schema";
import { conversationsErrors } from "../../shared/conversations/conversations.errors";
import type { ConversationView, MessageAuthorKind } from "../../shared/conversations/conversations.schema";
import type { Db } from "../db/connect";
import { type Actor, assertCan } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { conversationsPolicy } from "./conversations.policy";
import { messageView, personDisplayName, readerView } from "./conversations.presenter";
import { conversationsRepository } from "./conversations.repository";

/** The audit section of every read and write of the conversation. */
export const CONVERSATION_SECTION = "conversation";
export const PURPOSE: AuditPurpose = "support";

/**
 * The person whose conversation it is: the given file for a professional, their own for the person
 * (`personId` null, the /api/me routes). A professional without a file, or a person asking for another's
 * conversation, is refused.
 */
export function conversationPersonId(actor: Actor, personId: string | null, action: string): string {
  if (personId) return personId;
  assertCan(actor.kind === "person", action, { section: CONVERSATION_SECTION, purpose: PURPOSE });
  return actor.id;
}

/** Which side the actor writes and reads from. */
export const sideOf = (actor: Actor): MessageAuthorKind =>
  actor.kind === "person" ? "PERSONNE" : "PROFESSIONNEL";

export async function allowedConversation(
  tx: Db,
  actor: Actor,
  personId: string,
  action: string,
  allowed: (a: Actor, f: PersonFileScope) => boolean = conversationsPolicy.read,
): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw conversationsErrors.personNotFound(personId);
  assertCan(allowed(actor, file), action, { personId, section: CONVERSATION_SECTION, purpose: PURPOSE });
  return file;
}

export async function conversationView(
  tx: Db,
  actor: Actor,
  file: PersonFileScope,
): Promise<ConversationView> {
  const person = await conversationsRepository.person(tx, file.personId);
  if (!person) throw conversationsErrors.personNotFound(file.personId);
  const personName = personDisplayName(person);
  const rows = await conversationsRepository.messages(tx, file.personId);
  const side = sideOf(actor);
  const actorId = actor.kind === "professional" ? actor.id : null;
  return {
    personId: file.personId,
    personName,
    messages: rows.map((r) => messageView(r, personName, side, actorId)),
    readers: (await conversationsRepository.readers(tx, file.personId)).map(readerView),
    unread: rows.filter((r) => r.authorKind !== side && r.readAt === null).length,
    canWrite: conversationsPolicy.write(actor, file),
  };
}
