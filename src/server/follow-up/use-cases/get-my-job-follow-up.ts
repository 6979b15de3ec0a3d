import { z } from "zod";
import { currentJobSlot } from "../../../shared/follow-up/follow-up.rules";
import type { JobSlot, MyJobFollowUp } from "../../../shared/follow-up/follow-up.schema";
import type { LocalDate } from "../../../shared/kernel/dates";
import { audit } from "../../audit/audit";
import type { Db } from "../../db/connect";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { followUpRepository } from "../follow-up.repository";

/** The person's « suivi dans l'emploi »: the latest exit to employment and the answers already given. */
export async function myJobFollowUpView(tx: Db, personId: string, today: LocalDate): Promise<MyJobFollowUp> {
  const exit = await followUpRepository.latestJobExit(tx, personId);
  if (!exit?.job_start_date) return { active: false, jobStartDate: null, currentSlot: null, answers: [] };
  const answers = await followUpRepository.answers(tx, exit.id);
  return {
    active: true,
    jobStartDate: exit.job_start_date,
    currentSlot: currentJobSlot(exit.job_start_date, today),
    answers: answers.map((a) => ({
      answer: a.answer,
      slot: a.slot as JobSlot | null,
      comment: a.comment,
      answeredAt: a.answered_at.toISOString(),
    })),
  };
}

export const getMyJobFollowUp = useCase("GetMyJobFollowUp", z.object({}), async ({ tx, actor, clock }) => {
  assertCan(actor.kind === "person", "follow_up.read_own_job", { section: "suivi", purpose: "follow" });
  await audit.record(tx, clock, actor, {
    action: "follow_up.read_own_job",
    section: "suivi",
    purpose: "follow",
    personId: actor.id,
  });
  return myJobFollowUpView(tx, actor.id, parisToday(clock));
});
