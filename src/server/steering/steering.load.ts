// The steering report an actor may see, shared by the view and the export use cases: period and territory
// checked, access checked (403, recorded), figures computed. Use cases do not call each other.
import type { LocalDate } from "../../shared/kernel/dates";
import { steeringErrors } from "../../shared/steering/steering.errors";
import { monthSpan } from "../../shared/steering/steering.periods";
import type { IndicatorsQuery, IndicatorsReport } from "../../shared/steering/steering.schema";
import type { Db } from "../db/connect";
import { AccessDenied, type Actor, assertCan } from "../kernel/access";
import { computeIndicators } from "./steering.indicators";
import { steeringPolicy, steeringScopeOf } from "./steering.policy";
import { steeringRepository } from "./steering.repository";

const MAX_MONTHS = 60;

export async function loadSteeringReport(
  tx: Db,
  actor: Actor,
  q: IndicatorsQuery,
  today: LocalDate,
  action: string,
): Promise<IndicatorsReport> {
  const subject = { section: "pilotage", purpose: "follow" as const };
  // who may see steering figures at all (403) before what is wrong with the request
  if (!steeringScopeOf(actor)) throw new AccessDenied(action, subject);
  const code = q.niveau === "national" ? null : (q.code ?? null);
  if (q.niveau !== "national" && code === null) throw steeringErrors.codeRequired(q.niveau);
  const span = monthSpan(q.de, q.a);
  if (span < 1 || span > MAX_MONTHS) throw steeringErrors.invalidRange(q.de, q.a);
  const territory = await steeringRepository.territory(tx, q.niveau, code);
  if (!territory) throw steeringErrors.territoryNotFound(q.niveau, code);
  const scoped = { niveau: q.niveau, code, ...territory };
  assertCan(steeringPolicy.view(actor, scoped), action, subject);
  return computeIndicators(tx, {
    territory: { niveau: q.niveau, code, nom: territory.nom, within: steeringPolicy.within(actor, scoped) },
    de: q.de,
    a: q.a,
    granularite: q.granularite,
    ventilation: q.ventilation,
    today,
  });
}
