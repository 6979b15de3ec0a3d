// The person is told a professional wrote to them, through the messaging outbox, in the use case's
// transaction. The message itself is never copied into the e-mail or SMS (it may be personal, and an inbox
// is not the file): only that there is one, and the link to read it.
//
// One notification per unread streak: the key names the oldest message the person has not read, so a
// second or third message before they come back sends nothing more; once they have read, the next message
// opens a new streak and a new notification.
import { MY_MESSAGES_PATH } from "../../shared/conversations/conversations.routes";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Config } from "../kernel/config";
import type { Ids } from "../kernel/ids";
import { enqueueMessage } from "../messaging/enqueue-message";
import { conversationsRepository } from "./conversations.repository";

export const RELATED_KIND = "conversation";
export const notificationKey = (personId: string, oldestUnreadId: string) =>
  `conversation:${personId}:non-lus-depuis:${oldestUnreadId}`;

export function newMessageEmail(firstNames: string, url: string) {
  return {
    subject: "Nouveau message de votre conseiller·ère sur Socle",
    text: [
      `Bonjour ${firstNames},`,
      "",
      "Vous avez reçu un nouveau message de votre conseiller·ère sur Socle.",
      "",
      `Pour le lire et y répondre, connectez-vous à votre espace : ${url}`,
      "",
      "Pour protéger votre vie privée, le message n'est pas recopié dans ce courriel.",
      "",
      "Socle, le réseau pour l'emploi",
    ].join("\n"),
  };
}
export const newMessageSms = (url: string) =>
  `Socle : vous avez reçu un nouveau message de votre conseiller·ère. Lisez-le dans votre espace : ${url}`;

/** Enqueues the notification of the current unread streak (a no-op if it was already enqueued). */
export async function notifyPersonOfNewMessage(
  tx: Db,
  deps: { clock: Clock; ids: Ids; config: Config },
  personId: string,
): Promise<{ channel: "EMAIL" | "SMS" | null; created: boolean }> {
  const person = await conversationsRepository.person(tx, personId);
  const oldest = await conversationsRepository.oldestUnreadForPerson(tx, personId);
  if (!person || !oldest) return { channel: null, created: false };
  const url = `${deps.config.publicUrl}${MY_MESSAGES_PATH}`;
  const common = {
    key: notificationKey(personId, oldest.id),
    personId,
    relatedKind: RELATED_KIND,
    relatedId: oldest.id,
  };
  if (person.email) {
    const m = newMessageEmail(person.firstNames, url);
    const r = await enqueueMessage(tx, deps, { ...common, channel: "EMAIL", to: person.email, ...m });
    return { channel: "EMAIL", created: r.created };
  }
  if (person.phone) {
    const r = await enqueueMessage(tx, deps, {
      ...common,
      key: `${common.key}:sms`,
      channel: "SMS",
      to: person.phone,
      subject: "",
      text: newMessageSms(url),
    });
    return { channel: "SMS", created: r.created };
  }
  // neither e-mail nor phone: the person sees the unread count in their space (PS-34: not a legal notice)
  return { channel: null, created: false };
}
