// Closes the review of a possible duplicate with a human decision: the two files were merged (the merge
// itself is the persons capability's logged, reversible action, and must exist), or they are two
// different persons. The item in the other direction, if any, is closed too.
import { z } from "zod";
import { resolveDuplicateBodySchema } from "../../../shared/registration/duplicate-review.schema";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { duplicateReviewsRepository } from "../duplicate-reviews.repository";
import { duplicateReviewPolicy } from "../registration.policy";
import { loadDuplicateReview } from "./get-duplicate-review";

export const resolveDuplicateReview = useCase(
  "ResolveDuplicateReview",
  resolveDuplicateBodySchema.extend({ workItemId: z.string().uuid() }),
  async ({ tx, actor, input, clock, secrets }) => {
    const item = await duplicateReviewsRepository.get(tx, input.workItemId);
    if (!item || (item.status !== "A_FAIRE" && item.status !== "EN_COURS")) {
      throw registrationErrors.duplicateReviewNotFound(input.workItemId);
    }
    assertCan(duplicateReviewPolicy.resolve(actor, item), "duplicate_review.resolve", {
      personId: item.personId,
      section: "fusion",
      purpose: "identify",
    });
    const other = item.subjectId ?? item.personId;
    if (
      input.decision === "FUSIONNES" &&
      !(await duplicateReviewsRepository.merged(tx, item.personId, other))
    ) {
      throw registrationErrors.mergeNotDone();
    }
    const now = clock.now();
    await workItemsRepository.close(tx, {
      type: "DOUBLON_A_EXAMINER",
      personId: item.personId,
      subjectId: other,
      at: now,
    });
    await workItemsRepository.close(tx, {
      type: "DOUBLON_A_EXAMINER",
      personId: other,
      subjectId: item.personId,
      at: now,
    });
    await audit.recordMany(tx, clock, actor, [item.personId, other], {
      action: "duplicate_review.resolved",
      section: "fusion",
      purpose: "identify",
      details: { workItemId: item.id, decision: input.decision, reason: input.motif },
    });
    const fresh = await duplicateReviewsRepository.get(tx, item.id);
    if (!fresh) throw registrationErrors.duplicateReviewNotFound(item.id);
    return loadDuplicateReview(tx, secrets, actor, fresh);
  },
);
