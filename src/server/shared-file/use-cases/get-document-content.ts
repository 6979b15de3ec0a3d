import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { fileOf, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { sharedFileRepository } from "../shared-file.repository";

/**
 * The content of one document, for download. Read by whoever may read the file and the document's
 * visibility level; the person downloads through /api/me (personId absent = the person themself).
 * A document the actor may not read answers 403, audited, as a refused read of the file.
 */
export const getDocumentContent = useCase(
  "GetFileDocumentContent",
  z.object({ personId: z.string().uuid().optional(), documentId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const personId = input.personId ?? (actor.kind === "person" ? actor.id : null);
    const doc = await sharedFileRepository.document(tx, input.documentId);
    if (!doc || !personId || doc.personId !== personId)
      throw sharedFileErrors.documentNotFound(input.documentId);
    const file = await fileOf(tx, personId);
    assertCan(sharedFilePolicy.canReadItem(actor, file, doc), "shared_file.document.downloaded", {
      personId,
      section: SECTION,
      purpose: PURPOSE,
    });
    await audit.record(tx, clock, actor, {
      action: "shared_file.document.downloaded",
      section: SECTION,
      purpose: PURPOSE,
      personId,
      details: { documentId: doc.id },
    });
    return { filename: doc.filename, mediaType: doc.mediaType, content: doc.content };
  },
);
