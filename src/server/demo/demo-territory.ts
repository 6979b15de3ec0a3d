// The demo territory: the Somme (80), its four zones d'emploi, the network's structures and ~40
// professionals. Names of people are synthetic; structure names follow the real network's pattern.
// SIRETs are synthetic (valid Luhn key) and must never be mistaken for real establishments.
import type { ProfessionalRole, StructureKind } from "../../shared/identity/identity.schema";

export const DEMO_DEPARTEMENT = "80";
export const DEMO_PASSWORD_NOTE = "mot de passe « demo » (fournisseur d'identité de démonstration)";

export type DemoStructure = {
  key: string;
  name: string;
  kind: StructureKind;
  partnerKind?: "association" | "siae" | "ccas";
  departement: string;
  /** zones d'emploi covered ("*" = the whole département) */
  zones: string[];
  communeCode: string;
  /** also follows persons under 26 (missions locales) or with a disability (Cap emploi) */
};

export const demoStructures: DemoStructure[] = [
  { key: "ft-amiens-nord", name: "France Travail Amiens Nord", kind: "france_travail", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "ft-amiens-sud", name: "France Travail Amiens Sud", kind: "france_travail", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "ft-abbeville", name: "France Travail Abbeville", kind: "france_travail", departement: "80", zones: ["3201"], communeCode: "80001" },
  { key: "ft-friville", name: "France Travail Friville-Escarbotin", kind: "france_travail", departement: "80", zones: ["0058"], communeCode: "80368" },
  { key: "ft-peronne", name: "France Travail Péronne", kind: "france_travail", departement: "80", zones: ["3220"], communeCode: "80620" },
  { key: "ml-amienois", name: "Mission locale du Grand Amiénois", kind: "mission_locale", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "ml-picardie-maritime", name: "Mission locale Picardie Maritime", kind: "mission_locale", departement: "80", zones: ["3201", "0058"], communeCode: "80001" },
  { key: "ml-haute-somme", name: "Mission locale de la Haute Somme", kind: "mission_locale", departement: "80", zones: ["3220"], communeCode: "80620" },
  { key: "cap-emploi", name: "Cap emploi Somme", kind: "cap_emploi", departement: "80", zones: ["*"], communeCode: "80021" },
  { key: "cd-insertion", name: "Département de la Somme — Direction de l'insertion", kind: "conseil_departemental", departement: "80", zones: ["*"], communeCode: "80021" },
  { key: "cd-mdsi-amiens", name: "Maison départementale des solidarités et de l'insertion d'Amiens", kind: "conseil_departemental", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "cd-mdsi-abbeville", name: "Maison départementale des solidarités et de l'insertion d'Abbeville", kind: "conseil_departemental", departement: "80", zones: ["3201", "0058"], communeCode: "80001" },
  { key: "cd-mdsi-peronne", name: "Maison départementale des solidarités et de l'insertion de Péronne", kind: "conseil_departemental", departement: "80", zones: ["3220"], communeCode: "80620" },
  { key: "asso-itineraires", name: "Association Itinéraires Somme (fictive)", kind: "partenaire", partnerKind: "association", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "siae-jardins", name: "Chantier d'insertion Les Jardins de la Somme (fictif)", kind: "partenaire", partnerKind: "siae", departement: "80", zones: ["3201"], communeCode: "80001" },
  { key: "ccas-amiens", name: "CCAS d'Amiens", kind: "partenaire", partnerKind: "ccas", departement: "80", zones: ["3202"], communeCode: "80021" },
  { key: "ft-dg", name: "France Travail — Direction générale", kind: "france_travail", departement: "75", zones: [], communeCode: "75056" },
];

export type DemoProfessional = {
  email: string;
  firstName: string;
  lastName: string;
  structure: string;
  roles: ProfessionalRole[];
  scope?: { level: "national" | "region" | "departement"; code: string | null };
};

/** One easy-to-type account per role, printed at start and listed in the README. */
export const demoLogins: (DemoProfessional & { label: string })[] = [
  { label: "Conseillère référente (France Travail Amiens Nord)", email: "conseiller@demo.socle.fr", firstName: "Camille", lastName: "Lefebvre", structure: "ft-amiens-nord", roles: ["conseiller"] },
  { label: "Chargé d'orientation (Département de la Somme)", email: "orientation@demo.socle.fr", firstName: "Julien", lastName: "Moreau", structure: "cd-insertion", roles: ["charge_orientation"] },
  { label: "Administratrice de structure (Mission locale du Grand Amiénois)", email: "admin@demo.socle.fr", firstName: "Nadia", lastName: "Benali", structure: "ml-amienois", roles: ["admin_structure", "conseiller"] },
  { label: "Manager territorial (Somme)", email: "manager@demo.socle.fr", firstName: "Hélène", lastName: "Dubois", structure: "cd-insertion", roles: ["manager_territorial"], scope: { level: "departement", code: "80" } },
  { label: "Chargé de relation entreprise (France Travail Amiens Nord)", email: "entreprises@demo.socle.fr", firstName: "Thomas", lastName: "Garnier", structure: "ft-amiens-nord", roles: ["charge_relation_entreprise"] },
  { label: "Pilotage départemental (Somme)", email: "pilotage@demo.socle.fr", firstName: "Sophie", lastName: "Roux", structure: "cd-insertion", roles: ["pilotage"], scope: { level: "departement", code: "80" } },
  { label: "Pilotage national (France Travail)", email: "pilotage.national@demo.socle.fr", firstName: "Marc", lastName: "Fontaine", structure: "ft-dg", roles: ["pilotage"], scope: { level: "national", code: null } },
];

export const DEMO_PERSON_EMAIL = "personne@demo.socle.fr";

/** Other professionals per structure: [structure key, count, roles]. */
export const demoStaffing: [string, number, ProfessionalRole[]][] = [
  ["ft-amiens-nord", 3, ["conseiller"]],
  ["ft-amiens-sud", 3, ["conseiller"]],
  ["ft-abbeville", 3, ["conseiller"]],
  ["ft-friville", 2, ["conseiller"]],
  ["ft-peronne", 3, ["conseiller"]],
  ["ml-amienois", 3, ["conseiller"]],
  ["ml-picardie-maritime", 2, ["conseiller"]],
  ["ml-haute-somme", 2, ["conseiller"]],
  ["cap-emploi", 2, ["conseiller"]],
  ["cd-insertion", 1, ["charge_orientation"]],
  ["cd-mdsi-amiens", 2, ["conseiller"]],
  ["cd-mdsi-abbeville", 2, ["conseiller"]],
  ["cd-mdsi-peronne", 2, ["conseiller"]],
  ["asso-itineraires", 1, ["conseiller"]],
  ["siae-jardins", 1, ["conseiller"]],
  ["ccas-amiens", 1, ["conseiller"]],
];

export const firstNamesF = ["Marie", "Léa", "Manon", "Chloé", "Emma", "Camille", "Sarah", "Inès", "Julie", "Laura", "Anaïs", "Océane", "Lucie", "Pauline", "Amandine", "Aurélie", "Nathalie", "Sandrine", "Isabelle", "Céline", "Fatima", "Aïcha", "Yasmine", "Élodie", "Mélanie", "Sabrina", "Jessica", "Audrey", "Morgane", "Justine"];
export const firstNamesM = ["Thomas", "Lucas", "Hugo", "Nathan", "Enzo", "Louis", "Maxime", "Alexandre", "Kévin", "Julien", "Nicolas", "Romain", "Anthony", "Jérémy", "Mickaël", "Sébastien", "David", "Christophe", "Frédéric", "Karim", "Mohamed", "Yanis", "Dylan", "Théo", "Quentin", "Florian", "Jordan", "Steven", "Bruno", "Patrick"];
export const lastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Caron", "Boucher", "Delattre", "Lemaire", "Dufour", "Carpentier", "Vasseur", "Lecomte", "Deneux", "Boulanger", "Poiret", "Leclercq", "Dupuis", "Benoît", "Hamidi", "Diallo", "Traoré", "Nguyen", "Da Silva", "Ferreira"];
export const streets = ["rue de la République", "rue Victor Hugo", "rue Jean Jaurès", "avenue de la Gare", "rue des Jardins", "place de l'Église", "rue Pasteur", "rue du Moulin", "chemin des Prés", "rue Gambetta", "boulevard de Beauvillé", "rue des Trois Cailloux", "rue Saint-Leu"];
