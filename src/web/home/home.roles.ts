// Which role's home a professional sees first when they hold several, and what each role does,
// in plain words.
import type { ProfessionalRole } from "../../shared/identity/identity.schema";

/** The first role of this list that the professional holds decides their home. */
export const homeRolePriority: readonly ProfessionalRole[] = [
  "conseiller",
  "charge_orientation",
  "admin_structure",
  "manager_territorial",
  "charge_relation_entreprise",
  "pilotage",
];

export function primaryRole(roles: readonly ProfessionalRole[]): ProfessionalRole | undefined {
  return homeRolePriority.find((r) => roles.includes(r));
}

export const roleDescriptions: Record<ProfessionalRole, string> = {
  conseiller:
    "Vous accompagnez les personnes dont vous êtes référent·e : vous consultez leur dossier, tenez leurs coordonnées à jour et suivez leur parcours vers l'emploi.",
  charge_orientation:
    "Vous étudiez la situation des personnes qui s'inscrivent et proposez l'organisme le plus adapté pour les accompagner.",
  admin_structure:
    "Vous administrez votre structure : les comptes des professionnels et les personnes qu'elle accompagne. Vous pouvez aussi fusionner les dossiers en double.",
  manager_territorial:
    "Vous suivez l'accompagnement des personnes de votre département, toutes structures confondues.",
  charge_relation_entreprise:
    "Vous êtes le lien entre les entreprises et les personnes accompagnées : offres d'emploi, immersions et mises en relation.",
  pilotage: "Vous suivez les indicateurs du réseau pour l'emploi sur votre territoire.",
};

/** "Conseiller·ère référent·e" → "conseiller·ère référent·e", for use inside a sentence or a title. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
