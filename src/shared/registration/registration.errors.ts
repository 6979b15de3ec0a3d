import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";
import type { RegistrationIssue } from "./registration.schema";

export const registrationErrors = {
  notFound: (registrationId: string) =>
    new NotFoundError("registration.not_found", "Cette inscription est introuvable.", { registrationId }),
  versionConflict: (registrationId: string, currentVersion: number) =>
    new ConflictError(
      "registration.version_conflict",
      "Cette inscription a été modifiée entre-temps (dans un autre onglet ou par une autre personne). Rechargez-la pour voir la dernière version : vos saisies restent affichées pour que vous puissiez les enregistrer à nouveau.",
      { registrationId, currentVersion },
    ),
  alreadySubmitted: (registrationId: string) =>
    new ConflictError(
      "registration.already_submitted",
      "Cette inscription a déjà été envoyée : elle ne peut plus être modifiée.",
      { registrationId },
    ),
  alreadyRegistered: (personId: string) =>
    new ConflictError(
      "registration.already_registered",
      "Cette personne est déjà inscrite et son parcours est ouvert : une nouvelle inscription n'est pas nécessaire.",
      { personId },
    ),
  incomplete: (issues: RegistrationIssue[]) =>
    Object.assign(
      new ValidationError(
        "registration.incomplete",
        "L'inscription n'est pas complète : complétez ou confirmez les informations signalées, puis envoyez-la à nouveau.",
      ),
      { issues },
    ),
  /** `reason`: the identity matching's French sentence (which identifier, which fact differs) */
  identityConflict: (reason: string) =>
    new ConflictError(
      "registration.identity_conflict",
      `${reason} Vérifiez ces informations ; si elles sont exactes, un·e chargé·e d'orientation doit examiner le dossier existant avant l'inscription.`,
    ),
  nirTaken: () =>
    new ConflictError(
      "registration.nir_taken",
      "Ce NIR est déjà celui d'un autre dossier. Vérifiez-le : s'il est exact, l'inscription sera envoyée sans ce NIR et les deux dossiers seront signalés pour examen.",
    ),
  linkNotAllowed: (personId: string) =>
    new ValidationError(
      "registration.link_not_allowed",
      "Ce dossier ne fait pas partie des doublons possibles de cette inscription, ou vous ne pouvez pas le modifier : choisissez « créer un nouveau dossier », il sera signalé pour examen.",
      { personId },
    ),
  channelNotAllowed: () =>
    new ValidationError(
      "registration.channel_not_allowed",
      "Une personne s'inscrit elle-même en ligne ; seul·e un·e professionnel·le choisit le guichet ou l'entretien.",
    ),
  duplicateReviewNotFound: (workItemId: string) =>
    new NotFoundError(
      "registration.duplicate_review_not_found",
      "Ce doublon possible est introuvable ou a déjà été examiné.",
      { workItemId },
    ),
  mergeNotDone: () =>
    new ConflictError(
      "registration.merge_not_done",
      "Les deux dossiers n'ont pas été fusionnés : fusionnez-les d'abord, ou indiquez qu'il s'agit de deux personnes différentes.",
    ),
};
