import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { nirKey } from "../identity/nir";
import { addDays } from "../kernel/dates";
import { anIdentite, aProjet, aSituation, someCompetences, someFreins } from "./registration.builders";
import {
  compactBlock,
  departementOfCommune,
  isAbandoned,
  missingForSubmission,
  nirMatchesBirthDate,
  originOfChannel,
  outreachStructure,
  registrationCriteria,
  sameValue,
} from "./registration.rules";
import type { RegistrationData } from "./registration.schema";

const complete: RegistrationData = {
  identite: anIdentite(),
  situation: aSituation(),
  competences: someCompetences(),
  projet: aProjet(),
  freins: someFreins(),
};
const ctx = { today: "2026-03-02", nirKnown: false, prefilled: {}, confirmed: {} };

describe("what a submission requires", () => {
  test("a complete registration has nothing missing", () => {
    assert.deepEqual(missingForSubmission(complete, ctx), []);
  });

  test("each missing required field is named with a French message", () => {
    const issues = missingForSubmission(
      {
        ...complete,
        identite: anIdentite({ nomFamille: undefined }),
        freins: someFreins({ SANTE: { declare: "OUI" } }),
      },
      ctx,
    );
    assert.deepEqual(issues, [
      { path: "identite.nomFamille", message: "Ce champ est obligatoire pour envoyer l'inscription." },
      { path: "freins.SANTE.impact", message: "Indiquez si cette difficulté gêne votre recherche d'emploi." },
    ]);
  });

  test("conditional fields: a residence permit outside the EU, the beneficiary number with a CAF/MSA", () => {
    const issues = missingForSubmission(
      {
        ...complete,
        identite: anIdentite({ nationalite: "HORS_UE" }),
        situation: aSituation({ numeroAllocataire: undefined, titreSejour: undefined }),
      },
      ctx,
    );
    assert.deepEqual(
      issues.map((i) => i.path),
      ["situation.titreSejour", "situation.numeroAllocataire"],
    );
  });

  test("a pre-filled value must be confirmed or corrected; under 16 or in the future is refused", () => {
    const prefilled = { "identite.nomFamille": { source: "FLUX_CAF_MSA" as const } };
    assert.match(
      missingForSubmission(complete, { ...ctx, prefilled })[0]?.message ?? "",
      /source : CAF ou MSA.*confirmez-la ou corrigez-la/,
    );
    assert.deepEqual(
      missingForSubmission(complete, { ...ctx, prefilled, confirmed: { "identite.nomFamille": {} } }),
      [],
    );
    assert.match(
      missingForSubmission({ ...complete, identite: anIdentite({ dateNaissance: "2011-01-01" }) }, ctx)[0]
        ?.message ?? "",
      /à partir de 16 ans/,
    );
    assert.match(
      missingForSubmission({ ...complete, identite: anIdentite({ dateNaissance: "2026-03-03" }) }, ctx)[0]
        ?.message ?? "",
      /dans le futur/,
    );
  });

  test("the NIR must agree with the birth year and month (unknown month accepted)", () => {
    const body = "2850580001001";
    assert.equal(nirMatchesBirthDate(body, "1985-05-14"), true);
    assert.equal(nirMatchesBirthDate(body, "1985-06-14"), false);
    assert.equal(nirMatchesBirthDate(body, "1986-05-14"), false);
    assert.equal(nirMatchesBirthDate("2859999001001", "1985-12-01"), true);
    const nir = `${body}${nirKey(body)}`;
    assert.deepEqual(
      missingForSubmission(
        { ...complete, identite: anIdentite({ nir, dateNaissance: "1990-01-01" }) },
        ctx,
      ).map((i) => i.path),
      ["identite.nir"],
    );
  });
});

describe("small rules", () => {
  test("département of a commune, including Corsica and overseas", () => {
    assert.equal(departementOfCommune("80021"), "80");
    assert.equal(departementOfCommune("2A004"), "2A");
    assert.equal(departementOfCommune("97411"), "974");
  });

  test("orientation origin by channel (parcours.md §1.1)", () => {
    assert.equal(originOfChannel("EN_LIGNE"), "INSCRIPTION_VOLONTAIRE");
    assert.equal(originOfChannel("GUICHET"), "INSCRIPTION_VOLONTAIRE");
    assert.equal(originOfChannel("CONSEILLER"), "INSCRIPTION_CONSEILLER_CD");
  });

  test("abandoned after N full calendar days, never before (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (offset, days, elapsed) => {
          const last = addDays("2024-01-01", offset);
          assert.equal(isAbandoned(last, addDays(last, elapsed), days), elapsed >= days);
        },
      ),
    );
  });

  test("outreach: the counter that started it, else the Département's most local service, else any covering structure", () => {
    const covering = [
      { structureId: "ft", kind: "france_travail", coveredCommunes: 10 },
      { structureId: "cd-direction", kind: "conseil_departemental", coveredCommunes: 700 },
      { structureId: "cd-mdsi", kind: "conseil_departemental", coveredCommunes: 40 },
    ];
    assert.equal(outreachStructure("guichet", covering), "guichet");
    assert.equal(outreachStructure(null, covering), "cd-mdsi");
    assert.equal(outreachStructure(null, covering.slice(0, 1)), "ft");
    assert.equal(outreachStructure(null, []), null);
  });

  test("criteria handed to the orientation use its codes", () => {
    const c = registrationCriteria({
      ...complete,
      freins: someFreins({
        SANTE: { declare: "OUI", impact: "FORT" },
        NUMERIQUE: { declare: "NE_SAIT_PAS" },
      }),
    });
    assert.equal(c.date_naissance, "1985-05-14");
    assert.deepEqual(c.adresse, {
      code_commune: "80021",
      libelle_commune: "Amiens",
      code_postal: "80000",
      numero_type_libelle_voie: "12 rue des Essais",
    });
    assert.equal(c.brsa, true);
    assert.equal(c.situation_professionnelle, "SANS_EMPLOI_1_AN_ET_PLUS");
    assert.equal(c.niveau_etude, "CAP_BEP");
    assert.equal(c.contrainte_sante, "IMPACT_FORT_RECHERCHE_EMPLOI");
    assert.equal(c.contrainte_mobilite, "AUCUNE");
    assert.equal(c.contrainte_numerique, undefined, "« je ne sais pas » leaves the criterion missing");
    assert.equal(c.contrainte_logement, "AUCUNE");
  });

  test("form values are compacted; JSON equality ignores key order", () => {
    assert.deepEqual(
      compactBlock({ a: "", b: " ", c: [], d: { e: "" }, f: "x", g: 0, h: false, i: ["", "y"] }),
      { f: "x", g: 0, h: false, i: ["y"] },
    );
    assert.equal(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }), true);
    assert.equal(sameValue({ a: 1 }, { a: 2 }), false);
  });
});
