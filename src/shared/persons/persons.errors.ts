import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";

export const personsErrors = {
  notFound: (personId: string) =>
    new NotFoundError("persons.not_found", "Cette personne est introuvable.", { personId }),
  versionConflict: (personId: string, currentVersion: number) =>
    new ConflictError(
      "persons.version_conflict",
      "Ce dossier a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez-le pour voir ses modifications, puis refaites la vôtre.",
      { personId, currentVersion },
    ),
  alreadyMerged: (personId: string) =>
    new ConflictError("persons.already_merged", "Ce dossier a déjà été fusionné avec un autre.", {
      personId,
    }),
  selfMerge: () =>
    new ValidationError("persons.self_merge", "Un dossier ne peut pas être fusionné avec lui-même."),
  mergeNotFound: (mergeId: string) =>
    new NotFoundError("persons.merge_not_found", "Cette fusion est introuvable ou a déjà été annulée.", {
      mergeId,
    }),
  duplicateIdentifier: (field: string) =>
    new ConflictError(
      "persons.duplicate_identifier",
      "Une autre personne porte déjà cet identifiant (NIR, numéro France Travail ou matricule CAF/MSA) : utilisez la fusion de doublons.",
      { field },
    ),
};
