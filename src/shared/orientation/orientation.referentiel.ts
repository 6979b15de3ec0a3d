// The published orientation référentiels (PS-23): the national one and the Somme's, version 2026.1.
// They are stored as data in `orientation_rule_sets` (migration 202611231400, where a published version
// never changes: a change is a new version); this file is the same data, readable, for the pure tests and
// the documentation. A db test checks that the database holds exactly this.
//
// The national arrêté is not among our sources (parcours.md §11, question 6): these rules are Socle's
// reading of the three pathways (parcours.md §3.8) — the people closest to employment go to France Travail
// (the mission locale under 26, Cap emploi for a BOE who asks for specialised support); people needing
// socio-professional support go to the département or to France Travail's accompagnement global; people
// whose situation prevents any job search today go to the département's social services.
import type { Condition, RuleSet } from "./orientation.rules";

/** The "freins sociaux forts" counted by several rules. */
const freinsForts: Condition[] = [
  { field: "contrainte_logement", equals: "LOGEMENT_PRECAIRE" },
  { field: "contrainte_sante", equals: "IMPACT_FORT_RECHERCHE_EMPLOI" },
  { field: "contrainte_familiale", in: ["GARDE_ENFANT", "AIDANT_FAMILIAL"] },
  { field: "contrainte_financiere", equals: "IMPACT_FORT_RECHERCHE_EMPLOI" },
  { field: "contrainte_administrative_juridique", equals: "IMPACT_FORT_RECHERCHE_EMPLOI" },
  { field: "contrainte_francais_calcul", equals: "IMPACT_FORT_RECHERCHE_EMPLOI" },
  { field: "contrainte_mobilite", equals: "AUCUN_MOYEN_DE_TRANSPORT" },
  { field: "contrainte_numerique", equals: "NON_ACCES_INTERNET" },
];

export const nationalReferentiel: RuleSet = {
  departement: null,
  version: "2026.1",
  label: "Référentiel national d'orientation",
  effectiveFrom: "2026-01-01",
  rules: [
    {
      id: "NAT-01",
      label:
        "La situation empêche aujourd'hui toute recherche d'emploi (santé, absence de logement ou incapacité à travailler) : parcours de remobilisation sociale avec le Département",
      condition: {
        any: [
          { field: "capacite_a_travailler", equals: false },
          { field: "contrainte_sante", equals: "INCAPACITE_RECHERCHE_ACTIVITE_PRO" },
          { field: "contrainte_logement", equals: "SANS_LOGEMENT" },
        ],
      },
      result: { parcours: "SOCIAL", organisme: "CD" },
    },
    {
      id: "NAT-02",
      label:
        "Travailleur handicapé (BOE) qui souhaite un accompagnement spécialisé, ou personne passée par un ESAT : parcours emploi avec Cap emploi",
      condition: {
        any: [
          {
            all: [
              { field: "boe", equals: true },
              { field: "boe_souhait_accompagnement", equals: true },
            ],
          },
          { field: "esat", equals: true },
        ],
      },
      result: { parcours: "PRO", organisme: "CAP_EMPLOI" },
    },
    {
      id: "NAT-03",
      label:
        "Moins de 26 ans avec au moins un frein social fort : parcours socio-professionnel avec la mission locale",
      condition: { all: [{ ageUnder: 26 }, { atLeast: 1, of: freinsForts }] },
      result: { parcours: "SOCIO_PRO", organisme: "ML" },
    },
    {
      id: "NAT-04",
      label: "Moins de 26 ans : parcours emploi avec la mission locale",
      condition: { ageUnder: 26 },
      result: { parcours: "PRO", organisme: "ML" },
      cite: ["projet_pro"],
    },
    {
      id: "NAT-05",
      label: "Au moins deux freins sociaux forts : parcours socio-professionnel avec le Département",
      condition: { atLeast: 2, of: freinsForts },
      result: { parcours: "SOCIO_PRO", organisme: "CD" },
    },
    {
      id: "NAT-06",
      label:
        "Un frein social fort : parcours socio-professionnel avec France Travail (accompagnement global, en lien avec le Département)",
      condition: { atLeast: 1, of: freinsForts },
      result: { parcours: "SOCIO_PRO", organisme: "FT" },
    },
    {
      id: "NAT-07",
      label:
        "Longtemps éloigné de l'emploi, sans projet professionnel ni diplôme : parcours socio-professionnel avec France Travail",
      condition: {
        all: [
          { field: "situation_professionnelle", in: ["JAMAIS", "SANS_EMPLOI_1_AN_ET_PLUS"] },
          { field: "projet_pro", equals: "NON_DEFINI" },
          { field: "niveau_etude", in: ["AFS", "PRIMAIRE_COLLEGE"] },
        ],
      },
      result: { parcours: "SOCIO_PRO", organisme: "FT" },
    },
    {
      id: "NAT-99",
      label:
        "Aucune situation particulière parmi celles des règles précédentes : parcours emploi avec France Travail",
      condition: { all: [] },
      result: { parcours: "PRO", organisme: "FT" },
      cite: ["capacite_a_travailler", "situation_professionnelle", "projet_pro"],
    },
  ],
};

/** The Somme's local criteria (joint arrêté of the PCD and the préfet, parcours.md §3.2): two local rules. */
export const sommeReferentiel: RuleSet = {
  departement: "80",
  version: "2026.1",
  label: "Critères d'orientation de la Somme",
  effectiveFrom: "2026-01-01",
  rules: [
    {
      id: "SOM-01",
      label:
        "Somme : 55 ans ou plus, sans emploi depuis un an ou plus, avec une difficulté de santé : parcours socio-professionnel avec le Département (maison départementale des solidarités et de l'insertion)",
      condition: {
        all: [
          { field: "capacite_a_travailler", equals: true },
          { field: "contrainte_logement", in: ["AUCUNE", "LOGEMENT_PRECAIRE"] },
          {
            not: {
              all: [
                { field: "boe", equals: true },
                { field: "boe_souhait_accompagnement", equals: true },
              ],
            },
          },
          { ageAtLeast: 55 },
          { field: "situation_professionnelle", equals: "SANS_EMPLOI_1_AN_ET_PLUS" },
          {
            field: "contrainte_sante",
            in: ["IMPACT_FAIBLE_RECHERCHE_EMPLOI", "IMPACT_FORT_RECHERCHE_EMPLOI"],
          },
        ],
      },
      result: { parcours: "SOCIO_PRO", organisme: "CD" },
    },
    {
      id: "SOM-02",
      label:
        "Somme : ni moyen de transport ni accès à internet : parcours socio-professionnel avec le Département, au plus près du domicile",
      condition: {
        all: [
          { field: "capacite_a_travailler", equals: true },
          { field: "contrainte_logement", in: ["AUCUNE", "LOGEMENT_PRECAIRE"] },
          {
            field: "contrainte_sante",
            in: ["AUCUNE", "IMPACT_FAIBLE_RECHERCHE_EMPLOI", "IMPACT_FORT_RECHERCHE_EMPLOI"],
          },
          { field: "contrainte_mobilite", equals: "AUCUN_MOYEN_DE_TRANSPORT" },
          { field: "contrainte_numerique", equals: "NON_ACCES_INTERNET" },
        ],
      },
      result: { parcours: "SOCIO_PRO", organisme: "CD" },
    },
  ],
};

export const publishedReferentiels: RuleSet[] = [nationalReferentiel, sommeReferentiel];
