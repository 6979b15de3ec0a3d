import { defineRoute } from "../kernel/route";
import { indicatorsQuerySchema, indicatorsReportSchema } from "./steering.schema";

export const steeringRoutes = {
  getIndicators: defineRoute({
    method: "GET",
    url: "/api/indicateurs",
    summary:
      "Indicateurs de pilotage d'un territoire (zone d'emploi, département, région, national) par période : agrégats seulement, aucune donnée nominative",
    tags: ["pilotage"],
    query: indicatorsQuerySchema,
    response: indicatorsReportSchema,
  }),
};

/** The same figures as a file (CSV, XLSX or JSON), optionally with small-cell suppression: bound by hand. */
export const INDICATORS_EXPORT_URL = "/api/indicateurs/export";
