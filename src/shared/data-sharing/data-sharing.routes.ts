import { defineRoute } from "../kernel/route";
import {
  listeMinimaleImportListSchema,
  listeMinimaleImportsQuerySchema,
  listeMinimaleImportViewSchema,
  listeMinimaleUploadBodySchema,
} from "./data-sharing.schema";

export const dataSharingRoutes = {
  importListeMinimale: defineRoute({
    method: "POST",
    url: "/api/liste-minimale/imports",
    summary:
      "Importer la liste minimale des données à partager d'un département (CSV ou XLSX) : faits externes, lignes invalides en quarantaine",
    tags: ["pilotage"],
    body: listeMinimaleUploadBodySchema,
    response: listeMinimaleImportViewSchema,
  }),
  listListeMinimaleImports: defineRoute({
    method: "GET",
    url: "/api/liste-minimale/imports",
    summary: "Imports de la liste minimale d'un département",
    tags: ["pilotage"],
    query: listeMinimaleImportsQuerySchema,
    response: listeMinimaleImportListSchema,
  }),
};

/** The monthly file of a département (CSV, XLSX or JSON): personal identifiers, bound by hand as a download. */
export const LISTE_MINIMALE_EXPORT_URL = "/api/liste-minimale/export";
