// The diagnostic error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError } from "../kernel/errors";

export const diagnosticErrors = {
  personNotFound: (personId: string) =>
    new NotFoundError("diagnostic.person_not_found", "Cette personne est introuvable.", { personId }),
  notStarted: (personId: string) =>
    new NotFoundError(
      "diagnostic.not_started",
      "Aucun diagnostic n'a encore été commencé pour cette personne.",
      { personId },
    ),
  alreadyStarted: (diagnosticId: string) =>
    new ConflictError(
      "diagnostic.already_started",
      "Le diagnostic de cette personne est déjà commencé : ouvrez-le pour le mettre à jour.",
      { diagnosticId },
    ),
  versionNotFound: (diagnosticId: string, numero: number) =>
    new NotFoundError("diagnostic.version_not_found", `La version ${numero} de ce diagnostic n'existe pas.`, {
      diagnosticId,
      numero,
    }),
  versionConflict: (diagnosticId: string, currentVersion: number) =>
    new ConflictError(
      "diagnostic.version_conflict",
      "Ce diagnostic a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page pour voir la dernière version.",
      { diagnosticId, currentVersion },
    ),
};
