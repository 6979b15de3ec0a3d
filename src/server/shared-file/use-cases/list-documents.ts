import { z } from "zod";
import type { DocumentsView } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { documentView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/** The documents of the file the actor may read (title, category, author, date; never the content). */
export const listDocuments = useCase(
  "ListFileDocuments",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock, config }): Promise<DocumentsView> => {
    const file = await allowedFile(tx, actor, input.personId, "shared_file.documents.read");
    const rows = await sharedFileRepository.documents(
      tx,
      file.personId,
      sharedFilePolicy.readableLevels(actor, file),
    );
    await audit.record(tx, clock, actor, {
      action: "shared_file.documents.read",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: { count: rows.length },
    });
    return {
      documents: rows.map(documentView),
      canUpload: sharedFilePolicy.write(actor, file),
      maxBytes: config.SHARED_FILE_MAX_DOCUMENT_BYTES,
    };
  },
);
