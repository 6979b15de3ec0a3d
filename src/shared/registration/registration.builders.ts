// Valid registration blocks with deterministic, visibly synthetic defaults (tests, demo).
import type { Competences, Freins, Identite, Projet, Situation } from "./registration.schema";
import { freinTypes } from "./registration.schema";

export function anIdentite(over: Partial<Identite> = {}): Identite {
  return {
    nomFamille: "TESTINSCRIT",
    prenoms: ["Camille"],
    sexe: "F",
    dateNaissance: "1985-05-14",
    lieuNaissance: "Amiens",
    nationalite: "FRANCAISE",
    adresse: {
      ligne: "12 rue des Essais",
      codePostal: "80000",
      codeCommune: "80021",
      libelleCommune: "Amiens",
    },
    contact: {
      telephone: "06 12 34 56 78",
      email: "camille.testinscrit@exemple.fr",
      canauxPreferes: ["SMS"],
    },
    ...over,
  };
}

export function aSituation(over: Partial<Situation> = {}): Situation {
  return {
    situationFamiliale: "SEUL",
    enfantsACharge: 1,
    situationLogement: "LOCATAIRE",
    situationProfessionnelle: "SANS_EMPLOI_PLUS_UN_AN",
    ressources: ["RSA"],
    aidesPrestations: ["RSA", "AIDE_LOGEMENT"],
    organismeRattachement: "CAF",
    numeroAllocataire: "1234567",
    permisConduire: ["B"],
    niveauLangue: "MATERNELLE",
    ...over,
  };
}

export function someCompetences(over: Partial<Competences> = {}): Competences {
  return {
    niveauEtude: "CAP_BEP",
    diplomesQualifications: [{ intitule: "CAP Cuisine", annee: 2008 }],
    experiencesProfessionnelles: [
      {
        appellation: { codeOgr: "11573", libelle: "Commis de cuisine" },
        employeur: "Restaurant fictif",
        debut: "2015-03",
        fin: "2019-06",
      },
    ],
    ...over,
  };
}

export function aProjet(over: Partial<Projet> = {}): Projet {
  return {
    projetExiste: "EMPLOI",
    metiersRecherches: [{ codeOgr: "11573", libelle: "Commis de cuisine" }],
    disponibilite: "IMMEDIATE",
    tempsTravail: "TEMPS_PLEIN",
    positionnementRechercheEmploi: "RECHERCHE_ACTIVE",
    motifInscription: "RSA",
    souhaitStructure: "SANS_PREFERENCE",
    ...over,
  };
}

/** Every barrier answered « non », except those given. */
export function someFreins(over: Freins = {}): Freins {
  const out: Freins = {};
  for (const t of freinTypes) out[t] = { declare: "NON" };
  return { ...out, ...over };
}
