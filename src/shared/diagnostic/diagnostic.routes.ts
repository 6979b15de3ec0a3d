// Routes of the diagnostic socio-professionnel. Target jobs are searched with the existing ROME route
// (referenceDataRoutes.searchAppellations, /api/reference/rome/appellations).
import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  diagnosticViewSchema,
  myDiagnosticViewSchema,
  personIdSchema,
  saveDiagnosticVersionBodySchema,
} from "./diagnostic.schema";

const personParams = z.object({ personId: personIdSchema });

export const diagnosticRoutes = {
  getDiagnostic: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/diagnostic",
    summary:
      "Le diagnostic socio-professionnel d'une personne : version en cours (ou une version antérieure avec ?numero=) et historique des versions",
    tags: ["diagnostic"],
    params: personParams,
    query: z.object({ numero: z.coerce.number().int().min(1).optional() }),
    response: diagnosticViewSchema,
  }),
  startDiagnostic: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/diagnostic",
    summary:
      "Commencer le diagnostic d'une personne, pré-rempli avec ce que l'inscription et l'orientation connaissent déjà",
    tags: ["diagnostic"],
    params: personParams,
    response: diagnosticViewSchema,
  }),
  saveDiagnosticVersion: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/diagnostic/versions",
    summary:
      "Enregistrer une nouvelle version du diagnostic (409 si quelqu'un l'a modifié depuis son ouverture)",
    tags: ["diagnostic"],
    params: personParams,
    body: saveDiagnosticVersionBodySchema,
    response: diagnosticViewSchema,
  }),
  getMyDiagnostic: defineRoute({
    method: "GET",
    url: "/api/me/diagnostic",
    summary: "Mon diagnostic (espace personnel)",
    tags: ["diagnostic"],
    response: myDiagnosticViewSchema,
  }),
};
