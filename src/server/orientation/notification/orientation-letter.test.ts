import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nationalReferentiel, sommeReferentiel } from "../../../shared/orientation/orientation.referentiel";
import { recommendOrientation } from "../../../shared/orientation/orientation.rules";
import { pdfText } from "../../../test-support/pdf-text";
import { orientationEmail } from "./orientation-email";
import { type LetterData, orientationLetterContent, renderOrientationLetterPdf } from "./orientation-letter";

const recommendation = recommendOrientation(
  {
    brsa: true,
    date_naissance: "2002-03-04",
    adresse: { code_commune: "80021", libelle_commune: "Amiens", code_postal: "80000" },
    situation_professionnelle: "JAMAIS",
    type_emploi: "AUCUN",
    niveau_etude: "CAP_BEP",
    capacite_a_travailler: true,
    projet_pro: "FORMATION",
    contrainte_sante: "AUCUNE",
    contrainte_logement: "AUCUNE",
    contrainte_mobilite: "AUCUNE",
    contrainte_familiale: "AUCUNE",
    contrainte_financiere: "AUCUNE",
    contrainte_numerique: "AUCUNE",
    contrainte_administrative_juridique: "AUCUNE",
    contrainte_francais_calcul: "AUCUNE",
    boe: false,
    baeeh: false,
    scolarite_etablissement_specialise: false,
    esat: false,
  },
  { national: nationalReferentiel, local: sommeReferentiel },
  "2026-11-23",
);

const data: LetterData = {
  issuedOn: "2026-11-23",
  issuer: {
    name: "Département de la Somme — Direction de l'insertion",
    email: "insertion@somme.exemple.fr",
    phone: null,
    address: null,
  },
  person: {
    sex: "F",
    firstNames: "Inès",
    lastName: "Lambert",
    addressLine: "3 rue Pasteur",
    postalCode: "80000",
    communeName: "Amiens",
  },
  decision: {
    parcours: "PRO",
    organisme: "ML",
    structure: {
      name: "Mission locale du Grand Amiénois",
      address: "1 place de la Gare, 80000 Amiens",
      email: null,
      phone: "03 22 00 00 00",
    },
    override: null,
  },
  recommendation,
  decider: { name: "Julien Moreau", structureName: "Département de la Somme — Direction de l'insertion" },
  spaceUrl: "https://socle.exemple.fr/mon-espace/orientation",
};

const text = (c: ReturnType<typeof orientationLetterContent>) =>
  [
    c.subject,
    c.salutation,
    ...c.blocks.flatMap((b) => (b.kind === "list" ? b.items : [b.text])),
    ...c.signature,
  ].join("\n");

describe("the orientation letter (PS-24)", () => {
  test("names the orientation, the structure and how to reach it", () => {
    const t = text(orientationLetterContent(data));
    assert.match(t, /^Objet : votre orientation/);
    assert.match(t, /^Madame,$/m);
    assert.match(
      t,
      /Veuillez agréer, Madame, l'expression de nos salutations distinguées\.\n\nJulien Moreau\nChargé·e d'orientation — Département de la Somme — Direction de l'insertion$/,
    );
    assert.match(
      t,
      /Vous êtes orienté·e vers le parcours emploi, pour les personnes les plus proches de l'emploi\. Votre accompagnement sera assuré par : Mission locale du Grand Amiénois \(Mission locale\)\./,
    );
    assert.match(t, /Coordonnées : 1 place de la Gare, 80000 Amiens — 03 22 00 00 00\./);
  });

  test("says the proposal was computed, with which référentiel and on which main criteria, and who decided", () => {
    const t = text(orientationLetterContent(data));
    assert.match(
      t,
      /Une proposition d'orientation a d'abord été calculée automatiquement, à partir des informations de votre dossier et des règles publiques du référentiel d'orientation \(version FR-2026\.1 \/ 80-2026\.1\)\. La proposition calculée était : Parcours emploi, Mission locale\./,
    );
    assert.match(
      t,
      /Les principaux critères pris en compte sont :\nÂge : 24 ans \(moins de 26 ans\)\nProjet professionnel : suivre une formation/,
    );
    assert.match(
      t,
      /examinée et validée par Julien Moreau \(Département de la Somme — Direction de l'insertion\)/,
    );
    assert.match(t, /Aucune orientation n'est décidée par un calcul seul/);
  });

  test("says how to ask for a human review or a re-orientation", () => {
    const t = text(orientationLetterContent(data));
    assert.match(
      t,
      /demander qu'une personne réexamine votre situation, ou demander à changer d'orientation/,
    );
    assert.match(t, /en parlant à votre référent·e/);
    assert.match(
      t,
      /en écrivant au service qui a pris la décision : Département de la Somme — Direction de l'insertion \(insertion@somme\.exemple\.fr\)/,
    );
    assert.match(t, /depuis votre espace personnel : https:\/\/socle\.exemple\.fr\/mon-espace\/orientation/);
  });

  test("an override gives the professional's reason", () => {
    const override = { motif: "SOUHAIT_PERSONNE" as const, commentaire: "souhaite un suivi de proximité" };
    const t = text(
      orientationLetterContent({
        ...data,
        decision: { ...data.decision, parcours: "SOCIO_PRO", organisme: "CD", override },
      }),
    );
    assert.match(
      t,
      /qui a retenu une autre orientation pour le motif suivant : souhait exprimé par la personne \(« souhaite un suivi de proximité »\)\./,
    );
    assert.doesNotMatch(t, /validée par/);
  });

  test("renders as an A4 PDF whose text holds the letter", async () => {
    const pdf = await renderOrientationLetterPdf(data, new Date("2026-11-23T10:00:00Z"));
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
    const t = pdfText(pdf);
    assert.match(t, /Julien Moreau/);
    assert.match(t, /Inès LAMBERT/);
    assert.match(t, /Le 23 novembre 2026/);
    assert.match(t, /Aucune orientation n'est décidée par un calcul seul/);
  });
});

describe("the orientation e-mail", () => {
  test("names the structure and points to the letter, without any criterion", () => {
    const m = orientationEmail({
      firstNames: "Inès",
      lastName: "Lambert",
      issuerName: "Le Département de la Somme",
      parcours: "PRO",
      organisme: "ML",
      structureName: "Mission locale du Grand Amiénois",
      spaceUrl: "https://socle.exemple.fr/mon-espace/orientation",
    });
    assert.equal(m.subject, "Votre orientation vers un accompagnement pour l'emploi");
    assert.match(m.text, /^Bonjour Inès LAMBERT,/);
    assert.match(
      m.text,
      /Vous êtes orienté·e vers : Mission locale du Grand Amiénois \(Mission locale\), parcours emploi\./,
    );
    assert.match(m.text, /https:\/\/socle\.exemple\.fr\/mon-espace\/orientation/);
    assert.doesNotMatch(m.text, /santé|logement|âge|ans \(/i);
  });
});
