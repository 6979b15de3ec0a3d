// The reference-data error catalogue: stable codes, French messages, identifiers only in details.
import { NotFoundError } from "../kernel/errors";
import type { TerritoryLevel } from "./reference-data.schema";

export const referenceDataErrors = {
  territoryNotFound: (level: TerritoryLevel, code: string) =>
    new NotFoundError(
      "reference.territory_not_found",
      "Ce territoire n'existe pas dans le référentiel géographique chargé.",
      { level, code },
    ),
  zoneNotInDepartement: (zoneEmploi: string, departement: string) =>
    new NotFoundError(
      "reference.zone_not_in_departement",
      "Cette zone d'emploi n'a aucune commune dans ce département.",
      { zoneEmploi, departement },
    ),
};
