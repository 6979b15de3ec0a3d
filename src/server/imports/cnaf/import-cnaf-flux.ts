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
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
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
import { allowsConcurrentQueries } from "../../db/connect";
import { supportsCopy } from "../../db/copy";
import { followUpRepository } from "../../follow-up/follow-up.repository";
import type { SystemActor } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { zodIssues } from "../../kernel/use-case";
import { type FluxImportRecord, importsRepository } from "../imports.repository";
import {
  applyBatch,
  type BatchFootprint,
  type BatchInput,
  type BatchPlan,
  earlyReadsUsable,
  planBatch,
  readBatch,
  writeBatch,
} from "./apply-batch";
import type { ApplyContext } from "./apply-household";
import { readAhead } from "./read-ahead";
import { readFlow } from "./read-flow";
import { readFlowInWorker } from "./read-flow-in-worker";
import type { HouseholdReading } from "./read-household";
import { decodeWindows1252 } from "./windows-1252";

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
  batchSize: z.number().int().min(1).max(5000).default(1000),
  /** read batch k+1 while batch k is written (default: when the database has concurrent connections) */
  pipeline: z.boolean().optional(),
  /** parse the file in a worker thread, alongside the database work (off: same thread, read ahead) */
  readInWorker: z.boolean().default(true),
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
    veillesStarted: row.veillesStarted,
    veillesEnded: row.veillesEnded,
    pathwaysClosed: row.pathwaysClosed,
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
      veillesStarted: 0,
      veillesEnded: 0,
      pathwaysClosed: 0,
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
  // ⚙ suivi.veilleMaxMois: the département's own setting, else the national default
  const params = hooks.newEntrantParams ?? {
    ...defaultNewEntrantParams,
    suspensionMaxMois:
      (await followUpRepository.closureMonths(deps.db)).get(input.departement) ??
      defaultNewEntrantParams.suspensionMaxMois,
  };

  // On the server, batches overlap: while batch k is written in its transaction, batch k+1 is read on
  // another connection (readBatch) and planned (planBatch, no database); k+1 is written once k has
  // committed. Its early reads are used only if k wrote nothing they depend on (earlyReadsUsable, against
  // k's footprint, known as soon as k is planned); otherwise k+1 reads and plans again in its transaction.
  const pipelined = input.pipeline ?? allowsConcurrentQueries(deps.db);
  // the big tables by COPY on the server (PGlite: unnest() inserts)
  const copy = supportsCopy(deps.db);
  /** footprint of the last batch planned; undefined while that batch plans inside its transaction */
  let footprint: BatchFootprint | undefined;
  let footprintKnown = true;
  let applying: Promise<void> = Promise.resolve();
  let launched = skip;
  // the XML of a household whose reading came without it (read-flow.worker.ts), read again from the file
  const readRaw = (at: { offset: number; length: number }) => {
    const bytes = Buffer.alloc(at.length);
    const fd = openSync(input.filePath, "r");
    try {
      readSync(fd, bytes, 0, at.length, at.offset);
    } finally {
      closeSync(fd);
    }
    return decodeWindows1252(bytes);
  };
  const committed = async (from: number, readings: HouseholdReading[]) => {
    processed = from + readings.length;
    batchNo++;
    hooks.onProgress?.({ bytesRead: progress.bytes, totalBytes: size, households: processed });
    await hooks.afterBatch?.({ batch: batchNo, processedHouseholds: processed });
  };
  const batchInput = (readings: HouseholdReading[], from: number): BatchInput => ({
    ctx: { ...ctx!, now: deps.clock.now() },
    actor,
    params,
    from,
    readings,
    readRaw,
    copy,
  });
  /** reads, plans and writes in one transaction (PGlite, or when early reads cannot be used) */
  const applyInTransaction = async (batch: BatchInput) => {
    const result = await deps.db.transaction().execute((tx) => applyBatch(tx, deps, batch));
    footprint = result.footprint;
    footprintKnown = true;
    await committed(batch.from, batch.readings);
  };
  const flush = async () => {
    if (pending.length === 0 || !ctx) return;
    const readings = pending;
    pending = [];
    const from = launched;
    launched += readings.length;
    if (!pipelined) return applyInTransaction(batchInput(readings, from));
    // k+1's reads start now: k-1 is committed (at most two batches in flight)
    const early = readBatch(deps.db, deps, ctx, readings);
    early.catch(() => undefined); // awaited below, its error raised there
    let plan: BatchPlan | undefined;
    const tryPlan = async () => {
      const reads = await early;
      if (earlyReadsUsable(reads, footprint)) plan = await planBatch(deps, batchInput(readings, from), reads);
    };
    // plan while k is written when k's footprint is known; else once k has committed
    const planNow = footprintKnown;
    if (planNow) await tryPlan();
    await applying;
    if (!planNow) await tryPlan();
    if (plan) {
      const planned = plan;
      footprint = planned.footprint;
      applying = deps.db
        .transaction()
        .execute((tx) => writeBatch(tx, deps, planned))
        .then(() => committed(from, readings));
    } else {
      footprintKnown = false;
      applying = applyInTransaction(batchInput(readings, from));
    }
    applying.catch(() => undefined); // raised by the next flush or drain
  };
  const drain = () => applying;

  try {
    const items = input.readInWorker
      ? readFlowInWorker(
          // the worker may run two batches ahead: it parses batch k+2 while k+1 is planned and k written
          {
            path: input.filePath,
            departement: input.departement,
            skip,
            chunk: 100,
            credits: 2 + Math.ceil((2 * input.batchSize) / 100),
          },
          progress,
        )
      : readAhead(readFlow(input.filePath, input.departement, skip, progress), 4 * input.batchSize);
    for await (const item of items) {
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
        announced = item.trailer;
      }
    }
    await flush();
    await drain();
  } catch (e) {
    // the batch in flight, if any, ends (committed or not) before anything else is decided
    await drain().catch(() => undefined);
    if (importId) {
      // a flaw of the file: keep what came before it; a crash of the run: leave the batches as committed
      if (e instanceof SocleError && e.code.startsWith("imports.cnaf.") && processed === launched)
        await flush()
          .then(drain)
          .catch(() => undefined);
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
