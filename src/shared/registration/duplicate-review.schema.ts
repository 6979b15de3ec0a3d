// The review of a possible duplicate (work item DOUBLON_A_EXAMINER): two files side by side, then a
// human decision. Merging itself is the persons capability's logged, reversible action
// (POST /api/persons/:personId/merges, PS-46); the review records the outcome and closes the item.
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";

export const duplicatePersonCardSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(["active", "merged"]),
  birthName: z.string(),
  usageName: z.string().nullable(),
  firstNames: z.string(),
  birthDate: localDateSchema,
  birthPlace: z.string().nullable(),
  nirMasked: z.string().nullable(),
  franceTravailId: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  followedBy: z.array(z.string()),
});
export type DuplicatePersonCard = z.infer<typeof duplicatePersonCardSchema>;

export const duplicateReviewViewSchema = z.object({
  workItemId: z.string().uuid(),
  status: z.enum(["A_FAIRE", "EN_COURS", "FAIT", "ANNULE"]),
  createdAt: z.string(),
  dueDate: localDateSchema,
  first: duplicatePersonCardSchema,
  second: duplicatePersonCardSchema,
  /** what the two files have in common, in French */
  evidence: z.array(z.string()),
  canMerge: z.boolean(),
  canResolve: z.boolean(),
});
export type DuplicateReviewView = z.infer<typeof duplicateReviewViewSchema>;

export const duplicateReviewSummarySchema = z.object({
  workItemId: z.string().uuid(),
  createdAt: z.string(),
  dueDate: localDateSchema,
  displayName: z.string(),
  birthDate: localDateSchema,
});
export const duplicateReviewListSchema = z.object({ items: z.array(duplicateReviewSummarySchema) });

export const resolveDuplicateBodySchema = z.object({
  decision: z.enum(["FUSIONNES", "PERSONNES_DISTINCTES"]),
  motif: z.string().trim().min(5, "Indiquez le motif de votre décision (5 caractères au moins).").max(500),
});
export type ResolveDuplicateBody = z.infer<typeof resolveDuplicateBodySchema>;
