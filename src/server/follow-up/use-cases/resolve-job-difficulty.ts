import { z } from "zod";
import { followUpErrors } from "../../../shared/follow-up/follow-up.errors";
import { resolveJobDifficultyBodySchema } from "../../../shared/follow-up/follow-up.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { fileOf, followUpView } from "../follow-up.load";
import { followUpPolicy } from "../follow-up.policy";
import { followUpRepository } from "../follow-up.repository";
import { jobDifficultyRepository } from "../job-difficulty.repository";

/**
 * « Difficulté traitée » (parcours.md §8.2): the référent (or a professional who may edit the file) notes
 * what was done about the difficulty the person reported in their job (« J'ai une difficulté », « Je ne
 * suis plus en poste »). The note is kept with the « suivi dans l'emploi » and the open
 * RETOUR_EMPLOI_DIFFICULTE item is closed (FAIT), like a point d'étape closes its item.
 */
export const resolveJobDifficulty = useCase(
  "ResolveJobDifficulty",
  resolveJobDifficultyBodySchema.extend({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await fileOf(tx, input.personId);
    assertCan(followUpPolicy.record(actor, file), "follow_up.job_difficulty", {
      personId: input.personId,
      section: "suivi",
      purpose: "follow",
    });
    if (actor.kind !== "professional") throw new Error("unreachable: record is for professionals");
    const [item] = await followUpRepository.openItemsOf(tx, input.personId, ["RETOUR_EMPLOI_DIFFICULTE"]);
    if (!item) throw followUpErrors.noJobDifficulty(input.personId);
    const exit = await followUpRepository.latestJobExit(tx, input.personId);
    const now = clock.now();
    const id = ids.uuid();
    await jobDifficultyRepository.insert(tx, {
      id,
      person_id: input.personId,
      exit_id: exit?.id ?? null,
      work_item_id: item.id,
      note: input.note,
      recorded_by: actor.id,
      recorded_at: now,
    });
    await workItemsRepository.close(tx, {
      type: "RETOUR_EMPLOI_DIFFICULTE",
      personId: input.personId,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "follow_up.job_difficulty_resolved",
      section: "suivi",
      purpose: "follow",
      personId: input.personId,
      details: { outcomeId: id, workItemId: item.id },
    });
    return followUpView(tx, actor, file, parisToday(clock));
  },
);
