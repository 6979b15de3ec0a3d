// The dossier partagé error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError, SocleError, ValidationError } from "../kernel/errors";

/** 413: the document is larger than the configured limit. */
export class PayloadTooLargeError extends SocleError {
  override readonly status = 413;
}
/** 415: the document's content is not an accepted type. */
export class UnsupportedMediaTypeError extends SocleError {
  override readonly status = 415;
}

/** « 5 Mo », « 1,5 Mo », « 4 Ko »: the limit as a person reads it. */
export const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} Ko`
    : `${(bytes / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

export const sharedFileErrors = {
  personNotFound: (personId: string) =>
    new NotFoundError("shared_file.person_not_found", "Ce dossier est introuvable.", { personId }),
  noteNotFound: (noteId: string) =>
    new NotFoundError("shared_file.note_not_found", "Cette note est introuvable.", { noteId }),
  documentNotFound: (documentId: string) =>
    new NotFoundError("shared_file.document_not_found", "Ce document est introuvable.", { documentId }),
  memberNotFound: (followUpId: string) =>
    new NotFoundError(
      "shared_file.member_not_found",
      "Ce membre ne fait pas (ou plus) partie du groupe de suivi.",
      { followUpId },
    ),
  structureNotFound: (structureId: string) =>
    new ValidationError("shared_file.structure_not_found", "Cette structure est introuvable.", {
      structureId,
    }),
  professionalNotInStructure: (professionalId: string) =>
    new ValidationError(
      "shared_file.professional_not_in_structure",
      "Ce ou cette professionnel·le ne fait pas partie de la structure choisie, ou son compte est désactivé.",
      { professionalId },
    ),
  alreadyMember: () =>
    new ConflictError(
      "shared_file.already_member",
      "Ce membre fait déjà partie du groupe de suivi. Pour changer son rôle, retirez-le puis ajoutez-le à nouveau.",
    ),
  referentNotRemovable: () =>
    new ConflictError(
      "shared_file.referent_not_removable",
      "Le ou la référent·e ne se retire pas depuis le groupe de suivi : le changement de référent passe par l'orientation.",
    ),
  alreadyCorrected: (noteId: string) =>
    new ConflictError(
      "shared_file.note_already_corrected",
      "Cette note a déjà été corrigée : corrigez plutôt la note de correction.",
      { noteId },
    ),
  correctionVisibility: () =>
    new ValidationError(
      "shared_file.correction_visibility",
      "Une note de correction garde la visibilité de la note qu'elle corrige.",
    ),
  notTheAuthor: () =>
    new ValidationError(
      "shared_file.correction_not_author",
      "Seul l'auteur ou l'autrice d'une note peut la corriger. Vous pouvez ajouter votre propre note.",
    ),
  fileMissing: () =>
    new ValidationError(
      "shared_file.document_missing",
      "Choisissez le fichier à déposer (PDF, JPEG ou PNG).",
    ),
  tooLarge: (maxBytes: number) =>
    new PayloadTooLargeError(
      "shared_file.document_too_large",
      `Le fichier dépasse la taille maximale de ${formatSize(maxBytes)}. Réduisez sa taille (par exemple en le numérisant en noir et blanc) puis réessayez.`,
      { maxBytes },
    ),
  notAcceptedType: (filename: string, claimed: "pdf" | "jpeg" | "png" | null) =>
    new UnsupportedMediaTypeError(
      "shared_file.document_type_refused",
      claimed
        ? `Le fichier « ${filename} » n'est pas un vrai ${claimed === "pdf" ? "PDF" : claimed.toUpperCase()} : son contenu ne correspond pas à son extension. Enregistrez-le à nouveau au format ${claimed === "pdf" ? "PDF" : claimed.toUpperCase()}, puis réessayez. Formats acceptés : PDF, JPEG, PNG.`
        : `Le fichier « ${filename} » n'est pas dans un format accepté. Formats acceptés : PDF, JPEG, PNG.`,
      { filename },
    ),
  invalidCursor: () =>
    new ValidationError(
      "shared_file.invalid_cursor",
      "Cette page du fil du dossier n'existe pas. Rechargez le fil depuis le début.",
    ),
  notMultipart: () =>
    new ValidationError(
      "shared_file.not_multipart",
      "Le document doit être envoyé comme un formulaire avec fichier (multipart/form-data).",
    ),
};
