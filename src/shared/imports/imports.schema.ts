import { z } from "zod";
import { localDateSchema } from "../kernel/dates";

export const importIdSchema = z.string().uuid();

export const importStatusSchema = z.enum(["en_cours", "echec", "termine", "deja_importe"]);
export type ImportStatus = z.infer<typeof importStatusSchema>;
export const importStatusLabels: Record<ImportStatus, string> = {
  en_cours: "En cours (ou interrompu : relancez l'import du même fichier pour le reprendre)",
  echec: "Arrêté sur une erreur : les foyers précédents sont importés, relancez après correction",
  termine: "Terminé",
  deja_importe: "Fichier déjà importé : aucune modification",
};

export const quarantinedRecordSchema = z.object({
  /** household number in the file, from 1 */
  index: z.number().int(),
  /** person rank in the household (0: the whole household) */
  personRank: z.number().int(),
  key: z.string(),
  line: z.number().int().nullable(),
  reasonCode: z.string(),
  reason: z.string(),
});
export type QuarantinedRecord = z.infer<typeof quarantinedRecordSchema>;

export const cnafImportSummarySchema = z.object({
  importId: importIdSchema,
  status: importStatusSchema,
  fileName: z.string(),
  departement: z.string(),
  typeflux: z.string(),
  dtref: localDateSchema,
  receivedDate: localDateSchema,
  households: z.number().int(),
  persons: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** records kept in quarantine (whole households or single persons) */
  rejected: z.number().int(),
  newEntrants: z.number().int(),
  divergences: z.number().int(),
  possibleDuplicates: z.number().int(),
  /** follow-ups put on hold (no longer subject to droits et devoirs) */
  veillesStarted: z.number().int(),
  /** follow-ups resumed (subject again within 12 months) */
  veillesEnded: z.number().int(),
  /** pathways closed before a new one opens (back after more than 12 months on hold or suspended) */
  pathwaysClosed: z.number().int(),
  announcedHouseholds: z.number().int().nullable(),
  /** the first quarantined records (all of them are in the import report) */
  quarantined: z.array(quarantinedRecordSchema),
  warnings: z.array(z.string()),
  errorMessage: z.string().nullable(),
});
export type CnafImportSummary = z.infer<typeof cnafImportSummarySchema>;

export const uploadCnafQuerySchema = z.object({
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/, "Code de département attendu (ex. 80, 2A, 971)")
    .optional(),
  recuLe: localDateSchema.optional(),
  nomFichier: z.string().min(1).max(200).optional(),
});

export const importReportSchema = z.object({
  importId: importIdSchema,
  kind: z.literal("cnaf"),
  status: importStatusSchema,
  statusLabel: z.string(),
  fileName: z.string(),
  departement: z.string(),
  typeflux: z.string(),
  dtref: localDateSchema,
  receivedDate: localDateSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  runs: z.number().int(),
  counts: z.object({
    households: z.number().int(),
    persons: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    newEntrants: z.number().int(),
    divergences: z.number().int(),
    possibleDuplicates: z.number().int(),
    veillesStarted: z.number().int(),
    veillesEnded: z.number().int(),
    pathwaysClosed: z.number().int(),
  }),
  announcedHouseholds: z.number().int().nullable(),
  errorMessage: z.string().nullable(),
  quarantinedTotal: z.number().int(),
  quarantined: z.array(quarantinedRecordSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;
