import { z } from "zod";
import { nextContractState, openContractStates } from "../../../shared/contract/contract.status";
import { followUpErrors } from "../../../shared/follow-up/follow-up.errors";
import {
  exitDateProblem,
  jobFollowUpSchedule,
  parisInstant,
} from "../../../shared/follow-up/follow-up.rules";
import { exitReasonLabels, recordExitBodySchema } from "../../../shared/follow-up/follow-up.schema";
import { parisDate } from "../../../shared/kernel/dates";
import { nextOrientationEtat } from "../../../shared/orientation/orientation.status";
import { workItemTypes } from "../../../shared/work-items/work-items.schema";
import { audit } from "../../audit/audit";
import { contractRepository } from "../../contract/contract.repository";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { enqueueMessage } from "../../messaging/enqueue-message";
import { orientationRepository } from "../../orientation/orientation.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { fileOf, followUpView } from "../follow-up.load";
import { followUpPolicy } from "../follow-up.policy";
import { followUpRepository } from "../follow-up.repository";
import { jobFollowUpMessage } from "../job-follow-up-message";

/**
 * The référent records the exit of the pathway with a reason from the référentiel (parcours.md §8.1).
 * In one transaction: the pathway is closed (CLOS, with its reason), the orientation in force is closed
 * (OUVERT → CLOTURE) and so is one still awaiting its decision (closed undecided), the open contract is suspended (« registration ceases » in the contract's table; it
 * closes 12 months later), the open work items lapse except the « suivi dans l'emploi » ones, and, for an
 * exit to employment, the three « suivi dans l'emploi » messages are scheduled (J+7, 1 month, 3 months).
 * The follow-up group stays: the référent keeps following the person in their job (§8.2).
 */
export const recordExit = useCase(
  "RecordExit",
  z.intersection(recordExitBodySchema, z.object({ personId: z.string().uuid() })),
  async ({ tx, actor, input, clock, ids, config }) => {
    const file = await fileOf(tx, input.personId);
    assertCan(followUpPolicy.record(actor, file), "follow_up.exit", {
      personId: input.personId,
      section: "suivi",
      purpose: "follow",
    });
    if (actor.kind !== "professional") throw new Error("unreachable: exits are recorded by professionals");
    const [facts] = await followUpRepository.facts(tx, { personId: input.personId });
    if (!facts || facts.statutSuivi === "CLOS") throw followUpErrors.noOpenPathway(input.personId);
    if (facts.version !== input.version)
      throw followUpErrors.versionConflict(facts.parcoursId, facts.version);
    const today = parisToday(clock);
    const problem = exitDateProblem(input.exitDate, today, parisDate(facts.openedAt));
    if (problem) throw followUpErrors.invalidDate("exitDate", problem);
    const now = clock.now();

    if (!(await followUpRepository.closeParcours(tx, facts.parcoursId, input.version, input.motif, now)))
      throw followUpErrors.versionConflict(facts.parcoursId, facts.version);
    const exitId = ids.uuid();
    const jobStartDate = input.motif === "EMPLOI" ? (input.jobStartDate ?? input.exitDate) : null;
    await followUpRepository.insertExit(tx, {
      id: exitId,
      parcours_id: facts.parcoursId,
      person_id: input.personId,
      motif: input.motif,
      detail: input.detail ?? null,
      exit_date: input.exitDate,
      job_start_date: jobStartDate,
      comment: input.comment || null,
      recorded_by: actor.id,
      recorded_at: now,
    });

    // the orientation in force closes with the pathway (parcours.md §3.4), through its state table, and so
    // does one still awaited (a re-orientation accepted but not decided yet), undecided: left pending, it
    // would outlive its pathway and refuse the person's next one (one pending orientation per person)
    const ofThisPathway = <T extends { parcoursId: string }>(o: T | undefined) =>
      o?.parcoursId === facts.parcoursId ? o : undefined;
    const inForce = ofThisPathway(await orientationRepository.openOf(tx, input.personId));
    const awaited = ofThisPathway(await orientationRepository.pendingOf(tx, input.personId));
    for (const orientation of [inForce, awaited]) {
      if (!orientation) continue;
      const to = nextOrientationEtat(orientation.etat, "close");
      if (
        (await orientationRepository.update(tx, orientation.id, orientation.version, { etat: to }, now)) ===
        undefined
      )
        throw followUpErrors.versionConflict(facts.parcoursId, facts.version);
      await orientationRepository.addTransition(tx, {
        orientationId: orientation.id,
        from: orientation.etat,
        to,
        event: "close",
        actor,
        at: now,
        reason: `sortie du parcours : ${input.motif}`,
      });
    }

    // the contract: « registration ceases » suspends it (parcours.md §6.6); an already suspended one stays
    const contract = await contractRepository.openOf(tx, input.personId);
    let contractState: string | null = contract?.state ?? null;
    if (contract && (openContractStates as readonly string[]).includes(contract.state)) {
      const next = nextContractState(contract.state, "suspend", contract.previous_state);
      const updated = await contractRepository.update(
        tx,
        contract.id,
        contract.version,
        { state: next.state, previous_state: next.previous },
        now,
      );
      if (updated === undefined) throw followUpErrors.versionConflict(facts.parcoursId, facts.version);
      await contractRepository.addTransition(tx, {
        contractId: contract.id,
        from: contract.state,
        to: next.state,
        event: "suspend",
        actor,
        at: now,
      });
      contractState = next.state;
    }

    // an exit closes the open work items, except those of the « suivi dans l'emploi » (parcours.md §8.1)
    let lapsed = 0;
    for (const type of workItemTypes) {
      if (type === "RETOUR_EMPLOI_DIFFICULTE") continue;
      lapsed += await workItemsRepository.close(tx, {
        type,
        personId: input.personId,
        at: now,
        status: "ANNULE",
      });
    }

    let messages = 0;
    if (jobStartDate) {
      const person = await followUpRepository.person(tx, input.personId);
      const channel = person?.email ? "EMAIL" : person?.phone ? "SMS" : null;
      // TODO(letters): with neither e-mail nor phone, the person answers with the référent (PS-34)
      if (person && channel) {
        const url = `${config.publicUrl}/mon-espace/suivi-emploi`;
        for (const s of jobFollowUpSchedule(jobStartDate)) {
          const m = jobFollowUpMessage({ firstNames: person.firstNames, slot: s.slot, url, channel });
          const r = await enqueueMessage(
            tx,
            { clock, ids },
            {
              key: `suivi-emploi:${input.personId}:${s.slot}`,
              channel,
              personId: input.personId,
              to: channel === "EMAIL" ? person.email! : person.phone!,
              subject: m.subject,
              text: m.text,
              sendAfter: parisInstant(s.on),
              relatedKind: "parcours_exit",
              relatedId: exitId,
            },
          );
          if (r.created) messages += 1;
        }
      }
    }

    await audit.record(tx, clock, actor, {
      action: "follow_up.exit_recorded",
      section: "suivi",
      purpose: "follow",
      personId: input.personId,
      details: {
        parcoursId: facts.parcoursId,
        exitId,
        motif: input.motif,
        motifLabel: exitReasonLabels[input.motif],
        orientationId: inForce?.id ?? null,
        awaitedOrientationId: awaited?.id ?? null,
        contractId: contract?.id ?? null,
        contractState,
        lapsedWorkItems: lapsed,
        jobFollowUpMessages: messages,
      },
    });
    return followUpView(tx, actor, file, today);
  },
);
