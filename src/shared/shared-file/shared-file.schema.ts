// The dossier partagé (shared file) of a person: follow-up group, notes and documents with a
// visibility level, and the timeline (fil du dossier). Shared by the server and the web app.
import { z } from "zod";
import { noteVisibilities } from "./shared-file.visibility";

export const personIdSchema = z.string().uuid();
export const visibilitySchema = z.enum(noteVisibilities);

// ---- follow-up group (GroupeSuivi, parcours.md §7.1)

export const followUpRoles = ["referent", "co_referent", "membre"] as const;
export const followUpRoleLabels: Record<(typeof followUpRoles)[number], string> = {
  referent: "Référent·e",
  co_referent: "Co-référent·e",
  membre: "Membre du groupe de suivi",
};
/** What each role may do, told to the person (PS-12). */
export const followUpRoleRights: Record<(typeof followUpRoles)[number], string> = {
  referent: "vous accompagne, consulte et complète votre dossier",
  co_referent: "vous accompagne avec votre référent·e, consulte et complète votre dossier",
  membre: "consulte votre dossier, sans le modifier",
};
/** Roles a member can be given from the group screen: the référent is designated by the orientation. */
export const addableRoles = ["co_referent", "membre"] as const;

export const groupMemberSchema = z.object({
  id: z.string().uuid(),
  structureId: z.string().uuid(),
  structureName: z.string(),
  professionalId: z.string().uuid().nullable(),
  professionalName: z.string().nullable(),
  role: z.enum(followUpRoles),
  startedAt: z.string(),
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupViewSchema = z.object({
  members: z.array(groupMemberSchema),
  /** the actor may add and remove members (référent, co-référents, admin of the following structure) */
  canManage: z.boolean(),
});
export type GroupView = z.infer<typeof groupViewSchema>;

export const groupCandidatesSchema = z.object({
  structures: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      professionals: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    }),
  ),
});
export type GroupCandidates = z.infer<typeof groupCandidatesSchema>;

export const addGroupMemberBodySchema = z.object({
  structureId: z.string({ error: "Choisissez une structure" }).uuid("Choisissez une structure"),
  /** absent: the whole structure joins the group */
  professionalId: z.string().uuid().nullable().default(null),
  role: z.enum(addableRoles, { error: "Choisissez un rôle" }),
});
export const endGroupMemberBodySchema = z.object({
  reason: z
    .string({ error: "Indiquez le motif" })
    .trim()
    .min(1, "Indiquez pourquoi ce membre quitte le groupe de suivi")
    .max(500, "500 caractères au plus"),
});

// ---- notes

export const addNoteBodySchema = z.object({
  body: z
    .string({ error: "Écrivez la note" })
    .trim()
    .min(1, "Écrivez la note")
    .max(5000, "5 000 caractères au plus"),
  visibility: visibilitySchema,
  /** a correction note: the note it corrects (notes are never edited) */
  correctsNoteId: z.string().uuid().nullable().default(null),
});
export type AddNoteBody = z.input<typeof addNoteBodySchema>;

export const noteViewSchema = z.object({
  id: z.string().uuid(),
  visibility: visibilitySchema,
  body: z.string(),
  authorName: z.string(),
  structureName: z.string(),
  createdAt: z.string(),
  correctsNoteId: z.string().uuid().nullable(),
  correctedByNoteId: z.string().uuid().nullable(),
  canCorrect: z.boolean(),
});
export type NoteView = z.infer<typeof noteViewSchema>;

export const notesViewSchema = z.object({
  notes: z.array(noteViewSchema),
  canWrite: z.boolean(),
});
export type NotesView = z.infer<typeof notesViewSchema>;

// ---- documents

export const documentCategories = [
  "IDENTITE",
  "JUSTIFICATIF",
  "CV",
  "ATTESTATION",
  "COURRIER",
  "AUTRE",
] as const;
export const documentCategoryLabels: Record<(typeof documentCategories)[number], string> = {
  IDENTITE: "Pièce d'identité ou titre de séjour",
  JUSTIFICATIF: "Justificatif (domicile, ressources…)",
  CV: "CV",
  ATTESTATION: "Attestation (formation, stage, employeur…)",
  COURRIER: "Courrier",
  AUTRE: "Autre",
};
/** Types accepted, checked on the content (magic bytes), never on the name (PS-54). */
export const acceptedMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

export const documentFieldsSchema = z.object({
  title: z
    .string({ error: "Donnez un titre au document" })
    .trim()
    .min(1, "Donnez un titre au document")
    .max(200, "200 caractères au plus"),
  category: z.enum(documentCategories, { error: "Choisissez une catégorie" }),
  visibility: visibilitySchema,
});

export const documentViewSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  category: z.enum(documentCategories),
  visibility: visibilitySchema,
  filename: z.string(),
  mediaType: z.enum(acceptedMediaTypes),
  sizeBytes: z.number().int(),
  authorName: z.string(),
  structureName: z.string(),
  createdAt: z.string(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

export const documentsViewSchema = z.object({
  documents: z.array(documentViewSchema),
  canUpload: z.boolean(),
  maxBytes: z.number().int(),
});
export type DocumentsView = z.infer<typeof documentsViewSchema>;

// ---- timeline (fil du dossier)

export const timelineKinds = [
  "ORIENTATION_DECISION",
  "DIAGNOSTIC_VERSION",
  "CONTRACT_VERSION",
  "CONTRACT_SIGNED",
  "CONTRACT_REFUSED",
  "NOTE",
  "DOCUMENT",
  "GROUP_CHANGE",
  "NOTICE",
  "APPOINTMENT",
  "MESSAGE",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineEntrySchema = z.object({
  /** stable unique key of the entry (kind and id) */
  key: z.string(),
  kind: z.enum(timelineKinds),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  actorName: z.string().nullable(),
  structureName: z.string().nullable(),
  visibility: visibilitySchema.nullable(),
  /** the note or document the entry is about */
  refId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineQuerySchema = z.object({
  /** opaque: `nextCursor` of the previous page */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

// ---- the person's own view (espace personnel)

export const myFileViewSchema = z.object({
  group: z.array(groupMemberSchema),
  notes: z.array(noteViewSchema),
  documents: z.array(documentViewSchema),
});
export type MyFileView = z.infer<typeof myFileViewSchema>;
