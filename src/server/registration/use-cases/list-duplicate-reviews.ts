import { z } from "zod";
import { personDisplayName } from "../../../shared/registration/registration.format";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { duplicateReviewsRepository } from "../duplicate-reviews.repository";

export const listDuplicateReviews = useCase(
  "ListDuplicateReviews",
  z.object({}),
  async ({ tx, actor, clock }) => {
    assertCan(
      actor.kind === "professional" &&
        actor.roles.some(
          (r) => r === "charge_orientation" || r === "admin_structure" || r === "manager_territorial",
        ),
      "duplicate_review.list",
    );
    if (actor.kind !== "professional") return { items: [] };
    const rows = await duplicateReviewsRepository.listOpen(tx, actor);
    await audit.recordMany(
      tx,
      clock,
      actor,
      rows.map((r) => r.personId),
      {
        action: "duplicate_review.listed",
        section: "liste",
        purpose: "identify",
      },
    );
    return {
      items: rows.map((r) => ({
        workItemId: r.id,
        createdAt: r.createdAt.toISOString(),
        dueDate: r.dueDate,
        displayName: personDisplayName(r),
        birthDate: r.birthDate,
      })),
    };
  },
);
