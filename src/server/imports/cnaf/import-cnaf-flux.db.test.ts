import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import { sql } from "kysely";
import { nirKey } from "../../../shared/identity/nir";
import {
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps, testSecrets } from "../../../test-support/deps";
import { allowsConcurrentQueries, type DbHandle } from "../../db/connect";
import { openPathwayForNewEntrant } from "../../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../../orientation/orientation.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import {
  aHousehold,
  aPerson,
  cnafFluxBytes,
  fixturesDir,
  type GenHousehold,
  validFluxHouseholds,
} from "./fixtures/generate-cnaf-flux";
import { importCnafFlux } from "./import-cnaf-flux";

const fixture = (name: string) => join(fixturesDir, name);
const work = mkdtempSync(join(tmpdir(), "socle-cnaf-"));
let fileNo = 0;
function flowFile(
  households: GenHousehold[],
  header: { dtref?: string; createdOn?: string; time?: string } = {},
): string {
  const path = join(work, `flux-${++fileNo}.xml`);
  writeFileSync(path, cnafFluxBytes(households, header));
  return path;
}
const nirIndexOf = (serial: number) => testSecrets.nirIndex(aPerson(serial, "DEM").nir!);

let h: DbHandle;
beforeEach(async () => {
  h = await testDb();
});
afterEach(() => h.close());

const tables = [
  "persons",
  "rsa_rights",
  "droits_devoirs_months",
  "parcours",
  "orientations",
  "work_items",
  "audit_events",
  "import_quarantine",
] as const;
async function rowCounts() {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(h.db)).rows[0]!.n,
    );
  return out;
}
async function personIdOf(serial: number): Promise<string> {
  const p = await h.db
    .selectFrom("persons")
    .select("id")
    .where("nir_index", "=", nirIndexOf(serial))
    .executeTakeFirstOrThrow();
  return p.id;
}

describe("right paths", () => {
  test("imports a flow: persons, RSA rights, monthly history, new entrants with their pathway, audit", async () => {
    const { deps } = testDeps(h);
    const s = await importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "80" });

    assert.deepEqual(
      {
        status: s.status,
        households: s.households,
        persons: s.persons,
        created: s.created,
        updated: s.updated,
        unchanged: s.unchanged,
        rejected: s.rejected,
        newEntrants: s.newEntrants,
      },
      {
        status: "termine",
        households: 8,
        persons: 10,
        created: 10,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        newEntrants: 2,
      },
    );
    assert.deepEqual(s.quarantined, []);
    assert.equal(s.receivedDate, "2026-03-05");

    // identity: NIR encrypted with its blind index (a CAF NIR-13 completed with its key), CAF file and role
    const dem1 = await h.db
      .selectFrom("persons")
      .selectAll()
      .where("nir_index", "=", nirIndexOf(101))
      .executeTakeFirstOrThrow();
    const nir13 = aPerson(101, "DEM").nir!;
    assert.equal(testSecrets.decryptNir(dem1.nir_cipher!), nir13 + nirKey(nir13));
    assert.deepEqual(
      [dem1.caf_organisme, dem1.caf_numorg, dem1.household_role, dem1.departement],
      ["CAF", "801", "DEM", "80"],
    );
    const accented = await h.db
      .selectFrom("persons")
      .select(["birth_name", "first_names", "search_text"])
      .where("nir_index", "=", nirIndexOf(501))
      .executeTakeFirstOrThrow();
    assert.deepEqual(accented, {
      birth_name: "ŒUVRARD-ÉPREUVE",
      first_names: "HÉLÈNE ZOÉ",
      search_text: "uvrard epreuve helene zoe",
    });
    const msa = await h.db
      .selectFrom("persons")
      .select(["caf_organisme", "nir_last_digits"])
      .where("nir_index", "=", nirIndexOf(301))
      .executeTakeFirstOrThrow();
    assert.equal(msa.caf_organisme, "MSA");

    // rights: states, suspension, closure, homelessness; unknown codes kept raw and flagged
    const right = (serial: number) =>
      personIdOf(serial).then((id) =>
        h.db.selectFrom("rsa_rights").selectAll().where("person_id", "=", id).executeTakeFirstOrThrow(),
      );
    const suspended = await right(301);
    assert.deepEqual(
      [
        suspended.etat_code,
        suspended.suspension_kind,
        suspended.suspension_motif,
        suspended.suspension_since,
      ],
      ["4", "versement", "06", "2025-12-01"],
    );
    const closed = await right(501);
    assert.deepEqual(
      [closed.etat_code, closed.cloture_motif, closed.cloture_date, closed.sans_domicile_fixe],
      ["5", "RFD", "2026-01-31", true],
    );
    const odd = await right(601);
    assert.deepEqual([odd.etat_code, odd.unknown_codes], ["9", ["ETATDOSRSA=9", "MOTISUSVERSRSA=ZZ"]]);
    assert.equal((await right(101)).etat_date, "2026-02-28");

    const months = await h.db
      .selectFrom("droits_devoirs_months")
      .select(["month", "soumis"])
      .where("person_id", "=", await personIdOf(102))
      .execute();
    assert.deepEqual(months, [{ month: "2026-02-01", soumis: false }]);

    // new entrants: pathway A_ORIENTER with T0 = DTCREAFLUX, orientation BROUILLON, « orientation à décider » due T0 + 14
    const parcours = await h.db
      .selectFrom("parcours")
      .select(["person_id", "t0_date", "statut_suivi", "origine"])
      .orderBy("t0_date")
      .execute();
    assert.deepEqual(
      new Set(parcours.map((p) => p.person_id)),
      new Set([await personIdOf(101), await personIdOf(801)]),
    );
    assert.ok(
      parcours.every(
        (p) =>
          p.t0_date === "2026-03-05" &&
          p.statut_suivi === "A_ORIENTER" &&
          p.origine === "INSCRIPTION_AUTO_CAF",
      ),
    );
    const items = await h.db.selectFrom("work_items").select(["type", "due_date"]).execute();
    assert.deepEqual(items, [
      { type: "DECISION_ORIENTATION_A_PRENDRE", due_date: "2026-03-19" },
      { type: "DECISION_ORIENTATION_A_PRENDRE", due_date: "2026-03-19" },
    ]);

    // every created person is audited under the import's system actor
    const audited = await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "channel"])
      .where("action", "=", "persons.created")
      .execute();
    assert.equal(audited.length, 10);
    assert.ok(audited.every((a) => a.actor_id === "import-cnaf" && a.channel === "import"));
    assert.equal(
      (
        await h.db
          .selectFrom("audit_events")
          .select("id")
          .where("action", "=", "orientation.pathway_opened")
          .execute()
      ).length,
      2,
    );
  });

  test("the same file twice: refused as already imported, the database is unchanged", async () => {
    const { deps } = testDeps(h);
    const first = await importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "80" });
    const before = await rowCounts();
    const again = await importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "80" });
    assert.equal(again.status, "deja_importe");
    assert.equal(again.importId, first.importId);
    assert.deepEqual([again.households, again.created, again.updated, again.newEntrants], [0, 0, 0, 0]);
    assert.match(again.warnings[0]!, /^Fichier déjà importé/);
    assert.deepEqual(await rowCounts(), before);
  });

  test("the same content exported again (another file, another hash): zero created or updated, nothing new", async () => {
    const { deps } = testDeps(h);
    await importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "80" });
    const before = await rowCounts();
    const copy = flowFile(validFluxHouseholds(), { createdOn: "2026-03-05", time: "23:59:59" });
    const s = await importCnafFlux(deps, { filePath: copy, departement: "80" });
    assert.deepEqual(
      {
        status: s.status,
        created: s.created,
        updated: s.updated,
        unchanged: s.unchanged,
        newEntrants: s.newEntrants,
        rejected: s.rejected,
      },
      { status: "termine", created: 0, updated: 0, unchanged: 10, newEntrants: 0, rejected: 0 },
    );
    assert.deepEqual(await rowCounts(), before);
  });

  test("T0 is the flow's creation date unless the receipt date is given (--recu-le)", async () => {
    const { deps } = testDeps(h);
    const s = await importCnafFlux(deps, {
      filePath: fixture("flux-valide.xml"),
      departement: "80",
      recuLe: "2026-03-09",
    });
    assert.equal(s.receivedDate, "2026-03-09");
    const t0s = await h.db.selectFrom("parcours").select("t0_date").distinct().execute();
    assert.deepEqual(t0s, [{ t0_date: "2026-03-09" }]);
    assert.deepEqual(await h.db.selectFrom("work_items").select("due_date").distinct().execute(), [
      { due_date: "2026-03-23" },
    ]);
    const row = await h.db
      .selectFrom("flux_imports")
      .select(["received_date_source", "flux_created_date"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { received_date_source: "OPERATEUR", flux_created_date: "2026-03-05" });
  });

  test("an import killed after two batches resumes after the last committed one: no duplicate, counts add up", async () => {
    const { deps } = testDeps(h);
    const crash = new Error("arrêt simulé");
    await assert.rejects(
      importCnafFlux(
        deps,
        { filePath: fixture("flux-valide.xml"), departement: "80", batchSize: 2 },
        {
          afterBatch: ({ batch }) => {
            if (batch === 2) throw crash;
          },
        },
      ),
      crash,
    );
    const halfway = await h.db
      .selectFrom("flux_imports")
      .select(["status", "processed_households", "households", "created"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(halfway, { status: "echec", processed_households: 4, households: 4, created: 6 });
    assert.equal((await rowCounts()).persons, 6);

    const s = await importCnafFlux(deps, {
      filePath: fixture("flux-valide.xml"),
      departement: "80",
      batchSize: 2,
    });
    assert.deepEqual(
      [s.status, s.households, s.persons, s.created, s.newEntrants],
      ["termine", 8, 10, 10, 2],
    );
    assert.match(s.warnings.join(), /repris après 4 foyers/);
    const counts = await rowCounts();
    assert.deepEqual([counts.persons, counts.rsa_rights, counts.parcours], [10, 10, 2]);
    assert.equal(
      (await h.db.selectFrom("audit_events").select("id").where("action", "=", "persons.created").execute())
        .length,
      10,
    );
    assert.equal((await h.db.selectFrom("flux_imports").select("runs").executeTakeFirstOrThrow()).runs, 2);
  });

  test("a person in two consecutive batches is matched across them, the next batch's early reads notwithstanding", async () => {
    // on the server, batch k+1 is read while batch k is written: the same person in both (two CAF files
    // of the flow), and a namesake without NIR, must come out as with one batch after the other
    const { deps } = testDeps(h);
    const same = aPerson(40, "DEM");
    const noNir = aPerson(44, "DEM", { nir: undefined, idassedic: undefined });
    const file = flowFile([
      aHousehold(10, { persons: [same] }),
      aHousehold(11, { persons: [same] }),
      aHousehold(12, { persons: [noNir] }),
      aHousehold(13, { persons: [noNir] }),
    ]);
    const s = await importCnafFlux(deps, { filePath: file, departement: "80", batchSize: 1 });
    assert.equal(allowsConcurrentQueries(h.db), process.env.SOCLE_TEST_ENGINE === "postgres");
    assert.deepEqual(
      [s.households, s.persons, s.created, s.updated, s.rejected, s.possibleDuplicates],
      [4, 4, 3, 1, 0, 1],
    );
    const counts = await rowCounts();
    assert.deepEqual([counts.persons, counts.rsa_rights], [3, 4]);
    assert.equal(
      (await h.db.selectFrom("persons").select("id").where("nir_index", "=", nirIndexOf(40)).execute())
        .length,
      1,
    );
  });

  test("identity: empty fields filled, differences counted as divergences and never overwritten; conflicts and duplicates set apart", async () => {
    const { deps } = testDeps(h);
    const nirOf = (serial: number) => ((n) => n + nirKey(n))(aPerson(serial, "DEM").nir!);
    // registered earlier under another birth name, no France Travail number, no CAF file
    const known = await insertPerson(h.db, {
      nir: nirOf(201),
      birthName: "AUTRENOM",
      firstNames: aPerson(201, "DEM").prenom,
      birthDate: aPerson(201, "DEM").dtnai,
    });
    // same NIR as household 8's applicant, another birth date: a conflict
    await insertPerson(h.db, { nir: nirOf(801), birthDate: "1950-01-01" });
    // household 7's applicant has no NIR: a file with the same names and birth date is a possible duplicate
    const p7 = aPerson(701, "DEM");
    const twin = await insertPerson(h.db, {
      nir: null,
      birthName: p7.nomnai,
      firstNames: p7.prenom,
      birthDate: p7.dtnai,
    });

    const s = await importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "80" });
    assert.deepEqual(
      [s.created, s.updated, s.rejected, s.possibleDuplicates, s.newEntrants],
      [8, 1, 1, 1, 1],
    );
    assert.ok(s.divergences >= 1);
    assert.deepEqual(
      s.quarantined.map((q) => [q.key, q.reasonCode]),
      [["foyer 8, personne 1 (DEM)", "conflit_identite"]],
    );
    assert.match(
      s.quarantined[0]!.reason,
      /^Même NIR qu'un dossier existant, mais une date de naissance différente/,
    );
    // the household's XML is kept with the quarantined record (read again from the file: the parsing
    // worker sends households without their XML when nothing in them is invalid)
    const conflictRaw = await h.db
      .selectFrom("import_quarantine")
      .select("raw_xml")
      .where("reason_code", "=", "conflit_identite")
      .executeTakeFirstOrThrow();
    assert.match(conflictRaw.raw_xml, /^<InfosFoyerRSA>[\s\S]*<\/InfosFoyerRSA>$/);
    assert.ok(conflictRaw.raw_xml.includes(aPerson(801, "DEM").nir!));

    const after = await h.db
      .selectFrom("persons")
      .selectAll()
      .where("id", "=", known.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.birth_name, "AUTRENOM");
    assert.equal(after.france_travail_id, aPerson(201, "DEM").idassedic);
    assert.deepEqual(
      [after.caf_organisme, after.caf_matricule, after.household_role],
      ["CAF", aHousehold(2).matricule, "DEM"],
    );
    const items = await h.db
      .selectFrom("work_items")
      .select(["type", "person_id", "subject_id"])
      .where("type", "<>", "DECISION_ORIENTATION_A_PRENDRE")
      .orderBy("type")
      .execute();
    assert.equal(items.length, 2);
    assert.deepEqual(items[0], { type: "DIVERGENCE_DONNEES", person_id: known.id, subject_id: null });
    assert.equal(items[1]!.type, "DOUBLON_A_EXAMINER");
    assert.equal(items[1]!.subject_id, twin.id);
    assert.equal(
      (
        await h.db
          .selectFrom("audit_events")
          .select("person_id")
          .where("action", "=", "persons.updated")
          .execute()
      )[0]?.person_id,
      known.id,
    );
  });
});

describe("new entrants across monthly flows", () => {
  test("newly subject, back after more than 12 months of suspension, arrived: in; already subject, short suspension, followed: out", async () => {
    const { deps } = testDeps(h);
    const hh = (n: number, serial: number, over: Partial<GenHousehold>, soumis: boolean) =>
      aHousehold(n, { ...over, persons: [aPerson(serial, "DEM", { soumis })] });
    const january = flowFile(
      [
        hh(1, 9001, {}, false), // X: not subject in January
        hh(2, 9002, {}, true), // Y: subject both months
        hh(3, 9003, { etat: "4", suspension: { kind: "versement", motif: "06", since: "2024-12-01" } }, true), // Z: long suspension
        hh(4, 9004, { etat: "4", suspension: { kind: "versement", motif: "06", since: "2025-10-01" } }, true), // W: short suspension
        hh(5, 9005, {}, false), // V: a référent will be designated
      ],
      { dtref: "2026-01-31", createdOn: "2026-02-04" },
    );
    const jan = await importCnafFlux(deps, { filePath: january, departement: "80" });
    assert.equal(
      jan.newEntrants,
      0,
      "first flow of the département: last month unknown, nobody flagged entering",
    );

    const structure = await insertStructure(h.db);
    await insertFollowUp(h.db, { personId: await personIdOf(9005), structureId: structure.id });

    const february = flowFile(
      [
        hh(1, 9001, {}, true),
        hh(2, 9002, {}, true),
        hh(3, 9003, {}, true),
        hh(4, 9004, {}, true),
        hh(5, 9005, {}, true),
        hh(6, 9006, {}, true),
      ],
      { dtref: "2026-02-28", createdOn: "2026-03-05" },
    );
    const feb = await importCnafFlux(deps, { filePath: february, departement: "80" });
    assert.equal(feb.newEntrants, 3);
    const opened = await h.db.selectFrom("parcours").select(["person_id", "t0_date"]).execute();
    assert.deepEqual(
      new Set(opened.map((p) => p.person_id)),
      new Set([await personIdOf(9001), await personIdOf(9003), await personIdOf(9006)]),
    );
    assert.ok(opened.every((p) => p.t0_date === "2026-03-05"));
    // the January history is kept, month by month
    const z = await h.db
      .selectFrom("droits_devoirs_months")
      .select(["month", "etat_code", "suspension_since"])
      .where("person_id", "=", await personIdOf(9003))
      .orderBy("month")
      .execute();
    assert.deepEqual(z, [
      { month: "2026-01-01", etat_code: "4", suspension_since: "2024-12-01" },
      { month: "2026-02-01", etat_code: "2", suspension_since: null },
    ]);
  });
});

/** Every count, pathway, orientation and work item, to show that a second run changed nothing. */
const followUpState = async () => ({
  counts: await rowCounts(),
  parcours: await h.db
    .selectFrom("parcours")
    .select(["id", "statut_suivi", "exit_reason", "veille_since", "version"])
    .orderBy("id")
    .execute(),
  orientations: await h.db
    .selectFrom("orientations")
    .select(["id", "etat", "version"])
    .orderBy("id")
    .execute(),
  items: await h.db.selectFrom("work_items").select(["id", "status"]).orderBy("id").execute(),
});

/**
 * A pathway opened at `t0`, its orientation decided (OUVERT, pathway ACTIF) with a référent's structure, then
 * on hold since `veilleSince` when given; an open « point d'étape » and a possible duplicate to examine.
 */
async function followedPathway(personId: string, o: { t0: string; veilleSince?: string }) {
  const { deps } = testDeps(h, `${o.t0}T09:00:00Z`);
  const { parcoursId, orientationId } = await openPathwayForNewEntrant(h.db, deps, {
    personId,
    departement: "80",
    t0: o.t0,
    origine: "INSCRIPTION_AUTO_CAF",
    criteria: { brsa: true },
  });
  const structure = await insertStructure(h.db);
  const officer = await insertProfessional(h.db, { structure, roles: ["charge_orientation"] });
  const decidedAt = new Date(`${o.t0}T15:00:00Z`);
  const { version } = (await orientationRepository.get(h.db, orientationId))!;
  await orientationRepository.update(
    h.db,
    orientationId,
    version,
    {
      etat: "OUVERT",
      statut: "DECIDE",
      decision: "ACCEPTEE",
      decided_by: officer.id,
      decided_at: decidedAt,
      organisme_decision: "CD",
      parcours_retenu: "SOCIO_PRO",
      organisme_retenu: "CD",
      structure_id: structure.id,
    },
    decidedAt,
  );
  await orientationRepository.markParcoursOriented(h.db, parcoursId);
  await workItemsRepository.close(h.db, {
    type: "DECISION_ORIENTATION_A_PRENDRE",
    personId,
    at: decidedAt,
  });
  await insertFollowUp(h.db, { personId, structureId: structure.id });
  if (o.veilleSince)
    // no use case puts a follow-up on hold yet: the state the rule reads is written as such
    await sql`UPDATE parcours SET statut_suivi = 'EN_VEILLE', veille_since = ${o.veilleSince} WHERE id = ${parcoursId}`.execute(
      h.db,
    );
  for (const type of ["POINT_ETAPE_A_REALISER", "DOUBLON_A_EXAMINER"] as const)
    await workItemsRepository.open(h.db, {
      id: deps.ids.uuid(),
      type,
      personId,
      subjectId: null,
      departement: "80",
      structureId: structure.id,
      createdAt: decidedAt,
      dueDate: "2026-04-01",
      dueSoonDate: "2026-03-25",
    });
  return { parcoursId, orientationId };
}

describe("a new entrant again: back after more than 12 months on hold or suspended (parcours.md §2.4)", () => {
  test("⚙ suivi.veilleMaxMois: a département set to 6 months closes a 7-month veille on return and resumes one of exactly 6", async () => {
    const { deps } = testDeps(h);
    const hh = (n: number, serial: number, soumis: boolean) =>
      aHousehold(n, { persons: [aPerson(serial, "DEM", { soumis })] });
    const january = flowFile([hh(1, 9301, false), hh(2, 9302, false)], {
      dtref: "2026-01-31",
      createdOn: "2026-02-04",
    });
    await importCnafFlux(deps, { filePath: january, departement: "80" });
    const [seven, six] = await Promise.all([9301, 9302].map(personIdOf));
    const oldSeven = await followedPathway(seven!, { t0: "2024-06-03", veilleSince: "2025-07-31" });
    const oldSix = await followedPathway(six!, { t0: "2024-06-03", veilleSince: "2025-08-31" });
    await sql`INSERT INTO follow_up_settings (departement, closure_months, updated_at) VALUES ('80', 6, now())`.execute(
      h.db,
    );
    try {
      const february = flowFile([hh(1, 9301, true), hh(2, 9302, true)], {
        dtref: "2026-02-28",
        createdOn: "2026-03-05",
      });
      const feb = await importCnafFlux(deps, { filePath: february, departement: "80" });
      // with the national 12 months both would resume
      assert.deepEqual([feb.newEntrants, feb.pathwaysClosed, feb.veillesEnded], [1, 1, 1]);
      const statusOf = async (parcoursId: string) =>
        (
          await h.db
            .selectFrom("parcours")
            .select(["statut_suivi", "exit_reason"])
            .where("id", "=", parcoursId)
            .executeTakeFirstOrThrow()
        ).statut_suivi;
      assert.equal(await statusOf(oldSeven.parcoursId), "CLOS");
      assert.equal(await statusOf(oldSix.parcoursId), "ACTIF");
    } finally {
      await sql`DELETE FROM follow_up_settings WHERE departement = '80'`.execute(h.db);
    }
  });

  test("the old pathway closes (exit reason, orientation CLOTURE, its items lapse) and a new one opens with the new T0; 12 months exactly: the same pathway resumes; the same flow again changes nothing", async () => {
    const { deps } = testDeps(h);
    const hh = (n: number, serial: number, over: Partial<GenHousehold>, soumis: boolean) =>
      aHousehold(n, { ...over, persons: [aPerson(serial, "DEM", { soumis })] });
    const january = flowFile(
      [
        hh(1, 9201, {}, false), // L: on hold since 15/01/2025, not subject in January
        hh(2, 9202, {}, false), // S: on hold since 28/02/2025, exactly 12 months on 28/02/2026
        // M: followed (ACTIF), right suspended since 01/12/2024
        hh(3, 9203, { etat: "4", suspension: { kind: "versement", motif: "06", since: "2024-12-01" } }, true),
      ],
      { dtref: "2026-01-31", createdOn: "2026-02-04" },
    );
    assert.equal((await importCnafFlux(deps, { filePath: january, departement: "80" })).newEntrants, 0);
    const [l, s, m] = await Promise.all([9201, 9202, 9203].map(personIdOf));
    const oldL = await followedPathway(l!, { t0: "2024-06-03", veilleSince: "2025-01-15" });
    const oldS = await followedPathway(s!, { t0: "2024-06-03", veilleSince: "2025-02-28" });
    const oldM = await followedPathway(m!, { t0: "2024-06-03" });

    const february = flowFile([hh(1, 9201, {}, true), hh(2, 9202, {}, true), hh(3, 9203, {}, true)], {
      dtref: "2026-02-28",
      createdOn: "2026-03-05",
    });
    const feb = await importCnafFlux(deps, { filePath: february, departement: "80" });
    assert.equal(feb.newEntrants, 2, "L and M are new entrants again, S is not");
    // the summary says what happened to the follow-ups: L's and M's pathways closed, S's resumed
    assert.deepEqual([feb.pathwaysClosed, feb.veillesEnded, feb.veillesStarted], [2, 1, 0]);

    const pathwaysOf = (personId: string) =>
      h.db
        .selectFrom("parcours")
        .select(["id", "statut_suivi", "t0_date", "origine", "exit_reason", "closed_at"])
        .where("person_id", "=", personId)
        .orderBy("opened_at")
        .execute();
    const itemsOf = (personId: string) =>
      h.db
        .selectFrom("work_items")
        .select(["type", "subject_id", "status"])
        .where("person_id", "=", personId)
        .orderBy("type")
        .orderBy("status")
        .execute();
    for (const [personId, old, exitReason] of [
      [l!, oldL, "VEILLE_LONGUE"],
      [m!, oldM, "SUSPENSION_LONGUE"],
    ] as const) {
      const [closed, opened, ...more] = await pathwaysOf(personId);
      assert.deepEqual(more, []);
      assert.deepEqual(
        { ...closed, closed_at: closed?.closed_at instanceof Date },
        {
          id: old.parcoursId,
          statut_suivi: "CLOS",
          t0_date: "2024-06-03",
          origine: "INSCRIPTION_AUTO_CAF",
          exit_reason: exitReason,
          closed_at: true,
        },
      );
      assert.deepEqual(
        { ...opened, id: undefined },
        {
          id: undefined,
          statut_suivi: "A_ORIENTER",
          t0_date: "2026-03-05",
          origine: "INSCRIPTION_AUTO_CAF",
          exit_reason: null,
          closed_at: null,
        },
      );
      // the orientation in force closed through the state table; a new one awaits its decision
      assert.equal((await orientationRepository.get(h.db, old.orientationId))?.etat, "CLOTURE");
      assert.deepEqual((await orientationRepository.transitions(h.db, old.orientationId)).at(-1), {
        from: "OUVERT",
        to: "CLOTURE",
        event: "close",
        actorKind: "system",
        actorId: "ouverture-parcours",
        at: (await orientationRepository.transitions(h.db, old.orientationId)).at(-1)!.at,
        reason: `sortie du parcours : ${exitReason}`,
      });
      const pending = await orientationRepository.pendingOf(h.db, personId);
      assert.equal(pending?.parcoursId, opened!.id);
      assert.equal(pending?.t0, "2026-03-05");
      // the pathway's items lapse, the file's stay; the decision on the new orientation is to be taken
      assert.deepEqual(await itemsOf(personId), [
        { type: "DECISION_ORIENTATION_A_PRENDRE", subject_id: pending!.id, status: "A_FAIRE" },
        { type: "DECISION_ORIENTATION_A_PRENDRE", subject_id: old.orientationId, status: "FAIT" },
        { type: "DOUBLON_A_EXAMINER", subject_id: null, status: "A_FAIRE" },
        { type: "POINT_ETAPE_A_REALISER", subject_id: null, status: "ANNULE" },
      ]);
    }

    // S: on hold exactly 12 months: not « more than 12 », the same pathway and référent resume, nothing new
    assert.deepEqual(
      (await pathwaysOf(s!)).map((p) => [p.id, p.statut_suivi, p.exit_reason]),
      [[oldS.parcoursId, "ACTIF", null]],
    );
    assert.equal((await orientationRepository.get(h.db, oldS.orientationId))?.etat, "OUVERT");
    assert.equal(await orientationRepository.pendingOf(h.db, s!), undefined);
    assert.deepEqual(
      (await itemsOf(s!)).map((i) => [i.type, i.status]),
      [
        ["DECISION_ORIENTATION_A_PRENDRE", "FAIT"],
        ["DOUBLON_A_EXAMINER", "A_FAIRE"],
        ["POINT_ETAPE_A_REALISER", "A_FAIRE"],
      ],
    );

    // audited: each closure with its reason, each opening
    const audited = await h.db
      .selectFrom("audit_events")
      .select(["person_id", "action", "details"])
      .where("action", "in", ["orientation.pathway_closed", "orientation.pathway_opened"])
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audited.map((a) => [a.person_id, a.action, (a.details as { exitReason?: string }).exitReason]),
      [
        [l, "orientation.pathway_closed", "VEILLE_LONGUE"],
        [m, "orientation.pathway_closed", "SUSPENSION_LONGUE"],
        [l, "orientation.pathway_opened", undefined],
        [m, "orientation.pathway_opened", undefined],
      ],
    );

    // the same file again: refused; the same flow exported again (another file): the new pathways are
    // A_ORIENTER, nothing changes
    const before = await followUpState();
    const same = await importCnafFlux(deps, { filePath: february, departement: "80" });
    assert.deepEqual([same.status, same.newEntrants], ["deja_importe", 0]);
    assert.deepEqual(await followUpState(), before);
    const again = await importCnafFlux(deps, {
      filePath: flowFile([hh(1, 9201, {}, true), hh(2, 9202, {}, true), hh(3, 9203, {}, true)], {
        dtref: "2026-02-28",
        createdOn: "2026-03-05",
        time: "12:00:00",
      }),
      departement: "80",
    });
    assert.deepEqual([again.status, again.created, again.updated, again.newEntrants], ["termine", 0, 0, 0]);
    assert.deepEqual(await followUpState(), before);
  });
});

describe("a follow-up on hold (mise en veille) and resumed by the monthly flag (parcours.md §2.4)", () => {
  test("followed and not subject in M: EN_VEILLE since M's DTREF, référent kept, not a new entrant; subject again in M+3: ACTIF, same T0 and pathway, not a new entrant; the same flow again changes nothing", async () => {
    const { deps } = testDeps(h);
    const hh = (n: number, serial: number, soumis: boolean) =>
      aHousehold(n, { persons: [aPerson(serial, "DEM", { soumis })] });
    // P: followed, flips out of droits et devoirs in February and back in May; Q: followed, always subject
    const flow = (dtref: string, createdOn: string, pSoumis: boolean, time?: string) =>
      flowFile([hh(1, 9301, pSoumis), hh(2, 9302, true)], { dtref, createdOn, ...(time ? { time } : {}) });
    await importCnafFlux(deps, {
      filePath: flow("2026-01-31", "2026-02-04", true),
      departement: "80",
    });
    const [pId, qId] = await Promise.all([9301, 9302].map(personIdOf));
    const oldP = await followedPathway(pId!, { t0: "2025-06-02" });
    const oldQ = await followedPathway(qId!, { t0: "2025-06-02" });

    const pathwayOf = (personId: string) =>
      h.db
        .selectFrom("parcours")
        .select(["id", "statut_suivi", "veille_since", "t0_date", "exit_reason"])
        .where("person_id", "=", personId)
        .execute();
    const referentsOf = (personId: string) =>
      h.db
        .selectFrom("follow_ups")
        .select(["structure_id", "role"])
        .where("person_id", "=", personId)
        .where("ended_at", "is", null)
        .execute();
    const veilleAudit = () =>
      h.db
        .selectFrom("audit_events")
        .select(["person_id", "action", "section", "details"])
        .where("action", "in", ["follow_up.veille_started", "follow_up.veille_ended"])
        .orderBy("id")
        .execute();
    const referentsBefore = await referentsOf(pId!);

    // M = February: P is no longer subject
    const february = flow("2026-02-28", "2026-03-05", false);
    const feb = await importCnafFlux(deps, { filePath: february, departement: "80" });
    assert.equal(feb.newEntrants, 0);
    assert.deepEqual([feb.veillesStarted, feb.veillesEnded, feb.pathwaysClosed], [1, 0, 0]);
    assert.deepEqual(await pathwayOf(pId!), [
      {
        id: oldP.parcoursId,
        statut_suivi: "EN_VEILLE",
        veille_since: "2026-02-28",
        t0_date: "2025-06-02",
        exit_reason: null,
      },
    ]);
    assert.deepEqual(
      (await pathwayOf(qId!)).map((x) => [x.id, x.statut_suivi, x.veille_since]),
      [[oldQ.parcoursId, "ACTIF", null]],
    );
    // the référent and the orientation in force stay
    assert.deepEqual(await referentsOf(pId!), referentsBefore);
    assert.equal(referentsBefore.length, 1);
    assert.equal((await orientationRepository.get(h.db, oldP.orientationId))?.etat, "OUVERT");
    const started = await veilleAudit();
    assert.deepEqual(
      started.map((a) => [
        a.person_id,
        a.action,
        a.section,
        (a.details as { veilleSince?: string }).veilleSince,
      ]),
      [[pId, "follow_up.veille_started", "suivi", "2026-02-28"]],
    );

    // the same file again: refused; the same flow exported again: nothing changes, nothing audited
    const onHold = await followUpState();
    assert.equal(
      (await importCnafFlux(deps, { filePath: february, departement: "80" })).status,
      "deja_importe",
    );
    const febAgain = await importCnafFlux(deps, {
      filePath: flow("2026-02-28", "2026-03-05", false, "12:00:00"),
      departement: "80",
    });
    assert.deepEqual(
      [febAgain.status, febAgain.created, febAgain.updated, febAgain.newEntrants, febAgain.veillesStarted],
      ["termine", 0, 0, 0, 0],
    );
    assert.deepEqual(await followUpState(), onHold);

    // still on hold in March and April: the veille keeps its start
    for (const [dtref, createdOn] of [
      ["2026-03-31", "2026-04-03"],
      ["2026-04-30", "2026-05-05"],
    ] as const) {
      const r = await importCnafFlux(deps, {
        filePath: flow(dtref, createdOn, false),
        departement: "80",
      });
      assert.equal(r.newEntrants, 0);
    }
    assert.deepEqual(
      (await pathwayOf(pId!)).map((x) => [x.statut_suivi, x.veille_since]),
      [["EN_VEILLE", "2026-02-28"]],
    );

    // M+3 = May: subject again, the same pathway resumes with its T0 and référent; not a new entrant
    const may = flow("2026-05-31", "2026-06-04", true);
    const mayResult = await importCnafFlux(deps, { filePath: may, departement: "80" });
    assert.equal(mayResult.newEntrants, 0);
    assert.deepEqual([mayResult.veillesStarted, mayResult.veillesEnded], [0, 1]);
    assert.deepEqual(await pathwayOf(pId!), [
      {
        id: oldP.parcoursId,
        statut_suivi: "ACTIF",
        veille_since: null,
        t0_date: "2025-06-02",
        exit_reason: null,
      },
    ]);
    assert.deepEqual(await referentsOf(pId!), referentsBefore);
    assert.equal((await orientationRepository.get(h.db, oldP.orientationId))?.etat, "OUVERT");
    assert.equal(await orientationRepository.pendingOf(h.db, pId!), undefined);
    assert.deepEqual(
      (await veilleAudit()).map((a) => [a.person_id, a.action]),
      [
        [pId, "follow_up.veille_started"],
        [pId, "follow_up.veille_ended"],
      ],
    );
    const resumed = await followUpState();
    const mayAgain = await importCnafFlux(deps, {
      filePath: flow("2026-05-31", "2026-06-04", true, "12:00:00"),
      departement: "80",
    });
    assert.deepEqual(
      [mayAgain.status, mayAgain.created, mayAgain.updated, mayAgain.newEntrants, mayAgain.veillesEnded],
      ["termine", 0, 0, 0, 0],
    );
    assert.deepEqual(await followUpState(), resumed);
  });
});

describe("wrong paths", () => {
  test("unusable records go to quarantine with their French reason and raw XML; the others are imported", async () => {
    const { deps } = testDeps(h);
    const s = await importCnafFlux(deps, { filePath: fixture("flux-quarantaine.xml"), departement: "80" });
    assert.deepEqual([s.status, s.households, s.persons, s.created, s.rejected], ["termine", 8, 7, 4, 6]);
    assert.deepEqual(
      s.quarantined.map((q) => [q.index, q.personRank, q.key, q.reasonCode]),
      [
        [2, 1, "foyer 2, personne 1 (DEM)", "nir_cle"],
        [3, 0, "foyer 3", "autre_departement"],
        [4, 0, "foyer 4", "departement_inconnu"],
        [5, 1, "foyer 5, personne 1 (DEM)", "schema"],
        [6, 0, "foyer 6", "schema"],
        [7, 1, "foyer 7, personne 1 (DEM)", "nir_invalide"],
      ],
    );
    const reasons = s.quarantined.map((q) => q.reason);
    assert.deepEqual(reasons.slice(1, 5), [
      "Foyer d'un autre département : IDEPARTE « 002 » (département 02), alors que l'import concerne le département 80.",
      "Département inconnu : IDEPARTE « 099 » n'est pas un code de département.",
      "Personne 1 › Identification › DTNAI : élément obligatoire absent",
      "PrestationRSA › SituationDossierRSA › EtatDossierRSA : élément obligatoire absent",
    ]);
    assert.match(reasons[0]!, /^NIR invalide : La clé du NIR ne correspond pas/);
    const raw = await h.db
      .selectFrom("import_quarantine")
      .select(["raw_xml", "line"])
      .where("record_index", "=", 3)
      .executeTakeFirstOrThrow();
    const file = readFileSync(fixture("flux-quarantaine.xml")).toString("latin1");
    assert.ok(raw.raw_xml.startsWith("<InfosFoyerRSA>") && file.includes(raw.raw_xml));
    assert.equal(file.split("\n")[raw.line! - 1], "<InfosFoyerRSA>");
    // the spouse of a rejected applicant is imported
    assert.equal((await rowCounts()).persons, 4);
  });

  test("malformed XML: a French message with the line; the valid households before it are kept; a rerun adds no duplicate", async () => {
    const { deps } = testDeps(h);
    const run = () =>
      importCnafFlux(deps, { filePath: fixture("flux-mal-forme.xml"), departement: "80", batchSize: 2 });
    await assert.rejects(run(), {
      code: "imports.cnaf.malformed_xml",
      message: /^XML mal formé ligne 477 : balise de fermeture/,
    });
    const row = await h.db
      .selectFrom("flux_imports")
      .select(["status", "processed_households", "created", "error_code"])
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      status: "echec",
      processed_households: 5,
      created: 5,
      error_code: "imports.cnaf.malformed_xml",
    });
    await assert.rejects(run(), { code: "imports.cnaf.malformed_xml" });
    assert.equal((await rowCounts()).persons, 5);
  });

  test("a file declaring another encoding is refused before anything is written", async () => {
    const { deps } = testDeps(h);
    await assert.rejects(importCnafFlux(deps, { filePath: fixture("flux-utf8.xml"), departement: "80" }), {
      code: "imports.cnaf.encoding_unsupported",
      message:
        "Le fichier déclare l'encodage « UTF-8 » : un flux CAF/MSA VRSB 08.01 doit être encodé en windows-1252. Demandez un nouvel envoi du fichier.",
    });
    assert.equal((await h.db.selectFrom("flux_imports").select("id").execute()).length, 0);
    assert.equal((await rowCounts()).persons, 0);
  });

  test("bytes that are not windows-1252, or UTF-8 text in a windows-1252 file: quarantined with the reason, the rest imported", async () => {
    const { deps } = testDeps(h);
    const s = await importCnafFlux(deps, {
      filePath: fixture("flux-octets-invalides.xml"),
      departement: "80",
    });
    assert.deepEqual([s.created, s.rejected], [1, 2]);
    assert.deepEqual(
      s.quarantined.map((q) => [q.key, q.reasonCode, q.reason]),
      [
        [
          "foyer 2",
          "encodage",
          "Octet non défini en windows-1252 (0x81, 0x8D, 0x8F, 0x90 ou 0x9D) : le fichier n'est pas dans l'encodage qu'il déclare.",
        ],
        [
          "foyer 3, personne 1 (DEM)",
          "encodage",
          "Nom ou prénom mal encodé (texte UTF-8 dans un fichier déclaré windows-1252) : demandez un nouvel envoi du fichier.",
        ],
      ],
    );
  });

  test("the département of the import must be a département", async () => {
    const { deps } = testDeps(h);
    await assert.rejects(importCnafFlux(deps, { filePath: fixture("flux-valide.xml"), departement: "20" }), {
      code: "validation.invalid",
    });
    await assert.rejects(importCnafFlux(deps, { filePath: join(work, "absent.xml"), departement: "80" }), {
      code: "imports.file_unreadable",
    });
  });
});
