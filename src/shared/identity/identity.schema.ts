import { z } from "zod";

export const professionalRoles = [
  "conseiller",
  "charge_orientation",
  "admin_structure",
  "manager_territorial",
  "charge_relation_entreprise",
  "pilotage",
] as const;
export const professionalRoleSchema = z.enum(professionalRoles);
export type ProfessionalRole = z.infer<typeof professionalRoleSchema>;

export const roleLabels: Record<ProfessionalRole, string> = {
  conseiller: "Conseiller·ère référent·e",
  charge_orientation: "Chargé·e d'orientation",
  admin_structure: "Administrateur·rice de structure",
  manager_territorial: "Manager territorial",
  charge_relation_entreprise: "Chargé·e de relation entreprise",
  pilotage: "Pilotage",
};

export const structureKinds = [
  "france_travail",
  "mission_locale",
  "cap_emploi",
  "conseil_departemental",
  "partenaire",
] as const;
export const structureKindSchema = z.enum(structureKinds);
export type StructureKind = z.infer<typeof structureKindSchema>;
export const structureKindLabels: Record<StructureKind, string> = {
  france_travail: "France Travail",
  mission_locale: "Mission locale",
  cap_emploi: "Cap emploi",
  conseil_departemental: "Conseil départemental",
  partenaire: "Partenaire",
};

export const sessionViewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("professional"),
    professionalId: z.string().uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    roles: z.array(professionalRoleSchema),
    structure: z.object({
      id: z.string().uuid(),
      name: z.string(),
      kind: structureKindSchema,
      departement: z.string(),
    }),
    scope: z
      .object({ level: z.enum(["national", "region", "departement"]), code: z.string().nullable() })
      .nullable(),
    csrfToken: z.string(),
  }),
  z.object({
    kind: z.literal("person"),
    personId: z.string().uuid(),
    firstNames: z.string(),
    lastName: z.string(),
    csrfToken: z.string(),
  }),
]);
export type SessionView = z.infer<typeof sessionViewSchema>;
