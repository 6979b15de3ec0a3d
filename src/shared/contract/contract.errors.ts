// The contract error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";

export const contractErrors = {
  notFound: (id: string) =>
    new NotFoundError("contract.not_found", "Ce contrat d'engagement est introuvable.", { contractId: id }),
  versionNotFound: (contractId: string, numero: number) =>
    new NotFoundError(
      "contract.version_not_found",
      "Cette version du contrat d'engagement est introuvable.",
      {
        contractId,
        numero,
      },
    ),
  alreadyExists: (personId: string) =>
    new ConflictError(
      "contract.already_exists",
      "Cette personne a déjà un contrat d'engagement : ouvrez-le pour le modifier ou en créer une nouvelle version.",
      { personId },
    ),
  versionConflict: (id: string, currentVersion: number) =>
    new ConflictError(
      "contract.version_conflict",
      "Ce contrat a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page pour voir la dernière version, puis refaites votre modification.",
      { contractId: id, currentVersion },
    ),
  notEditable: (id: string) =>
    new ConflictError(
      "contract.not_editable",
      "Seule la version à signer peut être modifiée : une version signée ou refusée reste telle quelle. Créez une nouvelle version.",
      { contractId: id },
    ),
  acknowledgementRequired: () =>
    new ValidationError(
      "contract.acknowledgement_required",
      "Pour enregistrer une signature en présence de la personne, cochez qu'elle a reçu et accepté le contrat.",
    ),
};
