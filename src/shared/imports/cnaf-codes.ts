// Code lists of the CAF/MSA beneficiaries flow (VRSB 08.01) as published [CNAF flux], parcours.md §2.1.
// A code outside these lists is stored raw and flagged, never dropped (PS-59).

export const etatDossierLabels: Record<string, string> = {
  "0": "Demande en attente de décision",
  "1": "Droit refusé",
  "2": "Droit ouvert et versable",
  "3": "Droit ouvert et suspendu",
  "4": "Droit ouvert, versement suspendu",
  "5": "Droit clos",
  "6": "Droit clos sur mois antérieur",
};

export const motifSuspensionVersementLabels: Record<string, string> = {
  "01": "Ressources trop élevées",
  "02": "Moins de 25 ans sans enfant ni personne à charge",
  "03": "Activité non conforme",
  "04": "Titre de séjour non valide",
  "05": "RSA inférieur au seuil de versement",
  "06": "Déclaration trimestrielle de ressources non fournie",
  "09": "Résidence non conforme",
  "19": "Pas d'isolement",
  "31": "Prestation exclue",
  "34": "Régime non conforme",
  "35": "Demande d'avantage vieillesse absente ou tardive",
  "36": "Titre de séjour absent",
  "44": "Hospitalisation",
  "70": "Action non engagée",
  "78": "Surface pondérée supérieure au plafond",
  "84": "Droit éteint",
  "85": "Pas d'allocataire",
  "97": "Bénéficiaire AAH réduite",
  AB: "Allocataire absent du foyer",
  CV: "Attente de la décision du PCG",
  CZ: "Activité antérieure insuffisante",
  DA: "Activité antérieure absente",
  DB: "Étudiant, rémunération insuffisante",
  DC: "Activité antérieure non conforme",
};

export const motifClotureLabels: Record<string, string> = {
  PCG: "Décision du président du conseil départemental",
  ECH: "Échéance (4 mois sans droit)",
  EFF: "Annulation de bascule RMI",
  MUT: "Mutation vers un autre organisme",
  RGD: "Regroupement de dossiers",
  RFD: "Radié, fin de droit",
  RAU: "Radié, autre motif",
  RST: "Radié, option RSTA",
  RSO: "Radié, option RSO",
};

/** Household roles (ROLEPERS) known to Socle's persons; any other code is kept raw on the right. */
export const householdRoles = ["DEM", "CJT", "ENF", "AUT"] as const;
export type HouseholdRole = (typeof householdRoles)[number];

/** IDEPARTE is « 080 », « 02A », « 971 »: the département code without the padding zero. */
export function departementFromIdeparte(raw: string): string {
  const v = raw.trim().toUpperCase();
  return v.length === 3 && v.startsWith("0") ? v.slice(1) : v;
}

/** Métropole (01–95 with 2A/2B, no 20) and the overseas départements where the RSA is served by a CD. */
export function isDepartementCode(code: string): boolean {
  return /^(0[1-9]|1\d|2[1-9]|2[AB]|[3-8]\d|9[0-5]|97[1-46])$/.test(code);
}
