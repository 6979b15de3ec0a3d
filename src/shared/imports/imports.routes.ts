import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  cnafImportSummarySchema,
  importIdSchema,
  importReportSchema,
  uploadCnafQuerySchema,
} from "./imports.schema";

/** Upload limit of a CAF/MSA flow through HTTP (a monthly flow of a large département is ~100 Mo). */
export const CNAF_UPLOAD_MAX_MB = 200;
export const cnafUploadContentTypes = ["application/xml", "text/xml", "application/octet-stream"];

export const importsRoutes = {
  uploadCnafFlux: defineRoute({
    method: "POST",
    url: "/api/imports/cnaf",
    summary:
      "Importer un flux bénéficiaires RSA CAF/MSA (VRSB 08.01, windows-1252). Corps : le fichier XML brut (application/xml ou application/octet-stream).",
    tags: ["imports"],
    query: uploadCnafQuerySchema,
    response: cnafImportSummarySchema,
  }),
  getImportReport: defineRoute({
    method: "GET",
    url: "/api/imports/:importId",
    summary: "Compte rendu d'un import : compteurs et enregistrements en quarantaine avec leur motif",
    tags: ["imports"],
    params: z.object({ importId: importIdSchema }),
    response: importReportSchema,
  }),
};
