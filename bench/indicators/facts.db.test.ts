// Differential test of the steering fact tables (ADR 0005) on the benchmark's generated dataset: the
// dashboards read the fact tables, which must give exactly the figures the fact views give (the oracle,
// steering.views.repository.ts) for every territory level, granularity and breakdown; after writes of every
// kind (reference data included: a commune moved to another zone d'emploi, a département to another région) the
// triggers mark the persons concerned, the stale tables differ from the views, and a refresh of the marked
// persons alone brings them back to what a full rebuild gives.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import type { DbHandle } from "../../src/server/db/connect";
import {
  rebuildSteeringFacts,
  refreshSteeringFacts,
  steeringFactsBacklog,
} from "../../src/server/steering/steering.facts";
import { AMIENS, steeringTerritory } from "../../src/server/steering/steering.fixtures";
import { computeIndicators, type ReportRequest } from "../../src/server/steering/steering.indicators";
import type { TerritoryFilter } from "../../src/server/steering/steering.repository";
import { steeringViewsRepository } from "../../src/server/steering/steering.views.repository";
import { steeringFactsRepository } from "../../src/server/steering/steering-facts.repository";
import type { Breakdown } from "../../src/shared/steering/steering.catalogue";
import type { Granularity } from "../../src/shared/steering/steering.periods";
import type { IndicatorsReport } from "../../src/shared/steering/steering.schema";
import { testDb } from "../../src/test-support/db";
import { generateDataset } from "./generate-dataset";

const TODAY = "2026-12-06";
let h: DbHandle;

before(async () => {
  h = await testDb();
  await steeringTerritory(h.db);
  await generateDataset(h.db, { persons: 1200, seed: 11, today: TODAY });
});
after(() => h.close());

const territories: (TerritoryFilter & { nom: string })[] = [
  { niveau: "national", code: null, nom: "France" },
  { niveau: "region", code: "32", nom: "Hauts-de-France" },
  { niveau: "departement", code: "80", nom: "Somme" },
  { niveau: "zone_emploi", code: "3212", nom: "Abbeville-Beauvais" },
  { niveau: "zone_emploi", code: "3212", nom: "Abbeville-Beauvais", within: { departement: "60" } },
];

function request(
  territory: TerritoryFilter & { nom: string },
  granularite: Granularity,
  ventilation?: Breakdown,
): ReportRequest {
  return { territory, de: "2025-06", a: "2026-11", granularite, ventilation, today: TODAY };
}

/** The report from the fact tables as they are (no refresh) and from the views. */
async function both(r: ReportRequest) {
  const facts = await computeIndicators(h.db, { ...r, refreshFacts: false });
  const views = await computeIndicators(h.db, {
    ...r,
    queries: steeringViewsRepository,
    refreshFacts: false,
  });
  return { facts: facts.indicateurs, views: views.indicateurs };
}

/** Indicator by indicator: a failure names the indicator, and its diff stays small enough to print. */
// Reports and fact tables are compared piece by piece: a failing assert.deepEqual on a whole report makes
// Node 20 compute its diff for more than ten minutes, where a piece's diff is instant.
function sameFigures(
  facts: IndicatorsReport["indicateurs"],
  views: IndicatorsReport["indicateurs"],
  what = "",
) {
  assert.deepEqual(
    facts.map((i) => i.id),
    views.map((i) => i.id),
    what,
  );
  for (const [k, indicator] of facts.entries())
    assert.deepEqual(indicator, views[k], `${what} ${indicator.id}`.trim());
}

/** The same fact rows in two snapshots: the first row that differs is shown, not a diff of every table. */
function sameRows(a: Record<string, unknown[]>, b: Record<string, unknown[]>) {
  assert.deepEqual(Object.keys(a), Object.keys(b));
  for (const [table, rows] of Object.entries(a)) {
    const other = b[table]!;
    const at = rows.findIndex((row, i) => row !== other[i]);
    if (at >= 0) assert.equal(rows[at], other[at], `${table}, ligne ${at + 1}`);
    assert.equal(rows.length, other.length, `${table} : nombre de lignes`);
  }
}

/** Every fact row, sorted, to compare two states of the tables. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    "steering_pathway_facts",
    "steering_stock_segments",
    "steering_signature_facts",
    "steering_diagnostic_facts",
    "steering_appointment_facts",
  ]) {
    const r = await sql<{
      row: string;
    }>`SELECT to_jsonb(x)::text AS row FROM ${sql.table(t)} x ORDER BY 1`.execute(h.db);
    out[t] = r.rows.map((x) => x.row);
  }
  return out;
}

test("a rebuild gives the views' figures at every level, granularity and breakdown", async () => {
  await rebuildSteeringFacts(h.db);
  assert.equal(await steeringFactsBacklog(h.db), 0);
  const sizes = await steeringFactsRepository.sizes(h.db);
  for (const [table, n] of Object.entries(sizes)) assert.ok(n > 0, `${table} est vide`);
  for (const territory of territories)
    for (const granularite of ["mois", "trimestre", "annee", "glissant_12_mois"] as const) {
      const { facts, views } = await both(request(territory, granularite));
      sameFigures(facts, views, `${territory.niveau} ${territory.code} ${granularite}`);
    }
  for (const ventilation of ["parcours", "organisme", "structure", "motif_sortie"] as const) {
    const { facts, views } = await both(request(territories[2]!, "mois", ventilation));
    sameFigures(facts, views, `ventilation ${ventilation}`);
  }
  // the dataset gives the stock indicators something to count, so the comparison is not of empty tables
  const { facts } = await both(request(territories[0]!, "mois"));
  const stock = facts.find((i) => i.id === "IND-V3-M5")!;
  assert.ok(stock.valeurs.some((v) => (v.numerateur ?? 0) > 0));
});

test("writes mark their persons; refreshing them alone gives the views' figures and a rebuild's rows", async () => {
  await rebuildSteeringFacts(h.db);
  const national = request(territories[0]!, "mois", "organisme");
  const somme = request(territories[2]!, "trimestre", "motif_sortie");

  // one write of each kind the triggers watch, on a few persons each
  const some = async (q: ReturnType<typeof sql<{ id: string }>>) =>
    (await q.execute(h.db)).rows.map((r) => r.id);
  const closed = await some(sql<{ id: string }>`
    UPDATE parcours SET closed_at = opened_at + interval '200 days', statut_suivi = 'CLOS', exit_reason = 'DEMENAGEMENT'
    WHERE id IN (SELECT id FROM parcours WHERE closed_at IS NULL ORDER BY id LIMIT 15) RETURNING person_id AS id`);
  const attended = await some(sql<{ id: string }>`
    UPDATE appointments SET status = 'HONORE'
    WHERE id IN (SELECT id FROM appointments WHERE status = 'ABSENT' ORDER BY id LIMIT 15) RETURNING person_id AS id`);
  const moved = await some(sql<{ id: string }>`
    UPDATE persons SET commune_code = (SELECT code FROM communes WHERE zone_emploi_code = '3212' AND departement_code = '80')
    WHERE id IN (SELECT person_id FROM parcours WHERE departement = '80' ORDER BY id LIMIT 10)
      AND commune_code <> (SELECT code FROM communes WHERE zone_emploi_code = '3212' AND departement_code = '80')
    RETURNING id`);
  const reoriented = await some(sql<{ id: string }>`
    WITH o AS (SELECT id, person_id, decided_at FROM orientations WHERE decided_at IS NOT NULL ORDER BY id LIMIT 10)
    INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, at)
    SELECT o.id, 'OUVERT', 'CLOTURE', 'CLOTURER', 'system', o.decided_at + interval '40 days' FROM o
    RETURNING (SELECT person_id FROM orientations WHERE id = orientation_id) AS id`);
  const dropped = await some(sql<{ id: string }>`
    UPDATE follow_ups SET ended_at = started_at + interval '30 days'
    WHERE id IN (SELECT id FROM follow_ups WHERE role = 'referent' AND ended_at IS NULL ORDER BY id LIMIT 10)
    RETURNING person_id AS id`);
  // rows that name their person through a parent: a slot moved, a version re-signed, a contract closed, an
  // earlier diagnostic version
  const rescheduled = await some(sql<{ id: string }>`
    UPDATE appointment_slots s SET starts_at = s.starts_at + interval '35 days', ends_at = s.ends_at + interval '35 days'
    FROM appointments a
    WHERE a.slot_id = s.id AND a.id IN (SELECT id FROM appointments WHERE status = 'HONORE' ORDER BY id LIMIT 10)
    RETURNING a.person_id AS id`);
  const resigned = await some(sql<{ id: string }>`
    UPDATE contract_versions v SET signed_at = v.signed_at + interval '20 days'
    FROM contracts c
    WHERE c.id = v.contract_id AND (v.contract_id, v.numero) IN (
      SELECT contract_id, numero FROM contract_versions WHERE signed_at IS NOT NULL ORDER BY contract_id LIMIT 10)
    RETURNING c.person_id AS id`);
  const ended = await some(sql<{ id: string }>`
    WITH c AS (
      SELECT c.id, c.person_id, v.signed_at FROM contracts c JOIN contract_versions v ON v.contract_id = c.id AND v.numero = 1
      WHERE v.signed_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM contract_transitions t WHERE t.contract_id = c.id AND t.to_state = 'CLOTURE')
      ORDER BY c.id DESC LIMIT 10)
    INSERT INTO contract_transitions (contract_id, from_state, to_state, event, actor_kind, at)
    SELECT c.id, 'SIGNE', 'CLOTURE', 'close', 'system', c.signed_at + interval '60 days' FROM c
    RETURNING (SELECT person_id FROM contracts WHERE id = contract_id) AS id`);
  const rediagnosed = await some(sql<{ id: string }>`
    INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
    SELECT diagnostic_id, 9, content, author_id, structure_id, format, created_at - interval '90 days'
    FROM diagnostic_versions WHERE numero = 1 ORDER BY diagnostic_id LIMIT 10
    RETURNING (SELECT person_id FROM diagnostics WHERE id = diagnostic_id) AS id`);
  const writes = [closed, attended, moved, reoriented, dropped, rescheduled, resigned, ended, rediagnosed];
  assert.ok(writes.every((w) => w.length > 0));
  const touched = new Set(writes.flat());

  assert.equal(await steeringFactsBacklog(h.db), touched.size);
  const stale = await both(national);
  assert.notDeepEqual(stale.facts, stale.views, "les tables non actualisées devraient différer des vues");

  assert.equal(await refreshSteeringFacts(h.db, { batch: 7 }), touched.size);
  assert.equal(await steeringFactsBacklog(h.db), 0);
  for (const r of [national, somme]) {
    const { facts, views } = await both(r);
    sameFigures(facts, views);
  }
  const incremental = await snapshot();
  await rebuildSteeringFacts(h.db);
  sameRows(incremental, await snapshot());
});

test("a dashboard refreshes the marked persons first: a pathway closed now is counted at once", async () => {
  await rebuildSteeringFacts(h.db);
  const r = { ...request(territories[2]!, "mois"), only: ["IND-V3-M1b"] };
  const before = (await computeIndicators(h.db, r)).indicateurs[0]!.valeurs.at(-1)!.numerateur ?? 0;
  const [closed] = (
    await sql<{ id: string }>`
      UPDATE parcours SET closed_at = timestamptz '2026-11-10 10:00:00+01', statut_suivi = 'CLOS', exit_reason = 'EMPLOI'
      WHERE id = (SELECT id FROM parcours WHERE closed_at IS NULL AND departement = '80'
        AND opened_at < timestamptz '2026-11-01' ORDER BY id LIMIT 1)
      RETURNING id`.execute(h.db)
  ).rows;
  assert.ok(closed);
  const after = (await computeIndicators(h.db, r)).indicateurs[0]!.valeurs.at(-1)!.numerateur;
  assert.equal(after, before + 1);
});

test("a mark renewed by a write the refresh did not see outlives the refresh", async () => {
  const [p] = (
    await sql<{ id: string }>`SELECT person_id AS id FROM parcours ORDER BY id LIMIT 1`.execute(h.db)
  ).rows;
  await sql`SELECT steering_mark(ARRAY[${p!.id}]::uuid[])`.execute(h.db);
  await h.db.transaction().execute(async (tx) => {
    const taken = await steeringFactsRepository.takeDirty(tx, 10);
    assert.deepEqual(
      taken.map((t) => t.person_id),
      [p!.id],
    );
    // a write of the same person lands between the read of the marks and their removal
    await sql`SELECT steering_mark(ARRAY[${p!.id}]::uuid[])`.execute(tx);
    await steeringFactsRepository.clearDirty(tx, taken);
  });
  assert.equal(await steeringFactsBacklog(h.db), 1);
  await refreshSteeringFacts(h.db);
  assert.equal(await steeringFactsBacklog(h.db), 0);
});

test("a COG update moving a commune to another zone d'emploi, or a département to another région, marks the persons concerned", async () => {
  await rebuildSteeringFacts(h.db);
  const zone = request(territories[3]!, "mois");
  const region = request(territories[1]!, "trimestre");
  // written as load-territories.ts writes the COG: an upsert by code of every row, changed or not
  const upsertCommune = (code: string, zoneEmploi: string) =>
    sql`INSERT INTO communes (code, name, departement_code, region_code, zone_emploi_code)
      SELECT code, name, departement_code, region_code, ${zoneEmploi} FROM communes WHERE code = ${code}
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, departement_code = excluded.departement_code,
        region_code = excluded.region_code, zone_emploi_code = excluded.zone_emploi_code`.execute(h.db);
  const upsertDepartement = (code: string, regionCode: string) =>
    sql`INSERT INTO departements (code, name, region_code)
      SELECT code, name, ${regionCode} FROM departements WHERE code = ${code}
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code`.execute(
      h.db,
    );
  const residents = async (where: ReturnType<typeof sql>) =>
    (
      await sql<{
        n: number;
      }>`SELECT count(DISTINCT person_id)::int AS n FROM steering_pathway_facts WHERE ${where}`.execute(h.db)
    ).rows[0]!.n;

  // a reload that rewrites a row unchanged marks nobody
  await upsertCommune(AMIENS, "3207");
  await upsertDepartement("60", "32");
  assert.equal(await steeringFactsBacklog(h.db), 0);

  // Amiens joins the zone d'emploi of Abbeville and Beauvais: its residents, and only them, are marked
  const inAmiens = await residents(sql`zone_emploi_code = '3207'`);
  assert.ok(inAmiens > 0);
  await upsertCommune(AMIENS, "3212");
  assert.equal(await steeringFactsBacklog(h.db), inAmiens);
  const stale = await both(zone);
  assert.notDeepEqual(stale.facts, stale.views, "les tables non actualisées devraient différer des vues");
  // a dashboard refreshes them first and gives the views' figures
  const dashboard = await computeIndicators(h.db, zone);
  const views = await computeIndicators(h.db, {
    ...zone,
    queries: steeringViewsRepository,
    refreshFacts: false,
  });
  sameFigures(dashboard.indicateurs, views.indicateurs);
  assert.equal(await steeringFactsBacklog(h.db), 0);

  // the Oise moves to Île-de-France: the facts of its persons and pathways carry the new région
  const inOise = await residents(sql`departement = '60'`);
  assert.ok(inOise > 0);
  await upsertDepartement("60", "11");
  assert.equal(await steeringFactsBacklog(h.db), inOise);
  assert.equal(await refreshSteeringFacts(h.db), inOise);
  const { facts, views: regionViews } = await both(region);
  sameFigures(facts, regionViews);
  const incremental = await snapshot();
  await rebuildSteeringFacts(h.db);
  sameRows(incremental, await snapshot());

  // back to the fixture's territory for any later test
  await upsertCommune(AMIENS, "3207");
  await upsertDepartement("60", "32");
  await refreshSteeringFacts(h.db);
});
