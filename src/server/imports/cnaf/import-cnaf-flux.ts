// Imports a CAF/MSA beneficiaries flow (VRSB 08.01) for one département: parse → validate → apply by batches
// → report. Not a one-transaction use case (a flow holds hundreds of thousands of households): each batch of
// households is applied in its own transaction together with the import's progress mark, so
// - a file already imported (same sha256) is refused and changes nothing;
// - a killed or stopped import, rerun on the same file, resumes after the last committed batch, with no
//   duplicate and counts that add up;
// - a household or person that cannot be used goes to quarantine with its French reason, the rest goes on;
// - a malformed file stops at its first error, after committing every valid household before it.
// Every write is audited under the system actor « import-cnaf »; who started the import is kept on the file.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { z } from "zod";
import { departementFromIdeparte, isDepartementCode } from "../../../shared/imports/cnaf-codes";
import { importsErrors } from "../../../shared/imports/imports.errors";
import type { CnafImportSummary } from "../../../shared/imports/imports.schema";
import {
  addMonths,
  defaultNewEntrantParams,
  monthOf,
  type NewEntrantParams,
} from "../../../shared/imports/new-entrant";
import { isValidLocalDate, localDateSchema } from "../../../shared/kernel/dates";
import { kernelErrors, SocleError } from "../../../shared/kernel/errors";
import type { SystemActor } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { zodIssues } from "../../kernel/use-case";
import { type FluxImportRecord, importsRepository } from "../imports.repository";
import { applyBatch } from "./apply-batch";
import type { ApplyContext } from "./apply-household";
import { parseCnafFlux } from "./parse-cnaf-flux";
import { readAhead } from "./read-ahead";
import { type HouseholdReading, readHousehold } from "./read-household";
import { validateElement, vrsbSchema } from "./vrsb-schema";
import { textAt, type XmlNode } from "./xml-node";

export const cnafImportActor: SystemActor = { kind: "system", id: "import-cnaf", channel: "import" };

export const importCnafInputSchema = z.object({
  filePath: z.string().min(1),
  /** name shown in reports (defaults to the file's base name) */
  fileName: z.string().min(1).max(200).optional(),
  departement: z
    .string()
    .transform((d) => departementFromIdeparte(d))
    .refine(isDepartementCode, "Code de département attendu (ex. 80, 2A, 971)"),
  /** date the département received the flow (T0); defaults to the flow's DTCREAFLUX */
  recuLe: localDateSchema.refine(isValidLocalDate, "Date invalide").optional(),
  batchSize: z.number().int().min(1).max(5000).default(200),
  /** who started the import: « cli » or a professional's id */
  startedBy: z.string().min(1).default("cli"),
  requestId: z.string().optional(),
});
export type ImportCnafInput = z.input<typeof importCnafInputSchema>;

export type ImportHooks = {
  /** after each committed batch; tests throw from here to simulate a crash */
  afterBatch?(info: { batch: number; processedHouseholds: number }): void | Promise<void>;
  onProgress?(p: { bytesRead: number; totalBytes: number; households: number }): void;
  newEntrantParams?: NewEntrantParams;
};

/** How many quarantined records the summary lists (all of them are in the import report). */
export const SUMMARY_QUARANTINE_LIMIT = 1000;

async function sha256File(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

type Header = { appli: string; typeflux: string; natflux: string; createdOn: string; dtref: string };

function readHeader(node: XmlNode): Header {
  const issues = validateElement(vrsbSchema().element("IdentificationFlux"), node);
  if (issues.length > 0) {
    throw importsErrors.headerInvalid(
      node.line,
      issues.map((i) => `${i.path.replace(/^IdentificationFlux\//, "")} : ${i.message}`),
    );
  }
  return {
    appli: textAt(node, "APPLIEME") ?? "",
    typeflux: textAt(node, "TYPEFLUX") ?? "",
    natflux: textAt(node, "NATFLUX") ?? "",
    createdOn: (textAt(node, "DTCREAFLUX") ?? "").slice(0, 10),
    dtref: (textAt(node, "DTREF") ?? "").slice(0, 10),
  };
}

function readTrailer(node: XmlNode): { households: number | null; anomalies: number | null } {
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  return {
    households: n(textAt(node, "NBTOTDOSRSATRANSM")),
    anomalies: n(textAt(node, "NBTOTDOSRSATRANSMANO")),
  };
}

type Item =
  | { kind: "header"; header: Header }
  | { kind: "reading"; reading: HouseholdReading }
  | { kind: "trailer"; node: XmlNode };

/** Parses and checks households ahead of the database work; households already applied are skipped unread. */
async function* readFlow(
  path: string,
  departement: string,
  skip: number,
  progress: { bytes: number },
): AsyncGenerator<Item> {
  async function* counted() {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      progress.bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  let dtref = "";
  for await (const ev of parseCnafFlux(counted())) {
    if (ev.kind === "header") {
      const header = readHeader(ev.node);
      dtref = header.dtref;
      yield { kind: "header", header };
    } else if (ev.kind === "household") {
      if (ev.index > skip) yield { kind: "reading", reading: readHousehold(ev, { departement, dtref }) };
    } else yield { kind: "trailer", node: ev.node };
  }
}

function summaryOf(
  row: FluxImportRecord,
  quarantined: CnafImportSummary["quarantined"],
  warnings: string[],
): CnafImportSummary {
  return {
    importId: row.id,
    status: row.status,
    fileName: row.fileName,
    departement: row.departement,
    typeflux: row.typeflux,
    dtref: row.dtref,
    receivedDate: row.receivedDate,
    households: row.households,
    persons: row.persons,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    newEntrants: row.newEntrants,
    divergences: row.divergences,
    possibleDuplicates: row.possibleDuplicates,
    announcedHouseholds: row.announcedHouseholds,
    quarantined,
    warnings,
    errorMessage: row.errorMessage,
  };
}

export async function importCnafFlux(
  deps: Deps,
  raw: ImportCnafInput,
  hooks: ImportHooks = {},
): Promise<CnafImportSummary> {
  const parsed = importCnafInputSchema.safeParse(raw);
  if (!parsed.success) throw kernelErrors.validation(zodIssues(parsed.error));
  const input = parsed.data;
  const actor: SystemActor = { ...cnafImportActor, requestId: input.requestId };
  const started = performance.now();

  const size = await stat(input.filePath).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw importsErrors.fileUnreadable();
  if (size === 0) throw importsErrors.emptyFile();
  const contentHash = await sha256File(input.filePath);
  const existing = await importsRepository.findByHash(deps.db, "cnaf", input.departement, contentHash);
  if (existing?.status === "termine") {
    return {
      ...summaryOf(
        existing,
        [],
        [
          `Fichier déjà importé (import terminé le ${existing.finishedAt?.toISOString().slice(0, 10)}) : aucune modification.`,
        ],
      ),
      status: "deja_importe",
      households: 0,
      persons: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      newEntrants: 0,
      divergences: 0,
      possibleDuplicates: 0,
    };
  }

  const skip = existing?.processedHouseholds ?? 0;
  const progress = { bytes: 0 };
  let importId: string | undefined = existing?.id;
  let ctx: ApplyContext | undefined;
  let processed = skip;
  let batchNo = 0;
  let lastIndex = skip;
  let announced: { households: number | null; anomalies: number | null } = {
    households: null,
    anomalies: null,
  };
  let pending: HouseholdReading[] = [];
  const params = hooks.newEntrantParams ?? defaultNewEntrantParams;

  const flush = async () => {
    if (pending.length === 0 || !ctx) return;
    const readings = pending;
    pending = [];
    const applyCtx = { ...ctx, now: deps.clock.now() };
    await deps.db
      .transaction()
      .execute((tx) => applyBatch(tx, deps, { ctx: applyCtx, actor, params, from: processed, readings }));
    processed += readings.length;
    batchNo++;
    hooks.onProgress?.({ bytesRead: progress.bytes, totalBytes: size, households: processed });
    await hooks.afterBatch?.({ batch: batchNo, processedHouseholds: processed });
  };

  try {
    for await (const item of readAhead(
      readFlow(input.filePath, input.departement, skip, progress),
      4 * input.batchSize,
    )) {
      if (item.kind === "header") {
        const h = item.header;
        const now = deps.clock.now();
        if (existing) {
          await importsRepository.restart(deps.db, existing.id);
        } else {
          importId = deps.ids.uuid();
          await importsRepository.insert(deps.db, {
            id: importId,
            kind: "cnaf",
            departement: input.departement,
            file_name: input.fileName ?? basename(input.filePath),
            content_hash: contentHash,
            size_bytes: size,
            appli_emettrice: h.appli,
            typeflux: h.typeflux,
            natflux: h.natflux,
            flux_created_date: h.createdOn,
            dtref: h.dtref,
            received_date: input.recuLe ?? h.createdOn,
            received_date_source: input.recuLe ? "OPERATEUR" : "DTCREAFLUX",
            status: "en_cours",
            error_code: null,
            error_message: null,
            announced_households: null,
            announced_anomalies: null,
            started_by: input.startedBy,
            started_at: now,
            finished_at: null,
          });
        }
        const month = monthOf(h.dtref);
        const previousMonth = addMonths(month, -1);
        ctx = {
          importId: importId!,
          departement: input.departement,
          dtref: h.dtref,
          month,
          previousMonth,
          previousMonthKnown: await importsRepository.monthKnown(deps.db, input.departement, previousMonth),
          // a resumed import keeps the T0 it started with
          receivedDate: existing?.receivedDate ?? input.recuLe ?? h.createdOn,
          now,
        };
      } else if (item.kind === "reading") {
        pending.push(item.reading);
        lastIndex = item.reading.ok ? item.reading.household.index : item.reading.index;
        if (pending.length >= input.batchSize) await flush();
      } else {
        announced = readTrailer(item.node);
      }
    }
    await flush();
  } catch (e) {
    if (importId) {
      // a flaw of the file: keep what came before it; a crash of the run: leave the batches as committed
      if (e instanceof SocleError && e.code.startsWith("imports.cnaf.")) await flush().catch(() => undefined);
      if (!(e instanceof SocleError && e.code === "imports.running_elsewhere")) {
        const message =
          e instanceof SocleError
            ? e.message
            : "Erreur inattendue pendant l'import : relancez le même fichier pour le reprendre.";
        await importsRepository.fail(
          deps.db,
          importId,
          e instanceof SocleError ? e.code : "internal",
          message,
        );
      }
    }
    deps.log.warn({ useCase: "ImportCnafFlux", importId, code: (e as { code?: string }).code ?? "internal" });
    // the caller can still show what was imported before the stop
    if (importId && e instanceof Error) Object.assign(e, { importId });
    throw e;
  }

  await importsRepository.finish(deps.db, importId!, deps.clock.now(), announced);
  const warnings: string[] = [];
  if (announced.households !== null && announced.households !== lastIndex) {
    warnings.push(
      `Le fichier annonce ${announced.households} foyers (NBTOTDOSRSATRANSM) mais en contient ${lastIndex}.`,
    );
  }
  if (skip > 0)
    warnings.push(`Import repris après ${skip} foyers déjà traités lors d'une exécution précédente.`);
  const summary = await cnafImportSummary(deps.db, importId!, warnings);
  deps.log.info({
    useCase: "ImportCnafFlux",
    importId,
    households: summary.households,
    ms: Math.round(performance.now() - started),
  });
  return summary;
}

/** The summary of an import as recorded (counts of every run, first quarantined records). */
export async function cnafImportSummary(
  db: Deps["db"],
  importId: string,
  warnings: string[] = [],
): Promise<CnafImportSummary> {
  const row = await importsRepository.get(db, importId);
  if (!row) throw importsErrors.notFound(importId);
  return summaryOf(
    row,
    await importsRepository.quarantined(db, importId, SUMMARY_QUARANTINE_LIMIT),
    warnings,
  );
}
