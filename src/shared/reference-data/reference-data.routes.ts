import { defineRoute } from "../kernel/route";
import {
  appellationListSchema,
  referenceVersionListSchema,
  searchAppellationsQuerySchema,
  territoryQuerySchema,
  territoryViewSchema,
} from "./reference-data.schema";

export const referenceDataRoutes = {
  searchAppellations: defineRoute({
    method: "GET",
    url: "/api/reference/rome/appellations",
    summary: "Rechercher un métier (appellation du ROME 4.0) par mots du libellé",
    tags: ["referentiels"],
    query: searchAppellationsQuerySchema,
    response: appellationListSchema,
  }),
  listReferenceVersions: defineRoute({
    method: "GET",
    url: "/api/reference/versions",
    summary: "Versions des référentiels chargés (COG, zones d'emploi, ROME)",
    tags: ["referentiels"],
    auth: false,
    response: referenceVersionListSchema,
  }),
  getTerritory: defineRoute({
    method: "GET",
    url: "/api/reference/territoires",
    summary:
      "Un territoire (national, région, département, zone d'emploi) avec son parent et ses enfants, pour descendre d'un niveau à l'autre",
    tags: ["referentiels"],
    query: territoryQuerySchema,
    response: territoryViewSchema,
  }),
};
