// The view and export use cases: scope, errors, audit, file formats and open-data suppression.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import type { Deps } from "../../kernel/deps";
import { ABBEVILLE, BEAUVAIS, insertPathway, steeringTerritory } from "../steering.fixtures";
import { exportIndicators } from "./export-indicators";
import { getIndicators } from "./get-indicators";

let h: DbHandle;
let deps: Deps;
let sommePilot: Awaited<ReturnType<typeof insertProfessional>>;
let conseiller: Awaited<ReturnType<typeof insertProfessional>>;

before(async () => {
  h = await testDb();
  deps = testDeps(h, "2026-03-02T09:00:00Z").deps;
  await steeringTerritory(h.db);
  const cd = await insertStructure(h.db, { kind: "conseil_departemental" });
  sommePilot = await insertProfessional(h.db, {
    structure: cd,
    roles: ["pilotage"],
    scope: { level: "departement", code: "80" },
  });
  conseiller = await insertProfessional(h.db, { structure: cd, roles: ["conseiller"] });
  // January 2025, Somme: 12 new entrants in Amiens and 3 in Abbeville (zone 3212) = 15;
  // Oise: 2 in Beauvais (zone 3212)
  for (let i = 0; i < 12; i++) await insertPathway(h.db, { t0: "2025-01-10" });
  for (let i = 0; i < 3; i++) await insertPathway(h.db, { t0: "2025-01-11", commune: ABBEVILLE });
  for (let i = 0; i < 2; i++)
    await insertPathway(h.db, { t0: "2025-01-12", departement: "60", commune: BEAUVAIS });
});
after(() => h.close());

const q = { niveau: "departement" as const, code: "80", de: "2025-01", a: "2025-01" };
const auditRows = (action: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["person_id", "outcome", "section"])
    .where("action", "=", action)
    .execute();

describe("right paths", () => {
  test("a departmental pilot reads the Somme's figures; the read is in the audit trail, with no person", async () => {
    const r = await getIndicators(deps, sommePilot.actor, q);
    assert.deepEqual(r.territoire, { niveau: "departement", code: "80", nom: "Somme" });
    const entrants = r.indicateurs.find((i) => i.id === "IND-V2-01")!;
    assert.equal(entrants.valeurs[0]!.valeur, 15);
    assert.ok(r.indicateurs.some((i) => i.id === "IND-V3-R1" && !i.disponible));
    assert.deepEqual(await auditRows("steering.indicators_viewed"), [
      { person_id: null, outcome: "allowed", section: "pilotage" },
    ]);
  });

  test("a zone d'emploi straddling two départements is cut to the pilot's département", async () => {
    // zone 3212: 3 in Abbeville (Somme) + 2 in Beauvais (Oise); the Somme's pilot sees 3
    const r = await getIndicators(deps, sommePilot.actor, { ...q, niveau: "zone_emploi", code: "3212" });
    assert.equal(r.indicateurs.find((i) => i.id === "IND-V2-01")!.valeurs[0]!.valeur, 3);
  });

  test("exports: exact CSV, open-data CSV with small cells secret, XLSX and JSON", async () => {
    const exact = await exportIndicators(deps, sommePilot.actor, { ...q, format: "csv" });
    assert.equal(exact.fileName, "indicateurs_departement_80_2025-01_2025-01.csv");
    const lines = exact.content.toString("utf8").trimEnd().split("\n");
    assert.match(lines[0]!, /^indicateur;version;nom;niveau;code_territoire;periode;/);
    const row = (text: string, id: string) =>
      text
        .split("\n")
        .find((l) => l.startsWith(`${id};`))!
        .split(";");
    // columns: … valeur (11), numerateur (12), denominateur (13), moyenne (14), statut (15)
    assert.deepEqual(row(exact.content.toString(), "IND-V2-01").slice(11, 16), [
      "15",
      "15",
      "",
      "",
      "definitif",
    ]);

    const open = await exportIndicators(deps, sommePilot.actor, {
      ...q,
      format: "csv",
      donneesOuvertes: true,
    });
    assert.equal(open.fileName, "indicateurs_departement_80_2025-01_2025-01_donnees-ouvertes.csv");
    // 15 ≥ 11 published; with a threshold of 20 it becomes secret
    assert.deepEqual(row(open.content.toString(), "IND-V2-01").slice(11, 16), [
      "15",
      "15",
      "",
      "",
      "definitif",
    ]);
    const strict = await exportIndicators(deps, sommePilot.actor, {
      ...q,
      format: "csv",
      donneesOuvertes: true,
      seuil: 20,
    });
    assert.deepEqual(row(strict.content.toString(), "IND-V2-01").slice(11, 16), ["", "", "", "", "secret"]);

    const xlsx = await exportIndicators(deps, sommePilot.actor, { ...q, format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["Indicateurs", "Définitions", "À propos"],
    );
    const sheet = wb.getWorksheet("Indicateurs")!;
    const found = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === "IND-V2-01") as unknown[];
    assert.equal(found[12], 15);

    const json = JSON.parse(
      (await exportIndicators(deps, sommePilot.actor, { ...q, format: "json" })).content.toString(),
    );
    assert.equal(json.dateExtraction, "2026-03-02");
    assert.ok(json.definitions.some((d: { indicateur: string }) => d.indicateur === "IND-V3-R1"));
    assert.ok((await auditRows("steering.indicators_exported")).length >= 4);
  });
});

describe("wrong paths", () => {
  test("another département: 403, recorded as denied", async () => {
    await assert.rejects(getIndicators(deps, sommePilot.actor, { ...q, code: "60" }), {
      code: "access.forbidden",
    });
    const denied = (await auditRows("steering.view")).filter((r) => r.outcome === "denied");
    assert.equal(denied.length, 1);
  });

  test("a conseiller has no steering access: 403 before anything else", async () => {
    await assert.rejects(getIndicators(deps, conseiller.actor, { ...q, code: "99" }), {
      code: "access.forbidden",
    });
  });

  test("unknown territory, missing code, reversed or too long a range", async () => {
    await assert.rejects(
      getIndicators(deps, sommePilot.actor, { ...q, niveau: "zone_emploi", code: "9999" }),
      {
        code: "steering.territory_not_found",
      },
    );
    await assert.rejects(getIndicators(deps, sommePilot.actor, { ...q, code: undefined }), {
      code: "steering.code_required",
    });
    await assert.rejects(getIndicators(deps, sommePilot.actor, { ...q, de: "2025-03", a: "2025-01" }), {
      code: "steering.invalid_range",
    });
    await assert.rejects(getIndicators(deps, sommePilot.actor, { ...q, de: "2020-01", a: "2025-12" }), {
      code: "steering.invalid_range",
    });
    await assert.rejects(getIndicators(deps, sommePilot.actor, { ...q, de: "2025-13" }), {
      code: "validation.invalid",
    });
  });
});
