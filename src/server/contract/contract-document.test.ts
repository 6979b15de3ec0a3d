import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ContractVersionView } from "../../shared/contract/contract.schema";
import { pdfText } from "../../test-support/pdf-text";
import {
  type ContractDocumentData,
  contractDocumentContent,
  contractDocumentFilename,
  renderContractPdf,
} from "./contract-document";

const signed: ContractVersionView = {
  numero: 2,
  motif: "REVISION",
  state: "SIGNE",
  createdAt: "2026-03-09T15:00:00.000Z",
  // 23:30 UTC is already the next day in Paris
  signedAt: "2026-03-10T23:30:00.000Z",
  refusedAt: null,
  refusalReason: null,
  signatureMode: "ELECTRONIQUE",
  content: {
    couchParcours: "Recherche active d'emploi dans les métiers de l'aide à domicile.",
    engagementsIndividuels: ["Passer le code de la route avant l'été"],
    planAction: [
      {
        theme: "Mobilité",
        objectifs: [
          {
            libelle: "Obtenir le permis B",
            echeance: "2026-09-30",
            accordPersonne: true,
            actions: [
              {
                libelle: "S'inscrire à l'auto-école sociale",
                porteur: "PERSONNE",
                activiteCode: "3.3",
                statut: "PREVUE",
              },
            ],
          },
        ],
      },
    ],
    programme: {
      semaineIso: "2026-W11",
      activites: [
        { code: "3.3", heuresPrevues: 6, source: "SAISIE" },
        { code: "7.1", heuresPrevues: 4.5, source: "SAISIE" },
      ],
      cibleHeures: 15,
    },
    prochainRendezVous: "2026-04-02",
  },
};

const data: ContractDocumentData = {
  contractId: "00000000-0000-4000-8000-000000000001",
  personName: "Inès Lambert",
  socleCommun: "Vous avez droit à un accompagnement adapté.",
  version: signed,
  issuedOn: "2026-03-12",
};

const allText = (d: ContractDocumentData) => {
  const c = contractDocumentContent(d);
  return [c.title, ...c.subtitle, ...c.blocks.flatMap((b) => (b.kind === "list" ? b.items : [b.text]))].join(
    "\n",
  );
};

describe("contract document", () => {
  test("a signed version states its number, motif and the Paris date and mode of signature", () => {
    const c = contractDocumentContent(data);
    assert.equal(c.subtitle[0], "Inès Lambert");
    assert.equal(c.subtitle[1], "Version 2 — Révision (clause de revoyure) — créée le 9 mars 2026");
    assert.equal(
      c.subtitle[2],
      "Signé le 11 mars 2026, dans votre espace personnel (signature électronique).",
    );
    const paper = contractDocumentContent({ ...data, version: { ...signed, signatureMode: "PAPIER" } });
    assert.match(paper.subtitle[2]!, /en présence de votre référent·e \(signature sur papier\)/);
  });

  test("the three layers, the plan and the programme with its total against the 15-hour target", () => {
    const t = allText(data);
    assert.match(t, /Vous avez droit à un accompagnement adapté\./);
    assert.match(t, /Recherche active d'emploi dans les métiers de l'aide à domicile\./);
    assert.match(t, /Passer le code de la route avant l'été/);
    assert.match(t, /Objectif : Obtenir le permis B — échéance le 30 septembre 2026 — vous êtes d'accord/);
    assert.match(t, /S'inscrire à l'auto-école sociale \(par vous ; activité 3\.3 Mobilité ; prévue\)/);
    assert.match(t, /7\.1 Préparation du CV et de la lettre de motivation : 4 h 30/);
    assert.match(t, /Total prévu : 10 h 30 pour un objectif de 15 h par semaine \(il manque 4 h 30\)\./);
    assert.match(t, /Le 2 avril 2026\./);
  });

  test("a programme that reaches its lowered target says so, with the reason and who decided", () => {
    const t = allText({
      ...data,
      version: {
        ...signed,
        content: {
          ...signed.content,
          programme: {
            semaineIso: "2026-W11",
            activites: [{ code: "4.5", heuresPrevues: 8, source: "SAISIE" }],
            cibleHeures: 8,
            cibleReduite: { motif: "SANTE", decidePar: "Julien Moreau" },
          },
        },
      },
    });
    assert.match(t, /Total prévu : 8 h pour un objectif de 8 h par semaine\./);
    assert.doesNotMatch(t, /il manque/);
    assert.match(t, /réduit pour votre situation \(santé\), décision de Julien Moreau\./);
  });

  test("the version to sign is a readable copy that says it is not signed yet; a refusal gives its date", () => {
    const toSign = contractDocumentContent({
      ...data,
      version: { ...signed, state: "A_SIGNER", signedAt: null, signatureMode: null },
    });
    assert.match(toSign.subtitle[2]!, /^Version à signer : ce document n'est pas encore signé\./);
    const refused = contractDocumentContent({
      ...data,
      version: {
        ...signed,
        state: "REFUSE",
        signedAt: null,
        signatureMode: null,
        refusedAt: "2026-03-11T09:00:00.000Z",
        refusalReason: "Je veux en reparler",
      },
    });
    assert.equal(refused.subtitle[2], "Refusé le 11 mars 2026 (motif indiqué : « Je veux en reparler »).");
  });

  test("renders as a PDF whose text holds the person's name and the signature", async () => {
    const pdf = await renderContractPdf(data, new Date("2026-03-12T10:00:00Z"));
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const t = pdfText(pdf);
    assert.match(t, /Inès Lambert/);
    assert.match(t, /Contrat d'engagement/);
    assert.match(t, /Signé le 11 mars 2026/);
    assert.match(t, /Document édité le 12 mars 2026/);
  });

  test("file name", () => {
    assert.equal(contractDocumentFilename(3), "contrat-engagement-v3.pdf");
  });
});
