// The follow-up error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";

export const followUpErrors = {
  personNotFound: (personId: string) =>
    new NotFoundError("follow_up.person_not_found", "Ce dossier est introuvable.", { personId }),
  noOpenPathway: (personId: string) =>
    new ConflictError(
      "follow_up.no_open_pathway",
      "Cette personne n'a pas de parcours en cours : il n'y a pas de sortie à enregistrer.",
      { personId },
    ),
  versionConflict: (parcoursId: string, currentVersion: number) =>
    new ConflictError(
      "follow_up.version_conflict",
      "Le parcours a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page, vérifiez la situation, puis recommencez.",
      { parcoursId, currentVersion },
    ),
  invalidDate: (field: string, message: string) =>
    Object.assign(new ValidationError("follow_up.invalid_date", message), {
      issues: [{ path: field, message }],
    }),
  outcomeOnlyForCorde: () =>
    Object.assign(
      new ValidationError(
        "follow_up.outcome_only_for_corde",
        "L'issue ne se renseigne que pour une corde de rappel.",
      ),
      { issues: [{ path: "outcome", message: "L'issue ne se renseigne que pour une corde de rappel." }] },
    ),
  noJobDifficulty: (personId: string) =>
    new ConflictError(
      "follow_up.no_job_difficulty",
      "Aucune difficulté signalée dans l'emploi n'attend de réponse pour cette personne : elle a peut-être déjà été traitée. Rechargez la page.",
      { personId },
    ),
  noJobFollowUp: () =>
    new NotFoundError(
      "follow_up.no_job_follow_up",
      "Aucun suivi dans l'emploi n'est en cours pour vous : si vous avez repris un emploi, signalez-le à votre référent·e.",
    ),
};
