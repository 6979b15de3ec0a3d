import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { prefillDiagnostic } from "./diagnostic.prefill";

describe("prefillDiagnostic (« dites-le nous une fois »)", () => {
  test("nothing known: an empty diagnostic without provenance", () => {
    const p = prefillDiagnostic({});
    assert.deepEqual(p.content.themes, {});
    assert.deepEqual(p.provenance, {});
  });

  test("registration barriers open their themes with their impact; NON opens nothing", () => {
    const p = prefillDiagnostic({
      registration: {
        freins: {
          LOGEMENT: { declare: "OUI", impact: "FORT" },
          NUMERIQUE: { declare: "NE_SAIT_PAS" },
          SANTE: { declare: "NON" },
          NIVEAU_LANGUE: { declare: "OUI", impact: "FAIBLE" },
          SAVOIRS_DE_BASE: { declare: "OUI", impact: "FORT" },
        },
        situation: { situationLogement: "HEBERGE_FAMILLE_AMIS", permisConduire: ["AUCUN"] },
      },
    });
    assert.deepEqual(Object.keys(p.content.themes).sort(), [
      "LOGEMENT",
      "MAITRISE_LANGUE_SAVOIRS_DE_BASE",
      "NUMERIQUE",
    ]);
    assert.deepEqual(p.content.themes.LOGEMENT, {
      situations: ["LOGEMENT_HEBERGE_TIERS"],
      besoins: [],
      impact: "FORT",
      statut: "IDENTIFIE",
    });
    assert.equal(p.content.themes.NUMERIQUE?.impact, null, "unsure: the impact is to assess");
    assert.equal(p.content.themes.MAITRISE_LANGUE_SAVOIRS_DE_BASE?.impact, "FORT", "the stronger of two");
    assert.equal(p.content.themes.MOBILITE, undefined, "a situation alone does not open a theme");
    assert.equal(p.provenance["themes.LOGEMENT"], "INSCRIPTION");
  });

  test("orientation criteria add what registration did not say, and join what it did", () => {
    const p = prefillDiagnostic({
      registration: { freins: { LOGEMENT: { declare: "OUI", impact: "FAIBLE" } } },
      criteria: {
        contrainte_logement: "SANS_LOGEMENT",
        contrainte_financiere: "IMPACT_FORT_RECHERCHE_EMPLOI",
        contrainte_sante: "AUCUNE",
        contrainte_familiale: "GARDE_ENFANT",
        niveau_etude: "CAP_BEP",
        projet_pro: "CREATION_ENTREPRISE",
      },
    });
    assert.deepEqual(p.content.themes.LOGEMENT?.situations, ["LOGEMENT_SANS_LOGEMENT"]);
    assert.equal(p.content.themes.LOGEMENT?.impact, "FORT");
    assert.equal(p.provenance["themes.LOGEMENT"], "INSCRIPTION");
    assert.equal(p.content.themes.DIFFICULTES_FINANCIERES?.impact, "FORT");
    assert.equal(p.provenance["themes.DIFFICULTES_FINANCIERES"], "CRITERES_ORIENTATION");
    assert.deepEqual(p.content.themes.CONTRAINTES_FAMILIALES?.situations, ["FAMILLE_GARDE_ENFANT"]);
    assert.equal(p.content.themes.SANTE, undefined);
    assert.equal(p.content.domaines.competences.niveauEtude, "CAP_BEP");
    assert.equal(p.content.domaines.projetProfessionnel.creationEntreprise, true);
    assert.equal(p.provenance["domaines.projetProfessionnel.creationEntreprise"], "CRITERES_ORIENTATION");
  });

  test("skills and project come from registration: experiences and target jobs as ROME appellations", () => {
    const job = { codeOgr: "12345", libelle: "Aide-soignant / Aide-soignante" };
    const p = prefillDiagnostic({
      registration: {
        competences: {
          niveauEtude: "BAC",
          diplomesQualifications: [{ intitule: "DEAS" }],
          experiencesProfessionnelles: [{ appellation: job }],
        },
        projet: { metiersRecherches: [job], distanceMaxKm: 30, projetExiste: "FORMATION" },
      },
      criteria: { niveau_etude: "CAP_BEP" },
    });
    const d = p.content.domaines;
    assert.equal(d.competences.niveauEtude, "BAC", "registration wins over the criteria");
    assert.deepEqual(d.competences.diplomes, ["DEAS"]);
    assert.deepEqual(d.competences.experiences, [job]);
    assert.deepEqual(d.projetProfessionnel.metiersCibles, [job]);
    assert.equal(d.projetProfessionnel.rayonKm, 30);
    assert.equal(d.projetProfessionnel.besoinFormation, true);
    assert.equal(p.provenance["domaines.projetProfessionnel.metiersCibles"], "INSCRIPTION");
    assert.equal(p.provenance["domaines.competences.niveauEtude"], "INSCRIPTION");
  });
});
