// Applying a tabular import, resumable: `stageTabularImport` checks every row once and records it (valid
// rows pending, invalid ones quarantined with their French reasons) in one transaction, then
// `applyTabularImportBatch` processes the pending rows by batches, each in its own transaction. A killed
// run loses at most the batch in progress, which the next run redoes; an import already finished, or the
// same rows in a later file, change nothing (PS-58).
import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { mappingIssues, validateTabularRow } from "../../../../shared/imports/tabular/tabular-import.rules";
import { FILE_ROLES } from "../../../../shared/persons/persons.access";
import { audit } from "../../../audit/audit";
import { type Actor, assertCan } from "../../../kernel/access";
import { parisToday } from "../../../kernel/clock";
import type { Deps } from "../../../kernel/deps";
import { useCase } from "../../../kernel/use-case";
import { readTabularFile } from "../tabular-file";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { tabularImportsRepository } from "../tabular-imports.repository";
import { applyRow, type RowOutcome, rowKeys } from "../tabular-row";
import { getTabularImport } from "./get-tabular-import";

const importIdSchema = z.object({ importId: z.string().uuid() });

export const stageTabularImport = useCase(
  "StageTabularImport",
  importIdSchema,
  async ({ tx, actor, input, clock, secrets }) => {
    await tabularImportsRepository.lockForUpdate(tx, input.importId);
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.apply(actor, i), "tabular_import.apply", {
      section: "import",
      purpose: "identify",
    });
    if (i.status !== "TELEVERSE" || !i.contentCipher) return { staged: 0 };
    const issues = mappingIssues(i.mapping, i.headers.length);
    if (issues.length > 0) throw tabularImportErrors.invalidMapping(issues);

    const file = await readTabularFile(
      i.fileName,
      Buffer.from(secrets.decryptNir(i.contentCipher), "base64"),
    );
    const rows = file.rows.map((cells, k) => {
      const check = validateTabularRow(cells, i.mapping);
      const rawCipher = secrets.encryptNir(JSON.stringify(cells));
      if (!check.ok) {
        return {
          line: k + 2,
          rawCipher,
          rawHash: secrets.nirIndex(JSON.stringify(cells)),
          naturalKey: null,
          status: "QUARANTAINE" as const,
          reasons: check.reasons,
        };
      }
      return {
        line: k + 2,
        rawCipher,
        ...rowKeys(secrets, check.value),
        status: "EN_ATTENTE" as const,
        reasons: [],
      };
    });
    await tabularImportsRepository.insertRows(tx, i.id, rows);
    const now = clock.now();
    await tabularImportsRepository.markStarted(tx, i.id, now);
    await audit.record(tx, clock, actor, {
      action: "imports.tabular.started",
      section: "import",
      purpose: "identify",
      personId: null,
      details: {
        importId: i.id,
        rows: rows.length,
        quarantined: rows.filter((r) => r.status === "QUARANTAINE").length,
      },
    });
    return { staged: rows.length };
  },
);

const auditActions: Record<RowOutcome["status"], string | null> = {
  CREEE: "imports.tabular.person_created",
  DOUBLON_A_EXAMINER: "imports.tabular.person_created",
  MISE_A_JOUR: "imports.tabular.person_updated",
  INCHANGEE: "imports.tabular.person_matched",
  QUARANTAINE: null,
};

export const applyTabularImportBatch = useCase(
  "ApplyTabularImportBatch",
  importIdSchema.extend({ batchSize: z.number().int().min(1).max(5000).default(500) }),
  async ({ tx, actor, input, clock, ids, secrets }) => {
    await tabularImportsRepository.lockForUpdate(tx, input.importId);
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.apply(actor, i), "tabular_import.apply", {
      section: "import",
      purpose: "identify",
    });
    if (i.status !== "EN_COURS") return { processed: 0, remaining: 0 };

    const today = parisToday(clock);
    const followUpBy =
      actor.kind === "professional" && actor.roles.some((r) => FILE_ROLES.includes(r))
        ? { structureId: actor.structureId, professionalId: actor.id }
        : null;
    const pending = await tabularImportsRepository.pendingRows(tx, i.id, input.batchSize);
    const touched = new Map<string, string[]>();
    for (const row of pending) {
      const cells = JSON.parse(secrets.decryptNir(row.rawCipher)) as string[];
      const check = validateTabularRow(cells, i.mapping);
      const outcome: RowOutcome = check.ok
        ? await applyRow(
            tx,
            { clock, ids, secrets },
            { importId: i.id, line: row.line, departement: i.departement, followUpBy, today },
            check.value,
            {
              naturalKey: row.naturalKey ?? "",
              rawHash: row.rawHash,
            },
          )
        : { status: "QUARANTAINE", personId: null, reasons: check.reasons };
      await tabularImportsRepository.setRowOutcome(tx, i.id, row.line, { ...outcome, at: clock.now() });
      const action = auditActions[outcome.status];
      if (action && outcome.personId) touched.set(action, [...(touched.get(action) ?? []), outcome.personId]);
    }
    for (const [action, personIds] of touched) {
      await audit.recordMany(tx, clock, actor, personIds, {
        action,
        section: "import",
        purpose: "identify",
        details: { importId: i.id },
      });
    }
    const remaining = (await tabularImportsRepository.counts(tx, i.id)).enAttente;
    if (remaining === 0) await tabularImportsRepository.markFinished(tx, i.id, clock.now());
    return { processed: pending.length, remaining };
  },
);

/** The whole application: stage (once), then batches until nothing is pending. Resumes an interrupted run. */
export async function applyTabularImport(
  deps: Deps,
  actor: Actor,
  input: { importId: string; batchSize?: number },
) {
  await stageTabularImport(deps, actor, { importId: input.importId });
  for (;;) {
    const r = await applyTabularImportBatch(deps, actor, {
      importId: input.importId,
      batchSize: input.batchSize,
    });
    if (r.remaining === 0 || r.processed === 0) break;
  }
  return getTabularImport(deps, actor, { importId: input.importId });
}
