import { z } from "zod";
import { type MyOrientationView, orientationLetterUrl } from "../../../shared/orientation/orientation.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { storedRecommendation } from "../orientation.presenter";
import { orientationRepository } from "../orientation.repository";

/** The person's orientation in their space: the one in force (organisme, parcours, structure, date, the
 * main criteria of the computed proposal, the letter), and whether a decision is pending (PS-24). */
export const getMyOrientation = useCase(
  "GetMyOrientation",
  z.object({}),
  async ({ tx, actor, clock }): Promise<MyOrientationView> => {
    assertCan(actor.kind === "person", "orientation.read_own", { section: "orientation", purpose: "follow" });
    const open = await orientationRepository.openOf(tx, actor.id);
    const pending = await orientationRepository.pendingOf(tx, actor.id);
    await audit.record(tx, clock, actor, {
      action: "orientation.read_own",
      section: "orientation",
      purpose: "follow",
      personId: actor.id,
    });
    let current: MyOrientationView["current"] = null;
    if (open?.decidedAt && open.parcoursRetenu && open.organismeRetenu) {
      const structure = open.structureId
        ? await orientationRepository.structure(tx, open.structureId)
        : undefined;
      const rec = storedRecommendation(open);
      current = {
        id: open.id,
        parcours: open.parcoursRetenu,
        organisme: open.organismeRetenu,
        structure: structure
          ? {
              id: structure.id,
              name: structure.name,
              kind: structure.kind,
              address: structure.address,
              email: structure.email,
              phone: structure.phone,
            }
          : null,
        decidedAt: open.decidedAt.toISOString(),
        notifiedAt: open.notifiedAt ? open.notifiedAt.toISOString() : null,
        override: open.decision === "REFUSEE",
        criteresDeterminants: rec?.criteresDeterminants.map((c) => c.libelle) ?? [],
        versionReferentiel: rec?.versionReferentiel ?? null,
        letterUrl: orientationLetterUrl(open.id),
      };
    }
    const item = pending
      ? await workItemsRepository.forSubject(tx, "DECISION_ORIENTATION_A_PRENDRE", pending.id)
      : undefined;
    return {
      current,
      pending: pending ? { since: pending.createdAt.toISOString(), dueDate: item?.dueDate ?? null } : null,
    };
  },
);
