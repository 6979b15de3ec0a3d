import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { diagnosticContentSchema, saveDiagnosticVersionBodySchema } from "./diagnostic.schema";

describe("the diagnostic content schema", () => {
  test("fills defaults: empty domains, no theme, a theme opened as IDENTIFIE with an impact to assess", () => {
    const c = diagnosticContentSchema.parse({ themes: { SANTE: {} } });
    assert.deepEqual(c.domaines.projetProfessionnel.metiersCibles, []);
    assert.deepEqual(c.themes.SANTE, { situations: [], besoins: [], impact: null, statut: "IDENTIFIE" });
  });

  test("accepts target jobs as ROME appellations, five at most", () => {
    const job = { codeOgr: "10438", libelle: "Agent / Agente de propreté" };
    const ok = diagnosticContentSchema.safeParse({
      domaines: { projetProfessionnel: { metiersCibles: [job] } },
    });
    assert.equal(ok.success, true);
    const tooMany = diagnosticContentSchema.safeParse({
      domaines: { projetProfessionnel: { metiersCibles: Array(6).fill(job) } },
    });
    assert.equal(tooMany.success, false);
  });

  test("refuses a situation or need of another theme, with a French message on its path", () => {
    const r = diagnosticContentSchema.safeParse({
      themes: { LOGEMENT: { situations: ["MOBILITE_SANS_PERMIS"], besoins: ["LOGEMENT_ACCES_SOCIAL"] } },
    });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues[0]?.path, ["themes", "LOGEMENT", "situations", 0]);
    assert.match(r.error?.issues[0]?.message ?? "", /n'est pas une situation du thème logement/);
  });

  test("refuses an unknown theme, a duplicate code and an unknown status", () => {
    assert.equal(diagnosticContentSchema.safeParse({ themes: { LOISIRS: {} } }).success, false);
    assert.equal(
      diagnosticContentSchema.safeParse({
        themes: { LOGEMENT: { besoins: ["LOGEMENT_AIDES", "LOGEMENT_AIDES"] } },
      }).success,
      false,
    );
    assert.equal(
      diagnosticContentSchema.safeParse({ themes: { LOGEMENT: { statut: "TERMINE" } } }).success,
      false,
    );
  });

  test("a save body carries the optimistic version; the restricted compartment is optional", () => {
    const b = saveDiagnosticVersionBodySchema.parse({ version: 1, content: {} });
    assert.equal(b.format, "INDIVIDUEL");
    assert.equal(b.confidentiel, undefined);
    assert.equal(saveDiagnosticVersionBodySchema.safeParse({ content: {} }).success, false);
  });
});
