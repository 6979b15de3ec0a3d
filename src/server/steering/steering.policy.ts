// Who sees which steering figures (pilotage.md §1.2, audience « Institution »): exact aggregates for the
// territory of competence and below, never names. The role `pilotage` sees its scope (national, a région
// and its départements and zones d'emploi, or a département and its zones d'emploi); a `manager_territorial`
// the same within their scope (their structure's département when none is set). A zone d'emploi that
// straddles the scope is cut to the scope's part (`within`), so no figure leaves the territory of competence.
// `socle export indicators` (channel cli) runs with the operator's database access: national scope.
import type { TerritoryLevel } from "../../shared/steering/steering.schema";
import type { Actor } from "../kernel/access";

export type SteeringScope = { level: "national" | "region" | "departement"; code: string | null };
export type SteeringTerritory = {
  niveau: TerritoryLevel;
  code: string | null;
  /** the départements and régions the territory spans (empty for national) */
  departements: readonly string[];
  regions: readonly string[];
};

export function steeringScopeOf(a: Actor): SteeringScope | undefined {
  // the command line runs on the server with the operator's database access: the whole country
  if (a.kind === "system") return a.channel === "cli" ? { level: "national", code: null } : undefined;
  if (a.kind !== "professional") return undefined;
  if (!a.roles.includes("pilotage") && !a.roles.includes("manager_territorial")) return undefined;
  if (a.scope && (a.scope.level === "national" || a.scope.code)) return a.scope;
  return { level: "departement", code: a.departement };
}

export const steeringPolicy = {
  view(a: Actor, t: SteeringTerritory): boolean {
    const s = steeringScopeOf(a);
    if (!s) return false;
    if (s.level === "national") return true;
    if (t.niveau === "national") return false;
    if (s.level === "region") {
      if (t.niveau === "region") return t.code === s.code;
      return t.regions.includes(s.code!);
    }
    if (t.niveau === "region") return false;
    if (t.niveau === "departement") return t.code === s.code;
    return t.departements.includes(s.code!);
  },
  /** The part of a straddling zone d'emploi inside the actor's scope. */
  within(a: Actor, t: SteeringTerritory): { departement?: string; region?: string } | undefined {
    const s = steeringScopeOf(a);
    if (!s || s.level === "national" || t.niveau !== "zone_emploi") return undefined;
    return s.level === "region" ? { region: s.code! } : { departement: s.code! };
  },
};
