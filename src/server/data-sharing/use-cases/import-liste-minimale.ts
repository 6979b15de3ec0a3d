// Importing the liste minimale of a département that runs its own system, resumable and idempotent:
// `startListeMinimaleImport` checks access and the file (required columns) and records the import, keyed by
// the file's SHA-256 (the same file again resumes an unfinished import or returns the finished one); then
// `applyListeMinimaleBatch` checks each row of a batch (valid rows upserted as external facts of the
// département by id_parcours, unchanged ones left alone; invalid ones quarantined with their French reasons)
// and moves the resume mark, all in the batch's transaction. A killed run loses at most the batch in progress.
// No person, pathway or work item of Socle is created: these people are followed in another system.
import { createHash } from "node:crypto";
import type { Insertable } from "kysely";
import { z } from "zod";
import { dataSharingErrors } from "../../../shared/data-sharing/data-sharing.errors";
import {
  LISTE_MINIMALE_MAX_BYTES,
  type ListeMinimaleColumn,
  parseListeMinimaleRow,
} from "../../../shared/data-sharing/data-sharing.schema";
import { audit } from "../../audit/audit";
import { type Actor, assertCan } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { useCase } from "../../kernel/use-case";
import { readListeMinimale } from "../data-sharing.file";
import { dataSharingPolicy } from "../data-sharing.policy";
import { presentImport } from "../data-sharing.presenter";
import { dataSharingRepository } from "../data-sharing.repository";
import type { ExternalParcoursFactsTable } from "../data-sharing.tables";
import { DATA_SHARING_SECTION } from "./export-liste-minimale";

const subject = { section: DATA_SHARING_SECTION, purpose: "follow" as const };
const departementSchema = z
  .string()
  .trim()
  .regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu (ex. 33).");

/** A uuid standing for a person of another system: the same (département, id_personne) gives the same key. */
export function personKey(departement: string, sourcePersonId: string): string {
  const h = createHash("sha256").update(`${departement}\u0000${sourcePersonId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const startListeMinimaleImport = useCase(
  "StartListeMinimaleImport",
  z.object({
    departement: departementSchema,
    fileName: z.string().min(1).max(200),
    content: z.instanceof(Buffer),
  }),
  async ({ tx, actor, input, clock, ids }) => {
    assertCan(dataSharingPolicy.import(actor, input.departement), "data_sharing.import", subject);
    if (!(await dataSharingRepository.departementExists(tx, input.departement)))
      throw dataSharingErrors.unknownDepartement(input.departement);
    if (input.content.length === 0) throw dataSharingErrors.empty();
    if (input.content.length > LISTE_MINIMALE_MAX_BYTES) throw dataSharingErrors.tooLarge();
    const contentHash = createHash("sha256").update(input.content).digest("hex");
    const table = await readListeMinimale(input.fileName, input.content);
    const existing = await dataSharingRepository.findImport(tx, input.departement, contentHash);
    if (existing) {
      if (existing.status === "EN_COURS") await dataSharingRepository.markRerun(tx, existing.id);
      return {
        importId: existing.id,
        alreadyImported: existing.status === "TERMINE",
        from: existing.processed_rows,
        table,
      };
    }
    const id = ids.uuid();
    await dataSharingRepository.insertImport(tx, {
      id,
      departement: input.departement,
      fileName: input.fileName,
      format: table.format,
      contentHash,
      rowCount: table.rows.length,
      startedBy: actor.id,
      at: clock.now(),
    });
    await audit.record(tx, clock, actor, {
      ...subject,
      action: "data_sharing.liste_minimale_import_started",
      personId: null,
      details: { importId: id, departement: input.departement, lignes: table.rows.length },
    });
    return { importId: id, alreadyImported: false, from: 0, table };
  },
);

const batchSchema = z.object({
  importId: z.string().uuid(),
  /** index of the batch's first row in the file (the resume mark it continues from) */
  from: z.number().int().min(0),
  rows: z
    .array(z.object({ line: z.number().int().min(2), cells: z.record(z.string(), z.string()) }))
    .max(5000),
});

export const applyListeMinimaleBatch = useCase(
  "ApplyListeMinimaleBatch",
  batchSchema,
  async ({ tx, actor, input, clock, ids }) => {
    const i = await dataSharingRepository.getImport(tx, input.importId);
    if (!i) throw dataSharingErrors.importNotFound(input.importId);
    assertCan(dataSharingPolicy.import(actor, i.departement), "data_sharing.import", subject);
    // another run already did this batch (or the import is finished): nothing to do
    if (i.status === "TERMINE" || i.processed_rows !== input.from) return { processed: i.processed_rows };

    const now = clock.now();
    const valid: Insertable<ExternalParcoursFactsTable>[] = [];
    const rejected: {
      line: number;
      sourceId: string | null;
      reasons: { colonne: string; message: string }[];
    }[] = [];
    const seen = new Set<string>();
    for (const r of input.rows) {
      const check = parseListeMinimaleRow(
        r.cells as Partial<Record<ListeMinimaleColumn, string>>,
        i.departement,
      );
      const sourceId = (r.cells.id_parcours ?? "").trim() || null;
      if (!check.ok) {
        rejected.push({ line: r.line, sourceId, reasons: check.reasons });
        continue;
      }
      const v = check.value;
      if (seen.has(v.idParcours)) {
        rejected.push({
          line: r.line,
          sourceId,
          reasons: [
            {
              colonne: "id_parcours",
              message: "Ce parcours figure déjà sur une ligne précédente du fichier.",
            },
          ],
        });
        continue;
      }
      seen.add(v.idParcours);
      const facts = {
        departement: i.departement,
        source_id: v.idParcours,
        person_key: personKey(i.departement, v.idPersonne),
        source_person_id: v.idPersonne,
        france_travail_id: v.idFranceTravail,
        rsa_id: v.idRsa,
        commune_code: v.codeCommune,
        reference_month: v.moisReference,
        rights_opened_date: v.dateOuvertureDroitsRsa,
        t0_date: v.dateNotificationDepartement,
        opened_date: v.dateEntreeDispositif,
        new_entrant: v.nouvelEntrant,
        orientation_appointment_date: v.dateRdvOrientation,
        orientation_appointment_presence: v.presenceRdvOrientation,
        barriers: JSON.stringify(v.freinsReperes),
        first_diagnostic_date: v.dateDiagnostic,
        oriented_date: v.dateOrientation,
        orientations: JSON.stringify(v.orientations),
        referent_periods: JSON.stringify(v.periodesReferent),
        appointments: JSON.stringify(v.rdvAccompagnement),
        services: JSON.stringify(v.prestations),
        contracts: JSON.stringify(v.contratsEngagement),
        closed_date: v.dateSortie,
        exit_reason: v.motifSortie,
      };
      // the month of reference is not part of the facts: the same facts sent again change nothing
      const { reference_month: _month, ...compared } = facts;
      const rowHash = createHash("sha256").update(JSON.stringify(compared)).digest("hex");
      valid.push({
        ...facts,
        id: ids.uuid(),
        row_hash: rowHash,
        import_id: i.id,
        created_at: now,
        updated_at: now,
      });
    }
    const stored = await dataSharingRepository.existingHashes(
      tx,
      i.departement,
      valid.map((v) => v.source_id),
    );
    const changed = valid.filter((v) => stored.get(v.source_id) !== v.row_hash);
    await dataSharingRepository.upsertFacts(tx, changed);
    await dataSharingRepository.quarantine(tx, i.id, rejected);
    const processed = input.from + input.rows.length;
    const counts = {
      created: changed.filter((v) => !stored.has(v.source_id)).length,
      updated: changed.filter((v) => stored.has(v.source_id)).length,
      unchanged: valid.length - changed.length,
      quarantined: rejected.length,
    };
    await dataSharingRepository.progress(tx, i.id, {
      processed,
      ...counts,
      finishedAt: processed >= i.row_count ? now : null,
    });
    await audit.record(tx, clock, actor, {
      ...subject,
      action: "data_sharing.liste_minimale_rows_imported",
      personId: null,
      details: { importId: i.id, departement: i.departement, premiereLigne: input.from + 2, ...counts },
    });
    return { processed };
  },
);

export const getListeMinimaleImport = useCase(
  "GetListeMinimaleImport",
  z.object({ importId: z.string().uuid(), alreadyImported: z.boolean().default(false) }),
  async ({ tx, actor, input }) => {
    const i = await dataSharingRepository.getImport(tx, input.importId);
    if (!i) throw dataSharingErrors.importNotFound(input.importId);
    assertCan(dataSharingPolicy.import(actor, i.departement), "data_sharing.import", subject);
    const rejected = await dataSharingRepository.quarantined(tx, i.id);
    return presentImport(i, { alreadyImported: input.alreadyImported, rejected });
  },
);

/** The whole import of a file: start (or resume), then batches from the resume mark, then the report. */
export async function importListeMinimale(
  deps: Deps,
  actor: Actor,
  input: { departement: string; fileName: string; content: Buffer; batchSize?: number },
) {
  const started = await startListeMinimaleImport(deps, actor, {
    departement: input.departement,
    fileName: input.fileName,
    content: input.content,
  });
  const size = input.batchSize ?? 500;
  if (!started.alreadyImported) {
    const rows = started.table.rows;
    for (let from = started.from; from < rows.length; from += size)
      await applyListeMinimaleBatch(deps, actor, {
        importId: started.importId,
        from,
        rows: rows.slice(from, from + size),
      });
  }
  return getListeMinimaleImport(deps, actor, {
    importId: started.importId,
    alreadyImported: started.alreadyImported,
  });
}
