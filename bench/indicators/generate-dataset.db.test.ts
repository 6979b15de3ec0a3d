// The benchmark's dataset generator on 1,000 persons in the steering fixtures' territory (so that it cannot rot silently between two runs of the
// benchmark): every département with communes gets persons, the rows are consistent with each other (a
// person's events happen in their pathway's life, each person lives in their pathway's département), the
// generation is deterministic, and every computable indicator of the national dashboard has a non-zero value.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { DbHandle } from "../../src/server/db/connect";
import { steeringTerritory } from "../../src/server/steering/steering.fixtures";
import { computeIndicators } from "../../src/server/steering/steering.indicators";
import { testDb } from "../../src/test-support/db";
import { DATASET_TABLES, generateDataset } from "./generate-dataset";

const TODAY = "2026-12-06";
let h: DbHandle;

before(async () => {
  h = await testDb();
  // the steering tests' small territory (3 départements, 4 communes) rather than the whole COG: the
  // generator reads départements and communes whatever they are, and this keeps the test under 20 s
  await steeringTerritory(h.db);
  await generateDataset(h.db, { persons: 1000, seed: 7, today: TODAY });
});
after(() => h.close());

const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(h.db)).rows[0]!;

test("every département with communes has persons, each living in a commune of their pathway's département", async () => {
  const r = await one(sql<{ without: number; departements: number; mismatched: number }>`
    SELECT
      (SELECT count(*)::int FROM departements d WHERE EXISTS (SELECT 1 FROM communes c WHERE c.departement_code = d.code)
         AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.departement = d.code)) AS without,
      (SELECT count(DISTINCT departement)::int FROM persons) AS departements,
      (SELECT count(*)::int FROM persons p JOIN parcours pa ON pa.person_id = p.id JOIN communes c ON c.code = p.commune_code
         WHERE c.departement_code <> p.departement OR pa.departement <> p.departement) AS mismatched`);
  assert.equal(r.without, 0);
  assert.equal(r.departements, 3);
  assert.equal(r.mismatched, 0);
  assert.equal((await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM persons`)).n, 1000);
});

test("the events fall within their pathway's life and before the computation date", async () => {
  const r = await one(sql<Record<string, number>>`
    SELECT
      (SELECT count(*)::int FROM parcours WHERE t0_date > (opened_at AT TIME ZONE 'Europe/Paris')::date
         OR closed_at <= opened_at OR opened_at >= ${TODAY}::date) AS pathways,
      (SELECT count(*)::int FROM orientations o JOIN parcours pa ON pa.id = o.parcours_id
         WHERE o.decided_at < date_trunc('day', pa.opened_at) OR o.notified_at < o.decided_at
           OR o.decided_at > COALESCE(pa.closed_at, ${TODAY}::timestamptz)) AS orientations,
      (SELECT count(*)::int FROM follow_ups f JOIN parcours pa ON pa.person_id = f.person_id
         WHERE f.started_at < pa.opened_at OR f.started_at > COALESCE(pa.closed_at, ${TODAY}::timestamptz)) AS referents,
      (SELECT count(*)::int FROM contract_versions v JOIN contracts c ON c.id = v.contract_id
         JOIN diagnostics d ON d.person_id = c.person_id WHERE v.signed_at <= d.created_at) AS contracts,
      (SELECT count(*)::int FROM appointments a WHERE a.status IN ('HONORE', 'ABSENT', 'EXCUSE')
         AND (SELECT s.starts_at FROM appointment_slots s WHERE s.id = a.slot_id) > ${TODAY}::timestamptz) AS attended_in_future`);
  assert.deepEqual(r, { pathways: 0, orientations: 0, referents: 0, contracts: 0, attended_in_future: 0 });
});

test("every table the indicators read is filled, with every status the indicators count", async () => {
  for (const t of DATASET_TABLES) {
    const n = (await one(sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`)).n;
    assert.ok(n > 0, `${t} vide`);
  }
  const statuses = (
    await sql<{ status: string }>`SELECT DISTINCT status FROM appointments ORDER BY 1`.execute(h.db)
  ).rows.map((x) => x.status);
  assert.deepEqual(statuses, ["ABSENT", "EXCUSE", "HONORE", "INVITE", "PLANIFIE"]);
  const intensive = await one(
    sql<{ n: number }>`SELECT count(*)::int AS n FROM ind_contract_signatures WHERE programme_hours >= 15`,
  );
  assert.ok(intensive.n > 0);
});

test("the same seed gives the same rows", async () => {
  const digest = async () =>
    (
      await one(sql<{ d: string }>`SELECT md5(string_agg(p.id::text || p.commune_code || pa.t0_date::text
        || COALESCE(o.parcours_retenu, '-'), ',' ORDER BY p.id)) AS d
        FROM persons p JOIN parcours pa ON pa.person_id = p.id
        LEFT JOIN orientations o ON o.parcours_id = pa.id AND o.origine <> 'REORIENTATION' AND o.decision IS NOT NULL`)
    ).d;
  const before = await digest();
  const other = await testDb();
  try {
    await steeringTerritory(other.db);
    await generateDataset(other.db, { persons: 1000, seed: 7, today: TODAY });
    const again = await sql<{
      d: string;
    }>`SELECT md5(string_agg(p.id::text || p.commune_code || pa.t0_date::text
        || COALESCE(o.parcours_retenu, '-'), ',' ORDER BY p.id)) AS d
        FROM persons p JOIN parcours pa ON pa.person_id = p.id
        LEFT JOIN orientations o ON o.parcours_id = pa.id AND o.origine <> 'REORIENTATION' AND o.decision IS NOT NULL`.execute(
      other.db,
    );
    assert.equal(again.rows[0]!.d, before);
  } finally {
    await other.close();
  }
});

test("every computable indicator of the national dashboard has a non-zero value", async () => {
  const r = await computeIndicators(h.db, {
    territory: { niveau: "national", code: null, nom: "France" },
    de: "2025-12",
    a: "2026-11",
    granularite: "mois",
    today: TODAY,
  });
  const available = r.indicateurs.filter((i) => i.disponible);
  assert.ok(available.length >= 14, `${available.length} indicateurs disponibles`);
  for (const i of available) {
    const values = i.valeurs.filter((v) => v.modalite === null && v.valeur !== null);
    assert.ok(
      values.some((v) => v.valeur! > 0),
      `${i.id} : aucune valeur non nulle (${JSON.stringify(i.valeurs.slice(-2))})`,
    );
  }
});
