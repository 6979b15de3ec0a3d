// The « suivi dans l'emploi » message (parcours.md §8.2): a short question and the link to the personal
// space where the person answers. It names the sender and the reason, carries no personal data besides
// the first names, and says that answering is optional.
import type { JobSlot } from "../../shared/follow-up/follow-up.schema";

const when: Record<JobSlot, string> = {
  "1s": "Vous avez commencé votre emploi il y a une semaine.",
  "1m": "Vous avez commencé votre emploi il y a un mois.",
  "3m": "Vous avez commencé votre emploi il y a trois mois.",
};

export function jobFollowUpMessage(d: {
  firstNames: string;
  slot: JobSlot;
  url: string;
  channel: "EMAIL" | "SMS";
}): { subject: string; text: string } {
  if (d.channel === "SMS") {
    return {
      subject: "",
      text: `${when[d.slot]} Comment ça se passe ? Répondez en 1 clic : ${d.url} (réseau pour l'emploi, réponse facultative)`,
    };
  }
  return {
    subject: "Comment se passe votre emploi ?",
    text: [
      `Bonjour ${d.firstNames},`,
      "",
      `${when[d.slot]} Votre référent·e souhaite savoir comment cela se passe.`,
      "Répondez en un clic dans votre espace personnel : « Tout va bien », « J'ai une difficulté » ou « Je ne suis plus en poste ».",
      d.url,
      "",
      "Si vous signalez une difficulté, votre référent·e vous recontacte. Répondre est facultatif.",
      "Ce message est envoyé automatiquement par le réseau pour l'emploi : merci de ne pas y répondre.",
    ].join("\n"),
  };
}
