import { z } from "zod";

export const romeFicheCodeSchema = z.string().regex(/^[A-N][0-9]{4}$/);

export const searchAppellationsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(2, "Saisissez au moins 2 caractères du métier recherché.")
    .max(100, "La recherche est limitée à 100 caractères."),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchAppellationsQuery = z.input<typeof searchAppellationsQuerySchema>;

/** An appellation (job title) of the ROME, with the fiche métier it belongs to. */
export const appellationViewSchema = z.object({
  codeOgr: z.string(),
  label: z.string(),
  fiche: z.object({ code: romeFicheCodeSchema, label: z.string() }),
});
export type AppellationView = z.infer<typeof appellationViewSchema>;

export const appellationListSchema = z.object({ items: z.array(appellationViewSchema) });
export type AppellationList = z.infer<typeof appellationListSchema>;

/** Which version of each reference dataset (cog, zones-emploi-2020, rome) is loaded. */
export const referenceVersionViewSchema = z.object({
  dataset: z.string(),
  version: z.string(),
  rowCount: z.number().int(),
  loadedAt: z.string(),
});
export type ReferenceVersionView = z.infer<typeof referenceVersionViewSchema>;

export const referenceVersionListSchema = z.object({ items: z.array(referenceVersionViewSchema) });
export type ReferenceVersionList = z.infer<typeof referenceVersionListSchema>;

// Territory hierarchy for steering drill-down: national → régions → départements → zones d'emploi.
export const territoryLevels = ["national", "region", "departement", "zone_emploi"] as const;
export const territoryLevelSchema = z.enum(territoryLevels);
export type TerritoryLevel = z.infer<typeof territoryLevelSchema>;

export const territoryLevelLabels: Record<TerritoryLevel, string> = {
  national: "National",
  region: "Région",
  departement: "Département",
  zone_emploi: "Zone d'emploi",
};

const codeFormats: Record<Exclude<TerritoryLevel, "national">, { pattern: RegExp; message: string }> = {
  region: { pattern: /^[0-9]{2}$/, message: "Un code de région INSEE a 2 chiffres (ex. 32)." },
  departement: {
    pattern: /^([0-9]{2}|2[AB]|97[0-9])$/,
    message: "Un code de département INSEE a 2 caractères (ex. 80, 2A) ou 3 chiffres outre-mer (ex. 974).",
  },
  zone_emploi: { pattern: /^[0-9]{4}$/, message: "Un code de zone d'emploi 2020 a 4 chiffres (ex. 3202)." },
};
const departementCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(codeFormats.departement.pattern, codeFormats.departement.message);

/**
 * `niveau` and `code` name the territory (no code for national). `departement` only applies to a zone
 * d'emploi: the département it is reached from, since a zone can straddle several (breadcrumb parent).
 */
export const territoryQuerySchema = z
  .object({
    niveau: territoryLevelSchema.default("national"),
    code: z.string().trim().toUpperCase().optional(),
    departement: departementCodeSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.niveau === "national") {
      if (q.code)
        ctx.addIssue({ code: "custom", path: ["code"], message: "Le niveau national n'a pas de code." });
    } else if (!q.code) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Indiquez le code du territoire." });
    } else if (!codeFormats[q.niveau].pattern.test(q.code)) {
      ctx.addIssue({ code: "custom", path: ["code"], message: codeFormats[q.niveau].message });
    }
    if (q.departement && q.niveau !== "zone_emploi") {
      ctx.addIssue({
        code: "custom",
        path: ["departement"],
        message: "Le département d'origine ne s'indique que pour une zone d'emploi.",
      });
    }
  });
export type TerritoryQuery = z.input<typeof territoryQuerySchema>;

/** A territory named by its level and INSEE code (null for national). */
export const territoryRefSchema = z.object({
  level: territoryLevelSchema,
  code: z.string().nullable(),
  name: z.string(),
});
export type TerritoryRef = z.infer<typeof territoryRefSchema>;

export const territoryViewSchema = territoryRefSchema.extend({
  /** from national down to the parent: the breadcrumb */
  ancestors: z.array(territoryRefSchema),
  parent: territoryRefSchema.nullable(),
  /**
   * national: the régions; région: its départements; département: the zones d'emploi having at least
   * one commune in it (a zone straddling a border is a child of each département it touches);
   * zone d'emploi: none.
   */
  children: z.array(territoryRefSchema),
  /** zone d'emploi only: the départements holding its communes, with how many (empty otherwise) */
  departements: z.array(z.object({ code: z.string(), name: z.string(), communeCount: z.number().int() })),
});
export type TerritoryView = z.infer<typeof territoryViewSchema>;
