import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ContractDifference, compareContractVersions } from "./contract.comparison";
import { type ContractVersionView, contractContentSchema } from "./contract.schema";

const content = (over: Partial<ContractVersionView["content"]> = {}) =>
  contractContentSchema.parse({
    couchParcours: "Rechercher activement un emploi.",
    engagementsIndividuels: ["Venir aux rendez-vous", "Mettre à jour mon CV"],
    planAction: [
      {
        theme: "Mobilité",
        objectifs: [
          {
            libelle: "Obtenir le permis B",
            echeance: "2026-09-30",
            accordPersonne: true,
            actions: [{ libelle: "S'inscrire à l'auto-école", porteur: "PERSONNE", statut: "PREVUE" }],
          },
        ],
      },
    ],
    programme: {
      semaineIso: "2026-W11",
      activites: [
        { code: "7.1", heuresPrevues: 3 },
        { code: "13.3", heuresPrevues: 12 },
      ],
    },
    ...over,
  });

const version = (numero: number, over: Partial<ContractVersionView> = {}): ContractVersionView => ({
  numero,
  motif: numero === 1 ? "INITIAL" : "REVISION",
  state: "A_SIGNER",
  content: content(),
  createdAt: "2026-03-10T09:00:00.000Z",
  signedAt: null,
  refusedAt: null,
  refusalReason: null,
  signatureMode: null,
  ...over,
});

const rows = (d: ContractDifference[]) => d.map((x) => [x.section, x.kind, x.item, x.before, x.after]);

describe("comparing two contract versions", () => {
  test("two identical contents differ only by what the versions themselves say", () => {
    const v1 = version(1, {
      state: "REMPLACEE",
      signedAt: "2026-03-11T10:00:00.000Z",
      signatureMode: "ELECTRONIQUE",
    });
    const v2 = version(2);
    assert.deepEqual(rows(compareContractVersions(v1, v2)), [
      ["VERSION", "MODIFICATION", "Motif de la version", "Contrat initial", "Révision (clause de revoyure)"],
      ["VERSION", "MODIFICATION", "État", "Remplacée", "À signer"],
      [
        "VERSION",
        "MODIFICATION",
        "Signature",
        "Signée le 11 mars 2026 dans l'espace personnel",
        "Ni signée ni refusée",
      ],
    ]);
    assert.deepEqual(compareContractVersions(v2, v2), [], "a version compared with itself has no difference");
  });

  test("the order of the choice does not matter: always from the older to the newer", () => {
    const v1 = version(1);
    const v2 = version(2, { motif: "INITIAL", content: content({ couchParcours: "Suivre une formation." }) });
    assert.deepEqual(compareContractVersions(v2, v1), compareContractVersions(v1, v2));
    assert.deepEqual(rows(compareContractVersions(v2, v1)), [
      [
        "COUCHE_PARCOURS",
        "MODIFICATION",
        "Texte des engagements liés au parcours",
        "Rechercher activement un emploi.",
        "Suivre une formation.",
      ],
    ]);
  });

  test("individual commitments are matched by their text: one removed, one added", () => {
    const v1 = version(1, { motif: "REVISION" });
    const v2 = version(2, {
      content: content({ engagementsIndividuels: ["Venir aux rendez-vous", "Participer à l'atelier CV"] }),
    });
    assert.deepEqual(rows(compareContractVersions(v1, v2)), [
      ["ENGAGEMENTS", "SUPPRESSION", "Engagement individuel", "Mettre à jour mon CV", null],
      ["ENGAGEMENTS", "AJOUT", "Engagement individuel", null, "Participer à l'atelier CV"],
    ]);
  });

  test("plan d'action: a new axis, an objective's due date and agreement, an action's status, a removed action", () => {
    const v1 = version(1, {
      motif: "REVISION",
      content: content({
        planAction: [
          {
            theme: "Mobilité",
            objectifs: [
              {
                libelle: "Obtenir le permis B",
                echeance: "2026-09-30",
                accordPersonne: false,
                actions: [
                  { libelle: "S'inscrire à l'auto-école", porteur: "PERSONNE", statut: "PREVUE" },
                  { libelle: "Demander l'aide au permis", porteur: "REFERENT", statut: "PREVUE" },
                ],
              },
            ],
          },
        ],
      }),
    });
    const v2 = version(2, {
      content: content({
        planAction: [
          {
            theme: "Mobilité",
            objectifs: [
              {
                libelle: "Obtenir le permis B",
                echeance: "2026-12-31",
                accordPersonne: true,
                actions: [{ libelle: "S'inscrire à l'auto-école", porteur: "PERSONNE", statut: "REALISEE" }],
              },
            ],
          },
          {
            theme: "Emploi",
            objectifs: [
              { libelle: "Trouver un emploi d'aide à domicile", accordPersonne: true, actions: [] },
            ],
          },
        ],
      }),
    });
    assert.deepEqual(rows(compareContractVersions(v1, v2)), [
      [
        "PLAN_ACTION",
        "MODIFICATION",
        "Objectif « Obtenir le permis B » (axe Mobilité) : échéance",
        "30 septembre 2026",
        "31 décembre 2026",
      ],
      [
        "PLAN_ACTION",
        "MODIFICATION",
        "Objectif « Obtenir le permis B » (axe Mobilité) : accord de la personne",
        "non",
        "oui",
      ],
      [
        "PLAN_ACTION",
        "SUPPRESSION",
        "Action « Demander l'aide au permis » (axe Mobilité)",
        "Demander l'aide au permis · Le ou la référent·e · Prévue",
        null,
      ],
      [
        "PLAN_ACTION",
        "MODIFICATION",
        "Action « S'inscrire à l'auto-école » (axe Mobilité)",
        "S'inscrire à l'auto-école · La personne · Prévue",
        "S'inscrire à l'auto-école · La personne · Réalisée",
      ],
      ["PLAN_ACTION", "AJOUT", "Axe « Emploi »", null, "Trouver un emploi d'aide à domicile"],
    ]);
  });

  test("weekly programme: hours changed, an activity added and one removed, the total and the target", () => {
    const v1 = version(1, { motif: "REVISION" });
    const v2 = version(2, {
      content: content({
        programme: {
          semaineIso: "2026-W11",
          cibleHeures: 10,
          cibleReduite: { motif: "SANTE", decidePar: "Claire Martin" },
          activites: [
            { code: "7.1", heuresPrevues: 4.5, source: "SAISIE" },
            { code: "3.3", heuresPrevues: 2, source: "SAISIE" },
          ],
        },
      }),
    });
    const d = compareContractVersions(v1, v2);
    const label71 = d.find((x) => x.item.startsWith("Activité 7.1"))?.item;
    assert.match(label71 ?? "", /^Activité 7\.1 Préparation du CV/);
    assert.deepEqual(
      d.map((x) => [x.kind, x.item.replace(/^(Activité \d+\.\d+) .*$/, "$1"), x.before, x.after]),
      [
        ["MODIFICATION", "Cible d'heures par semaine", "15 h", "10 h"],
        ["MODIFICATION", "Réduction de la cible", "Aucune", "Santé, décidée par Claire Martin"],
        ["SUPPRESSION", "Activité 13.3", "12 h prévues", null],
        ["MODIFICATION", "Activité 7.1", "3 h prévues", "4 h 30 prévues"],
        ["AJOUT", "Activité 3.3", null, "2 h prévues"],
        ["MODIFICATION", "Total des heures prévues", "15 h", "6 h 30"],
        ["MODIFICATION", "Objectif atteint", "oui", "non"],
      ],
    );
    assert.ok(d.every((x) => x.section === "PROGRAMME"));
  });

  test("a programme added, and a refusal with its reason; the next appointment", () => {
    const v1 = version(1, {
      motif: "REVISION",
      state: "REFUSE",
      refusedAt: "2026-03-12T15:00:00.000Z",
      refusalReason: "Je ne suis pas d'accord avec les horaires",
      content: content({ programme: undefined }),
    });
    const v2 = version(2, { content: content({ prochainRendezVous: "2026-04-02" }) });
    assert.deepEqual(rows(compareContractVersions(v1, v2)), [
      ["VERSION", "MODIFICATION", "État", "Refusée", "À signer"],
      [
        "VERSION",
        "MODIFICATION",
        "Signature",
        "Refusée le 12 mars 2026 : Je ne suis pas d'accord avec les horaires",
        "Ni signée ni refusée",
      ],
      [
        "PROGRAMME",
        "AJOUT",
        "Programme hebdomadaire d'activités",
        null,
        "Semaine 2026-W11 : 15 h prévues sur 15 h, 2 activités",
      ],
      ["RENDEZ_VOUS", "MODIFICATION", "Date du prochain rendez-vous", "Aucun", "2 avril 2026"],
    ]);
  });
});
