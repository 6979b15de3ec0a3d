// The merge screen's data: the two files of a possible duplicate side by side, what they share, and
// whether this professional may merge them (persons policy) or close the review.
import { z } from "zod";
import type { DuplicateReviewView } from "../../../shared/registration/duplicate-review.schema";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { audit } from "../../audit/audit";
import type { Db } from "../../db/connect";
import { type Actor, assertCan } from "../../kernel/access";
import type { Secrets } from "../../kernel/secrets";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { duplicateEvidence, presentPersonCard } from "../duplicate-review.presenter";
import { duplicateReviewsRepository } from "../duplicate-reviews.repository";
import { duplicateReviewPolicy } from "../registration.policy";

type Item = NonNullable<Awaited<ReturnType<typeof duplicateReviewsRepository.get>>>;

/** Shared by the read and the resolution: the view of an item the actor may see. */
export async function loadDuplicateReview(
  tx: Db,
  secrets: Secrets,
  actor: Actor,
  item: Item,
): Promise<DuplicateReviewView> {
  const otherId = item.subjectId ?? item.personId;
  const [a, b] = [await personsRepository.get(tx, item.personId), await personsRepository.get(tx, otherId)];
  if (!a || !b) throw registrationErrors.duplicateReviewNotFound(item.id);
  const [sa, sb] = [await personsRepository.fileScope(tx, a.id), await personsRepository.fileScope(tx, b.id)];
  const created = await tx
    .selectFrom("persons")
    .select(["id", "created_at"])
    .where("id", "in", [a.id, b.id])
    .execute();
  const createdAt = (id: string) => created.find((c) => c.id === id)?.created_at ?? new Date(0);
  const open = item.status === "A_FAIRE" || item.status === "EN_COURS";
  return {
    workItemId: item.id,
    status: item.status,
    createdAt: item.createdAt.toISOString(),
    dueDate: item.dueDate,
    first: presentPersonCard(secrets, a, await personsRepository.followUpsOf(tx, a.id), createdAt(a.id)),
    second: presentPersonCard(secrets, b, await personsRepository.followUpsOf(tx, b.id), createdAt(b.id)),
    evidence: duplicateEvidence(secrets, a, b),
    canMerge:
      open &&
      a.status === "active" &&
      b.status === "active" &&
      !!sa &&
      !!sb &&
      personsPolicy.merge(actor, sa, sb),
    canResolve: open && duplicateReviewPolicy.resolve(actor, item),
  };
}

export const getDuplicateReview = useCase(
  "GetDuplicateReview",
  z.object({ workItemId: z.string().uuid() }),
  async ({ tx, actor, input, clock, secrets }) => {
    const item = await duplicateReviewsRepository.get(tx, input.workItemId);
    if (!item) throw registrationErrors.duplicateReviewNotFound(input.workItemId);
    assertCan(duplicateReviewPolicy.view(actor, item), "duplicate_review.read", {
      personId: item.personId,
      section: "fusion",
      purpose: "identify",
    });
    const view = await loadDuplicateReview(tx, secrets, actor, item);
    await audit.recordMany(tx, clock, actor, [view.first.id, view.second.id], {
      action: "duplicate_review.read",
      section: "fusion",
      purpose: "identify",
      details: { workItemId: item.id },
    });
    return view;
  },
);
