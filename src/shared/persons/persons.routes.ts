import { z } from "zod";
import { auditEntryViewSchema } from "../audit/audit.schema";
import { defineRoute } from "../kernel/route";
import {
  mergePersonsBodySchema,
  mergeViewSchema,
  personIdSchema,
  personListSchema,
  personViewSchema,
  searchPersonsQuerySchema,
  updateContactBodySchema,
} from "./persons.schema";

const personParams = z.object({ personId: personIdSchema });

export const personsRoutes = {
  searchPersons: defineRoute({
    method: "GET",
    url: "/api/persons",
    summary: "Personnes suivies par ma structure (recherche par nom, NIR ou numéro France Travail)",
    tags: ["personnes"],
    query: searchPersonsQuerySchema,
    response: personListSchema,
  }),
  getPerson: defineRoute({
    method: "GET",
    url: "/api/persons/:personId",
    summary: "Identité d'une personne",
    tags: ["personnes"],
    params: personParams,
    response: personViewSchema,
  }),
  updatePersonContact: defineRoute({
    method: "PUT",
    url: "/api/persons/:personId/contact",
    summary: "Modifier les coordonnées (contrôle de version : 409 si le dossier a changé)",
    tags: ["personnes"],
    params: personParams,
    body: updateContactBodySchema,
    response: personViewSchema,
  }),
  mergePersons: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/merges",
    summary: "Fusionner un doublon dans ce dossier (action humaine tracée)",
    tags: ["personnes"],
    params: personParams,
    body: mergePersonsBodySchema,
    response: mergeViewSchema,
  }),
  undoMerge: defineRoute({
    method: "POST",
    url: "/api/person-merges/:mergeId/undo",
    summary: "Annuler une fusion (les deux dossiers sont restaurés)",
    tags: ["personnes"],
    params: z.object({ mergeId: z.string().uuid() }),
    response: mergeViewSchema,
  }),
  getPersonAuditLog: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/audit",
    summary: "Journal des accès au dossier d'une personne",
    tags: ["journal"],
    params: personParams,
    response: z.object({ items: z.array(auditEntryViewSchema) }),
  }),
};
