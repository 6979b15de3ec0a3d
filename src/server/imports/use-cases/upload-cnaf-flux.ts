// A CAF/MSA flow uploaded by a manager: access check, the body streamed to a temporary file (size-limited,
// never held in memory), then the same import as the command line. Writes are audited under the import's
// system actor; the upload itself is audited under the professional who sent it.
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { z } from "zod";
import { importsErrors } from "../../../shared/imports/imports.errors";
import { CNAF_UPLOAD_MAX_MB } from "../../../shared/imports/imports.routes";
import { type CnafImportSummary, uploadCnafQuerySchema } from "../../../shared/imports/imports.schema";
import { kernelErrors } from "../../../shared/kernel/errors";
import { audit } from "../../audit/audit";
import { AccessDenied, type Actor } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { zodIssues } from "../../kernel/use-case";
import { importCnafFlux } from "../cnaf/import-cnaf-flux";
import { importsPolicy } from "../imports.policy";

export type UploadCnafInput = z.input<typeof uploadCnafQuerySchema> & {
  body: Readable | undefined;
  maxBytes?: number;
};

export async function uploadCnafFlux(
  deps: Deps,
  actor: Actor,
  raw: UploadCnafInput,
): Promise<CnafImportSummary> {
  const parsed = uploadCnafQuerySchema.safeParse(raw);
  if (!parsed.success) throw kernelErrors.validation(zodIssues(parsed.error));
  const departement =
    parsed.data.departement ?? (actor.kind === "professional" ? importsPolicy.defaultDepartement(actor) : "");
  if (!importsPolicy.manageFlux(actor, departement)) {
    await deps.db.transaction().execute((tx) =>
      audit.record(tx, deps.clock, actor, {
        action: "imports.cnaf.upload",
        section: "import",
        purpose: "identify",
        personId: null,
        outcome: "denied",
        details: { departement },
      }),
    );
    throw new AccessDenied("imports.cnaf.upload");
  }
  if (!raw.body) throw importsErrors.emptyFile();

  const maxBytes = raw.maxBytes ?? CNAF_UPLOAD_MAX_MB * 1_000_000;
  const path = join(tmpdir(), `socle-cnaf-${deps.ids.uuid()}.xml`);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) done(importsErrors.tooLarge(Math.round(maxBytes / 1_000_000)));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(raw.body, limit, createWriteStream(path));
    const summary = await importCnafFlux(deps, {
      filePath: path,
      fileName: parsed.data.nomFichier ?? "flux-televerse.xml",
      departement,
      recuLe: parsed.data.recuLe,
      startedBy: actor.id,
      requestId: actor.requestId,
    });
    await deps.db.transaction().execute((tx) =>
      audit.record(tx, deps.clock, actor, {
        action: "imports.cnaf.upload",
        section: "import",
        purpose: "identify",
        personId: null,
        details: { importId: summary.importId, departement, status: summary.status },
      }),
    );
    return summary;
  } finally {
    await unlink(path).catch(() => undefined);
  }
}
