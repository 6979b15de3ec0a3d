import type { AcceptedMediaType, documentCategories } from "../../shared/shared-file/shared-file.schema";
import type { NoteVisibility } from "../../shared/shared-file/shared-file.visibility";

export interface FileNotesTable {
  id: string;
  person_id: string;
  visibility: NoteVisibility;
  body: string;
  corrects_note_id: string | null;
  author_id: string;
  structure_id: string;
  created_at: Date;
}
export interface FileDocumentsTable {
  id: string;
  person_id: string;
  title: string;
  category: (typeof documentCategories)[number];
  visibility: NoteVisibility;
  filename: string;
  media_type: AcceptedMediaType;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  author_id: string;
  structure_id: string;
  created_at: Date;
}
export interface FollowUpChangesTable {
  id: string;
  follow_up_id: string;
  person_id: string;
  change: "AJOUT" | "FIN";
  role: "referent" | "co_referent" | "membre";
  structure_id: string;
  professional_id: string | null;
  reason: string | null;
  actor_id: string;
  at: Date;
}
export interface FileNoticesTable {
  id: string;
  person_id: string;
  kind: "GROUPE_AJOUT" | "GROUPE_FIN";
  message: string;
  related_id: string | null;
  created_at: Date;
}
export interface SharedFileTables {
  file_notes: FileNotesTable;
  file_documents: FileDocumentsTable;
  follow_up_changes: FollowUpChangesTable;
  file_notices: FileNoticesTable;
}
