import { referenceDataErrors } from "../../../shared/reference-data/reference-data.errors";
import {
  type TerritoryRef,
  type TerritoryView,
  territoryQuerySchema,
} from "../../../shared/reference-data/reference-data.schema";
import { useCase } from "../../kernel/use-case";
import { referenceDataRepository as repo } from "../reference-data.repository";

const NATIONAL: TerritoryRef = { level: "national", code: null, name: "France" };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");
// INSEE département codes sort as strings: 01 … 29, 2A, 2B, 30 … 95, 971 … 976
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * A territory with its breadcrumb and its children, for the steering drill-down. Reference data is
 * public and holds no personal data: any signed-in actor may read it, nothing is audited.
 *
 * A zone d'emploi 2020 can straddle départements (the Somme's zone 3220 reaches into the Aisne). The
 * children of a département are the zones with at least one of its communes; the parent of a zone is
 * the département it was reached from (`departement`), else the one holding most of its communes.
 * Sorting is done here, not in SQL, so both engines give the same order whatever their collation.
 */
export const getTerritory = useCase("GetTerritory", territoryQuerySchema, async ({ tx, input }) => {
  const ref = (level: TerritoryRef["level"], t: { code: string; name: string }): TerritoryRef => ({
    level,
    code: t.code,
    name: t.name,
  });

  if (input.niveau === "national") {
    const regions = await repo.regions(tx);
    return view(
      NATIONAL,
      [],
      regions.sort(byName).map((r) => ref("region", r)),
    );
  }
  const code = input.code ?? "";

  if (input.niveau === "region") {
    const region = await repo.region(tx, code);
    if (!region) throw referenceDataErrors.territoryNotFound("region", code);
    const departements = await repo.departementsOfRegion(tx, code);
    return view(
      ref("region", region),
      [NATIONAL],
      departements.sort(byCode).map((d) => ref("departement", d)),
    );
  }

  if (input.niveau === "departement") {
    const departement = await repo.departement(tx, code);
    if (!departement) throw referenceDataErrors.territoryNotFound("departement", code);
    const zones = await repo.zonesEmploiOfDepartement(tx, code);
    return view(
      ref("departement", departement),
      [NATIONAL, ref("region", { code: departement.regionCode, name: departement.regionName })],
      zones.sort(byName).map((z) => ref("zone_emploi", z)),
    );
  }

  const zone = await repo.zoneEmploi(tx, code);
  if (!zone) throw referenceDataErrors.territoryNotFound("zone_emploi", code);
  const departements = await repo.departementsOfZoneEmploi(tx, code);
  const parent = input.departement
    ? departements.find((d) => d.code === input.departement)
    : [...departements].sort((a, b) => b.communeCount - a.communeCount || byCode(a, b))[0];
  if (input.departement && !parent) throw referenceDataErrors.zoneNotInDepartement(code, input.departement);
  const ancestors = parent
    ? [
        NATIONAL,
        ref("region", { code: parent.regionCode, name: parent.regionName }),
        ref("departement", parent),
      ]
    : [NATIONAL];
  return {
    ...view(ref("zone_emploi", zone), ancestors, []),
    departements: departements.map((d) => ({ code: d.code, name: d.name, communeCount: d.communeCount })),
  };
});

function view(territory: TerritoryRef, ancestors: TerritoryRef[], children: TerritoryRef[]): TerritoryView {
  return { ...territory, ancestors, parent: ancestors.at(-1) ?? null, children, departements: [] };
}
