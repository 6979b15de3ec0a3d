// Loads the reference datasets (territories, zones d'emploi, ROME) idempotently: a dataset whose
// version and source checksum are already recorded in reference_versions is skipped; otherwise it is
// upserted in one transaction together with its new reference_versions row. Run at every start.
import { sql } from "kysely";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import { romeDataset } from "./load-rome";
import { cogDataset, zonesEmploiDataset } from "./load-territories";
import type { ReferenceDataset } from "./reference-dataset";

export type ReferenceDataLoad = {
  dataset: string;
  version: string;
  /** rows written by this call, or recorded by the previous load when skipped */
  rows: number;
  skipped: boolean;
  /** per-table counts and anomalies (e.g. communesWithoutZone); absent when skipped */
  details?: Record<string, number>;
};

type Log = { info(o: object, msg?: string): void };

export async function loadReferenceData(db: Db, clock: Clock, log?: Log): Promise<ReferenceDataLoad[]> {
  const zones = zonesEmploiDataset();
  // order matters: communes reference zones d'emploi
  const datasets = [zones, cogDataset(zones.checksum), romeDataset()];
  const results: ReferenceDataLoad[] = [];
  for (const dataset of datasets) {
    const started = performance.now();
    const result = await loadDataset(db, clock, dataset);
    log?.info(
      { ...result, ms: Math.round(performance.now() - started) },
      result.skipped ? "données de référence déjà à jour" : "données de référence chargées",
    );
    results.push(result);
  }
  return results;
}

async function loadDataset(db: Db, clock: Clock, dataset: ReferenceDataset): Promise<ReferenceDataLoad> {
  const { name, version, checksum } = dataset;
  return db.transaction().execute(async (tx) => {
    // two instances starting together on one PostgreSQL server load one after the other
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`socle:reference-data:${name}`}))`.execute(tx);
    const current = await tx
      .selectFrom("reference_versions")
      .select(["version", "checksum", "row_count"])
      .where("dataset", "=", name)
      .executeTakeFirst();
    if (current && current.version === version && current.checksum === checksum) {
      return { dataset: name, version, rows: current.row_count, skipped: true };
    }
    const { rows, details } = await dataset.load(tx);
    const record = { dataset: name, version, row_count: rows, checksum, loaded_at: clock.now() };
    await tx
      .insertInto("reference_versions")
      .values(record)
      .onConflict((oc) =>
        oc.column("dataset").doUpdateSet({
          version: record.version,
          row_count: record.row_count,
          checksum: record.checksum,
          loaded_at: record.loaded_at,
        }),
      )
      .execute();
    return { dataset: name, version, rows, skipped: false, details };
  });
}
