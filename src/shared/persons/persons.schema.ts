import { z } from "zod";
import { localDateSchema } from "../kernel/dates";

export const personIdSchema = z.string().uuid();
export const householdRoleSchema = z.enum(["DEM", "CJT", "ENF", "AUT"]);
export const householdRoleLabels: Record<z.infer<typeof householdRoleSchema>, string> = {
  DEM: "Demandeur",
  CJT: "Conjoint",
  ENF: "Enfant",
  AUT: "Autre membre du foyer",
};

export const personSummarySchema = z.object({
  id: personIdSchema,
  birthName: z.string(),
  usageName: z.string().nullable(),
  firstNames: z.string(),
  birthDate: localDateSchema,
  nirMasked: z.string().nullable(),
  franceTravailId: z.string().nullable(),
  communeName: z.string().nullable(),
  referentName: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personListSchema = z.object({
  items: z.array(personSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PersonList = z.infer<typeof personListSchema>;

export const followUpViewSchema = z.object({
  structureId: z.string().uuid(),
  structureName: z.string(),
  structureKind: z.string(),
  professionalName: z.string().nullable(),
  role: z.enum(["referent", "co_referent", "membre"]),
  startedAt: z.string(),
});

export const personViewSchema = z.object({
  id: personIdSchema,
  version: z.number().int(),
  birthName: z.string(),
  usageName: z.string().nullable(),
  firstNames: z.string(),
  sex: z.enum(["F", "M"]).nullable(),
  birthDate: localDateSchema,
  birthPlace: z.string().nullable(),
  nationality: z.string().nullable(),
  nirMasked: z.string().nullable(),
  franceTravailId: z.string().nullable(),
  caf: z
    .object({
      organisme: z.enum(["CAF", "MSA"]),
      numorg: z.string(),
      matricule: z.string(),
      householdRole: householdRoleSchema,
    })
    .nullable(),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  address: z.object({
    line: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
  }),
  departement: z.string(),
  followUps: z.array(followUpViewSchema),
  canEdit: z.boolean(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const searchPersonsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable();

export const updateContactBodySchema = z.object({
  version: z.number().int().positive(),
  email: optionalText(200).refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), {
    message: "Adresse électronique invalide (exemple : prenom.nom@exemple.fr).",
  }),
  phone: optionalText(20).refine((v) => v === null || /^(\+33|0)[1-9](\s?\d{2}){4}$/.test(v), {
    message: "Numéro de téléphone invalide (exemple : 06 12 34 56 78).",
  }),
});

export const mergePersonsBodySchema = z.object({
  absorbedId: personIdSchema,
  reason: z.string().trim().min(5, "Indiquez le motif de la fusion (5 caractères au moins).").max(500),
});
export const mergeViewSchema = z.object({
  mergeId: z.string().uuid(),
  survivingId: personIdSchema,
  absorbedId: personIdSchema,
  movedFollowUps: z.number().int(),
});
