// The steering error catalogue: stable codes, French messages, identifiers only in details.
import { NotFoundError, ValidationError } from "../kernel/errors";

export const steeringErrors = {
  territoryNotFound: (niveau: string, code: string | null) =>
    new NotFoundError(
      "steering.territory_not_found",
      "Ce territoire est inconnu du référentiel géographique.",
      {
        niveau,
        code,
      },
    ),
  codeRequired: (niveau: string) =>
    new ValidationError(
      "steering.code_required",
      "Indiquez le code du territoire (zone d'emploi, département ou région).",
      { niveau },
    ),
  invalidRange: (de: string, a: string) =>
    new ValidationError(
      "steering.invalid_range",
      "La période demandée est invalide : le mois de fin doit suivre le mois de début, sur 60 mois au plus.",
      { de, a },
    ),
};
