import { createHash } from "node:crypto";
import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { type DocumentView, documentFieldsSchema } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { claimedType, cleanFilename, sniffDocumentType } from "../shared-file.document-type";
import { allowedFile, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { documentView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/**
 * The référent or a co-référent attaches a document to the file (PDF, JPEG or PNG, at most
 * SHARED_FILE_MAX_DOCUMENT_BYTES), with a title, a category and a visibility level. The type is read
 * from the content (PS-54): a « .pdf » that is not a PDF is refused, and nothing is stored.
 * `truncated` is set by the HTTP layer when the upload went past the limit before being read whole.
 */
export const uploadDocument = useCase(
  "UploadFileDocument",
  documentFieldsSchema.extend({
    personId: z.string().uuid(),
    filename: z.string(),
    content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "Choisissez le fichier à déposer"),
    truncated: z.boolean().default(false),
  }),
  async ({ tx, actor, input, clock, ids, config }): Promise<DocumentView> => {
    const file = await allowedFile(
      tx,
      actor,
      input.personId,
      "shared_file.document.added",
      sharedFilePolicy.write,
    );
    if (actor.kind !== "professional") throw new Error("unreachable: only professionals upload documents");
    const max = config.SHARED_FILE_MAX_DOCUMENT_BYTES;
    if (input.truncated || input.content.byteLength > max) throw sharedFileErrors.tooLarge(max);
    const filename = cleanFilename(input.filename);
    if (input.content.byteLength === 0) throw sharedFileErrors.fileMissing();
    const mediaType = await sniffDocumentType(input.content);
    if (!mediaType) throw sharedFileErrors.notAcceptedType(filename, claimedType(filename));

    const id = ids.uuid();
    await sharedFileRepository.insertDocument(tx, {
      id,
      person_id: file.personId,
      title: input.title,
      category: input.category,
      visibility: input.visibility,
      filename,
      media_type: mediaType,
      size_bytes: input.content.byteLength,
      sha256: createHash("sha256").update(input.content).digest("hex"),
      content: input.content,
      author_id: actor.id,
      structure_id: actor.structureId,
      created_at: clock.now(),
    });
    await audit.record(tx, clock, actor, {
      action: "shared_file.document.added",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: {
        documentId: id,
        visibility: input.visibility,
        mediaType,
        sizeBytes: input.content.byteLength,
      },
    });
    const rows = await sharedFileRepository.documents(
      tx,
      file.personId,
      sharedFilePolicy.readableLevels(actor, file),
    );
    return documentView(rows.find((r) => r.id === id)!);
  },
);
