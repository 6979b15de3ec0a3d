// Keeps the steering fact tables in step with the live tables (ADR 0005). Writes mark their persons, reference
// data changes (a commune's zone d'emploi, a département's région) the persons concerned (triggers of migrations
// 202612070100 and 202612071300); `refreshSteeringFacts` recomputes the marked persons' facts from the views,
// batch by batch, before a dashboard is computed (inside its transaction: the figures are live) and every minute
// on a running server; `rebuildSteeringFacts` recomputes everything in one snapshot (a large backlog, or
// `socle pilotage actualiser --reconstruire`).
import type { Db } from "../db/connect";
import { steeringFactsRepository as repo } from "./steering-facts.repository";

/** Persons recomputed per batch: enough to amortise the statements, few enough to keep locks short. */
export const REFRESH_BATCH = 2000;

async function refreshBatches(tx: Db, batch: number, maxBatches: number): Promise<number> {
  let persons = 0;
  for (let i = 0; i < maxBatches; i++) {
    const taken = await repo.takeDirty(tx, batch);
    if (taken.length === 0) break;
    await repo.recompute(
      tx,
      taken.map((t) => t.person_id),
    );
    await repo.clearDirty(tx, taken);
    persons += taken.length;
    if (taken.length < batch) break;
  }
  return persons;
}

/**
 * Recomputes the facts of the persons marked since the last refresh; returns how many. Inside a transaction
 * (a dashboard's) every batch runs in it; otherwise each batch commits on its own.
 */
export async function refreshSteeringFacts(db: Db, o: { batch?: number } = {}): Promise<number> {
  const batch = o.batch ?? REFRESH_BATCH;
  if (db.isTransaction) return refreshBatches(db, batch, Number.POSITIVE_INFINITY);
  let persons = 0;
  for (;;) {
    const n = await db.transaction().execute((tx) => refreshBatches(tx, batch, 1));
    persons += n;
    if (n < batch) return persons;
  }
}

/**
 * Recomputes every fact in one repeatable-read snapshot and forgets the marks it saw (a write committed
 * after the snapshot keeps its mark for the next refresh).
 */
export async function rebuildSteeringFacts(db: Db): Promise<void> {
  await repo.analyzeSources(db);
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      await repo.recompute(tx, null);
      await repo.clearAllDirty(tx);
    });
  await repo.analyzeFacts(db);
}

/** How many persons wait for a refresh. */
export const steeringFactsBacklog = (db: Db) => repo.dirtyCount(db);

/** How many pathways the fact tables hold (the size a backlog is compared with). */
export const steeringFactsPathways = async (db: Db) =>
  (await repo.sizes(db, ["steering_pathway_facts"])).steering_pathway_facts ?? 0;
