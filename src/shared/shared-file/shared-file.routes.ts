// Routes of the dossier partagé. The document upload (multipart) and downloads (binary) are not JSON:
// their URLs are declared here, and server/shared-file/shared-file-documents.http.ts binds them by hand.
import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  addGroupMemberBodySchema,
  addNoteBodySchema,
  documentsViewSchema,
  endGroupMemberBodySchema,
  groupCandidatesSchema,
  groupViewSchema,
  myFileViewSchema,
  notesViewSchema,
  noteViewSchema,
  personIdSchema,
  timelinePageSchema,
  timelineQuerySchema,
} from "./shared-file.schema";

const params = z.object({ personId: personIdSchema });
const tags = ["dossier"];

export const sharedFileUrls = {
  uploadDocument: "/api/persons/:personId/file/documents",
  documentContent: "/api/persons/:personId/file/documents/:documentId/content",
  myDocumentContent: "/api/me/file/documents/:documentId/content",
};

export const sharedFileRoutes = {
  getTimeline: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/file/timeline",
    summary:
      "Le fil du dossier : décisions, versions, notes, documents, groupe de suivi, du plus récent au plus ancien",
    tags,
    params,
    query: timelineQuerySchema,
    response: timelinePageSchema,
  }),
  listNotes: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/file/notes",
    summary: "Les notes du dossier que l'on a le droit de lire",
    tags,
    params,
    response: notesViewSchema,
  }),
  addNote: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/file/notes",
    summary: "Ajouter une note (ou une note de correction : une note ne se modifie jamais)",
    tags,
    params,
    body: addNoteBodySchema,
    response: noteViewSchema,
  }),
  listDocuments: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/file/documents",
    summary: "Les documents du dossier que l'on a le droit de lire",
    tags,
    params,
    response: documentsViewSchema,
  }),
  getGroup: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/file/group",
    summary: "Le groupe de suivi de la personne",
    tags,
    params,
    response: groupViewSchema,
  }),
  getGroupCandidates: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/file/group/candidates",
    summary: "Les structures du département et leurs professionnels, pour ajouter un membre au groupe",
    tags,
    params,
    response: groupCandidatesSchema,
  }),
  addGroupMember: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/file/group",
    summary: "Ajouter un membre au groupe de suivi (co-référent ou membre), au su de la personne",
    tags,
    params,
    body: addGroupMemberBodySchema,
    response: groupViewSchema,
  }),
  endGroupMember: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/file/group/:followUpId/end",
    summary: "Retirer un membre du groupe de suivi, avec son motif",
    tags,
    params: z.object({ personId: personIdSchema, followUpId: z.string().uuid() }),
    body: endGroupMemberBodySchema,
    response: groupViewSchema,
  }),
  getMyFile: defineRoute({
    method: "GET",
    url: "/api/me/file",
    summary: "Mon dossier (espace personnel) : mon groupe de suivi, les notes et documents partagés avec moi",
    tags,
    response: myFileViewSchema,
  }),
  getMyTimeline: defineRoute({
    method: "GET",
    url: "/api/me/file/timeline",
    summary: "Le fil de mon dossier (espace personnel)",
    tags,
    query: timelineQuerySchema,
    response: timelinePageSchema,
  }),
};
