import { parisDate } from "../../../shared/kernel/dates";
import { itemDueDates, workItemDelays } from "../../../shared/orientation/orientation.deadlines";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import {
  organismeStructureKinds,
  orientationIdSchema,
  requestReorientationBodySchema,
} from "../../../shared/orientation/orientation.schema";
import { audit } from "../../audit/audit";
import { AccessDenied } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { loadOrientation } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";
import { presentReorientationRequest } from "../orientation.presenter";
import { orientationRepository } from "../orientation.repository";

const input = requestReorientationBodySchema.extend({ orientationId: orientationIdSchema });

/**
 * The référent (or the structure that follows) asks for a re-orientation of a decided orientation
 * (parcours.md §3.9): the request is pending and « Demande de réorientation à examiner » opens for the
 * département's chargés d'orientation, due in 15 days.
 */
export const requestReorientation = useCase(
  "RequestReorientation",
  input,
  async ({ tx, actor, input, clock, ids }) => {
    const { o, subject } = await loadOrientation(tx, clock, input.orientationId);
    const pro =
      actor.kind === "professional" && orientationPolicy.requestReorientation(actor, subject) ? actor : null;
    if (!pro)
      throw new AccessDenied("orientation.request_reorientation", {
        personId: o.personId,
        section: "orientation",
        purpose: "follow",
      });
    if (o.etat !== "OUVERT") throw orientationErrors.notDecided(o.id);
    if (await orientationRepository.pendingReorientationRequestOf(tx, o.personId))
      throw orientationErrors.reorientationAlreadyPending(o.personId);
    if (input.structureSouhaiteeId) {
      const s = await orientationRepository.structure(tx, input.structureSouhaiteeId);
      if (!s) throw orientationErrors.structureNotFound(input.structureSouhaiteeId);
      if (
        s.departement !== o.departement ||
        !organismeStructureKinds[input.organismeSouhaite].includes(s.kind)
      ) {
        throw orientationErrors.structureMismatch(input.organismeSouhaite, s.id);
      }
    }
    const now = clock.now();
    const id = ids.uuid();
    await orientationRepository.insertReorientationRequest(tx, {
      id,
      person_id: o.personId,
      orientation_id: o.id,
      departement: o.departement,
      requested_by: pro.id,
      motif: input.motif,
      parcours_souhaite: input.parcoursSouhaite,
      organisme_souhaite: input.organismeSouhaite,
      structure_souhaitee_id: input.structureSouhaiteeId ?? null,
      created_at: now,
    });
    await workItemsRepository.open(tx, {
      id: ids.uuid(),
      type: "DEMANDE_REORIENTATION_A_EXAMINER",
      personId: o.personId,
      subjectId: id,
      departement: o.departement,
      structureId: null,
      createdAt: now,
      ...itemDueDates(parisDate(now), workItemDelays.demandeReorientation),
    });
    await audit.record(tx, clock, actor, {
      action: "orientation.reorientation_requested",
      section: "orientation",
      purpose: "follow",
      personId: o.personId,
      details: {
        orientationId: o.id,
        requestId: id,
        organismeSouhaite: input.organismeSouhaite,
        parcoursSouhaite: input.parcoursSouhaite,
      },
    });
    const view = await orientationRepository.reorientationRequest(tx, id);
    return presentReorientationRequest(view!);
  },
);
