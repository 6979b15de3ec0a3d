// The orientation criteria of the national pathway (parcours.md §3.1, API kit `calculOrientation`), with
// their French labels and code lists. Everything is optional while the orientation is `BROUILLON`; the
// criteria are "complete" once every mandatory one is set (`missingCriteria` is empty).
//
// The code lists are only shown by example in the API kit (parcours.md §11, question 5): these lists are
// Socle's provisional ones, to be replaced by France Travail's common-language document as versioned
// reference data. Codes quoted in the kit (JAMAIS, AUTRE, AFS, FORMATION, INCAPACITE_RECHERCHE_ACTIVITE_PRO,
// SANS_LOGEMENT, AUCUN_MOYEN_DE_TRANSPORT, AIDANT_FAMILIAL, IMPACT_FORT_RECHERCHE_EMPLOI, NON_ACCES_INTERNET,
// AUCUNE_DEMARCHE) are kept as they are.
import { z } from "zod";
import { isValidLocalDate } from "../kernel/dates";

const codeList = <const T extends Record<string, string>>(labels: T) => ({
  codes: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]],
  labels,
});

export const situationProfessionnelle = codeList({
  EN_EMPLOI: "En emploi",
  SANS_EMPLOI_MOINS_1_AN: "Sans emploi depuis moins d'un an",
  SANS_EMPLOI_1_AN_ET_PLUS: "Sans emploi depuis un an ou plus",
  JAMAIS: "N'a jamais travaillé",
  EN_FORMATION: "En formation ou en études",
  INDEPENDANT: "Travailleur ou travailleuse indépendant·e",
});
export const typeEmploi = codeList({
  CDI: "CDI",
  CDD: "CDD",
  INTERIM: "Intérim",
  CONTRAT_AIDE: "Contrat aidé ou insertion par l'activité économique",
  INDEPENDANT: "Indépendant·e",
  AUTRE: "Autre",
  AUCUN: "Aucun emploi occupé",
});
export const niveauEtude = codeList({
  AFS: "Aucune formation scolaire",
  PRIMAIRE_COLLEGE: "Primaire ou collège",
  CAP_BEP: "CAP ou BEP",
  BAC: "Baccalauréat",
  BAC_PLUS_2: "Bac + 2",
  BAC_PLUS_3_ET_PLUS: "Bac + 3 ou plus",
});
export const projetPro = codeList({
  EMPLOI: "Trouver un emploi",
  FORMATION: "Suivre une formation",
  CREATION_ENTREPRISE: "Créer ou reprendre une entreprise",
  NON_DEFINI: "Pas encore de projet défini",
});
/** The generic scale of the kit's `contrainte_*` (financière, administrative et juridique, français et calcul). */
const impactScale = {
  AUCUNE: "Aucune difficulté",
  IMPACT_FAIBLE_RECHERCHE_EMPLOI: "Difficulté sans effet important sur la recherche d'emploi",
  IMPACT_FORT_RECHERCHE_EMPLOI: "Difficulté qui freine fortement la recherche d'emploi",
} as const;
export const contrainteSante = codeList({
  ...impactScale,
  INCAPACITE_RECHERCHE_ACTIVITE_PRO: "Incapacité à rechercher une activité professionnelle",
});
export const contrainteLogement = codeList({
  AUCUNE: "Logement stable",
  LOGEMENT_PRECAIRE: "Logement précaire ou hébergement temporaire",
  SANS_LOGEMENT: "Sans logement",
});
export const contrainteMobilite = codeList({
  AUCUNE: "Aucune difficulté de déplacement",
  MOBILITE_LIMITEE: "Déplacements limités (transports en commun seulement, horaires…)",
  AUCUN_MOYEN_DE_TRANSPORT: "Aucun moyen de transport",
});
export const contrainteFamiliale = codeList({
  AUCUNE: "Aucune contrainte familiale",
  GARDE_ENFANT: "Enfant à charge sans solution de garde",
  AIDANT_FAMILIAL: "Aidant·e d'un proche",
});
export const contrainteFinanciere = codeList(impactScale);
export const contrainteNumerique = codeList({
  AUCUNE: "À l'aise avec le numérique",
  DIFFICULTES_USAGES: "Difficultés avec les démarches en ligne",
  NON_ACCES_INTERNET: "Pas d'accès à internet",
});
export const contrainteAdministrativeJuridique = codeList(impactScale);
export const contrainteFrancaisCalcul = codeList(impactScale);
export const msaDemarchesProfessionnelles = codeList({
  AUCUNE_DEMARCHE: "Aucune démarche",
  DEMARCHES_PONCTUELLES: "Démarches ponctuelles",
  DEMARCHES_REGULIERES: "Démarches régulières",
});

/** The code-list criteria, by key: the rules engine and the forms read the same lists. */
export const criterionCodeLists = {
  situation_professionnelle: situationProfessionnelle,
  type_emploi: typeEmploi,
  niveau_etude: niveauEtude,
  projet_pro: projetPro,
  contrainte_sante: contrainteSante,
  contrainte_logement: contrainteLogement,
  contrainte_mobilite: contrainteMobilite,
  contrainte_familiale: contrainteFamiliale,
  contrainte_financiere: contrainteFinanciere,
  contrainte_numerique: contrainteNumerique,
  contrainte_administrative_juridique: contrainteAdministrativeJuridique,
  contrainte_francais_calcul: contrainteFrancaisCalcul,
  msa_demarches_professionnelles: msaDemarchesProfessionnelles,
} as const;
export type CodeCriterion = keyof typeof criterionCodeLists;

export const booleanCriteria = [
  "brsa",
  "capacite_a_travailler",
  "boe",
  "baeeh",
  "scolarite_etablissement_specialise",
  "esat",
  "boe_souhait_accompagnement",
] as const;
export type BooleanCriterion = (typeof booleanCriteria)[number];

export const adresseSchema = z.object({
  code_commune: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, "Code commune INSEE attendu (5 caractères)"),
  libelle_commune: z.string().trim().min(1, "Commune obligatoire").max(200),
  code_postal: z.string().regex(/^\d{5}$/, "Code postal attendu (5 chiffres)"),
  numero_type_libelle_voie: z.string().trim().max(300).optional(),
});
export type Adresse = z.infer<typeof adresseSchema>;

/** Every criterion optional (iterative filling); unknown keys are dropped. */
export const orientationCriteriaSchema = z.object({
  brsa: z.boolean().optional(),
  date_naissance: z.string().refine(isValidLocalDate, "Date attendue au format AAAA-MM-JJ").optional(),
  adresse: adresseSchema.optional(),
  situation_professionnelle: z.enum(situationProfessionnelle.codes).optional(),
  type_emploi: z.enum(typeEmploi.codes).optional(),
  niveau_etude: z.enum(niveauEtude.codes).optional(),
  capacite_a_travailler: z.boolean().optional(),
  projet_pro: z.enum(projetPro.codes).optional(),
  contrainte_sante: z.enum(contrainteSante.codes).optional(),
  contrainte_logement: z.enum(contrainteLogement.codes).optional(),
  contrainte_mobilite: z.enum(contrainteMobilite.codes).optional(),
  contrainte_familiale: z.enum(contrainteFamiliale.codes).optional(),
  contrainte_financiere: z.enum(contrainteFinanciere.codes).optional(),
  contrainte_numerique: z.enum(contrainteNumerique.codes).optional(),
  contrainte_administrative_juridique: z.enum(contrainteAdministrativeJuridique.codes).optional(),
  contrainte_francais_calcul: z.enum(contrainteFrancaisCalcul.codes).optional(),
  boe: z.boolean().optional(),
  baeeh: z.boolean().optional(),
  scolarite_etablissement_specialise: z.boolean().optional(),
  esat: z.boolean().optional(),
  boe_souhait_accompagnement: z.boolean().optional(),
  msa_autonomie_recherche_emploi: z.number().int().min(1).max(4).optional(),
  msa_demarches_professionnelles: z.enum(msaDemarchesProfessionnelles.codes).optional(),
});
export type OrientationCriteria = z.infer<typeof orientationCriteriaSchema>;
export type CriterionKey = keyof OrientationCriteria;

export const criterionLabels: Record<CriterionKey, string> = {
  brsa: "Bénéficiaire du RSA",
  date_naissance: "Date de naissance",
  adresse: "Adresse",
  situation_professionnelle: "Situation professionnelle",
  type_emploi: "Type d'emploi (actuel ou dernier)",
  niveau_etude: "Niveau d'études",
  capacite_a_travailler: "En capacité de travailler",
  projet_pro: "Projet professionnel",
  contrainte_sante: "Santé",
  contrainte_logement: "Logement",
  contrainte_mobilite: "Mobilité",
  contrainte_familiale: "Contraintes familiales",
  contrainte_financiere: "Difficultés financières",
  contrainte_numerique: "Numérique",
  contrainte_administrative_juridique: "Difficultés administratives ou juridiques",
  contrainte_francais_calcul: "Maîtrise du français et du calcul",
  boe: "Bénéficiaire de l'obligation d'emploi (BOE)",
  baeeh: "A bénéficié de l'AEEH (allocation d'éducation de l'enfant handicapé)",
  scolarite_etablissement_specialise: "Scolarité en établissement spécialisé",
  esat: "Travaille ou a travaillé en ESAT",
  boe_souhait_accompagnement: "Souhaite un accompagnement spécialisé handicap",
  msa_autonomie_recherche_emploi: "Autonomie dans la recherche d'emploi (MSA, de 1 à 4)",
  msa_demarches_professionnelles: "Démarches professionnelles (MSA)",
};

/** The order in which forms and letters list the criteria. */
export const criterionKeys = Object.keys(criterionLabels) as CriterionKey[];

/**
 * Mandatory for a complete set. The MSA criteria only concern MSA beneficiaries and are optional until
 * the organisme (CAF or MSA) is part of the criteria; `boe_souhait_accompagnement` is asked only of a BOE.
 */
export function mandatoryCriteria(c: OrientationCriteria): CriterionKey[] {
  const base: CriterionKey[] = [
    "brsa",
    "date_naissance",
    "adresse",
    "situation_professionnelle",
    "type_emploi",
    "niveau_etude",
    "capacite_a_travailler",
    "projet_pro",
    "contrainte_sante",
    "contrainte_logement",
    "contrainte_mobilite",
    "contrainte_familiale",
    "contrainte_financiere",
    "contrainte_numerique",
    "contrainte_administrative_juridique",
    "contrainte_francais_calcul",
    "boe",
    "baeeh",
    "scolarite_etablissement_specialise",
    "esat",
  ];
  return c.boe === true ? [...base, "boe_souhait_accompagnement"] : base;
}

/** Mandatory criteria not set yet, in form order. */
export function missingCriteria(c: OrientationCriteria): CriterionKey[] {
  const mandatory = new Set(mandatoryCriteria(c));
  return criterionKeys.filter((k) => mandatory.has(k) && c[k] === undefined);
}

export const isComplete = (c: OrientationCriteria) => missingCriteria(c).length === 0;

/** "Logement : sans logement", "BOE : oui" — one criterion and its value, in French. */
export function describeCriterion(key: CriterionKey, c: OrientationCriteria): string {
  const v = describeValue(key, c);
  // after a colon, a code label starts in lower case ("Sans logement" → "sans logement"), acronyms stay ("CDI")
  return `${criterionLabels[key]} : ${/^\p{Lu}\p{Ll}/u.test(v) ? v.charAt(0).toLowerCase() + v.slice(1) : v}`;
}

export function describeValue(key: CriterionKey, c: OrientationCriteria): string {
  const v = c[key];
  if (v === undefined) return "non renseigné";
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (key === "adresse") {
    const a = v as Adresse;
    return [a.numero_type_libelle_voie, `${a.code_postal} ${a.libelle_commune}`].filter(Boolean).join(", ");
  }
  if (key === "date_naissance") {
    const [y, m, d] = String(v).split("-");
    return `${d}/${m}/${y}`;
  }
  if (key in criterionCodeLists) {
    const labels = criterionCodeLists[key as CodeCriterion].labels as Record<string, string>;
    return labels[String(v)] ?? String(v);
  }
  return String(v);
}

/** Keys whose value differs between two sets (the audit names changed criteria, never their values). */
export function changedCriteria(before: OrientationCriteria, after: OrientationCriteria): CriterionKey[] {
  return criterionKeys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
