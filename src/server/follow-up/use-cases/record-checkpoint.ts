import { z } from "zod";
import { followUpErrors } from "../../../shared/follow-up/follow-up.errors";
import { recordCheckpointBodySchema } from "../../../shared/follow-up/follow-up.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { fileOf, followUpView } from "../follow-up.load";
import { followUpPolicy } from "../follow-up.policy";
import { followUpRepository } from "../follow-up.repository";

/**
 * The référent records a point d'étape or a corde de rappel held with the person (parcours.md §7.2, §7.3):
 * it closes the matching work item and moves the next point d'étape; it also counts as a contact.
 */
export const recordCheckpoint = useCase(
  "RecordCheckpoint",
  recordCheckpointBodySchema.extend({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await fileOf(tx, input.personId);
    assertCan(followUpPolicy.record(actor, file), "follow_up.checkpoint", {
      personId: input.personId,
      section: "suivi",
      purpose: "support",
    });
    if (actor.kind !== "professional") throw new Error("unreachable: record is for professionals");
    const today = parisToday(clock);
    if (input.heldOn > today)
      throw followUpErrors.invalidDate("heldOn", "La date ne peut pas être dans le futur.");
    if (input.outcome && input.kind !== "CORDE_DE_RAPPEL") throw followUpErrors.outcomeOnlyForCorde();
    const [facts] = await followUpRepository.facts(tx, { personId: input.personId });
    if (facts?.statutSuivi !== "ACTIF") throw followUpErrors.noOpenPathway(input.personId);
    const now = clock.now();
    const id = ids.uuid();
    await followUpRepository.insertCheckpoint(tx, {
      id,
      person_id: input.personId,
      parcours_id: facts.parcoursId,
      kind: input.kind,
      held_on: input.heldOn,
      outcome: input.outcome ?? null,
      comment: input.comment || null,
      recorded_by: actor.id,
      recorded_at: now,
    });
    await workItemsRepository.close(tx, {
      type: input.kind === "POINT_ETAPE" ? "POINT_ETAPE_A_REALISER" : "CORDE_DE_RAPPEL",
      personId: input.personId,
      at: now,
    });
    // a held interview is a contact: the drop-out alert, if any, is resolved
    await workItemsRepository.close(tx, { type: "DECROCHAGE_A_TRAITER", personId: input.personId, at: now });
    await audit.record(tx, clock, actor, {
      action: "follow_up.checkpoint_recorded",
      section: "suivi",
      purpose: "support",
      personId: input.personId,
      details: { checkpointId: id, kind: input.kind },
    });
    return followUpView(tx, actor, file, today);
  },
);
