import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { addNoteBodySchema } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { noteView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/**
 * The référent or a co-référent writes a note in the file, with a visibility level (PS-07, PS-12).
 *
 * Notes are immutable: a mistake is fixed by a correction note, written by the same author, pointing to
 * the note it corrects and keeping its visibility (a trigger refuses any UPDATE). We chose this over
 * editable notes with a version check because a note records what was known and said at a date, others
 * may have acted on it, and both texts must stay readable side by side; it is never edited, silently or
 * not. Only one correction per note (a unique index): a second fix corrects the correction.
 */
export const addNote = useCase(
  "AddFileNote",
  addNoteBodySchema.extend({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await allowedFile(
      tx,
      actor,
      input.personId,
      "shared_file.note.added",
      sharedFilePolicy.write,
    );
    if (actor.kind !== "professional") throw new Error("unreachable: only professionals write notes");
    if (input.correctsNoteId) {
      const original = await sharedFileRepository.note(tx, input.correctsNoteId);
      if (!original || original.personId !== file.personId)
        throw sharedFileErrors.noteNotFound(input.correctsNoteId);
      if (original.authorId !== actor.id) throw sharedFileErrors.notTheAuthor();
      if (original.visibility !== input.visibility) throw sharedFileErrors.correctionVisibility();
      if (original.correctedByNoteId) throw sharedFileErrors.alreadyCorrected(original.id);
    }
    const id = ids.uuid();
    const now = clock.now();
    await sharedFileRepository.insertNote(tx, {
      id,
      person_id: file.personId,
      visibility: input.visibility,
      body: input.body,
      corrects_note_id: input.correctsNoteId,
      author_id: actor.id,
      structure_id: actor.structureId,
      created_at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "shared_file.note.added",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: { noteId: id, visibility: input.visibility, correctsNoteId: input.correctsNoteId },
    });
    const rows = await sharedFileRepository.notes(
      tx,
      file.personId,
      sharedFilePolicy.readableLevels(actor, file),
    );
    const row = rows.find((r) => r.id === id)!;
    return noteView(row, (authorId) => authorId === actor.id);
  },
);
