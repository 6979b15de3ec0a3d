// The orientation rules engine (parcours.md §3.2, PS-22, PS-23): pure. Rule sets are versioned data
// (national, and one per département derived from it), stored in `orientation_rule_sets`. Local rules are
// evaluated first, then national ones; the first rule whose condition holds gives the recommendation.
// Missing mandatory criteria give `IND` (undetermined). The engine only proposes: a named professional
// decides.
import { z } from "zod";
import type { LocalDate } from "../kernel/dates";
import {
  type CriterionKey,
  criterionKeys,
  criterionLabels,
  describeCriterion,
  missingCriteria,
  type OrientationCriteria,
} from "./orientation.criteria";
import {
  organismeLabels,
  organismeSchema,
  parcoursTypeLabels,
  parcoursTypeSchema,
  type Recommendation,
} from "./orientation.schema";

export type Condition =
  | { field: CriterionKey; equals: string | number | boolean }
  | { field: CriterionKey; in: (string | number)[] }
  | { ageUnder: number }
  | { ageAtLeast: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { atLeast: number; of: Condition[] }
  /** an exclusion: it never counts among the criteria that made a rule fire */
  | { not: Condition };

const fieldSchema = z.enum(criterionKeys as [CriterionKey, ...CriterionKey[]]);
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldSchema, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: fieldSchema, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ ageUnder: z.number().int().positive() }),
    z.strictObject({ ageAtLeast: z.number().int().positive() }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ atLeast: z.number().int().positive(), of: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const ruleSchema = z.object({
  id: z.string().regex(/^[A-Z0-9]+-[0-9]{2}$/),
  /** French, published to professionals and persons */
  label: z.string().min(1),
  condition: conditionSchema,
  result: z.object({ parcours: parcoursTypeSchema, organisme: organismeSchema }),
  /** criteria named in the explanation when the condition itself names none (a default rule) */
  cite: z.array(fieldSchema).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z.object({
  /** null: the national référentiel */
  departement: z.string().nullable(),
  version: z.string().min(1),
  label: z.string().min(1),
  effectiveFrom: z.string(),
  rules: z.array(ruleSchema),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** A stored rule set with its publication (an unpublished set is a draft and never applies). */
export type StoredRuleSet = RuleSet & { publishedAt: Date | string | null };

export type ApplicableRuleSets = { national: RuleSet | undefined; local: RuleSet | undefined };

/** The rule sets in force on `today` for a département: the latest published one of each layer. */
export function selectRuleSets<S extends StoredRuleSet>(
  all: S[],
  departement: string,
  today: LocalDate,
): { national: S | undefined; local: S | undefined } {
  const latest = (dep: string | null) =>
    all
      .filter((s) => s.departement === dep && s.publishedAt !== null && s.effectiveFrom <= today)
      .sort((a, b) =>
        a.effectiveFrom === b.effectiveFrom
          ? cmp(a.version, b.version)
          : cmp(a.effectiveFrom, b.effectiveFrom),
      )
      .at(-1);
  return { national: latest(null), local: latest(departement) };
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "FR-2026.1 / 80-2026.1": the versions the recommendation was computed with. */
export function versionReferentiel(sets: ApplicableRuleSets): string | null {
  if (!sets.national) return null;
  return [
    `FR-${sets.national.version}`,
    sets.local ? `${sets.local.departement}-${sets.local.version}` : null,
  ]
    .filter(Boolean)
    .join(" / ");
}

/** Completed years on `today` (a person born on 29 February has their birthday on 1 March). */
export function ageOn(birthDate: LocalDate, today: LocalDate): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

type Reason = { critere: string; libelle: string };
type Outcome = { matched: boolean; reasons: Reason[] };

function evaluate(cond: Condition, c: OrientationCriteria, today: LocalDate): Outcome {
  if ("field" in cond) {
    const v = c[cond.field];
    const matched =
      v !== undefined &&
      ("equals" in cond ? v === cond.equals : (cond.in as unknown[]).includes(v as unknown));
    return {
      matched,
      reasons: matched ? [{ critere: cond.field, libelle: describeCriterion(cond.field, c) }] : [],
    };
  }
  if ("ageUnder" in cond || "ageAtLeast" in cond) {
    if (!c.date_naissance) return { matched: false, reasons: [] };
    const age = ageOn(c.date_naissance, today);
    const matched = "ageUnder" in cond ? age < cond.ageUnder : age >= cond.ageAtLeast;
    const bound = "ageUnder" in cond ? `moins de ${cond.ageUnder} ans` : `${cond.ageAtLeast} ans ou plus`;
    return {
      matched,
      reasons: matched ? [{ critere: "date_naissance", libelle: `Âge : ${age} ans (${bound})` }] : [],
    };
  }
  if ("all" in cond) {
    const outs = cond.all.map((x) => evaluate(x, c, today));
    const matched = outs.every((o) => o.matched);
    return { matched, reasons: matched ? outs.flatMap((o) => o.reasons) : [] };
  }
  if ("any" in cond) {
    const outs = cond.any.map((x) => evaluate(x, c, today)).filter((o) => o.matched);
    return { matched: outs.length > 0, reasons: outs.flatMap((o) => o.reasons) };
  }
  if ("atLeast" in cond) {
    const outs = cond.of.map((x) => evaluate(x, c, today)).filter((o) => o.matched);
    const matched = outs.length >= cond.atLeast;
    return { matched, reasons: matched ? outs.flatMap((o) => o.reasons) : [] };
  }
  return { matched: !evaluate(cond.not, c, today).matched, reasons: [] };
}

function dedupe(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    if (seen.has(r.libelle)) return false;
    seen.add(r.libelle);
    return true;
  });
}

/** The rule sets' own description: "référentiel national 2026.1". */
const setName = (s: RuleSet) =>
  s.departement
    ? `référentiel départemental (${s.departement}) ${s.version}`
    : `référentiel national ${s.version}`;

/**
 * The recommendation for a set of criteria on `today` (the age is computed on that day). Total and
 * deterministic: complete criteria always give exactly one organisme and parcours (the national rule set
 * ends with a default rule); incomplete criteria give `IND` with the missing criteria.
 */
export function recommendOrientation(
  c: OrientationCriteria,
  sets: ApplicableRuleSets,
  today: LocalDate,
): Recommendation {
  const version = versionReferentiel(sets);
  const missing = missingCriteria(c);
  if (missing.length > 0) {
    return {
      organisme: "IND",
      parcours: null,
      regleIds: [],
      versionReferentiel: version,
      explication: `Proposition indéterminée : ${missing.length === 1 ? "il manque un critère" : `il manque ${missing.length} critères`} (${missing.map((k) => criterionLabels[k].toLowerCase()).join(", ")}). Complétez-les pour obtenir une proposition.`,
      criteresDeterminants: [],
      criteresManquants: missing,
    };
  }
  const layers = [sets.local, sets.national].filter((s): s is RuleSet => s !== undefined);
  for (const set of layers) {
    for (const rule of set.rules) {
      const out = evaluate(rule.condition, c, today);
      if (!out.matched) continue;
      const cited = (rule.cite ?? []).map((k) => ({ critere: k, libelle: describeCriterion(k, c) }));
      const reasons = dedupe([...out.reasons, ...cited]);
      const proposal = `${parcoursTypeLabels[rule.result.parcours]}, ${organismeLabels[rule.result.organisme]}`;
      return {
        organisme: rule.result.organisme,
        parcours: rule.result.parcours,
        regleIds: [rule.id],
        versionReferentiel: version,
        explication: `Proposition : ${proposal}. Règle ${rule.id} du ${setName(set)}, « ${rule.label} », appliquée parce que : ${reasons.map((r) => r.libelle.charAt(0).toLowerCase() + r.libelle.slice(1)).join(" ; ")}.`,
        criteresDeterminants: reasons,
        criteresManquants: [],
      };
    }
  }
  return {
    organisme: "IND",
    parcours: null,
    regleIds: [],
    versionReferentiel: version,
    explication:
      version === null
        ? "Proposition indéterminée : aucun référentiel d'orientation n'est publié pour ce département."
        : "Proposition indéterminée : aucune règle du référentiel ne s'applique à cette situation.",
    criteresDeterminants: [],
    criteresManquants: [],
  };
}

/** Every criterion key and code a rule set refers to must exist: checked by a test on the published data. */
export function conditionFields(
  cond: Condition,
): { field: CriterionKey; values: (string | number | boolean)[] }[] {
  if ("field" in cond) return [{ field: cond.field, values: "equals" in cond ? [cond.equals] : cond.in }];
  if ("all" in cond) return cond.all.flatMap(conditionFields);
  if ("any" in cond) return cond.any.flatMap(conditionFields);
  if ("atLeast" in cond) return cond.of.flatMap(conditionFields);
  if ("not" in cond) return conditionFields(cond.not);
  return [];
}
