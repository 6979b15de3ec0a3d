// Test and demo builders: a complete, valid set of criteria with deterministic defaults (a person of 46
// in Amiens, close to employment, no difficulty), overridable field by field.
import type { OrientationCriteria } from "./orientation.criteria";

export function aCompleteCriteria(over: Partial<OrientationCriteria> = {}): OrientationCriteria {
  return {
    brsa: true,
    date_naissance: "1980-06-15",
    adresse: {
      code_commune: "80021",
      libelle_commune: "Amiens",
      code_postal: "80000",
      numero_type_libelle_voie: "12 rue Victor Hugo",
    },
    situation_professionnelle: "SANS_EMPLOI_MOINS_1_AN",
    type_emploi: "CDD",
    niveau_etude: "BAC",
    capacite_a_travailler: true,
    projet_pro: "EMPLOI",
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
    ...over,
  };
}
