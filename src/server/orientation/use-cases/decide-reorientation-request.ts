import { z } from "zod";
import { parisDate } from "../../../shared/kernel/dates";
import {
  orientationDueDate,
  orientationDueSoonDate,
} from "../../../shared/orientation/orientation.deadlines";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import { decideReorientationBodySchema } from "../../../shared/orientation/orientation.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { contextFor } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";
import { presentReorientationRequest, storedCriteria } from "../orientation.presenter";
import { pendingEtatFor, recommendFor } from "../orientation.recommendation";
import { orientationRepository } from "../orientation.repository";

const input = z.intersection(decideReorientationBodySchema, z.object({ requestId: z.string().uuid() }));

/**
 * The chargé d'orientation examines a re-orientation request (parcours.md §3.9). Refused: the
 * accompaniment goes on, and the reason is shown to the requester. Accepted: a new orientation opens
 * (origine REORIENTATION) with the criteria of the one in force and a fresh recommendation, to be decided
 * like any other: the orientation in force stays until then, so no support ends without a decided
 * hand-over (PS-24).
 */
export const decideReorientationRequest = useCase(
  "DecideReorientationRequest",
  input,
  async ({ tx, actor, input, clock, ids }) => {
    const r = await orientationRepository.reorientationRequest(tx, input.requestId);
    if (!r) throw orientationErrors.reorientationNotFound(input.requestId);
    const now = clock.now();
    const today = parisDate(now);
    const ctx = await contextFor(tx, r.departement, today);
    assertCan(
      orientationPolicy.examineReorientation(actor, r.departement, ctx),
      "orientation.examine_reorientation",
      {
        personId: r.personId,
        section: "orientation",
        purpose: "follow",
      },
    );
    if (r.statut !== "EN_ATTENTE") throw orientationErrors.reorientationAlreadyDecided(r.id);
    if (r.version !== input.version) throw orientationErrors.reorientationVersionConflict(r.id, r.version);

    let newOrientationId: string | null = null;
    if (input.decision === "ACCEPTEE") {
      const current = await orientationRepository.get(tx, r.orientationId);
      if (!current) throw orientationErrors.notFound(r.orientationId);
      if (await orientationRepository.pendingOf(tx, r.personId))
        throw orientationErrors.orientationAlreadyPending(r.personId);
      const criteria = storedCriteria(current);
      const recommendation = await recommendFor(tx, current.departement, criteria, today);
      const etat = pendingEtatFor(recommendation);
      newOrientationId = ids.uuid();
      await orientationRepository.insert(tx, {
        id: newOrientationId,
        personId: r.personId,
        parcoursId: current.parcoursId,
        etat,
        origine: "REORIENTATION",
        criteria,
        recommendation,
        reorientationRequestId: r.id,
        now,
      });
      await orientationRepository.addTransition(tx, {
        orientationId: newOrientationId,
        from: null,
        to: "BROUILLON",
        event: "open",
        actor,
        at: now,
        reason: "REORIENTATION",
      });
      if (etat === "EN_ATTENTE") {
        await orientationRepository.addTransition(tx, {
          orientationId: newOrientationId,
          from: "BROUILLON",
          to: "EN_ATTENTE",
          event: "criteria_completed",
          actor,
          at: now,
        });
      }
      // the re-orientation is decided within the same 15 days as a first orientation, from today
      await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "DECISION_ORIENTATION_A_PRENDRE",
        personId: r.personId,
        subjectId: newOrientationId,
        departement: r.departement,
        structureId: null,
        createdAt: now,
        dueDate: orientationDueDate(today),
        dueSoonDate: orientationDueSoonDate(today),
      });
    }
    const version = await orientationRepository.decideReorientationRequest(tx, r.id, r.version, {
      statut: input.decision,
      motifDecision: input.motifDecision || null,
      decidedBy: actor.id,
      at: now,
      newOrientationId,
    });
    if (version === undefined) throw orientationErrors.reorientationVersionConflict(r.id, r.version);
    await workItemsRepository.close(tx, {
      type: "DEMANDE_REORIENTATION_A_EXAMINER",
      personId: r.personId,
      subjectId: r.id,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "orientation.reorientation_decided",
      section: "orientation",
      purpose: "follow",
      personId: r.personId,
      details: { requestId: r.id, decision: input.decision, newOrientationId },
    });
    const view = await orientationRepository.reorientationRequest(tx, r.id);
    return presentReorientationRequest(view!);
  },
);
