// The demo's steering history, on the real reference data: after the seed, the Somme's dashboard has
// figures (most monthly cells above the open-data threshold), the drill-down has figures at every level,
// the hand-made demo stays as it was (queues, logins' portfolios, Léa and Sarah), the person of the CAF
// journey stays a known person with nothing opened for her, and a rerun adds nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { z } from "zod";
import { steeringParams } from "../../shared/steering/steering.catalogue";
import { periodsBetween } from "../../shared/steering/steering.periods";
import type { IndicatorsReport } from "../../shared/steering/steering.schema";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps, testSecrets } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { checkDemoCredentials } from "../identity/local-oidc/local-oidc.accounts";
import type { Deps } from "../kernel/deps";
import { loadReferenceData } from "../reference-data/load-reference-data";
import { refreshSteeringFacts } from "../steering/steering.facts";
import { steeringRepository } from "../steering/steering.repository";
import { getIndicators } from "../steering/use-cases/get-indicators";
import { DEMO_PERSON_FROM_CAF } from "./demo-person-from-caf";
import { demoLogins } from "./demo-territory";
import { type SeedReport, seedDemo } from "./seed-demo";
import { demoHistoryVolumes, historyRowId } from "./seed-demo-history";

const NOW = "2026-12-07T09:00:00Z";
// six complete months whose cohorts (15 and 30 days) are all mature at NOW
const RANGE = { de: "2026-05", a: "2026-10", granularite: "mois" as const };

let h: DbHandle;
let deps: Deps;
let first: SeedReport;
let national: Awaited<ReturnType<typeof insertProfessional>>;

const count = async (table: string, where = sql`true`) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(h.db))
    .rows[0]!.n;

/** A row of a synthetic person of the history: the hand-made persons are created at the seed's time, the
 * history's at their T0, in the past. */
const ofHistory = (column = "person_id") =>
  sql`${sql.ref(column)} IN (SELECT p.id FROM persons p WHERE p.created_at < ${new Date(NOW)})`;
const historyPerson = ofHistory();

before(async () => {
  h = await testDb();
  const t = testDeps(h, NOW);
  deps = t.deps;
  await loadReferenceData(h.db, t.clock);
  first = await seedDemo(h.db, t.clock, testSecrets, { persons: 60 });
  const dg = await insertStructure(h.db, { kind: "france_travail" });
  national = await insertProfessional(h.db, {
    structure: dg,
    roles: ["pilotage"],
    scope: { level: "national", code: null },
  });
});
after(() => h.close());

// the Somme's dashboard, computed once (every indicator of the catalogue, as /pilotage asks for them)
let somme: Promise<IndicatorsReport> | undefined;
const sommeDashboard = () => {
  somme ??= getIndicators(deps, national.actor, { niveau: "departement", code: "80", ...RANGE });
  return somme;
};

/** The totals (no breakdown) of an indicator, month by month. */
const totals = (r: IndicatorsReport, id: string) =>
  r.indicateurs.find((i) => i.id === id)!.valeurs.filter((v) => v.ventilation === null);

describe("the Somme's dashboard after the seed", () => {
  test("the seed made the whole history, the Somme's share first", () => {
    const expected = demoHistoryVolumes.reduce((n, v) => n + v.persons, 0);
    assert.equal(first.historyPersonsCreated, expected);
    // the 60 drawn persons, the person of the accompaniment journey (seeded apart), the history
    assert.equal(first.personsTotal, 60 + 1 + expected);
  });

  test("the main indicators have figures every month, and the stocks pass the secrecy threshold", async () => {
    const r = await sommeDashboard();
    for (const id of ["IND-V2-01", "IND-V3-M1", "IND-V3-M1a", "IND-V3-M1b", "IND-V3-M1c", "IND-V3-M3"]) {
      const values = totals(r, id);
      assert.equal(values.length, 6, id);
      for (const v of values) assert.ok((v.numerateur ?? 0) > 0, `${id} ${v.periode} : ${v.numerateur}`);
    }
    for (const v of totals(r, "IND-V3-M1")) {
      assert.ok(v.valeur! >= 500, `inscrits ${v.periode} : ${v.valeur}`);
      assert.equal(v.statut, "definitif");
    }
    // monthly flows: well above the open-data threshold
    for (const id of ["IND-V2-01", "IND-V3-M1b", "IND-V3-M1c"])
      for (const v of totals(r, id))
        assert.ok(v.numerateur! >= steeringParams.seuilSecret, `${id} ${v.periode} : ${v.numerateur}`);
  });

  test("rates and delays: orientation within 15 days (some late), contracts, intensive accompaniment, absences", async () => {
    const r = await sommeDashboard();
    const mature = totals(r, "IND-V2-02").filter((v) => v.statut === "definitif");
    assert.equal(mature.length, 6, "cohortes mûres");
    for (const v of mature) {
      assert.ok(v.valeur! > 30 && v.valeur! < 90, `orientés en 15 jours ${v.periode} : ${v.valeur} %`);
    }
    for (const id of ["SOC-CER", "IND-V3-M5", "OPS-01"]) {
      const values = totals(r, id).filter((v) => v.statut === "definitif");
      assert.equal(values.length, 6, `${id} : ${values.length} valeurs`);
      for (const v of values) assert.ok(v.valeur! > 0 && v.valeur! < 100, `${id} ${v.periode} : ${v.valeur}`);
    }
    const delays = totals(r, "IND-V3-M4").filter((v) => v.statut === "definitif");
    assert.ok(
      delays.some((v) => v.valeur! > 0),
      "délai diagnostic → action",
    );
  });

  test("the drill-down has figures: national, a region, another département, a zone d'emploi of the Somme", async () => {
    const october = periodsBetween("2026-10", "2026-10", "mois");
    // read straight from the fact tables: bring them up to date with the seed first
    await refreshSteeringFacts(h.db);
    for (const [niveau, code, atLeast] of [
      ["national", null, 2500],
      ["region", "11", 100],
      ["departement", "69", 100],
      ["zone_emploi", "3202", 300],
      ["zone_emploi", "3220", 50],
    ] as const) {
      const [stock] = await steeringRepository.registeredStock(h.db, october, { niveau, code });
      assert.ok(stock!.num >= atLeast, `${niveau} ${code ?? ""} : ${stock!.num} inscrits`);
    }
  });
});

describe("the hand-made demo is left alone", () => {
  test("no work item, no message and no pending orientation comes from the history", async () => {
    assert.equal(await count("work_items", historyPerson), 0);
    assert.equal(await count("outbound_messages"), 0);
    assert.equal(
      await count("orientations", sql`etat IN ('BROUILLON', 'EN_ATTENTE') AND ${historyPerson}`),
      0,
    );
    const pending = await count("parcours", sql`statut_suivi = 'A_ORIENTER' AND ${historyPerson}`);
    assert.equal(pending, 0);
  });

  test("no demo login follows a synthetic person, and every appointment of the history is past", async () => {
    const logins = demoLogins.map((l) => l.email);
    const followedByLogins = await sql<{ n: number }>`SELECT count(*)::int AS n FROM follow_ups f
      JOIN professionals p ON p.id = f.professional_id
      WHERE p.email IN (${sql.join(logins)}) AND ${ofHistory("f.person_id")}`.execute(h.db);
    assert.equal(followedByLogins.rows[0]!.n, 0);
    const future = await sql<{ n: number }>`SELECT count(*)::int AS n FROM appointments a
      JOIN appointment_slots s ON s.id = a.slot_id
      WHERE s.starts_at >= ${new Date(NOW)} AND ${ofHistory("a.person_id")}`.execute(h.db);
    assert.equal(future.rows[0]!.n, 0);
  });

  test("every id the history writes is an RFC 4122 UUID, as the API's schemas require", async () => {
    // md5()::uuid alone gives ids zod's uuid() refuses: GET /api/persons answered 500 for the demo conseillère
    const idSchema = z.string().uuid();
    for (const table of [
      "persons",
      "parcours",
      "orientations",
      "follow_ups",
      "diagnostics",
      "contracts",
      "appointments",
      "appointment_slots",
    ]) {
      const ids = (
        await sql<{ id: string }>`SELECT id::text AS id FROM ${sql.table(table)}`.execute(h.db)
      ).rows.map((r) => r.id);
      assert.ok(ids.length > 0, table);
      const refused = ids.filter((id) => !idSchema.safeParse(id).success);
      assert.deepEqual(refused.slice(0, 3), [], `${table}: ${refused.length} id(s) refused`);
    }
  });

  test("Léa Durand, Sarah Lemaire and Mathilde Vandamme stay the only ones of their names", async () => {
    const names = await sql<{ n: number }>`SELECT count(*)::int AS n FROM persons
      WHERE (birth_name = 'DURAND' AND first_names = 'Léa') OR (birth_name = 'LEMAIRE' AND first_names = 'Sarah')
        OR birth_name = 'VANDAMME'`.execute(h.db);
    assert.equal(names.rows[0]!.n, 3);
  });

  test("the person of the CAF journey is known (NIR, login) and nothing more: no CAF file, right, pathway or follow-up", async () => {
    const m = DEMO_PERSON_FROM_CAF;
    const id = await checkDemoCredentials(h.db, "person", m.email, "demo");
    assert.ok(id, "she logs in through the demo provider");
    const person = await h.db
      .selectFrom("persons")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(person.birth_name, "VANDAMME");
    assert.equal(person.birth_date, m.birthDate);
    assert.equal(person.nir_index, testSecrets.nirIndex(m.nir.slice(0, 13)));
    assert.equal(testSecrets.decryptNir(person.nir_cipher!), m.nir);
    assert.equal(person.caf_matricule, null);
    const mine = sql`person_id = ${id}`;
    assert.deepEqual(
      await Promise.all(
        ["rsa_rights", "parcours", "orientations", "follow_ups", "work_items"].map((t) => count(t, mine)),
      ),
      [0, 0, 0, 0, 0],
    );
  });
});

test("a second seed changes nothing", async () => {
  const tables = [
    "persons",
    "parcours",
    "orientations",
    "follow_ups",
    "contracts",
    "appointments",
    "audit_events",
  ];
  const before = await Promise.all(tables.map((t) => count(t)));
  const again = await seedDemo(h.db, deps.clock, testSecrets, { persons: 60 });
  assert.equal(again.personsCreated, 0);
  assert.equal(again.historyPersonsCreated, 0);
  assert.deepEqual(await Promise.all(tables.map((t) => count(t))), before);
  // the ids are the ones SQL derives from the keys
  const firstId = historyRowId("person", `${demoHistoryVolumes[0]!.departement}:1`);
  assert.equal(await count("persons", sql`id = ${firstId}`), 1);
});
