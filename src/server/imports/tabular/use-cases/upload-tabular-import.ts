// UploadTabularImport: reads the file (CSV or XLSX), suggests the column mapping from the header names,
// and keeps the file encrypted (it holds NIRs) until the import is applied. The same file uploaded again
// for the same département is that import, not a new one (idempotence on the content hash).
import { createHash } from "node:crypto";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { suggestMapping } from "../../../../shared/imports/tabular/tabular-import.rules";
import {
  TABULAR_MAX_BYTES,
  uploadTabularImportBodySchema,
} from "../../../../shared/imports/tabular/tabular-import.schema";
import { audit } from "../../../audit/audit";
import { AccessDenied, assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { readTabularFile } from "../tabular-file";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { presentTabularImport } from "../tabular-imports.presenter";
import { tabularImportsRepository } from "../tabular-imports.repository";

export const uploadTabularImport = useCase(
  "UploadTabularImport",
  uploadTabularImportBodySchema,
  async ({ tx, actor, input, clock, ids, secrets }) => {
    if (!tabularImportsPolicy.upload(actor)) {
      throw new AccessDenied("tabular_import.upload", { section: "import", purpose: "identify" });
    }
    const bytes = Buffer.from(input.contentBase64, "base64");
    if (bytes.length === 0) throw tabularImportErrors.empty();
    if (bytes.length > TABULAR_MAX_BYTES) throw tabularImportErrors.tooLarge();
    const departement = tabularImportsPolicy.departementOf(actor);
    const contentHash = createHash("sha256").update(bytes).digest("hex");

    const existing = await tabularImportsRepository.findByContent(tx, departement, contentHash);
    if (existing) {
      const i = await tabularImportsRepository.get(tx, existing.id);
      if (!i) throw tabularImportErrors.notFound(existing.id);
      assertCan(tabularImportsPolicy.view(actor, i), "tabular_import.read", {
        section: "import",
        purpose: "identify",
      });
      return presentTabularImport(i, await tabularImportsRepository.counts(tx, i.id), {
        alreadyUploaded: true,
        canApply: true,
      });
    }

    const file = await readTabularFile(input.fileName, bytes);
    const id = ids.uuid();
    const now = clock.now();
    await tabularImportsRepository.insert(tx, {
      id,
      file_name: input.fileName,
      format: file.format,
      content_hash: contentHash,
      byte_size: bytes.length,
      content_cipher: secrets.encryptNir(bytes.toString("base64")),
      headers: file.headers,
      row_count: file.rows.length,
      mapping: suggestMapping(file.headers),
      departement,
      structure_id: actor.structureId,
      uploaded_by: actor.id,
      status: "TELEVERSE",
      created_at: now,
      updated_at: now,
      started_at: null,
      finished_at: null,
    });
    await audit.record(tx, clock, actor, {
      action: "imports.tabular.uploaded",
      section: "import",
      purpose: "identify",
      personId: null,
      details: { importId: id, rows: file.rows.length },
    });
    const i = await tabularImportsRepository.get(tx, id);
    if (!i) throw tabularImportErrors.notFound(id);
    return presentTabularImport(i, await tabularImportsRepository.counts(tx, id), {
      alreadyUploaded: false,
      canApply: true,
    });
  },
);
