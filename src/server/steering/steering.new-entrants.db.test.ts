// IND-V2-01 and IND-V2-02 end to end: two monthly CAF/MSA flows go through the real import (the shared
// new-entrant rule opens a pathway dated T0 for each new entrant), then the indicators count them. Each
// inclusion and exclusion of pilotage.md IND-V2-01 is one household; the worked date example of IND-V2-02
// is the last test.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { insertFollowUp, insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps, testSecrets } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import {
  aHousehold,
  aPerson,
  cnafFluxBytes,
  type GenHousehold,
} from "../imports/cnaf/fixtures/generate-cnaf-flux";
import { importCnafFlux } from "../imports/cnaf/import-cnaf-flux";
import { orient, steeringTerritory } from "./steering.fixtures";
import { computeIndicators } from "./steering.indicators";

const work = mkdtempSync(join(tmpdir(), "socle-steering-"));
let fileNo = 0;
function flowFile(households: GenHousehold[], header: { dtref: string; createdOn: string }): string {
  const path = join(work, `flux-${++fileNo}.xml`);
  writeFileSync(path, cnafFluxBytes(households, header));
  return path;
}
const hh = (n: number, serial: number, over: Partial<GenHousehold>, soumis: boolean) =>
  aHousehold(n, { ...over, persons: [aPerson(serial, "DEM", { soumis })] });

let h: DbHandle;
const personIdOf = async (serial: number) =>
  (
    await h.db
      .selectFrom("persons")
      .select("id")
      .where("nir_index", "=", testSecrets.nirIndex(aPerson(serial, "DEM").nir!))
      .executeTakeFirstOrThrow()
  ).id;
let februaryNewEntrants = 0;

// A 9101 not subject in January, subject in February (joined a household / fell below 500 €) → in
// B 9102 subject in January and February → out (already subject)
// C 9103 suspended since 01/12/2024 (> 12 months), subject again → in
// D 9104 suspended since 01/10/2025 (≤ 12 months), back → out (same référent resumes)
// E 9105 not subject in January, a référent designated meanwhile → out (follow-up in progress)
// F 9106 absent from January's flow here: just moved into the département → in
// G 9107 not subject in January nor February (activity income above 500 €) → out
// H 9108 first application: request on 08/02/2026, absent from January → in
// I 9109 in and out of the top « droits et devoirs », support « en veille » since 01/11/2025 → out
// K 9112 struck off earlier (pathway closed in 2025), back and subject → in
// L 9113 oriented, support « en veille » since 01/12/2024 (> 12 months), subject again → in: the old
//   pathway closes, a new one opens dated T0
before(async () => {
  h = await testDb();
  await steeringTerritory(h.db);
  const { deps } = testDeps(h);
  const january = flowFile(
    [
      hh(1, 9101, {}, false),
      hh(2, 9102, {}, true),
      hh(3, 9103, { etat: "4", suspension: { kind: "versement", motif: "06", since: "2024-12-01" } }, true),
      hh(4, 9104, { etat: "4", suspension: { kind: "versement", motif: "06", since: "2025-10-01" } }, true),
      hh(5, 9105, {}, false),
      hh(7, 9107, {}, false),
      hh(9, 9109, {}, false),
      hh(12, 9112, {}, false),
      hh(13, 9113, {}, false),
    ],
    { dtref: "2026-01-31", createdOn: "2026-02-04" },
  );
  const jan = await importCnafFlux(deps, { filePath: january, departement: "80" });
  assert.equal(jan.newEntrants, 0, "first flow of the département: nobody known to be entering");

  const structure = await insertStructure(h.db);
  await insertFollowUp(h.db, { personId: await personIdOf(9105), structureId: structure.id });
  // I: a pathway on hold since 01/11/2025; K: a pathway closed on 30/06/2025; L: on hold since 01/12/2024
  const cd = await insertStructure(h.db, { kind: "conseil_departemental" });
  const officer = await insertProfessional(h.db, { structure: cd, roles: ["charge_orientation"] });
  for (const [serial, statut, veille, closed] of [
    [9109, "EN_VEILLE", "2025-11-01", null],
    [9112, "CLOS", null, "2025-06-30T10:00:00Z"],
    [9113, "EN_VEILLE", "2024-12-01", null],
  ] as const) {
    const parcoursId = deps.ids.uuid();
    const personId = await personIdOf(serial);
    await sql`INSERT INTO parcours (id, person_id, departement, t0_date, statut_suivi, origine, opened_at, veille_since, closed_at)
      VALUES (${parcoursId}, ${personId}, '80', '2025-03-03', ${statut}, 'INSCRIPTION_AUTO_CAF',
        '2025-03-03T10:00:00Z', ${veille}, ${closed})`.execute(h.db);
    if (serial === 9113)
      await orient(
        h.db,
        { personId, parcoursId },
        {
          at: "2025-03-10T10:00:00Z",
          parcours: "SOCIAL",
          organisme: "CD",
          structureId: cd.id,
          deciderId: officer.id,
        },
      );
  }

  // February's flow, received by the département on 01/03/2026 (T0), created on 05/03 by the CAF
  const february = flowFile(
    [
      hh(1, 9101, {}, true),
      hh(2, 9102, {}, true),
      hh(3, 9103, {}, true),
      hh(4, 9104, {}, true),
      hh(5, 9105, {}, true),
      hh(6, 9106, {}, true),
      hh(7, 9107, {}, false),
      hh(8, 9108, { dtdemrsa: "2026-02-08" }, true),
      hh(9, 9109, {}, true),
      hh(12, 9112, {}, true),
      hh(13, 9113, {}, true),
    ],
    { dtref: "2026-02-28", createdOn: "2026-03-05" },
  );
  const feb = await importCnafFlux(deps, { filePath: february, departement: "80", recuLe: "2026-03-01" });
  februaryNewEntrants = feb.newEntrants;

  // the worked example: H's orientation notified on 15/03 at 23:30 in Paris (T0 + 14 days: in time), A's
  // at 00:30 in Paris on 16/03 (T0 + 15 days: late), both instants written in UTC
  for (const [serial, instant] of [
    [9108, "2026-03-15T22:30:00Z"],
    [9101, "2026-03-15T23:30:00Z"],
  ] as const) {
    const personId = await personIdOf(serial);
    const p = await h.db
      .selectFrom("parcours")
      .select("id")
      .where("person_id", "=", personId)
      .where("statut_suivi", "<>", "CLOS")
      .executeTakeFirstOrThrow();
    await orient(
      h.db,
      { personId, parcoursId: p.id },
      { at: instant, parcours: "PRO", organisme: "FT", structureId: cd.id, deciderId: officer.id },
    );
  }
});
after(() => h.close());

const somme = { niveau: "departement" as const, code: "80", nom: "Somme" };
async function indicator(id: string, today: string) {
  const r = await computeIndicators(h.db, {
    territory: somme,
    de: "2026-01",
    a: "2026-03",
    granularite: "mois",
    today,
    only: [id],
  });
  return r.indicateurs[0]!.valeurs;
}

describe("IND-V2-01 « Nombre de nouveaux entrants »", () => {
  test("the three criteria with their inclusions and exclusions: A, C, F, H, K and L are in; B, D, E, G and I out", async () => {
    // in: A (newly subject), C (back after > 12 months of suspension), F (arrival), H (first application),
    // K (struck off, back), L (back after > 12 months on hold) = 6, all dated T0 = 01/03/2026 (receipt), so
    // counted in March, not February
    const values = await indicator("IND-V2-01", "2026-04-30");
    assert.deepEqual(
      values.map((v) => [v.periode, v.valeur]),
      [
        ["2026-01", 0],
        ["2026-02", 0],
        ["2026-03", 6],
      ],
    );
    assert.equal(februaryNewEntrants, 6, "the import and the indicator agree");
    const entered = await sql<{ person_id: string }>`
      SELECT person_id FROM ind_pathways WHERE new_entrant AND t0_date = '2026-03-01'`.execute(h.db);
    const expected = await Promise.all([9101, 9103, 9106, 9108, 9112, 9113].map(personIdOf));
    assert.deepEqual(entered.rows.map((r) => r.person_id).sort(), expected.sort());
  });

  test("L's pathway on hold for more than 12 months is closed with its reason, the new one is dated T0", async () => {
    const pathways = await sql<{ t0_date: string; closed_date: string | null; exit_reason: string | null }>`
      SELECT t0_date, closed_date, exit_reason FROM ind_pathways WHERE person_id = ${await personIdOf(9113)}
      ORDER BY t0_date`.execute(h.db);
    assert.deepEqual(pathways.rows, [
      { t0_date: "2025-03-03", closed_date: "2026-03-02", exit_reason: "VEILLE_LONGUE" },
      { t0_date: "2026-03-01", closed_date: null, exit_reason: null },
    ]);
  });
});

describe("IND-V2-02 « Nombre de nouveaux entrants orientés en 15 jours et moins »", () => {
  test("worked example: T0 = receipt on 01/03, not the 08/02 opening; in time on 15/03, late on 16/03", async () => {
    // March cohort: 6 entrants; H notified 15/03 (15/03 − 01/03 = 14 days < 15: in), A notified 16/03
    // (15 days: out), C, F, K, L not oriented (L's earlier orientation belongs to its closed pathway)
    // → 1 / 6 = 16.7 %
    const march = (await indicator("IND-V2-02", "2026-04-15")).find((v) => v.periode === "2026-03")!;
    assert.deepEqual(
      [march.valeur, march.numerateur, march.denominateur, march.statut],
      [16.7, 1, 6, "definitif"],
    );
  });

  test("the March cohort is immature until 31/03 + 15 days: not published on 14/04", async () => {
    const march = (await indicator("IND-V2-02", "2026-04-14")).find((v) => v.periode === "2026-03")!;
    assert.deepEqual(
      [march.statut, march.valeur, march.numerateur, march.denominateur],
      ["provisoire", null, null, null],
    );
  });
});
