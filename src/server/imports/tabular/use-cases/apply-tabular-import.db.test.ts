import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { aNir, insertPerson, insertProfessional, insertStructure } from "../../../../test-support/builders";
import { testDb } from "../../../../test-support/db";
import { testDeps } from "../../../../test-support/deps";
import type { DbHandle } from "../../../db/connect";
import { applyTabularImport, applyTabularImportBatch, stageTabularImport } from "./apply-tabular-import";
import { downloadTabularQuarantine } from "./download-tabular-quarantine";
import { getTabularImport } from "./get-tabular-import";
import { listTabularImportRows } from "./list-tabular-import-rows";
import { previewTabularImport } from "./preview-tabular-import";
import { updateTabularMapping } from "./update-tabular-mapping";
import { uploadTabularImport } from "./upload-tabular-import";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const b64 = (b: Buffer | ArrayBuffer) => Buffer.from(b as ArrayBuffer).toString("base64");
/** A CSV as French spreadsheet software writes it: « ; » and Windows-1252. */
const win1252Csv = (lines: string[][]) =>
  Buffer.from(`${lines.map((l) => l.join(";")).join("\r\n")}\r\n`, "latin1");
const persons = async (birthName: string) =>
  h.db
    .selectFrom("persons")
    .select(["id", "birth_name", "first_names", "email", "nir_index", "status"])
    .where("birth_name", "=", birthName)
    .execute();

async function manager(departement = "80") {
  const s = await insertStructure(h.db, { kind: "conseil_departemental", departement });
  return insertProfessional(h.db, {
    structure: s,
    roles: ["manager_territorial"],
    scope: { level: "departement", code: departement },
  });
}

describe("CSV", () => {
  test("upload → suggested mapping → preview in French → apply: valid rows imported, invalid ones quarantined; the same file twice changes nothing", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const m = await manager();
    const file = win1252Csv([
      ["Nom de naissance", "Prénom", "Date de naissance", "N° de sécurité sociale", "Courriel", "Code INSEE"],
      ["CSVUN", "Zoé", "14/05/1985", aNir(701), "zoe.csvun@exemple.fr", "80021"],
      ["CSVDEUX", "Éric", "31/02/1990", "", "", "80021"],
      ["CSVTROIS", "", "1985-05-14", "185058000701", "pas-un-courriel", "800"],
      ["CSVQUATRE", "Noé", "01/01/1970", "", "", ""],
    ]);
    const up = await uploadTabularImport(deps, m.actor, {
      fileName: "beneficiaires.csv",
      contentBase64: b64(file),
    });
    assert.equal(up.format, "CSV");
    assert.equal(up.status, "TELEVERSE");
    assert.equal(up.rowCount, 4);
    assert.deepEqual(up.headers, [
      "Nom de naissance",
      "Prénom",
      "Date de naissance",
      "N° de sécurité sociale",
      "Courriel",
      "Code INSEE",
    ]);
    assert.deepEqual(up.mapping, {
      nomFamille: 0,
      prenoms: 1,
      dateNaissance: 2,
      nir: 3,
      email: 4,
      codeCommune: 5,
    });

    const preview = await previewTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual([preview.total, preview.valid, preview.invalid], [4, 2, 2]);
    assert.deepEqual(preview.mappingIssues, []);
    assert.deepEqual(
      preview.rows.map((r) => [r.line, r.action]),
      [
        [2, "CREATION"],
        [3, "INVALIDE"],
        [4, "INVALIDE"],
        [5, "CREATION"],
      ],
    );
    const line3 = preview.rows[1];
    assert.match(
      line3?.message ?? "",
      /^Ligne mise en quarantaine : Date de naissance « 31\/02\/1990 » invalide : écrivez-la au format JJ\/MM\/AAAA/,
    );
    const line4 = preview.rows[2];
    assert.deepEqual(
      line4?.reasons.map((r) => r.field),
      ["prenoms", "nir", "email", "codeCommune"],
    );
    assert.match(line4?.reasons[3]?.message ?? "", /ce n'est pas le code postal/);
    assert.match(preview.rows[0]?.values.nir ?? "", /••/, "the NIR is masked in the preview");
    assert.equal(preview.rows[0]?.values.prenoms, "Zoé", "Windows-1252 accents are read");

    const applied = await applyTabularImport(deps, m.actor, { importId: up.id });
    assert.equal(applied.status, "TERMINE");
    assert.deepEqual(applied.counts, {
      total: 4,
      enAttente: 0,
      quarantaine: 2,
      creees: 2,
      misesAJour: 0,
      inchangees: 0,
      doublons: 0,
    });
    const [zoe] = await persons("CSVUN");
    assert.equal(zoe?.email, "zoe.csvun@exemple.fr");
    assert.equal(zoe?.nir_index, deps.secrets.nirIndex(aNir(701).slice(0, 13)));
    const quarantined = await listTabularImportRows(deps, m.actor, {
      importId: up.id,
      status: "QUARANTAINE",
    });
    assert.deepEqual(
      quarantined.items.map((r) => r.line),
      [3, 4],
    );
    assert.match(quarantined.items[0]?.reasons[0]?.message ?? "", /Date de naissance/);
    const row = await h.db
      .selectFrom("tabular_import_rows")
      .select(["raw_cipher"])
      .where("import_id", "=", up.id)
      .where("line_number", "=", 2)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(row.raw_cipher, /CSVUN|1850580/, "rows are kept encrypted");
    const content = await h.db
      .selectFrom("tabular_imports")
      .select("content_cipher")
      .where("id", "=", up.id)
      .executeTakeFirstOrThrow();
    assert.equal(content.content_cipher, null, "the file is dropped once its rows are staged");

    // the quarantine, to correct and send again
    const q = await downloadTabularQuarantine(deps, m.actor, { importId: up.id });
    assert.equal(q.fileName, "beneficiaires-quarantaine.csv");
    const lines = q.content
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? "", /;Ligne d'origine;Motifs du rejet$/);
    assert.match(lines[1] ?? "", /^CSVDEUX;Éric;31\/02\/1990;;;80021;3;Date de naissance/);

    // the same file again: the same import, and applying it changes nothing
    const again = await uploadTabularImport(deps, m.actor, {
      fileName: "copie.csv",
      contentBase64: b64(file),
    });
    assert.equal(again.id, up.id);
    assert.equal(again.alreadyUploaded, true);
    const reapplied = await applyTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual(reapplied.counts, applied.counts);
    assert.equal((await persons("CSVUN")).length, 1);

    // the corrected quarantine plus an already imported line, as a new file: only the corrected lines change anything
    const corrected = win1252Csv([
      ["Nom de naissance", "Prénom", "Date de naissance", "N° de sécurité sociale", "Courriel", "Code INSEE"],
      ["CSVUN", "Zoé", "14/05/1985", aNir(701), "zoe.csvun@exemple.fr", "80021"],
      ["CSVDEUX", "Éric", "28/02/1990", "", "", "80021"],
    ]);
    const second = await uploadTabularImport(deps, m.actor, {
      fileName: "corrige.csv",
      contentBase64: b64(corrected),
    });
    const secondApplied = await applyTabularImport(deps, m.actor, { importId: second.id });
    assert.deepEqual([secondApplied.counts.inchangees, secondApplied.counts.creees], [1, 1]);
    assert.equal((await persons("CSVUN")).length, 1);
    assert.equal((await persons("CSVDEUX")).length, 1);
  });

  test("rows meet existing files: a strong identifier fills empty fields, a conflict is quarantined, names + birth date flag a duplicate", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const m = await manager();
    const known = await insertPerson(h.db, {
      birthName: "CONNUE",
      firstNames: "Alice",
      birthDate: "1985-05-14",
      nir: aNir(702),
      email: null,
    });
    await insertPerson(h.db, { birthName: "AUTRENAISSANCE", birthDate: "1985-05-20", nir: aNir(703) });
    const homonym = await insertPerson(h.db, {
      birthName: "HOMONYMECSV",
      firstNames: "Jean Paul",
      birthDate: "1985-05-14",
      nir: null,
    });
    const file = Buffer.from(
      [
        "nom,prenom,date_naissance,nir,email",
        `CONNUE,Alice,14/05/1985,${aNir(702)},alice.connue@exemple.fr`,
        `AUTRENAISSANCE,Bob,14/05/1985,${aNir(703)},`,
        "HomonymeCSV,Jean,14/05/1985,,",
      ].join("\n"),
      "utf8",
    );
    const up = await uploadTabularImport(deps, m.actor, {
      fileName: "rapprochement.csv",
      contentBase64: b64(file),
    });
    assert.deepEqual(up.mapping, { nomFamille: 0, prenoms: 1, dateNaissance: 2, nir: 3, email: 4 });
    const preview = await previewTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual(
      preview.rows.map((r) => r.action),
      ["MISE_A_JOUR", "CONFLIT", "DOUBLON_POSSIBLE"],
    );
    assert.match(preview.rows[2]?.message ?? "", /sans fusion automatique/);

    const applied = await applyTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual(
      [applied.counts.misesAJour, applied.counts.quarantaine, applied.counts.doublons],
      [1, 1, 1],
    );
    assert.equal((await persons("CONNUE"))[0]?.email, "alice.connue@exemple.fr");
    const rows = await listTabularImportRows(deps, m.actor, { importId: up.id });
    assert.match(
      rows.items[1]?.reasons[0]?.message ?? "",
      /^Même NIR qu'un dossier existant, mais une date de naissance différente/,
    );
    const created = rows.items[2]?.personId;
    assert.ok(created && created !== homonym.id);
    const dup = await h.db
      .selectFrom("work_items")
      .select(["subject_id"])
      .where("type", "=", "DOUBLON_A_EXAMINER")
      .where("person_id", "=", created)
      .execute();
    assert.deepEqual(dup, [{ subject_id: homonym.id }]);
    const audit = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", known.id)
      .execute();
    assert.ok(audit.some((a) => a.action === "imports.tabular.person_updated"));
  });
});

describe("XLSX", () => {
  test("an XLSX list with date cells and a NIR typed as a number is imported like a CSV", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const m = await manager();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bénéficiaires");
    ws.addRow(["NOM", "PRENOMS", "NE(E) LE", "NIR", "Téléphone", "Code postal"]);
    ws.addRow(["XLSXUN", "Lina", new Date(Date.UTC(1985, 4, 14)), Number(aNir(704)), "0612345678", 80000]);
    ws.addRow(["XLSXDEUX", "Sam", "pas une date", null, "12", 8000]);
    const up = await uploadTabularImport(deps, m.actor, {
      fileName: "liste.xlsx",
      contentBase64: b64(await wb.xlsx.writeBuffer()),
    });
    assert.equal(up.format, "XLSX");
    assert.deepEqual(up.mapping, {
      nomFamille: 0,
      prenoms: 1,
      dateNaissance: 2,
      nir: 3,
      telephone: 4,
      codePostal: 5,
    });
    const preview = await previewTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual(
      preview.rows.map((r) => r.action),
      ["CREATION", "INVALIDE"],
    );
    assert.deepEqual(
      preview.rows[1]?.reasons.map((r) => r.field),
      ["dateNaissance", "telephone"],
    );
    const applied = await applyTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual([applied.counts.creees, applied.counts.quarantaine], [1, 1]);
    const p = await h.db
      .selectFrom("persons")
      .select(["birth_date", "phone", "postal_code", "nir_index"])
      .where("birth_name", "=", "XLSXUN")
      .executeTakeFirstOrThrow();
    assert.deepEqual(p, {
      birth_date: "1985-05-14",
      phone: "06 12 34 56 78",
      postal_code: "80000",
      nir_index: deps.secrets.nirIndex(aNir(704).slice(0, 13)),
    });
  });
});

describe("resuming and mapping", () => {
  test("an import stopped after its first batch resumes without duplicates", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const m = await manager();
    const lines = [
      ["Nom", "Prénom", "Date de naissance"],
      ...Array.from({ length: 7 }, (_, k) => [`REPRISE${k}`, "Test", "14/05/1985"]),
    ];
    const up = await uploadTabularImport(deps, m.actor, {
      fileName: "reprise.csv",
      contentBase64: b64(win1252Csv(lines)),
    });
    await stageTabularImport(deps, m.actor, { importId: up.id });
    const first = await applyTabularImportBatch(deps, m.actor, { importId: up.id, batchSize: 3 });
    assert.deepEqual(first, { processed: 3, remaining: 4 });
    // the process dies here; a new run picks up where it stopped
    const resumed = await applyTabularImport(deps, m.actor, { importId: up.id, batchSize: 3 });
    assert.equal(resumed.status, "TERMINE");
    assert.equal(resumed.counts.creees, 7);
    const n = await h.db
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("birth_name", "like", "REPRISE%")
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 7);
  });

  test("the mapping is editable with its version (409 when stale); an incomplete mapping cannot be applied", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const m = await manager();
    const file = win1252Csv([
      ["Colonne A", "Colonne B", "Colonne C"],
      ["MAPPING", "Léo", "14/05/1985"],
    ]);
    const up = await uploadTabularImport(deps, m.actor, {
      fileName: "sans-entetes.csv",
      contentBase64: b64(file),
    });
    assert.deepEqual(up.mapping, {});
    const preview = await previewTabularImport(deps, m.actor, { importId: up.id });
    assert.deepEqual(preview.mappingIssues, [
      "Choisissez la colonne qui contient : Nom de naissance (obligatoire).",
      "Choisissez la colonne qui contient : Prénoms (obligatoire).",
      "Choisissez la colonne qui contient : Date de naissance (obligatoire).",
    ]);
    await assert.rejects(applyTabularImport(deps, m.actor, { importId: up.id }), {
      code: "tabular_import.invalid_mapping",
    });
    const mapped = await updateTabularMapping(deps, m.actor, {
      importId: up.id,
      version: up.version,
      mapping: { nomFamille: 0, prenoms: 1, dateNaissance: 2 },
    });
    await assert.rejects(
      updateTabularMapping(deps, m.actor, {
        importId: up.id,
        version: up.version,
        mapping: { nomFamille: 1, prenoms: 0, dateNaissance: 2 },
      }),
      (e: { code: string; status: number; message: string }) =>
        e.code === "tabular_import.version_conflict" &&
        e.status === 409 &&
        /modifiée entre-temps/.test(e.message),
    );
    const applied = await applyTabularImport(deps, m.actor, { importId: up.id });
    assert.equal(applied.counts.creees, 1);
    await assert.rejects(
      updateTabularMapping(deps, m.actor, { importId: up.id, version: mapped.version, mapping: {} }),
      { code: "tabular_import.already_started" },
    );
  });
});

describe("wrong paths", () => {
  test("a conseiller cannot import; another département's manager cannot see the import; an unreadable file is refused in French", async () => {
    const { deps } = testDeps(h);
    const m = await manager();
    const conseiller = await insertProfessional(h.db);
    const elsewhere = await manager("02");
    const file = win1252Csv([
      ["Nom", "Prénom", "Date de naissance"],
      ["ACCES", "Léo", "14/05/1985"],
    ]);
    await assert.rejects(
      uploadTabularImport(deps, conseiller.actor, { fileName: "x.csv", contentBase64: b64(file) }),
      { code: "access.forbidden" },
    );
    const up = await uploadTabularImport(deps, m.actor, { fileName: "acces.csv", contentBase64: b64(file) });
    await assert.rejects(getTabularImport(deps, elsewhere.actor, { importId: up.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(
      uploadTabularImport(deps, m.actor, {
        fileName: "faux.xlsx",
        contentBase64: b64(Buffer.from("pas un classeur")),
      }),
      (e: { code: string; message: string }) => {
        assert.equal(e.code, "tabular_import.unreadable");
        assert.match(e.message, /n'est pas un classeur XLSX valide/);
        return true;
      },
    );
    await assert.rejects(
      uploadTabularImport(deps, m.actor, {
        fileName: "vide.csv",
        contentBase64: b64(Buffer.from("Nom;Prénom\r\n")),
      }),
      { code: "tabular_import.empty" },
    );
  });
});
