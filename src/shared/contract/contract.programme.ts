// The weekly activity programme of the contract (parcours.md §6.2): at least 15 hours a week of activities
// for those in intensive accompaniment. The target may be lowered for the person's situation (health,
// childcare, disability) only with a reason and the name of who decided. Missing hours never raise a
// sanction by themselves: the totals inform, they do not judge.
import { z } from "zod";
import { activityModules } from "./contract.referentiel";

export const DEFAULT_WEEKLY_TARGET_HOURS = 15;

export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "Semaine attendue au format AAAA-Wnn (ex. 2026-W49)");

export const programmeActivitySchema = z.object({
  code: z.string().refine((c) => activityModules.has(c), "Activité inconnue du référentiel"),
  /** hours planned this week, by quarter hours */
  heuresPrevues: z
    .number()
    .min(0.25, "Au moins un quart d'heure")
    .max(40, "Au plus 40 heures par activité et par semaine")
    .multipleOf(0.25, "Par quarts d'heure (0,25)"),
  heuresRealisees: z.number().min(0).max(60).multipleOf(0.25).optional(),
  /** where the hours come from: a service of the directory, an appointment, or entered by hand */
  source: z.enum(["SERVICE", "RENDEZ_VOUS", "SAISIE"]).default("SAISIE"),
});

export const weeklyProgrammeSchema = z
  .object({
    semaineIso: isoWeekSchema,
    activites: z.array(programmeActivitySchema).max(30),
    cibleHeures: z.number().min(0).max(35).default(DEFAULT_WEEKLY_TARGET_HOURS),
    /** required when the target is lowered below 15 hours */
    cibleReduite: z
      .object({
        motif: z.enum(["SANTE", "GARDE_ENFANTS", "HANDICAP", "AUTRE"]),
        precision: z.string().trim().max(500).optional(),
        decidePar: z.string().trim().min(1, "Indiquez qui a décidé de réduire la cible").max(200),
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.cibleHeures < DEFAULT_WEEKLY_TARGET_HOURS && !p.cibleReduite)
      ctx.addIssue({
        code: "custom",
        path: ["cibleReduite"],
        message: `Une cible inférieure à ${DEFAULT_WEEKLY_TARGET_HOURS} heures demande un motif et le nom de qui l'a décidée.`,
      });
    const seen = new Set<string>();
    p.activites.forEach((a, i) => {
      if (seen.has(a.code))
        ctx.addIssue({
          code: "custom",
          path: ["activites", i, "code"],
          message: "Cette activité figure déjà dans la semaine : modifiez ses heures.",
        });
      seen.add(a.code);
    });
  });
export type WeeklyProgramme = z.infer<typeof weeklyProgrammeSchema>;

export type ProgrammeTotals = {
  /** hours planned in the week */
  planned: number;
  /** hours done, when recorded */
  done: number;
  target: number;
  /** planned hours reach the target */
  targetMet: boolean;
  /** hours still to plan to reach the target (0 when met) */
  missing: number;
  /** hours in structuring actions (a pathway stage) and in accompaniment activities */
  structuring: number;
  accompaniment: number;
};

export function programmeTotals(p: WeeklyProgramme): ProgrammeTotals {
  let planned = 0;
  let done = 0;
  let structuring = 0;
  for (const a of p.activites) {
    planned += a.heuresPrevues;
    done += a.heuresRealisees ?? 0;
    if (activityModules.get(a.code)?.group.kind === "STRUCTURANTE") structuring += a.heuresPrevues;
  }
  const target = p.cibleHeures;
  return {
    planned,
    done,
    target,
    targetMet: planned >= target,
    missing: Math.max(0, target - planned),
    structuring,
    accompaniment: planned - structuring,
  };
}

/** « 15 h », « 12,5 h », « 0 h 15 »: hours as French users read them. */
export function formatHours(h: number): string {
  const whole = Math.floor(h);
  const minutes = Math.round((h - whole) * 60);
  if (minutes === 0) return `${whole} h`;
  return whole === 0
    ? `0 h ${String(minutes).padStart(2, "0")}`
    : `${whole} h ${String(minutes).padStart(2, "0")}`;
}
