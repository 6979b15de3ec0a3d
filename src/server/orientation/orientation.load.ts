// Reads shared by the orientation use cases: an orientation with its access subject and context
// (delegation, Paris today), and everything its view shows. Use cases do not call each other.
import type { LocalDate } from "../../shared/kernel/dates";
import { orientationErrors } from "../../shared/orientation/orientation.errors";
import type { Organisme } from "../../shared/orientation/orientation.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import { type Clock, parisToday } from "../kernel/clock";
import { personsRepository } from "../persons/persons.repository";
import { workItemsRepository } from "../work-items/work-items.repository";
import { type OrientationContext, type OrientationSubject, orientationPolicy } from "./orientation.policy";
import {
  presentOrientation,
  storedCriteria,
  storedRecommendation,
  structureOptions,
} from "./orientation.presenter";
import { type OrientationRecord, orientationRepository } from "./orientation.repository";

export type LoadedOrientation = {
  o: OrientationRecord;
  subject: OrientationSubject;
  ctx: OrientationContext;
};

export async function loadOrientation(
  tx: Db,
  clock: Clock,
  orientationId: string,
): Promise<LoadedOrientation> {
  const o = await orientationRepository.get(tx, orientationId);
  if (!o) throw orientationErrors.notFound(orientationId);
  return { o, ...(await subjectOf(tx, clock, o)) };
}

export async function subjectOf(tx: Db, clock: Clock, o: OrientationRecord) {
  const file = (await personsRepository.fileScope(tx, o.personId)) ?? {
    personId: o.personId,
    departement: o.departement,
    followUps: [],
  };
  const subject: OrientationSubject = {
    personId: o.personId,
    departement: o.departement,
    etat: o.etat,
    t0: o.t0,
    decidedBy: o.decidedBy,
    file,
  };
  const ctx: OrientationContext = {
    delegation: await orientationRepository.delegation(tx, o.departement),
    today: parisToday(clock),
  };
  return { subject, ctx };
}

export async function contextFor(tx: Db, departement: string, today: LocalDate): Promise<OrientationContext> {
  return { delegation: await orientationRepository.delegation(tx, departement), today };
}

/** Everything the orientation view shows, for this actor. */
export async function orientationView(tx: Db, actor: Actor, loaded: LoadedOrientation) {
  const { o, subject, ctx } = loaded;
  const person = await orientationRepository.person(tx, o.personId);
  if (!person) throw orientationErrors.notFound(o.id);
  const canDecide = orientationPolicy.decide(actor, subject, ctx);
  const pendingRequest = await orientationRepository.pendingReorientationRequestOf(tx, o.personId);
  const requestId = o.reorientationRequestId ?? pendingRequest ?? null;
  const request = requestId ? await orientationRepository.reorientationRequest(tx, requestId) : undefined;
  const decisionItem = await workItemsRepository.forSubject(tx, "DECISION_ORIENTATION_A_PRENDRE", o.id);
  const firstAppointment = await workItemsRepository.forSubject(
    tx,
    "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
    o.id,
  );
  const recommendation = storedRecommendation(o);
  let options: ReturnType<typeof structureOptions> = [];
  if (canDecide) {
    const commune = storedCriteria(o).adresse?.code_commune ?? person.communeCode;
    const target = recommendation && recommendation.organisme !== "IND" ? recommendation.organisme : null;
    options = structureOptions(
      await orientationRepository.structuresOf(tx, o.departement, commune),
      target as Organisme | null,
    );
  }
  const decider = o.decidedBy ? await orientationRepository.professionalName(tx, o.decidedBy) : undefined;
  const structure = o.structureId ? await orientationRepository.structure(tx, o.structureId) : undefined;
  return presentOrientation({
    o,
    person,
    decider: decider ?? null,
    structure: structure ?? null,
    decisionDue: decisionItem
      ? { dueDate: decisionItem.dueDate, dueSoonDate: decisionItem.dueSoonDate }
      : null,
    firstAppointment: firstAppointment ?? null,
    request:
      request && (request.orientationId === o.id || request.newOrientationId === o.id) ? request : null,
    hasLetter: await orientationRepository.hasLetter(tx, o.id),
    actions: {
      canEditCriteria: orientationPolicy.editCriteria(actor, subject, ctx),
      canDecide,
      canRequestReorientation:
        orientationPolicy.requestReorientation(actor, subject) && o.etat === "OUVERT" && !pendingRequest,
    },
    structureOptions: options,
  });
}
