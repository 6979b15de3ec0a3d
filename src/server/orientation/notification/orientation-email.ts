// The e-mail that tells the person their orientation was decided. It names the structure (what the
// notification must say, parcours.md §3.3) and points to the letter in the person's space; it carries
// neither the criteria nor the letter itself (health or housing difficulties have no place in an e-mail).
import {
  type Organisme,
  organismeLabels,
  type ParcoursType,
  parcoursTypeLabels,
} from "../../../shared/orientation/orientation.schema";

export function orientationEmail(d: {
  firstNames: string;
  lastName: string;
  issuerName: string;
  parcours: ParcoursType;
  organisme: Organisme;
  structureName: string | null;
  spaceUrl: string;
}): { subject: string; text: string } {
  const target = d.structureName
    ? `${d.structureName} (${organismeLabels[d.organisme]})`
    : organismeLabels[d.organisme];
  return {
    subject: "Votre orientation vers un accompagnement pour l'emploi",
    text: [
      `Bonjour ${d.firstNames} ${d.lastName.toUpperCase()},`,
      "",
      `${d.issuerName} a décidé de votre orientation dans votre parcours d'accompagnement vers l'emploi (revenu de solidarité active).`,
      "",
      `Vous êtes orienté·e vers : ${target}, ${parcoursTypeLabels[d.parcours].toLowerCase()}.`,
      "Cette structure va vous contacter pour fixer un premier rendez-vous.",
      "",
      "Le courrier de décision explique comment cette orientation a été décidée et comment demander qu'elle soit réexaminée. Il est dans votre espace personnel :",
      d.spaceUrl,
      "",
      "Ce message est envoyé automatiquement : merci de ne pas y répondre.",
    ].join("\n"),
  };
}
