// The orientation error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";
import { type Organisme, organismeLabels } from "./orientation.schema";

export const orientationErrors = {
  notFound: (orientationId: string) =>
    new NotFoundError("orientation.not_found", "Cette orientation est introuvable.", { orientationId }),
  versionConflict: (orientationId: string, currentVersion: number) =>
    new ConflictError(
      "orientation.version_conflict",
      "Cette orientation a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez-la pour voir ses modifications, puis refaites la vôtre.",
      { orientationId, currentVersion },
    ),
  criteriaIncomplete: (orientationId: string) =>
    new ConflictError(
      "orientation.criteria_incomplete",
      "La proposition est indéterminée (IND) car des critères manquent : complétez les critères d'orientation avant de décider.",
      { orientationId },
    ),
  undeterminedCannotBeAccepted: (orientationId: string) =>
    new ConflictError(
      "orientation.undetermined_cannot_be_accepted",
      "Une proposition indéterminée (IND) ne peut pas être validée telle quelle : vérifiez les critères ou choisissez une orientation.",
      { orientationId },
    ),
  sameAsRecommendation: () =>
    new ValidationError(
      "orientation.same_as_recommendation",
      "L'orientation choisie est celle de la proposition : utilisez « Valider l'orientation ».",
    ),
  structureNotFound: (structureId: string) =>
    new NotFoundError(
      "orientation.structure_not_found",
      "Cette structure d'accompagnement est introuvable.",
      {
        structureId,
      },
    ),
  structureMismatch: (organisme: Organisme, structureId: string) =>
    new ValidationError(
      "orientation.structure_mismatch",
      `La structure choisie n'appartient pas à l'organisme retenu (${organismeLabels[organisme]}) ou n'est pas dans le département.`,
      { organisme, structureId },
    ),
  noRuleSet: (departement: string) =>
    new ConflictError(
      "orientation.no_rule_set",
      "Aucun référentiel d'orientation n'est publié pour ce département : la proposition ne peut pas être calculée.",
      { departement },
    ),
  letterNotFound: (orientationId: string) =>
    new NotFoundError(
      "orientation.letter_not_found",
      "Aucun courrier n'a encore été émis pour cette orientation.",
      {
        orientationId,
      },
    ),
  reorientationNotFound: (requestId: string) =>
    new NotFoundError(
      "orientation.reorientation_not_found",
      "Cette demande de réorientation est introuvable.",
      {
        requestId,
      },
    ),
  reorientationAlreadyPending: (personId: string) =>
    new ConflictError(
      "orientation.reorientation_already_pending",
      "Une demande de réorientation est déjà en attente d'examen pour cette personne.",
      { personId },
    ),
  reorientationAlreadyDecided: (requestId: string) =>
    new ConflictError(
      "orientation.reorientation_already_decided",
      "Cette demande de réorientation a déjà été examinée.",
      {
        requestId,
      },
    ),
  reorientationVersionConflict: (requestId: string, currentVersion: number) =>
    new ConflictError(
      "orientation.reorientation_version_conflict",
      "Cette demande a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez-la.",
      { requestId, currentVersion },
    ),
  notPending: (orientationId: string) =>
    new ConflictError(
      "orientation.not_pending",
      "Les critères ne peuvent plus être modifiés : cette orientation a déjà été décidée.",
      { orientationId },
    ),
  notDecided: (orientationId: string) =>
    new ConflictError(
      "orientation.not_decided",
      "Une réorientation ne peut être demandée que pour une orientation décidée et en vigueur.",
      { orientationId },
    ),
  orientationAlreadyPending: (personId: string) =>
    new ConflictError(
      "orientation.already_pending",
      "Une orientation est déjà en cours de décision pour cette personne.",
      { personId },
    ),
};
