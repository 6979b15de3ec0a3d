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
