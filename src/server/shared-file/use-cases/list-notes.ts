import { z } from "zod";
import type { NotesView } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { noteView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/** The notes of the file the actor may read (their visibility level allows it), newest first. Audited. */
export const listNotes = useCase(
  "ListFileNotes",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }): Promise<NotesView> => {
    const file = await allowedFile(tx, actor, input.personId, "shared_file.notes.read");
    const rows = await sharedFileRepository.notes(
      tx,
      file.personId,
      sharedFilePolicy.readableLevels(actor, file),
    );
    await audit.record(tx, clock, actor, {
      action: "shared_file.notes.read",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: { count: rows.length },
    });
    const canWrite = sharedFilePolicy.write(actor, file);
    return {
      notes: rows.map((r) => noteView(r, (authorId) => canWrite && authorId === actor.id)),
      canWrite,
    };
  },
);
