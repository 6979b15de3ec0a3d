import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { freinTypes } from "../registration/registration.schema";
import {
  diagnosticReferentiel,
  diagnosticThemeCodes,
  diagnosticThemes,
  referentielLabel,
  themeOfFrein,
} from "./diagnostic.referentiel";

describe("the diagnostic référentiel", () => {
  test("has the ten themes of parcours.md §5.2, each under its own code", () => {
    assert.equal(diagnosticThemes.length, 10);
    for (const code of diagnosticThemeCodes) assert.equal(diagnosticReferentiel[code].code, code);
  });

  test("every theme has 4 to 8 situations and 4 to 8 needs, with labels", () => {
    for (const t of diagnosticThemes) {
      assert.ok(t.situations.length >= 4 && t.situations.length <= 8, `${t.code} situations`);
      assert.ok(t.besoins.length >= 4 && t.besoins.length <= 8, `${t.code} besoins`);
      for (const e of [...t.situations, ...t.besoins]) assert.ok(e.libelle.trim().length > 3, e.code);
    }
  });

  test("situation and need codes are unique across the whole référentiel", () => {
    const codes = diagnosticThemes.flatMap((t) => [...t.situations, ...t.besoins].map((e) => e.code));
    const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
    assert.deepEqual(dupes, []);
    assert.ok(codes.length > 80);
  });

  test("each of the nine registration barriers is taken over by exactly one theme", () => {
    for (const f of freinTypes) {
      const themes = diagnosticThemes.filter((t) => t.freins.includes(f));
      assert.equal(themes.length, 1, f);
    }
    assert.equal(themeOfFrein("NIVEAU_LANGUE"), "MAITRISE_LANGUE_SAVOIRS_DE_BASE");
    assert.equal(themeOfFrein("SAVOIRS_DE_BASE"), "MAITRISE_LANGUE_SAVOIRS_DE_BASE");
    assert.equal(themeOfFrein("SITUATION_FAMILIALE"), "CONTRAINTES_FAMILIALES");
    assert.deepEqual(diagnosticReferentiel.EMPLOI.freins, []);
  });

  test("labels are found by code, unknown codes are shown as they are", () => {
    assert.equal(referentielLabel("LOGEMENT_HEBERGE_TIERS"), "Hébergé chez un tiers");
    assert.equal(referentielLabel("LOGEMENT_ACCES_SOCIAL"), "Accéder à un logement social");
    assert.equal(referentielLabel("ANCIEN_CODE"), "ANCIEN_CODE");
  });
});
