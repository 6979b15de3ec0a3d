// DetectAbandonedRegistrations (parcours.md §1.4): a draft left unfinished for `abandonDays` days
// (⚙ inscription.abandonJours, 7 by default) raises INSCRIPTION_ABANDONNEE, once per draft, for the
// counter that started it, else the Département's service covering the person's commune, else the
// département's queue. Run by `socle registrations detect-abandoned`, and callable from a scheduler.
// A draft made at a counter for a person who has no file yet has no file to attach a work item to:
// it stays in that counter's list of drafts to finish (GET /api/registrations) and is counted here.
import { z } from "zod";
import { addDays, parisDate } from "../../../shared/kernel/dates";
import {
  DEFAULT_ABANDON_DAYS,
  isAbandoned,
  OUTREACH_DUE_DAYS,
  OUTREACH_DUE_SOON_DAYS,
  outreachStructure,
} from "../../../shared/registration/registration.rules";
import type { RegistrationData } from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { registrationsRepository } from "../registration.repository";

export const detectAbandonedRegistrationsInputSchema = z.object({
  abandonDays: z.number().int().min(1).max(365).default(DEFAULT_ABANDON_DAYS),
});

export const detectAbandonedRegistrations = useCase(
  "DetectAbandonedRegistrations",
  detectAbandonedRegistrationsInputSchema,
  async ({ tx, actor, input, clock, ids }) => {
    assertCan(actor.kind === "system", "registration.detect_abandoned");
    const now = clock.now();
    const today = parisToday(clock);
    // a superset by instant; the rule decides on Paris calendar dates
    const before = new Date(now.getTime() - (input.abandonDays - 1) * 86_400_000);
    const idle = await registrationsRepository.draftsIdleSince(tx, before);
    let reported = 0;
    let withoutFile = 0;
    const workItemIds: string[] = [];
    for (const d of idle) {
      if (!isAbandoned(parisDate(d.updatedAt), today, input.abandonDays)) continue;
      if (!d.personId) {
        withoutFile += 1;
        continue;
      }
      const commune = (d.data as RegistrationData).identite?.adresse?.codeCommune ?? d.personCommune;
      const covering = commune ? await registrationsRepository.coveringStructures(tx, commune) : [];
      const item = await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "INSCRIPTION_ABANDONNEE",
        personId: d.personId,
        subjectId: d.id,
        departement: d.personDepartement ?? d.departement,
        structureId: outreachStructure(
          d.startedByStructureId,
          covering.map((c) => ({ ...c, coveredCommunes: Number(c.coveredCommunes) })),
        ),
        createdAt: now,
        dueDate: addDays(today, OUTREACH_DUE_DAYS),
        dueSoonDate: addDays(today, OUTREACH_DUE_SOON_DAYS),
      });
      await registrationsRepository.markAbandonmentReported(tx, d.id, now);
      await audit.record(tx, clock, actor, {
        action: "registration.abandonment_reported",
        section: "inscription",
        purpose: "follow",
        personId: d.personId,
        details: { registrationId: d.id, workItemId: item.id },
      });
      workItemIds.push(item.id);
      reported += 1;
    }
    return { examined: idle.length, reported, withoutFile, workItemIds };
  },
);
