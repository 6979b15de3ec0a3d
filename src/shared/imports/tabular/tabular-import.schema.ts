// Tabular import of beneficiaries (CSV, XLSX): the fields a column can be mapped to, the mapping, and
// the views of the upload → mapping → preview → apply → report steps (PS-58).
import { z } from "zod";

/** 10 MB of file at most (about 50,000 lines of a usual list). */
export const TABULAR_MAX_BYTES = 10 * 1024 * 1024;
export const TABULAR_MAX_ROWS = 50_000;
export const PREVIEW_ROWS = 50;

export const tabularFields = [
  "nomFamille",
  "prenoms",
  "dateNaissance",
  "nomUsage",
  "sexe",
  "lieuNaissance",
  "nir",
  "numeroFranceTravail",
  "email",
  "telephone",
  "adresse",
  "codePostal",
  "codeCommune",
] as const;
export const tabularFieldSchema = z.enum(tabularFields);
export type TabularField = z.infer<typeof tabularFieldSchema>;
export const requiredTabularFields: readonly TabularField[] = ["nomFamille", "prenoms", "dateNaissance"];

export const tabularFieldLabels: Record<TabularField, string> = {
  nomFamille: "Nom de naissance",
  prenoms: "Prénoms",
  dateNaissance: "Date de naissance",
  nomUsage: "Nom d'usage",
  sexe: "Sexe",
  lieuNaissance: "Lieu de naissance",
  nir: "NIR (numéro de sécurité sociale)",
  numeroFranceTravail: "Numéro France Travail",
  email: "Adresse électronique",
  telephone: "Téléphone",
  adresse: "Adresse (numéro et voie)",
  codePostal: "Code postal",
  codeCommune: "Code commune INSEE",
};

/** Target field → index of the column in the file (0 for the first column). */
export const tabularMappingSchema = z.partialRecord(tabularFieldSchema, z.number().int().min(0).max(500));
export type TabularMapping = z.infer<typeof tabularMappingSchema>;

export const tabularImportStatusSchema = z.enum(["TELEVERSE", "EN_COURS", "TERMINE"]);
export const tabularRowStatusSchema = z.enum([
  "EN_ATTENTE",
  "QUARANTAINE",
  "CREEE",
  "MISE_A_JOUR",
  "INCHANGEE",
  "DOUBLON_A_EXAMINER",
]);
export type TabularRowStatus = z.infer<typeof tabularRowStatusSchema>;
export const tabularRowStatusLabels: Record<TabularRowStatus, string> = {
  EN_ATTENTE: "En attente",
  QUARANTAINE: "En quarantaine",
  CREEE: "Dossier créé",
  MISE_A_JOUR: "Dossier complété",
  INCHANGEE: "Déjà à jour",
  DOUBLON_A_EXAMINER: "Dossier créé, doublon possible à examiner",
};

export const tabularReasonSchema = z.object({ field: tabularFieldSchema.nullable(), message: z.string() });
export type TabularReason = z.infer<typeof tabularReasonSchema>;

export const tabularCountsSchema = z.object({
  total: z.number().int(),
  enAttente: z.number().int(),
  quarantaine: z.number().int(),
  creees: z.number().int(),
  misesAJour: z.number().int(),
  inchangees: z.number().int(),
  doublons: z.number().int(),
});
export type TabularCounts = z.infer<typeof tabularCountsSchema>;

export const tabularImportViewSchema = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  format: z.enum(["CSV", "XLSX"]),
  status: tabularImportStatusSchema,
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  mapping: tabularMappingSchema,
  departement: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  uploadedBy: z.string(),
  /** the same file had already been uploaded: this is that import */
  alreadyUploaded: z.boolean(),
  counts: tabularCountsSchema,
  canApply: z.boolean(),
});
export type TabularImportView = z.infer<typeof tabularImportViewSchema>;

export const tabularImportListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().uuid(),
      fileName: z.string(),
      status: tabularImportStatusSchema,
      rowCount: z.number().int(),
      createdAt: z.string(),
      uploadedBy: z.string(),
    }),
  ),
});

export const uploadTabularImportBodySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, "Le nom du fichier est obligatoire.")
    .max(200, "Le nom du fichier est limité à 200 caractères.")
    .regex(/\.(csv|xlsx)$/i, "Seuls les fichiers .csv et .xlsx sont acceptés."),
  /** the file's bytes, base64-encoded */
  contentBase64: z
    .string()
    .min(1, "Le fichier est vide.")
    .max(
      Math.ceil((TABULAR_MAX_BYTES * 4) / 3) + 4,
      "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
    ),
});

export const updateTabularMappingBodySchema = z.object({
  version: z.number().int().positive(),
  mapping: tabularMappingSchema,
});

export const previewActionSchema = z.enum([
  "CREATION",
  "MISE_A_JOUR",
  "DEJA_IMPORTEE",
  "DOUBLON_POSSIBLE",
  "CONFLIT",
  "INVALIDE",
]);
export type PreviewAction = z.infer<typeof previewActionSchema>;

export const previewRowSchema = z.object({
  line: z.number().int(),
  action: previewActionSchema,
  /** one sentence, in French */
  message: z.string(),
  reasons: z.array(tabularReasonSchema),
  /** mapped values as read (the NIR masked) */
  values: z.partialRecord(tabularFieldSchema, z.string()),
});
export type PreviewRow = z.infer<typeof previewRowSchema>;

export const tabularPreviewSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(previewRowSchema),
  /** mapping problems (a required field not mapped, a column used twice), in French */
  mappingIssues: z.array(z.string()),
});
export type TabularPreview = z.infer<typeof tabularPreviewSchema>;

export const tabularRowsQuerySchema = z.object({
  status: tabularRowStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export const tabularRowViewSchema = z.object({
  line: z.number().int(),
  status: tabularRowStatusSchema,
  reasons: z.array(tabularReasonSchema),
  personId: z.string().uuid().nullable(),
  values: z.partialRecord(tabularFieldSchema, z.string()),
});
export const tabularRowListSchema = z.object({
  items: z.array(tabularRowViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const quarantineFileSchema = z.object({ fileName: z.string(), content: z.string() });
