// The liste minimale end to end on a hand-built Somme (80): the monthly export checked cell by cell, the round
// trip (the Somme's monthly files imported as the Gironde's (33) give the Gironde the Somme's indicators), the
// quarantine and its French reasons, idempotent and resumed imports, access refused and audited.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { parseListeMinimaleRow } from "../../shared/data-sharing/data-sharing.schema";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { Deps } from "../kernel/deps";
import {
  designateReferent,
  insertAppointment,
  insertPathway,
  orient,
  signContract,
  steeringTerritory,
} from "../steering/steering.fixtures";
import { computeIndicators } from "../steering/steering.indicators";
import { exportListeMinimale } from "./use-cases/export-liste-minimale";
import {
  applyListeMinimaleBatch,
  importListeMinimale,
  startListeMinimaleImport,
} from "./use-cases/import-liste-minimale";

let h: DbHandle;
let deps: Deps;
type Pro = Awaited<ReturnType<typeof insertProfessional>>;
let pilot80: Pro;
let manager33: Pro;
let conseiller80: Pro;
let nationalPilot: Pro;
let p1: { personId: string; parcoursId: string };
const cli: Actor = { kind: "system", id: "cli", channel: "cli" };

/** A diagnostic whose only version (at `at`) records these themes' impacts. */
async function diagnoseWithThemes(personId: string, at: string, themes: Record<string, string>, author: Pro) {
  const id = "d2000000-0000-4000-8000-000000000001";
  await sql`INSERT INTO diagnostics (id, person_id, current_numero, created_at, updated_at)
    VALUES (${id}, ${personId}, 1, ${at}, ${at})`.execute(h.db);
  const content = {
    themes: Object.fromEntries(Object.entries(themes).map(([k, impact]) => [k, { impact }])),
  };
  await sql`INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
    VALUES (${id}, 1, ${JSON.stringify(content)}::jsonb, ${author.id}, ${author.structureId}, 'INDIVIDUEL', ${at})`.execute(
    h.db,
  );
}

before(async () => {
  h = await testDb();
  deps = testDeps(h, "2026-03-02T09:00:00Z").deps;
  await steeringTerritory(h.db);
  await sql`INSERT INTO regions (code, name) VALUES ('75', 'Nouvelle-Aquitaine') ON CONFLICT DO NOTHING`.execute(
    h.db,
  );
  await sql`INSERT INTO departements (code, name, region_code) VALUES ('33', 'Gironde', '75') ON CONFLICT DO NOTHING`.execute(
    h.db,
  );
  const cd80 = await insertStructure(h.db, { kind: "conseil_departemental", departement: "80" });
  const cd33 = await insertStructure(h.db, { kind: "conseil_departemental", departement: "33" });
  const ft = await insertStructure(h.db, { kind: "france_travail", departement: "80" });
  pilot80 = await insertProfessional(h.db, {
    structure: cd80,
    roles: ["pilotage"],
    scope: { level: "departement", code: "80" },
  });
  nationalPilot = await insertProfessional(h.db, {
    structure: cd80,
    roles: ["pilotage"],
    scope: { level: "national", code: null },
  });
  manager33 = await insertProfessional(h.db, {
    structure: cd33,
    roles: ["manager_territorial"],
    scope: { level: "departement", code: "33" },
  });
  conseiller80 = await insertProfessional(h.db, { structure: cd80, roles: ["conseiller"] });
  const referent = await insertProfessional(h.db, { structure: ft, roles: ["conseiller"] });
  const decider = pilot80.id;

  // P1: new entrant of 6 January 2025, oriented PRO/FT on the 15th, référent on the 20th, diagnostic on the
  // 22nd, a contract signed on 3 February (programme from Monday 10 February: 10 h + 6 h), appointments
  p1 = await insertPathway(h.db, { t0: "2025-01-06" });
  await sql`UPDATE persons SET france_travail_id = '1234567A', caf_organisme = 'CAF', caf_numorg = '801',
    caf_matricule = '1234567', household_role = 'DEM' WHERE id = ${p1.personId}`.execute(h.db);
  await orient(h.db, p1, {
    at: "2025-01-15T10:00:00Z",
    parcours: "PRO",
    organisme: "FT",
    structureId: ft.id,
    deciderId: decider,
  });
  await designateReferent(h.db, p1.personId, {
    structureId: ft.id,
    professionalId: referent.id,
    at: "2025-01-20T10:00:00Z",
  });
  await diagnoseWithThemes(
    p1.personId,
    "2025-01-22T10:00:00Z",
    { MOBILITE: "FORT", LOGEMENT: "FAIBLE", EMPLOI: "FORT", SANTE: "AUCUN" },
    referent,
  );
  await signContract(h.db, p1.personId, [
    { signedAt: "2025-02-03T10:00:00Z", week: "2025-W07", hours: [10, 6] },
  ]);
  const rdv = { structureId: ft.id, professionalId: referent.id };
  await insertAppointment(h.db, p1.personId, {
    ...rdv,
    at: "2025-02-12T09:00:00Z",
    status: "HONORE",
    purpose: "PREMIER_RDV_ACCOMPAGNEMENT",
    bookedAt: "2025-02-01T09:00:00Z",
  });
  await insertAppointment(h.db, p1.personId, {
    ...rdv,
    at: "2025-03-05T09:00:00Z",
    status: "ABSENT",
    purpose: "SUIVI",
    bookedAt: "2025-02-20T09:00:00Z",
  });
  // planned, never held: not in the file
  await insertAppointment(h.db, p1.personId, {
    ...rdv,
    at: "2025-03-20T09:00:00Z",
    status: "PLANIFIE",
    purpose: "SUIVI",
    bookedAt: "2025-03-01T09:00:00Z",
  });
  // P2: a volunteer registration (not a new entrant) of 10 February, out on 15 March for a job
  await insertPathway(h.db, {
    t0: "2025-02-10",
    origine: "INSCRIPTION_VOLONTAIRE",
    closedAt: "2025-03-15T10:00:00Z",
    exitReason: "EMPLOI",
  });
  // P3: opened in November 2024, closed on 31 January 2025: not in March's file
  const p3 = await insertPathway(h.db, {
    t0: "2024-11-04",
    closedAt: "2025-01-31T10:00:00Z",
    exitReason: "DEMENAGEMENT",
  });
  await orient(h.db, p3, {
    at: "2024-11-25T10:00:00Z",
    parcours: "SOCIO_PRO",
    organisme: "CD",
    structureId: cd80.id,
    deciderId: decider,
  });
  // P4: the Oise's: never in the Somme's file
  await insertPathway(h.db, { t0: "2025-01-07", departement: "60" });
  // P5: oriented SOCIAL/CD on 10 January, re-oriented PRO/FT on 20 February
  const p5 = await insertPathway(h.db, { t0: "2025-01-08" });
  await orient(h.db, p5, {
    at: "2025-01-10T10:00:00Z",
    parcours: "SOCIAL",
    organisme: "CD",
    structureId: cd80.id,
    deciderId: decider,
    closedAt: "2025-02-20T10:00:00Z",
  });
  await orient(h.db, p5, {
    at: "2025-02-20T10:00:00Z",
    parcours: "PRO",
    organisme: "FT",
    structureId: ft.id,
    deciderId: decider,
  });
  await designateReferent(h.db, p5.personId, {
    structureId: ft.id,
    professionalId: referent.id,
    at: "2025-02-21T10:00:00Z",
  });
  await signContract(h.db, p5.personId, [
    { signedAt: "2025-02-24T10:00:00Z", week: "2025-W10", hours: [8] },
    { signedAt: "2025-03-10T10:00:00Z", week: "2025-W12", hours: [10, 5] },
  ]);
});
after(() => h.close());

const csvOf = (content: Buffer) => {
  const [header, ...lines] = content.toString("utf8").trimEnd().split("\n");
  const cols = header!.split(";");
  return lines.map((l) => Object.fromEntries(l.split(";").map((v, i) => [cols[i]!, v])));
};
/** The file as the Gironde's: its territory code replaced, nothing else. */
const asGironde = (content: Buffer) =>
  Buffer.from(content.toString("utf8").replace(/^1\.0\.0;80;/gm, "1.0.0;33;"), "utf8");

describe("export", () => {
  test("March 2025 in the Somme: the pathways open during the month, cell by cell", async () => {
    const file = await exportListeMinimale(deps, pilot80.actor, {
      departement: "80",
      mois: "2025-03",
      format: "csv",
    });
    assert.equal(file.fileName, "liste-minimale_80_202503_1.csv");
    const rows = csvOf(file.content);
    // P1, P2 and P5; not P3 (closed in January) nor P4 (Oise)
    assert.equal(rows.length, 3);
    const r1 = rows.find((r) => r.id_parcours === p1.parcoursId)!;
    assert.deepEqual(
      { ...r1, id_personne: r1.id_personne === p1.personId },
      {
        version_schema: "1.0.0",
        code_territoire: "80",
        mois_reference: "2025-03",
        id_parcours: p1.parcoursId,
        id_personne: true,
        id_france_travail: "1234567A",
        id_rsa: "CAF-801-1234567-DEM",
        code_commune: "80021",
        date_ouverture_droits_rsa: "",
        date_notification_departement: "2025-01-06",
        date_entree_dispositif: "2025-01-06",
        nouvel_entrant: "oui",
        date_rdv_orientation: "",
        presence_rdv_orientation: "",
        // EMPLOI is not a « frein périphérique », SANTE has no effect: neither is listed
        freins_reperes: "LOGEMENT:FAIBLE|MOBILITE:FORT",
        date_diagnostic: "2025-01-22",
        // the orientation notified on the 15th comes before the référent named on the 20th
        date_orientation: "2025-01-15",
        type_parcours: "PRO",
        organisme_referent: "FT",
        orientations: "2025-01-15:PRO:FT",
        periodes_referent: "2025-01-20",
        // the appointment planned on 20 March was not held: not listed
        rdv_accompagnement: "2025-02-12:present:PREMIER_RDV|2025-03-05:absent:SUIVI",
        prestations: "2025-02-10:2025-02-16:10:1|2025-02-10:2025-02-16:6:2",
        contrats_engagement: "1:2025-02-03:16:2025-02-10",
        date_sortie: "",
        motif_sortie: "",
      },
    );
    const r2 = rows.find((r) => r.date_notification_departement === "2025-02-10")!;
    assert.deepEqual(
      [r2.nouvel_entrant, r2.date_sortie, r2.motif_sortie, r2.orientations],
      ["non", "2025-03-15", "EMPLOI", ""],
    );
    const r5 = rows.find((r) => r.date_notification_departement === "2025-01-08")!;
    assert.equal(r5.orientations, "2025-01-10:SOCIAL:CD:2025-02-20|2025-02-20:PRO:FT");
    assert.deepEqual([r5.type_parcours, r5.organisme_referent], ["PRO", "FT"]);
    assert.equal(r5.contrats_engagement, "1:2025-02-24:8:2025-03-03|1:2025-03-10:15:2025-03-17");
    // every exported row is accepted by the import's own check
    for (const r of rows) assert.equal(parseListeMinimaleRow(r, "80").ok, true);
  });

  test("facts known at the end of the month only: January's file has no re-orientation nor contract", async () => {
    const file = await exportListeMinimale(deps, pilot80.actor, {
      departement: "80",
      mois: "2025-01",
      format: "json",
    });
    const body = JSON.parse(file.content.toString("utf8"));
    assert.equal(body.manifeste.nombreLignes, 3); // P1, P3 (closed on the 31st), P5
    const r5 = body.lignes.find(
      (r: Record<string, string>) => r.date_notification_departement === "2025-01-08",
    );
    assert.deepEqual(
      [r5.orientations, r5.contrats_engagement, r5.periodes_referent],
      ["2025-01-10:SOCIAL:CD", "", ""],
    );
    const r3 = body.lignes.find(
      (r: Record<string, string>) => r.date_notification_departement === "2024-11-04",
    );
    assert.deepEqual([r3.date_sortie, r3.motif_sortie], ["2025-01-31", "DEMENAGEMENT"]);
  });

  test("the export is an access to each person's file: one audit row per person, and one for the file", async () => {
    const before = await h.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "data_sharing.liste_minimale_exported")
      .execute();
    await exportListeMinimale(deps, pilot80.actor, { departement: "80", mois: "2025-03", format: "xlsx" });
    const rows = await h.db
      .selectFrom("audit_events")
      .select(["person_id", "section", "purpose", "outcome", "details"])
      .where("action", "=", "data_sharing.liste_minimale_exported")
      .orderBy("id")
      .execute();
    const added = rows.slice(before.length);
    assert.equal(added.length, 4);
    assert.equal(added.filter((r) => r.person_id === null).length, 1);
    assert.ok(added.some((r) => r.person_id === p1.personId));
    assert.ok(
      added.every(
        (r) => r.section === "partage_donnees" && r.purpose === "follow" && r.outcome === "allowed",
      ),
    );
  });

  test("refused to a conseiller, to a national pilot and to another département's manager (403, audited)", async () => {
    for (const actor of [conseiller80.actor, nationalPilot.actor, manager33.actor])
      await assert.rejects(
        exportListeMinimale(deps, actor, { departement: "80", mois: "2025-03", format: "csv" }),
        {
          code: "access.forbidden",
        },
      );
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["actor_id", "section"])
      .where("action", "=", "data_sharing.export")
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(
      denied.map((d) => d.actor_id).sort(),
      [conseiller80.id, nationalPilot.id, manager33.id].sort(),
    );
    assert.ok(denied.every((d) => d.section === "partage_donnees"));
  });
});

describe("import", () => {
  const months = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"];

  test("round trip: the Somme's monthly files imported as the Gironde's give the Gironde the same indicators", async () => {
    for (const mois of months) {
      const file = await exportListeMinimale(deps, cli, {
        departement: "80",
        mois,
        format: mois === "2025-02" ? "xlsx" : "csv",
      });
      const content = mois === "2025-02" ? file.content : asGironde(file.content);
      const fileName = mois === "2025-02" ? "fevrier.xlsx" : file.fileName;
      if (mois === "2025-02") {
        // the XLSX as a département's software would write it for the Gironde
        const ExcelJS = (await import("exceljs")).default;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(content as unknown as ArrayBuffer);
        wb.worksheets[0]!.getColumn(2).eachCell((c, n) => {
          if (n > 1) c.value = "33";
        });
        const r = await importListeMinimale(deps, manager33.actor, {
          departement: "33",
          fileName,
          content: Buffer.from(await wb.xlsx.writeBuffer()),
        });
        assert.equal(r.quarantaine, 0, JSON.stringify(r.rejets));
        continue;
      }
      const r = await importListeMinimale(deps, manager33.actor, { departement: "33", fileName, content });
      assert.equal(r.quarantaine, 0, JSON.stringify(r.rejets));
      assert.equal(r.statut, "TERMINE");
    }
    // no person, pathway or work item was created for the Gironde
    const created = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM persons WHERE departement = '33')::int
        + (SELECT count(*) FROM parcours WHERE departement = '33')::int
        + (SELECT count(*) FROM work_items WHERE departement = '33')::int AS n`.execute(h.db);
    assert.equal(created.rows[0]!.n, 0);
    assert.equal(
      (
        await h.db
          .selectFrom("external_parcours_facts")
          .select("id")
          .where("departement", "=", "33")
          .execute()
      ).length,
      4,
    );

    const report = (code: string) =>
      computeIndicators(h.db, {
        territory: { niveau: "departement", code, nom: "" },
        de: "2024-11",
        a: "2025-03",
        granularite: "mois",
        today: "2026-03-02",
      });
    const somme = await report("80");
    const gironde = await report("33");
    // the Gironde's dashboard can say « données transmises par le Département »; the Somme's has none
    assert.deepEqual(gironde.donneesTransmises, { parcours: 4, dernierMois: "2025-03" });
    assert.equal(somme.donneesTransmises, null);
    // invitation and booking dates are not in the list: OPS-02 is not computed from transmitted data
    const compared = somme.indicateurs.filter((i) => i.disponible && i.id !== "OPS-02");
    assert.ok(compared.length >= 14, `${compared.length} indicateurs comparés`);
    for (const ind of compared) {
      const other = gironde.indicateurs.find((i) => i.id === ind.id)!;
      assert.deepEqual(other.valeurs, ind.valeurs, ind.id);
    }
    // the comparison is not between empty series: values checked by hand
    const value = (id: string, periode: string) =>
      gironde.indicateurs
        .find((i) => i.id === id)!
        .valeurs.find((v) => v.periode === periode && v.modalite === null)!;
    assert.equal(value("IND-V2-01", "2025-01").valeur, 2); // P1 and P5
    assert.equal(value("IND-V3-M1", "2025-03").valeur, 2); // P1 and P5 (P2 out on the 15th)
    assert.equal(value("IND-V3-M1c", "2025-03").valeur, 1); // P5's second version
    assert.equal(value("IND-V3-M1b", "2025-01").valeur, 1); // P3
    assert.equal(value("OPS-01", "2025-03").numerateur, 1); // P1 absent on 5 March
    const intensive = value("IND-V3-M5", "2025-03"); // P1 16 h and P5 15 h, both with a référent
    assert.deepEqual([intensive.numerateur, intensive.denominateur], [2, 2]);
  });

  test("idempotent: the same file again changes nothing; the same facts in a later file are unchanged", async () => {
    const file = asGironde(
      (await exportListeMinimale(deps, cli, { departement: "80", mois: "2025-03", format: "csv" })).content,
    );
    const again = await importListeMinimale(deps, manager33.actor, {
      departement: "33",
      fileName: "liste-minimale_33_202503_1.csv",
      content: file,
    });
    assert.equal(again.dejaImporte, true);
    const resent = await importListeMinimale(deps, manager33.actor, {
      departement: "33",
      fileName: "liste-minimale_33_202503_2.csv",
      content: Buffer.from(file.toString("utf8").replace(/;2025-03;/g, ";2025-04;")),
    });
    assert.equal(resent.dejaImporte, false);
    assert.deepEqual([resent.creees, resent.misesAJour, resent.inchangees, resent.quarantaine], [0, 0, 3, 0]);
    assert.equal(
      (
        await h.db
          .selectFrom("external_parcours_facts")
          .select("id")
          .where("departement", "=", "33")
          .execute()
      ).length,
      4,
    );
  });

  const header =
    "version_schema;code_territoire;mois_reference;id_parcours;id_personne;date_notification_departement;date_entree_dispositif;nouvel_entrant;type_parcours;organisme_referent;date_orientation;freins_reperes";

  test("bad rows are quarantined with their French reasons; the good ones are imported", async () => {
    const csv = [
      header,
      "1.0.0;33;2026-10;Q-1;P-1;2026-10-02;2026-10-02;oui;PRO;FT;2026-10-10;MOBILITE:FORT",
      "1.0.0;33;2026-10;Q-2;P-2;2026-13-02;2026-10-02;oui;;;;",
      "1.0.0;33;2026-10;Q-3;P-3;2026-10-02;2026-10-02;peut-être;EMPLOI;FT;2026-10-10;",
      "1.0.0;24;2026-10;Q-4;P-4;2026-10-02;2026-10-02;non;;;;",
      "1.0.0;33;2026-10;Q-5;P-5;2026-10-02;2026-10-02;non;;;;VELO:FORT",
      "1.0.0;33;2026-10;Q-1;P-1;2026-10-02;2026-10-02;oui;;;;",
      "1.0.0;33;2026-10;Q-7;P-7;2026-10-02;2026-11-05;oui;;;;",
    ].join("\n");
    const r = await importListeMinimale(deps, manager33.actor, {
      departement: "33",
      fileName: "octobre.csv",
      content: Buffer.from(csv, "utf8"),
    });
    assert.deepEqual([r.lignes, r.creees, r.quarantaine], [7, 1, 6]);
    const reasons = Object.fromEntries(
      r.rejets.map((q) => [q.ligne, q.motifs.map((m) => `${m.colonne} : ${m.message}`)]),
    );
    assert.deepEqual(reasons[3], [
      "date_notification_departement : Date attendue au format AAAA-MM-JJ (ex. 2026-11-03).",
    ]);
    assert.deepEqual(reasons[4], [
      "nouvel_entrant : Valeur attendue : oui ou non.",
      "type_parcours : Type de parcours : valeur attendue parmi PRO, SOCIO_PRO, SOCIAL.",
    ]);
    assert.deepEqual(reasons[5], [
      "code_territoire : La ligne concerne le territoire 24, pas le département 33 pour lequel le fichier est importé.",
    ]);
    assert.match(
      reasons[6]![0]!,
      /^freins_reperes : Élément 1 \(« VELO:FORT »\) : Type de frein : valeur attendue parmi LOGEMENT,/,
    );
    assert.deepEqual(reasons[7], [
      "id_parcours : Ce parcours figure déjà sur une ligne précédente du fichier.",
    ]);
    assert.match(reasons[8]![0]!, /^date_entree_dispositif : Date postérieure au mois de référence 2026-10/);
    assert.equal(r.rejets.find((q) => q.ligne === 3)!.idParcours, "Q-2");
  });

  test("a file without the required columns is refused whole, in French", async () => {
    await assert.rejects(
      importListeMinimale(deps, manager33.actor, {
        departement: "33",
        fileName: "incomplet.csv",
        content: Buffer.from("id_parcours;date_entree_dispositif\nA;2026-10-01\n", "utf8"),
      }),
      (e: Error & { code?: string }) =>
        e.code === "data_sharing.missing_columns" &&
        /colonnes obligatoires de la liste minimale : version_schema/.test(e.message),
    );
  });

  test("resumable: a run stopped after its first batch is finished by the next run, nothing done twice", async () => {
    const csv = [
      header,
      "1.0.0;33;2026-09;R-1;RP-1;2026-09-01;2026-09-01;oui;;;;",
      "1.0.0;33;2026-09;R-2;RP-2;2026-09-02;2026-09-02;oui;;;;",
      "1.0.0;33;2026-09;R-3;RP-3;2026-09-03;2026-09-03;non;;;;",
    ].join("\n");
    const content = Buffer.from(csv, "utf8");
    // the first run: started, one batch of one row, then « killed »
    const started = await startListeMinimaleImport(deps, manager33.actor, {
      departement: "33",
      fileName: "sept.csv",
      content,
    });
    await applyListeMinimaleBatch(deps, manager33.actor, {
      importId: started.importId,
      from: 0,
      rows: started.table.rows.slice(0, 1),
    });
    // a stale retry of the same batch changes nothing
    await applyListeMinimaleBatch(deps, manager33.actor, {
      importId: started.importId,
      from: 0,
      rows: started.table.rows.slice(0, 1),
    });
    const r = await importListeMinimale(deps, manager33.actor, {
      departement: "33",
      fileName: "sept.csv",
      content,
      batchSize: 1,
    });
    assert.deepEqual([r.statut, r.traitees, r.creees, r.inchangees], ["TERMINE", 3, 3, 0]);
    const runs = await h.db
      .selectFrom("liste_minimale_imports")
      .select("runs")
      .where("id", "=", r.id)
      .executeTakeFirstOrThrow();
    assert.equal(runs.runs, 2);
  });

  test("importing is refused to the Somme's pilot for the Gironde, and to a conseiller (403, audited)", async () => {
    const content = Buffer.from(
      `${header}\n1.0.0;33;2026-09;Z-1;ZP-1;2026-09-01;2026-09-01;oui;;;;\n`,
      "utf8",
    );
    for (const actor of [pilot80.actor, conseiller80.actor])
      await assert.rejects(
        importListeMinimale(deps, actor, { departement: "33", fileName: "z.csv", content }),
        {
          code: "access.forbidden",
        },
      );
    const denied = await h.db
      .selectFrom("audit_events")
      .select("actor_id")
      .where("action", "=", "data_sharing.import")
      .where("outcome", "=", "denied")
      .execute();
    assert.equal(denied.length, 2);
  });
});
