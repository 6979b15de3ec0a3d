import { followUpErrors } from "../../../shared/follow-up/follow-up.errors";
import {
  addWorkingDays,
  currentJobSlot,
  JOB_ALERT_WORKING_DAYS,
  jobAnswerNeedsReferent,
} from "../../../shared/follow-up/follow-up.rules";
import { answerJobFollowUpBodySchema } from "../../../shared/follow-up/follow-up.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { personsRepository } from "../../persons/persons.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { followUpPolicy } from "../follow-up.policy";
import { followUpRepository } from "../follow-up.repository";
import { myJobFollowUpView } from "./get-my-job-follow-up";

/**
 * The person answers « Comment se passe votre emploi ? » in their space (parcours.md §8.2). « J'ai une
 * difficulté » and « Je ne suis plus en poste » open RETOUR_EMPLOI_DIFFICULTE for the référent's structure
 * (one open item per person), due within two working days. Every answer is kept.
 */
export const answerJobFollowUp = useCase(
  "AnswerJobFollowUp",
  answerJobFollowUpBodySchema,
  async ({ tx, actor, input, clock, ids }) => {
    assertCan(followUpPolicy.answerJobFollowUp(actor, actor.id), "follow_up.answer_job", {
      section: "suivi",
      purpose: "follow",
    });
    const personId = actor.id;
    const exit = await followUpRepository.latestJobExit(tx, personId);
    if (!exit?.job_start_date) throw followUpErrors.noJobFollowUp();
    const now = clock.now();
    const today = parisToday(clock);
    const answerId = ids.uuid();
    await followUpRepository.insertAnswer(tx, {
      id: answerId,
      person_id: personId,
      exit_id: exit.id,
      slot: currentJobSlot(exit.job_start_date, today),
      answer: input.answer,
      comment: input.comment || null,
      answered_at: now,
    });
    let workItemId: string | null = null;
    if (jobAnswerNeedsReferent(input.answer)) {
      const file = await personsRepository.fileScope(tx, personId);
      const referent = file?.followUps.find((u) => u.role === "referent") ?? file?.followUps[0];
      const item = await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "RETOUR_EMPLOI_DIFFICULTE",
        personId,
        subjectId: null,
        departement: file?.departement ?? "",
        structureId: referent?.structureId ?? null,
        assigneeId: referent?.professionalId ?? null,
        createdAt: now,
        dueDate: addWorkingDays(today, JOB_ALERT_WORKING_DAYS),
        dueSoonDate: today,
      });
      workItemId = item.id;
    }
    await audit.record(tx, clock, actor, {
      action: "follow_up.job_answered",
      section: "suivi",
      purpose: "follow",
      personId,
      details: { exitId: exit.id, answerId, answer: input.answer, workItemId },
    });
    return myJobFollowUpView(tx, personId, today);
  },
);
