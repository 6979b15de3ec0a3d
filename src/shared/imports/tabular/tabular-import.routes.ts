import { z } from "zod";
import { defineRoute } from "../../kernel/route";
import {
  quarantineFileSchema,
  tabularImportListSchema,
  tabularImportViewSchema,
  tabularPreviewSchema,
  tabularRowListSchema,
  tabularRowsQuerySchema,
  updateTabularMappingBodySchema,
  uploadTabularImportBodySchema,
} from "./tabular-import.schema";

const importParams = z.object({ importId: z.string().uuid() });

export const tabularImportRoutes = {
  uploadTabularImport: defineRoute({
    method: "POST",
    url: "/api/tabular-imports",
    summary:
      "Téléverser une liste de bénéficiaires (CSV ou XLSX) ; un fichier déjà téléversé renvoie l'import existant",
    tags: ["imports"],
    body: uploadTabularImportBodySchema,
    response: tabularImportViewSchema,
  }),
  listTabularImports: defineRoute({
    method: "GET",
    url: "/api/tabular-imports",
    summary: "Imports de listes de bénéficiaires de ma structure (ou de mon département)",
    tags: ["imports"],
    response: tabularImportListSchema,
  }),
  getTabularImport: defineRoute({
    method: "GET",
    url: "/api/tabular-imports/:importId",
    summary: "Un import : colonnes, correspondance, avancement et compteurs",
    tags: ["imports"],
    params: importParams,
    response: tabularImportViewSchema,
  }),
  updateTabularMapping: defineRoute({
    method: "PUT",
    url: "/api/tabular-imports/:importId/mapping",
    summary: "Modifier la correspondance des colonnes (contrôle de version : 409 si elle a changé)",
    tags: ["imports"],
    params: importParams,
    body: updateTabularMappingBodySchema,
    response: tabularImportViewSchema,
  }),
  previewTabularImport: defineRoute({
    method: "GET",
    url: "/api/tabular-imports/:importId/preview",
    summary: "Aperçu : résultat de la vérification des 50 premières lignes et compteurs du fichier",
    tags: ["imports"],
    params: importParams,
    response: tabularPreviewSchema,
  }),
  applyTabularImport: defineRoute({
    method: "POST",
    url: "/api/tabular-imports/:importId/application",
    summary: "Appliquer l'import (reprend là où il s'était arrêté ; sans effet s'il est terminé)",
    tags: ["imports"],
    params: importParams,
    response: tabularImportViewSchema,
  }),
  listTabularImportRows: defineRoute({
    method: "GET",
    url: "/api/tabular-imports/:importId/rows",
    summary: "Compte rendu ligne par ligne (filtrable par statut, dont la quarantaine)",
    tags: ["imports"],
    params: importParams,
    query: tabularRowsQuerySchema,
    response: tabularRowListSchema,
  }),
  downloadTabularQuarantine: defineRoute({
    method: "GET",
    url: "/api/tabular-imports/:importId/quarantine",
    summary: "Lignes en quarantaine au format CSV, avec leurs motifs, à corriger puis téléverser à nouveau",
    tags: ["imports"],
    params: importParams,
    response: quarantineFileSchema,
  }),
};
