import { z } from "zod";
import { breakdowns } from "./steering.catalogue";
import { granularities, MONTH_PATTERN } from "./steering.periods";

export const territoryLevels = ["zone_emploi", "departement", "region", "national"] as const;
export type TerritoryLevel = (typeof territoryLevels)[number];
export const territoryLevelLabels: Record<TerritoryLevel, string> = {
  zone_emploi: "Zone d'emploi",
  departement: "Département",
  region: "Région",
  national: "National",
};

const monthSchema = z.string().regex(MONTH_PATTERN, "Mois attendu au format AAAA-MM (ex. 2025-01)");

export const indicatorsQuerySchema = z.object({
  niveau: z.enum(territoryLevels),
  code: z.string().trim().min(1).max(10).optional(),
  de: monthSchema,
  a: monthSchema,
  granularite: z.enum(granularities).default("mois"),
  ventilation: z.enum(breakdowns).optional(),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuerySchema>;

export const exportFormats = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const indicatorsExportQuerySchema = indicatorsQuerySchema.extend({
  format: z.enum(exportFormats).default("csv"),
  /** open-data mode: small-cell suppression (pilotage.md §6) */
  donneesOuvertes: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .default(false)
    .transform((v) => v === true || v === "true"),
  seuil: z.coerce.number().int().min(2).max(100).optional(),
});
export type IndicatorsExportQuery = z.infer<typeof indicatorsExportQuerySchema>;

export const valueStatuses = ["definitif", "provisoire", "secret", "non_disponible"] as const;
export type ValueStatus = (typeof valueStatuses)[number];

export const indicatorValueSchema = z.object({
  periode: z.string(),
  debut: z.string(),
  fin: z.string(),
  /** null for the total; else the breakdown and its category */
  ventilation: z.enum(breakdowns).nullable(),
  modalite: z.string().nullable(),
  libelleModalite: z.string().nullable(),
  valeur: z.number().nullable(),
  numerateur: z.number().nullable(),
  denominateur: z.number().nullable(),
  moyenne: z.number().nullable(),
  statut: z.enum(valueStatuses),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorResultSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  nom: z.string(),
  definition: z.string(),
  numerateur: z.string(),
  denominateur: z.string().nullable(),
  fenetre: z.string(),
  cohorte: z.string(),
  unite: z.string(),
  disponible: z.boolean(),
  message: z.string().nullable(),
  valeurs: z.array(indicatorValueSchema),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

export const indicatorsReportSchema = z.object({
  territoire: z.object({ niveau: z.enum(territoryLevels), code: z.string().nullable(), nom: z.string() }),
  de: z.string(),
  a: z.string(),
  granularite: z.enum(granularities),
  calculeLe: z.string(),
  /** pathways transmitted by a département that runs its own system (liste minimale), counted in the figures */
  donneesTransmises: z
    .object({ parcours: z.number().int(), dernierMois: z.string().nullable() })
    .nullable()
    .optional(),
  indicateurs: z.array(indicatorResultSchema),
});
export type IndicatorsReport = z.infer<typeof indicatorsReportSchema>;
