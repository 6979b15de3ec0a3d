import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type MyDataExport, myDataExportSchema } from "../../shared/my-data/my-data.schema";
import { pdfText } from "../../test-support/pdf-text";
import { CONFIDENTIAL_NOTE, maskedNirFromKey, README, SHARED_FILE_NOTE } from "./my-data.presenter";
import { myDataDocumentContent, renderMyDataPdf } from "./my-data-document";

const access = (over: Partial<MyDataExport["journalDesAcces"]["entrees"][number]>) => ({
  le: "2026-03-10T22:30:00.000Z",
  typeActeur: "professional",
  acteur: "Julien Moreau",
  role: "Chargé·e d'orientation",
  structure: "Département 80",
  action: "orientation.read",
  section: "orientation",
  libelleSection: "Orientation",
  finalite: "follow" as const,
  libelleFinalite: "Suivre son parcours d'insertion",
  canal: "web",
  resultat: "allowed" as const,
  ...over,
});

const data: MyDataExport = myDataExportSchema.parse({
  format: "socle.mes-donnees",
  version: 1,
  genereLe: "2026-03-12T10:00:00.000Z",
  lisezMoi: README,
  identite: {
    nomNaissance: "LAMBERT",
    nomUsage: null,
    prenoms: "Inès",
    sexe: "F",
    dateNaissance: "1990-03-01",
    lieuNaissance: "Amiens",
    nationalite: "FR",
    nirMasque: maskedNirFromKey("42"),
    numeroFranceTravail: null,
    allocataire: null,
  },
  contact: {
    email: "ines@exemple.fr",
    telephone: null,
    adresse: { ligne: "12 rue Victor Hugo", codePostal: "80000", codeCommune: "80021", commune: "Amiens" },
    departement: "80",
  },
  droitsRsa: {
    droits: [
      {
        organisme: "CAF",
        numeroOrganisme: "801",
        matricule: "1234567",
        departement: "80",
        roleDansLeFoyer: "Demandeur",
        numeroDemande: null,
        dateDemande: null,
        etat: { code: "2", libelle: "Droit ouvert et versable", depuis: "2026-02-01" },
        suspension: null,
        cloture: null,
        soumisDroitsEtDevoirs: true,
        sansDomicileFixe: false,
        misAJourLe: "2026-03-01T08:00:00.000Z",
      },
    ],
    mois: [],
  },
  inscriptions: [],
  orientations: [],
  groupeDeSuivi: [],
  diagnostic: { versions: [], informationsConfidentielles: CONFIDENTIAL_NOTE },
  contrats: [],
  etapesDuDossier: [],
  rendezVous: [],
  notesEtDocuments: { notes: [], documents: [], explication: SHARED_FILE_NOTE },
  journalDesAcces: {
    entrees: [
      access({}),
      access({ acteur: null, role: null, structure: "Mission locale", resultat: "denied" }),
    ],
    tronque: true,
  },
});

const allText = (d: MyDataExport) => {
  const c = myDataDocumentContent(d, "2026-03-12", "Inès LAMBERT");
  return [c.title, ...c.subtitle, ...c.blocks.flatMap((b) => (b.kind === "list" ? b.items : [b.text]))].join(
    "\n",
  );
};

describe("my data document", () => {
  test("French dates (Paris day and time), the masked NIR and the CAF right with its label", () => {
    const t = allText(data);
    assert.match(t, /Tout ce que la plateforme Socle sait de vous, au 12 mars 2026\./);
    assert.match(t, /Date de naissance : 1er mars 1990/);
    assert.match(t, /Numéro de sécurité sociale : • •• •• •• ••• ••• 42 \(masqué/);
    assert.match(t, /État du droit : droit ouvert et versable depuis le 1er février 2026/);
    assert.match(t, /Adresse : 12 rue Victor Hugo, 80000 Amiens/);
    // 22:30 UTC on 10 March is 23:30 in Paris
    assert.match(
      t,
      /10 mars 2026 à 23:30 — Julien Moreau \(Chargé·e d'orientation, Département 80\) — Orientation/,
    );
  });

  test("a denied access says so; a truncated log says how to get the rest; empty sections say they are empty", () => {
    const t = allText(data);
    assert.match(
      t,
      /— inconnu \(Mission locale\) — Orientation — Suivre son parcours d'insertion — accès refusé/,
    );
    assert.match(t, /seules les consultations les plus récentes sont reproduites/);
    assert.match(t, /Aucune orientation n'est enregistrée\./);
    assert.match(t, /Aucun rendez-vous n'est enregistré\./);
    assert.ok(t.includes(CONFIDENTIAL_NOTE), "the confidential compartment is explained");
  });

  test("renders as a PDF holding the person's name and the headings", async () => {
    const pdf = await renderMyDataPdf(data, "2026-03-12", new Date("2026-03-12T10:00:00Z"));
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const t = pdfText(pdf);
    assert.match(t, /Inès LAMBERT/);
    assert.match(t, /2\. Votre droit au RSA/);
    assert.match(t, /Document édité le 12 mars 2026/);
  });
});
