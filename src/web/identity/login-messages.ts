// Messages shown on /connexion after a login attempt, keyed by the `erreur` query parameter that the
// server's login callback puts in its redirect (/connexion?erreur=compte_inconnu).
import type { AlertProps } from "@codegouvfr/react-dsfr/Alert";

export type LoginMessage = { severity: AlertProps.Severity; title: string; description: string };

export const loginMessages: Record<string, LoginMessage> = {
  compte_inconnu: {
    severity: "error",
    title: "Aucun compte Socle ne correspond à votre identité",
    description:
      "Vous êtes professionnel : demandez à l'administrateur·rice de votre structure d'ouvrir votre compte dans Socle. Vous êtes accompagné·e : votre dossier n'est pas encore dans Socle ; adressez-vous à votre conseiller·ère.",
  },
  compte_desactive: {
    severity: "error",
    title: "Votre compte est désactivé",
    description: "Contactez l'administrateur·rice de votre structure pour le réactiver.",
  },
  session_expiree: {
    severity: "info",
    title: "Votre session a expiré",
    description:
      "Pour protéger les données, vous avez été déconnecté·e après une période d'inactivité. Connectez-vous à nouveau.",
  },
  connexion_annulee: {
    severity: "info",
    title: "Connexion annulée",
    description: "Vous avez annulé la connexion. Vous pouvez réessayer quand vous le souhaitez.",
  },
  connexion_echouee: {
    severity: "error",
    title: "La connexion n'a pas abouti",
    description:
      "Le service d'identification n'a pas répondu correctement. Réessayez dans quelques instants.",
  },
  deconnecte: {
    severity: "success",
    title: "Vous êtes déconnecté·e",
    description: "À bientôt sur Socle.",
  },
};

export const unknownLoginError: LoginMessage = {
  severity: "error",
  title: "La connexion n'a pas abouti",
  description: "Réessayez. Si le problème continue, contactez l'assistance de votre structure.",
};
