// Every computable indicator on one small hand-built territory (Somme, Oise, Paris), expected values worked
// out by hand in the comments. Dates are Paris dates; instants are taken at 10:00 UTC (11:00 in Paris).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { Breakdown } from "../../shared/steering/steering.catalogue";
import type { Granularity } from "../../shared/steering/steering.periods";
import type { IndicatorValue, TerritoryLevel } from "../../shared/steering/steering.schema";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import {
  ABBEVILLE,
  BEAUVAIS,
  designateReferent,
  diagnose,
  insertAppointment,
  insertPathway,
  orient,
  PARIS,
  type Pathway,
  signContract,
  steeringTerritory,
} from "./steering.fixtures";
import { computeIndicators } from "./steering.indicators";
import type { TerritoryFilter } from "./steering.repository";

let h: DbHandle;
const at = (date: string) => `${date}T10:00:00Z`;
let P1: Pathway;
let P2: Pathway;
let P3: Pathway;
let P5: Pathway;

before(async () => {
  h = await testDb();
  const db = h.db;
  await steeringTerritory(db);
  const ft = await insertStructure(db, { kind: "france_travail", name: "France Travail Amiens" });
  const ml = await insertStructure(db, { kind: "mission_locale", name: "Mission locale Amiens" });
  const cd = await insertStructure(db, { kind: "conseil_departemental", name: "Département de la Somme" });
  const pro = await insertProfessional(db, { structure: ft });
  const mlPro = await insertProfessional(db, { structure: ml });
  const o = (structureId: string) => ({ structureId, deciderId: pro.id });

  // P1: new entrant, T0 10/01, oriented 20/01 (PRO, France Travail) with a named référent the same day,
  // re-oriented 01/03 (SOCIAL, département)
  P1 = await insertPathway(db, { t0: "2025-01-10" });
  await orient(db, P1, {
    at: at("2025-01-20"),
    parcours: "PRO",
    organisme: "FT",
    ...o(ft.id),
    closedAt: at("2025-03-01"),
  });
  await orient(db, P1, { at: at("2025-03-01"), parcours: "SOCIAL", organisme: "CD", ...o(cd.id) });
  await designateReferent(db, P1.personId, {
    structureId: ft.id,
    professionalId: pro.id,
    at: at("2025-01-20"),
  });
  // P2: new entrant, T0 15/01, oriented 10/02 (SOCIO_PRO, mission locale), référent the same day
  P2 = await insertPathway(db, { t0: "2025-01-15" });
  await orient(db, P2, { at: at("2025-02-10"), parcours: "SOCIO_PRO", organisme: "ML", ...o(ml.id) });
  await designateReferent(db, P2.personId, {
    structureId: ml.id,
    professionalId: mlPro.id,
    at: at("2025-02-10"),
  });
  // P3: registered online (not a new entrant), T0 20/01, oriented 05/03 (PRO), no named référent
  P3 = await insertPathway(db, { t0: "2025-01-20", origine: "INSCRIPTION_VOLONTAIRE" });
  await orient(db, P3, { at: at("2025-03-05"), parcours: "PRO", organisme: "FT", ...o(ft.id) });
  // P4: new entrant, T0 25/01, never oriented, pathway closed 10/03 (moved out)
  await insertPathway(db, { t0: "2025-01-25", closedAt: at("2025-03-10"), exitReason: "DEMENAGEMENT" });
  // P5: new entrant living in Abbeville (zone 3212), T0 03/02, oriented 05/02 (PRO), référent the same day
  P5 = await insertPathway(db, { t0: "2025-02-03", commune: ABBEVILLE });
  await orient(db, P5, { at: at("2025-02-05"), parcours: "PRO", organisme: "FT", ...o(ft.id) });
  await designateReferent(db, P5.personId, {
    structureId: ft.id,
    professionalId: pro.id,
    at: at("2025-02-05"),
  });
  // P6: Oise (Beauvais, zone 3212, région 32), T0 12/01, oriented 13/01; P7: Paris (région 11), T0 05/01
  const P6 = await insertPathway(db, { t0: "2025-01-12", departement: "60", commune: BEAUVAIS });
  await orient(db, P6, { at: at("2025-01-13"), parcours: "PRO", organisme: "FT", ...o(ft.id) });
  await insertPathway(db, { t0: "2025-01-05", departement: "75", commune: PARIS });

  // contracts: P1 16 h a week from 2025-W08 (Monday 17/02); P2 8 h from 2025-W13 (Monday 24/03);
  // P5 20 h from 2025-W09 (Monday 24/02), revised 12/03 to 5 h (2025-W12); P3 signed 06/03, closed 20/03
  await signContract(db, P1.personId, [{ signedAt: at("2025-02-15"), week: "2025-W08", hours: [10, 6] }]);
  await signContract(db, P2.personId, [{ signedAt: at("2025-03-20"), week: "2025-W13", hours: [8] }]);
  await signContract(db, P5.personId, [
    { signedAt: at("2025-02-20"), week: "2025-W09", hours: [20] },
    { signedAt: at("2025-03-12"), week: "2025-W12", hours: [5] },
  ]);
  await signContract(db, P3.personId, [{ signedAt: at("2025-03-06") }], at("2025-03-20"));

  // diagnostics: P1 03/02 (and a second version 01/03), P2 12/02, P5 10/02, P3 20/02
  const d = { authorId: pro.id, structureId: ft.id };
  await diagnose(db, P1.personId, { at: [at("2025-02-03"), at("2025-03-01")], ...d });
  await diagnose(db, P2.personId, { at: [at("2025-02-12")], ...d });
  await diagnose(db, P5.personId, { at: [at("2025-02-10")], ...d });
  await diagnose(db, P3.personId, { at: [at("2025-02-20")], ...d });

  // appointments (February): P1 held 17/02 (invited 03/02, booked 05/02); P2 absent 18/02 (invited 04/02,
  // booked 10/02); P5 held 20/02 (invited 06/02, booked 07/02); P3 excused 21/02 (invited 10/02, booked
  // 12/02); P5 absent 25/02 on a convocation (no invitation)
  const a = { structureId: ft.id, professionalId: pro.id };
  const first = "PREMIER_RDV_ACCOMPAGNEMENT" as const;
  await insertAppointment(db, P1.personId, {
    ...a,
    at: at("2025-02-17"),
    status: "HONORE",
    purpose: first,
    invitedAt: at("2025-02-03"),
    bookedAt: at("2025-02-05"),
  });
  await insertAppointment(db, P2.personId, {
    ...a,
    at: at("2025-02-18"),
    status: "ABSENT",
    purpose: first,
    invitedAt: at("2025-02-04"),
    bookedAt: at("2025-02-10"),
  });
  await insertAppointment(db, P5.personId, {
    ...a,
    at: at("2025-02-20"),
    status: "HONORE",
    purpose: first,
    invitedAt: at("2025-02-06"),
    bookedAt: at("2025-02-07"),
  });
  await insertAppointment(db, P3.personId, {
    ...a,
    at: at("2025-02-21"),
    status: "EXCUSE",
    purpose: "SUIVI",
    invitedAt: at("2025-02-10"),
    bookedAt: at("2025-02-12"),
  });
  await insertAppointment(db, P5.personId, {
    ...a,
    at: at("2025-02-25"),
    status: "ABSENT",
    purpose: "SUIVI",
    bookedAt: at("2025-02-14"),
  });
});
after(() => h.close());

const SOMME: TerritoryFilter & { nom: string } = { niveau: "departement", code: "80", nom: "Somme" };

async function values(
  id: string,
  o: {
    territory?: TerritoryFilter & { nom?: string };
    de?: string;
    a?: string;
    granularite?: Granularity;
    ventilation?: Breakdown;
    today?: string;
  } = {},
): Promise<IndicatorValue[]> {
  const r = await computeIndicators(h.db, {
    territory: { nom: "test", ...(o.territory ?? SOMME) },
    de: o.de ?? "2025-01",
    a: o.a ?? "2025-03",
    granularite: o.granularite ?? "mois",
    ventilation: o.ventilation,
    today: o.today ?? "2026-03-01",
    only: [id],
  });
  assert.equal(r.indicateurs.length, 1);
  return r.indicateurs[0]!.valeurs;
}
/** [periode, modalite, valeur, numerateur, denominateur] of each value, for compact assertions */
const table = (vs: IndicatorValue[]) =>
  vs.map((v) => [v.periode, v.modalite, v.valeur, v.numerateur, v.denominateur]);

describe("flows", () => {
  test("IND-V2-01 new entrants by month of T0, in the Somme only", async () => {
    // January: P1, P2, P4 (P3 registered online is no new entrant; P6 is in the Oise, P7 in Paris) = 3
    // February: P5 = 1; March: none
    assert.deepEqual(table(await values("IND-V2-01")), [
      ["2025-01", null, 3, 3, null],
      ["2025-02", null, 1, 1, null],
      ["2025-03", null, 0, 0, null],
    ]);
    // IND-V3-M1a is the same figure
    assert.deepEqual(table(await values("IND-V3-M1a")), table(await values("IND-V2-01")));
  });

  test("territory levels: région, national, zone d'emploi (whole, or cut to a département)", async () => {
    const jan = { de: "2025-01", a: "2025-01" };
    // région 32: P1, P2, P4 (Somme) + P6 (Oise) = 4; national: + P7 (Paris) = 5
    assert.equal(
      (await values("IND-V2-01", { ...jan, territory: { niveau: "region", code: "32" } }))[0]!.valeur,
      4,
    );
    assert.equal(
      (await values("IND-V2-01", { ...jan, territory: { niveau: "national", code: null } }))[0]!.valeur,
      5,
    );
    // zone 3212 (Abbeville + Beauvais): January P6 (Beauvais) = 1, February P5 (Abbeville) = 1
    const zone = { niveau: "zone_emploi" as TerritoryLevel, code: "3212" };
    assert.deepEqual(
      table(await values("IND-V2-01", { territory: zone, a: "2025-02" })).map((r) => r[2]),
      [1, 1],
    );
    // the Somme's part of zone 3212: January 0 (Beauvais is in the Oise), February 1
    assert.deepEqual(
      table(
        await values("IND-V2-01", { territory: { ...zone, within: { departement: "80" } }, a: "2025-02" }),
      ).map((r) => r[2]),
      [0, 1],
    );
  });

  test("quarters, years and rolling 12 months", async () => {
    // 2025-T1: 3 + 1 + 0 = 4; 2025: 4; 12 months ending 2025-02: 2024-03 … 2025-02 = 4
    assert.deepEqual(table(await values("IND-V2-01", { granularite: "trimestre" })), [
      ["2025-T1", null, 4, 4, null],
    ]);
    assert.deepEqual(table(await values("IND-V2-01", { granularite: "annee" })), [
      ["2025", null, 4, 4, null],
    ]);
    assert.deepEqual(
      table(await values("IND-V2-01", { granularite: "glissant_12_mois", de: "2025-01", a: "2025-02" })),
      [
        ["2024-02/2025-01", null, 3, 3, null],
        ["2024-03/2025-02", null, 4, 4, null],
      ],
    );
  });

  test("IND-V3-M1b exits by reason, IND-V3-M1c contracts signed once per contract", async () => {
    // exits: P4 closed 10/03, moved out
    assert.deepEqual(table(await values("IND-V3-M1b", { ventilation: "motif_sortie" })), [
      ["2025-01", null, 0, 0, null],
      ["2025-02", null, 0, 0, null],
      ["2025-03", null, 1, 1, null],
      ["2025-03", "DEMENAGEMENT", 1, 1, null],
    ]);
    assert.equal(
      (await values("IND-V3-M1b", { ventilation: "motif_sortie" })).find((v) => v.modalite === "DEMENAGEMENT")
        ?.libelleModalite,
      "Déménagement (autre département, mutation du dossier)",
    );
    // signatures: February P1 (15/02) and P5 (20/02) = 2; March P2 (20/03), P5's revision (12/03),
    // P3 (06/03) = 3 contracts
    assert.deepEqual(
      table(await values("IND-V3-M1c")).map((r) => r[2]),
      [0, 2, 3],
    );
  });
});

describe("cohorts", () => {
  test("IND-V2-02 oriented within 15 days (T1 < T0 + 15), by pathway", async () => {
    // January cohort: P1 (T0 10/01 → 20/01: 10 days, in), P2 (15/01 → 10/02: 26 days, out), P4 (never) →
    // 1 / 3 = 33.3 %; by pathway of the first orientation: PRO 1/1, SOCIO_PRO 0/1, not oriented 0/1.
    // February cohort: P5 (03/02 → 05/02: 2 days) → 1 / 1 = 100 %
    assert.deepEqual(table(await values("IND-V2-02", { a: "2025-02", ventilation: "parcours" })), [
      ["2025-01", null, 33.3, 1, 3],
      ["2025-01", "NON_ORIENTE", 0, 0, 1],
      ["2025-01", "PRO", 100, 1, 1],
      ["2025-01", "SOCIO_PRO", 0, 0, 1],
      ["2025-02", null, 100, 1, 1],
      ["2025-02", "PRO", 100, 1, 1],
    ]);
  });

  test("an immature cohort is not published: end of period + window after the computation date", async () => {
    // February's cohort needs 28/02 + 15 days = 15/03 ≤ today; on 14/03 it is still « provisoire »
    const early = await values("IND-V2-02", { de: "2025-02", a: "2025-02", today: "2025-03-14" });
    assert.deepEqual(
      early.map((v) => [v.statut, v.valeur, v.numerateur, v.denominateur]),
      [["provisoire", null, null, null]],
    );
    const ready = await values("IND-V2-02", { de: "2025-02", a: "2025-02", today: "2025-03-15" });
    assert.deepEqual(
      ready.map((v) => [v.statut, v.valeur]),
      [["definitif", 100]],
    );
  });

  test("SOC-ORI-30 every pathway oriented within 30 days", async () => {
    // January cohort: P1 (10 days, in), P2 (26 days, in), P3 (20/01 → 05/03: 44 days, out), P4 (never):
    // 2 / 4 = 50 %
    assert.deepEqual(table(await values("SOC-ORI-30", { a: "2025-01" })), [["2025-01", null, 50, 2, 4]]);
  });

  test("IND-V3-M4 first diagnostic → first accompaniment action: median, mean, those still waiting", async () => {
    // February cohort, the earliest of the first programme week and the first accompaniment held:
    // P1 03/02 → Monday of 2025-W08 17/02 (and held 17/02) = 14 days; P2 12/02 → 2025-W13 24/03 = 40
    // (its appointment was missed); P5 10/02 → held 20/02 = 10 (before 2025-W09, 24/02); P3 20/02 → no
    // programme, only an excused appointment (waiting).
    // median of [10, 14, 40] = 14; mean (10 + 14 + 40) / 3 = 21.33 → 21.3; 3 started of 4
    const feb = (await values("IND-V3-M4", { de: "2025-02", a: "2025-02" }))[0]!;
    assert.deepEqual(
      [feb.valeur, feb.moyenne, feb.numerateur, feb.denominateur, feb.statut],
      [14, 21.3, 3, 4, "definitif"],
    );
  });
});

describe("stocks on the last day", () => {
  test("IND-V3-M1 registered: open pathways", async () => {
    // 31/01: P1, P2, P3, P4 = 4; 28/02: + P5 = 5; 31/03: P4 closed on 10/03 = 4
    assert.deepEqual(
      table(await values("IND-V3-M1")).map((r) => r[2]),
      [4, 5, 4],
    );
  });

  test("IND-V3-M3 by pathway in force that day; a re-orientation moves the person, counted once", async () => {
    // 31/01: P1 PRO; P2, P3, P4 not oriented yet → PRO 1, not oriented 3, of 4
    // 28/02: P1 PRO, P2 SOCIO_PRO, P5 PRO; P3, P4 not oriented → PRO 2, SOCIO_PRO 1, not oriented 2, of 5
    // 31/03: P1 re-oriented SOCIAL on 01/03, P2 SOCIO_PRO, P3 PRO (05/03), P5 PRO; P4 gone → 2, 1, 1, of 4
    assert.deepEqual(table(await values("IND-V3-M3")), [
      ["2025-01", null, 4, 4, null],
      ["2025-01", "NON_ORIENTE", 3, 3, 4],
      ["2025-01", "PRO", 1, 1, 4],
      ["2025-02", null, 5, 5, null],
      ["2025-02", "NON_ORIENTE", 2, 2, 5],
      ["2025-02", "PRO", 2, 2, 5],
      ["2025-02", "SOCIO_PRO", 1, 1, 5],
      ["2025-03", null, 4, 4, null],
      ["2025-03", "PRO", 2, 2, 4],
      ["2025-03", "SOCIAL", 1, 1, 4],
      ["2025-03", "SOCIO_PRO", 1, 1, 4],
    ]);
  });

  test("IND-V3-M3-ORG by organisme référent, and by structure with its name", async () => {
    // 28/02: France Travail P1, P5 = 2; mission locale P2 = 1; not oriented P3, P4 = 2
    const feb = await values("IND-V3-M3-ORG", { de: "2025-02", a: "2025-02" });
    assert.deepEqual(
      feb.map((v) => [v.modalite, v.libelleModalite, v.valeur]),
      [
        [null, null, 5],
        ["FT", "France Travail", 2],
        ["ML", "Mission locale", 1],
        ["NON_ORIENTE", "Non orienté", 2],
      ],
    );
    const byStructure = await values("IND-V3-M3-ORG", {
      de: "2025-02",
      a: "2025-02",
      ventilation: "structure",
    });
    assert.deepEqual(
      byStructure
        .filter((v) => v.modalite !== null)
        .map((v) => [v.libelleModalite, v.valeur])
        .sort(),
      [
        ["France Travail Amiens", 2],
        ["Mission locale Amiens", 1],
        ["Non orienté", 2],
      ],
    );
  });

  test("SOC-CER oriented persons with a signed contract in force (a closed contract does not count)", async () => {
    // 28/02: oriented P1, P2, P5 = 3; with a contract P1 (15/02), P5 (20/02) = 2 → 66.7 %
    // 31/03: oriented P1, P2, P3, P5 = 4; contracts P1, P2 (20/03), P5; P3's closed on 20/03 → 3 / 4 = 75 %
    assert.deepEqual(table(await values("SOC-CER", { de: "2025-02" })), [
      ["2025-02", null, 66.7, 2, 3],
      ["2025-03", null, 75, 3, 4],
    ]);
  });

  test("IND-V3-M5 intensive accompaniment: latest signed programme of at least 15 hours", async () => {
    // denominator: open, oriented and with a référent: 28/02 P1, P2, P5 (P3 has no référent) = 3
    //   P1 10 + 6 = 16 h ≥ 15 yes; P2 no contract; P5 20 h yes → 2 / 3 = 66.7 %
    // 31/03: P1, P2, P5 = 3; P1 16 h yes; P2 8 h no; P5 revised to 5 h on 12/03 no → 1 / 3 = 33.3 %
    assert.deepEqual(table(await values("IND-V3-M5", { de: "2025-02" })), [
      ["2025-02", null, 66.7, 2, 3],
      ["2025-03", null, 33.3, 1, 3],
    ]);
  });
});

describe("appointments", () => {
  test("OPS-01 no-show rate: absent ÷ (held + absent), excused excluded", async () => {
    // February: held P1, P5; absent P2, P5 (convocation); excused P3 excluded → 2 / 4 = 50 %
    assert.deepEqual(table(await values("OPS-01", { de: "2025-02", a: "2025-02" })), [
      ["2025-02", null, 50, 2, 4],
    ]);
  });

  test("OPS-02 invitation → booking: median and mean over the invitations of the month", async () => {
    // invitations 03/02 → 05/02 = 2, 04/02 → 10/02 = 6, 06/02 → 07/02 = 1, 10/02 → 12/02 = 2 (the
    // convocation has no invitation): median of [1, 2, 2, 6] = 2; mean 11 / 4 = 2.75 → 2.8; 4 of 4 booked
    const feb = (await values("OPS-02", { de: "2025-02", a: "2025-02" }))[0]!;
    assert.deepEqual([feb.valeur, feb.moyenne, feb.numerateur, feb.denominateur], [2, 2.8, 4, 4]);
  });

  test("IND-V3-M2-N notification → first interview held", async () => {
    // January cohort (T0): P1 10/01 → held 17/02 = 38 days; P2 only absent; P3 only excused; P4 none
    // → median 38, 1 of 4 seen
    const jan = (await values("IND-V3-M2-N", { de: "2025-01", a: "2025-01" }))[0]!;
    assert.deepEqual([jan.valeur, jan.numerateur, jan.denominateur], [38, 1, 4]);
  });

  test("OPS-04 accompanied within 30 days of the orientation", async () => {
    // January (T0 = orientation 20/01): P1 first accompaniment held 17/02 = 28 days → 1 / 1 = 100 %
    // February: P5 05/02 → 20/02 = 15 days, in; P2 10/02 → only an absence, out → 1 / 2 = 50 %
    assert.deepEqual(table(await values("OPS-04", { a: "2025-02" })), [
      ["2025-01", null, 100, 1, 1],
      ["2025-02", null, 50, 1, 2],
    ]);
  });
});

describe("not available", () => {
  test("IND-V3-R1 (DSN) and IND-V3-M2 (rights opening date) answer « données non disponibles »", async () => {
    for (const id of ["IND-V3-R1", "IND-V3-M2"]) {
      const vs = await values(id, { a: "2025-01" });
      assert.deepEqual(
        vs.map((v) => [v.statut, v.valeur]),
        [["non_disponible", null]],
      );
    }
    const r = await computeIndicators(h.db, {
      territory: { ...SOMME },
      de: "2025-01",
      a: "2025-01",
      granularite: "mois",
      today: "2026-03-01",
      only: ["IND-V3-R1"],
    });
    assert.match(r.indicateurs[0]!.message!, /DSN/);
  });
});

describe("without the appointments tables", () => {
  test("the appointment indicators answer « données non disponibles »", async () => {
    const bare = await testDb();
    try {
      await sql`DROP TABLE appointment_transitions, appointments, appointment_slots CASCADE`.execute(bare.db);
      const r = await computeIndicators(bare.db, {
        territory: { ...SOMME },
        de: "2025-01",
        a: "2025-01",
        granularite: "mois",
        today: "2026-03-01",
        only: ["OPS-01", "OPS-02", "OPS-04", "IND-V3-M2-N", "IND-V2-01", "IND-V3-M4"],
      });
      assert.deepEqual(
        r.indicateurs.map((i) => [i.id, i.disponible, i.valeurs[0]!.statut]),
        [
          ["IND-V2-01", true, "definitif"],
          // computed from the contracts' programmes alone
          ["IND-V3-M4", true, "definitif"],
          ["OPS-01", false, "non_disponible"],
          ["OPS-02", false, "non_disponible"],
          ["IND-V3-M2-N", false, "non_disponible"],
          ["OPS-04", false, "non_disponible"],
        ],
      );
    } finally {
      await bare.close();
    }
  });
});
