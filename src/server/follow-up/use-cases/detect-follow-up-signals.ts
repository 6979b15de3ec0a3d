// DetectFollowUpSignals (parcours.md §7.2–§7.4): for every person in accompaniment, opens the work items
// the follow-up rules call for, once (at most one open item per type and person): the point d'étape and
// the corde de rappel from 30 days before they are due, and the drop-out alert (no contact for N weeks,
// repeated absences), which lapses by itself once the signal is gone; it also closes the contracts suspended
// for 12 months and the follow-ups on hold for more than 12 months (`closeLapsedVeilles`). Run nightly by
// `socle suivi detecter`, and callable from a scheduler.
import { z } from "zod";
import { closesAfterSuspension } from "../../../shared/contract/contract.deadlines";
import { nextContractState } from "../../../shared/contract/contract.status";
import {
  DROPOUT_DUE_DAYS,
  DROPOUT_DUE_SOON_DAYS,
  scheduledItem,
} from "../../../shared/follow-up/follow-up.rules";
import { addDays, parisDate } from "../../../shared/kernel/dates";
import type { WorkItemType } from "../../../shared/work-items/work-items.schema";
import { audit } from "../../audit/audit";
import { contractRepository } from "../../contract/contract.repository";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { closeLapsedSuspensions, closeLapsedVeilles } from "../close-lapsed-veilles";
import { evaluate } from "../follow-up.load";
import { followUpPolicy } from "../follow-up.policy";
import { followUpRepository } from "../follow-up.repository";

export const detectFollowUpSignalsInputSchema = z.object({
  /** overrides every département's drop-out threshold (⚙ decrochage.sansContactSemaines) for this run */
  dropoutWeeks: z.number().int().min(1).max(52).optional(),
});

type Opened = Record<"POINT_ETAPE_A_REALISER" | "CORDE_DE_RAPPEL" | "DECROCHAGE_A_TRAITER", number>;

export const detectFollowUpSignals = useCase(
  "DetectFollowUpSignals",
  detectFollowUpSignalsInputSchema,
  async ({ tx, actor, input, clock, ids }) => {
    assertCan(followUpPolicy.detect(actor), "follow_up.detect");
    const now = clock.now();
    const today = parisToday(clock);
    const facts = await followUpRepository.facts(tx, { active: true });
    const personIds = facts.map((f) => f.personId);
    const attendance = await followUpRepository.attendance(tx, personIds);
    const withDropout = await followUpRepository.withOpenItem(tx, "DECROCHAGE_A_TRAITER", personIds);
    const opened: Opened = { POINT_ETAPE_A_REALISER: 0, CORDE_DE_RAPPEL: 0, DECROCHAGE_A_TRAITER: 0 };
    let dropoutsResolved = 0;

    for (const f of facts) {
      const e = evaluate(
        input.dropoutWeeks ? { ...f, dropoutWeeks: input.dropoutWeeks } : f,
        attendance.get(f.personId) ?? [],
        today,
      );
      const open = async (type: keyof Opened, dueDate: string, dueSoonDate: string, rule: string) => {
        const item = await workItemsRepository.open(tx, {
          id: ids.uuid(),
          type: type satisfies WorkItemType,
          personId: f.personId,
          subjectId: null,
          departement: f.departement,
          structureId: f.referentStructureId ?? f.orientationStructureId ?? null,
          assigneeId: f.referentProfessionalId ?? null,
          createdAt: now,
          dueDate,
          dueSoonDate,
        });
        if (!item.created) return;
        opened[type] += 1;
        await audit.record(tx, clock, actor, {
          action: "follow_up.item_opened",
          section: "suivi",
          purpose: "follow",
          personId: f.personId,
          details: { workItemId: item.id, type, rule },
        });
      };

      if (e.nextPointEtape) {
        const s = scheduledItem(e.nextPointEtape, today);
        if (s.open) await open("POINT_ETAPE_A_REALISER", s.dueDate, s.dueSoonDate, "point_etape");
      }
      if (e.cordeDeRappel) {
        const s = scheduledItem(e.cordeDeRappel, today);
        if (s.open) await open("CORDE_DE_RAPPEL", s.dueDate, s.dueSoonDate, "corde_de_rappel");
      }
      if (e.dropout?.flagged) {
        const rule = e.dropout.noContactSince ? "sans_contact" : "absences";
        await open(
          "DECROCHAGE_A_TRAITER",
          addDays(today, DROPOUT_DUE_DAYS),
          addDays(today, DROPOUT_DUE_SOON_DAYS),
          rule,
        );
      } else if (withDropout.has(f.personId)) {
        // contact re-established: the alert lapses by itself (the event closes it, not a manual tick)
        dropoutsResolved += await workItemsRepository.close(tx, {
          type: "DECROCHAGE_A_TRAITER",
          personId: f.personId,
          at: now,
        });
      }
    }
    // PS-15: the former follow-up group's transition after a reorientation is over: its read access ends
    const lapsed = await followUpRepository.endLapsedReadAccess(tx, now);
    for (const l of lapsed) {
      await audit.record(tx, clock, actor, {
        action: "follow_up.read_access_ended",
        section: "suivi",
        purpose: "follow",
        personId: l.personId,
        details: { followUpId: l.id, structureId: l.structureId, rule: "PS-15" },
      });
    }
    // a contract suspended 12 months ago (registration ceased) is closed (parcours.md §6.6)
    let contractsClosed = 0;
    for (const c of await contractRepository.suspended(tx)) {
      if (!closesAfterSuspension(parisDate(new Date(c.suspendedAt)), today)) continue;
      const next = nextContractState(c.state, "close", c.previousState);
      const v = await contractRepository.update(
        tx,
        c.id,
        c.version,
        { state: next.state, previous_state: next.previous },
        now,
      );
      if (v === undefined) continue; // resumed meanwhile: the next run looks again
      await contractRepository.addTransition(tx, {
        contractId: c.id,
        from: c.state,
        to: next.state,
        event: "close",
        actor,
        at: now,
      });
      await audit.record(tx, clock, actor, {
        action: "contract.closed",
        section: "contrat",
        purpose: "follow",
        personId: c.personId,
        details: { contractId: c.id, rule: "suspendu_12_mois" },
      });
      contractsClosed += 1;
    }
    // a follow-up on hold for more than 12 months is over (parcours.md §2.4)
    const veillesClosed = await closeLapsedVeilles(tx, { clock }, actor, today);
    // and so is one whose right has been suspended for more than 12 months
    const suspensionsClosed = await closeLapsedSuspensions(tx, { clock }, actor, today);
    return {
      examined: facts.length,
      opened,
      dropoutsResolved,
      readAccessEnded: lapsed.length,
      contractsClosed,
      veillesClosed,
      suspensionsClosed,
    };
  },
);
