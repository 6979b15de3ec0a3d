import { createHash } from "node:crypto";
import { z } from "zod";
import { parisDate } from "../../../shared/kernel/dates";
import { itemDueDates, workItemDelays } from "../../../shared/orientation/orientation.deadlines";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import {
  decideOrientationBodySchema,
  type Organisme,
  organismeStructureKinds,
  orientationIdSchema,
  type ParcoursType,
} from "../../../shared/orientation/orientation.schema";
import { nextOrientationEtat } from "../../../shared/orientation/orientation.status";
import { audit } from "../../audit/audit";
import { contractBackToSignatureAfterReorientation } from "../../contract/contract-after-reorientation";
import { AccessDenied } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { enqueueMessage } from "../../messaging/enqueue-message";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { orientationEmail } from "../notification/orientation-email";
import { letterFilename, renderOrientationLetterPdf } from "../notification/orientation-letter";
import { loadOrientation, orientationView } from "../orientation.load";
import { organismeDecisionOf, orientationPolicy } from "../orientation.policy";
import { storedRecommendation } from "../orientation.presenter";
import { orientationRepository } from "../orientation.repository";

const input = z.intersection(decideOrientationBodySchema, z.object({ orientationId: orientationIdSchema }));

/** Where the person finds the letter and asks for a review (also printed in the letter). */
export const PERSON_ORIENTATION_PATH = "/mon-espace/orientation";

/**
 * A named professional decides (PS-22): accepts the recommendation, or chooses another orientation with a
 * reason. The record keeps the rule-set version, the inputs (the criteria, frozen from now on), the
 * recommendation, the decision, the decider and the override reason. Then, in the same transaction: the
 * orientation in force is closed, the person is notified (letter PDF, and an e-mail when there is an
 * address; that date ends the delay), the structure is assigned, « orientation à décider » is closed and
 * « 1er RDV d'accompagnement à prendre » is opened for the structure, due decision + 7 days.
 */
export const decideOrientation = useCase(
  "DecideOrientation",
  input,
  async ({ tx, actor, input, clock, ids, config }) => {
    const loaded = await loadOrientation(tx, clock, input.orientationId);
    const { o, subject, ctx } = loaded;
    // who may decide at all (403), before saying that this orientation cannot be decided now (409)
    const pro =
      actor.kind === "professional" &&
      orientationPolicy.decide(actor, { ...subject, etat: "EN_ATTENTE" }, ctx)
        ? actor
        : null;
    if (!pro)
      throw new AccessDenied("orientation.decide", {
        personId: o.personId,
        section: "orientation",
        purpose: "follow",
      });
    if (o.version !== input.version) throw orientationErrors.versionConflict(o.id, o.version);
    if (o.etat === "BROUILLON") throw orientationErrors.criteriaIncomplete(o.id);
    const etat = nextOrientationEtat(o.etat, "decide");

    const recommendation = storedRecommendation(o);
    let parcours: ParcoursType;
    let organisme: Organisme;
    if (input.decision === "ACCEPTEE") {
      if (!recommendation || recommendation.organisme === "IND" || !recommendation.parcours)
        throw orientationErrors.undeterminedCannotBeAccepted(o.id);
      parcours = recommendation.parcours;
      organisme = recommendation.organisme;
    } else {
      parcours = input.parcoursRetenu;
      organisme = input.organismeRetenu;
      if (recommendation?.parcours === parcours && recommendation.organisme === organisme)
        throw orientationErrors.sameAsRecommendation();
    }
    const structure = await orientationRepository.structure(tx, input.structureId);
    if (!structure) throw orientationErrors.structureNotFound(input.structureId);
    if (
      structure.departement !== o.departement ||
      !organismeStructureKinds[organisme].includes(structure.kind)
    ) {
      throw orientationErrors.structureMismatch(organisme, structure.id);
    }
    const person = await orientationRepository.person(tx, o.personId);
    if (!person) throw orientationErrors.notFound(o.id);

    const now = clock.now();
    const today = parisDate(now);

    // the orientation in force is replaced (at most one OUVERT per person); its first-appointment item lapses
    const previous = await orientationRepository.openOf(tx, o.personId);
    if (previous && previous.id !== o.id) {
      const to = nextOrientationEtat(previous.etat, "close");
      const v = await orientationRepository.update(tx, previous.id, previous.version, { etat: to }, now);
      if (v === undefined) throw orientationErrors.versionConflict(previous.id, previous.version);
      await orientationRepository.addTransition(tx, {
        orientationId: previous.id,
        from: previous.etat,
        to,
        event: "close",
        actor,
        at: now,
        reason: `remplacée par ${o.id}`,
      });
      await workItemsRepository.close(tx, {
        type: "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
        personId: o.personId,
        subjectId: previous.id,
        at: now,
        status: "ANNULE",
      });
    }

    const channel = person.email ? "EMAIL" : "COURRIER";
    const version = await orientationRepository.update(
      tx,
      o.id,
      o.version,
      {
        etat,
        statut: "DECIDE",
        decision: input.decision,
        decided_by: pro.id,
        decided_at: now,
        organisme_decision: organismeDecisionOf(pro),
        motif_refus: input.decision === "REFUSEE" ? input.motifRefus : null,
        commentaire_refus: input.decision === "REFUSEE" ? (input.commentaireRefus ?? null) || null : null,
        parcours_retenu: parcours,
        organisme_retenu: organisme,
        structure_id: structure.id,
        // the letter is issued (and the e-mail queued) now: this date ends the orientation delay
        notified_at: now,
        notification_channel: channel,
      },
      now,
    );
    if (version === undefined) throw orientationErrors.versionConflict(o.id, o.version);
    await orientationRepository.addTransition(tx, {
      orientationId: o.id,
      from: o.etat,
      to: etat,
      event: "decide",
      actor,
      at: now,
      reason: input.decision === "REFUSEE" ? `REFUSEE:${input.motifRefus}` : "ACCEPTEE",
    });
    await orientationRepository.markParcoursOriented(tx, o.parcoursId);

    // work items: the decision closes its item; the structure gets the first appointment to book
    await workItemsRepository.close(tx, {
      type: "DECISION_ORIENTATION_A_PRENDRE",
      personId: o.personId,
      subjectId: o.id,
      at: now,
    });
    await orientationRepository.assignStructure(tx, {
      id: ids.uuid(),
      personId: o.personId,
      structureId: structure.id,
      now,
    });
    if (previous && previous.id !== o.id) {
      // PS-15: the former group stops writing now and reads during the transition (PS-24: the hand-over)
      await orientationRepository.handOverPreviousLeads(tx, {
        personId: o.personId,
        keepStructureId: structure.id,
        readUntil: new Date(now.getTime() + config.REORIENTATION_READ_ACCESS_DAYS * 86_400_000),
      });
      // a new orientation sends the contract back to « à signer » (parcours.md §6.6)
      await contractBackToSignatureAfterReorientation(tx, clock, actor, {
        personId: o.personId,
        orientationId: o.id,
      });
    }
    await workItemsRepository.open(tx, {
      id: ids.uuid(),
      type: "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
      personId: o.personId,
      subjectId: o.id,
      departement: o.departement,
      structureId: structure.id,
      createdAt: now,
      ...itemDueDates(today, workItemDelays.premierRdv),
    });

    // notification: the letter (always: printed and posted when there is no e-mail, PS-35), and the e-mail
    const issuer = await orientationRepository.structure(tx, pro.structureId);
    const decider = await orientationRepository.professionalName(tx, pro.id);
    const spaceUrl = `${config.publicUrl}${PERSON_ORIENTATION_PATH}`;
    const lastName = person.usageName ?? person.birthName;
    const issuerName = issuer?.name ?? "Le Département";
    const pdf = await renderOrientationLetterPdf(
      {
        issuedOn: today,
        issuer: {
          name: issuerName,
          email: issuer?.email ?? null,
          phone: issuer?.phone ?? null,
          address: issuer?.address ?? null,
        },
        person: {
          sex: person.sex,
          firstNames: person.firstNames,
          lastName,
          addressLine: person.addressLine,
          postalCode: person.postalCode,
          communeName: person.communeName,
        },
        decision: {
          parcours,
          organisme,
          structure: {
            name: structure.name,
            address: structure.address,
            email: structure.email,
            phone: structure.phone,
          },
          override:
            input.decision === "REFUSEE"
              ? { motif: input.motifRefus, commentaire: input.commentaireRefus || null }
              : null,
        },
        recommendation: recommendation ?? {
          organisme: "IND",
          parcours: null,
          regleIds: [],
          versionReferentiel: null,
          explication: "",
          criteresDeterminants: [],
          criteresManquants: [],
        },
        decider: {
          name: decider ? `${decider.firstName} ${decider.lastName}` : "",
          structureName: decider?.structureName ?? issuerName,
        },
        spaceUrl,
      },
      now,
    );
    await orientationRepository.insertLetter(tx, {
      id: ids.uuid(),
      orientationId: o.id,
      personId: o.personId,
      filename: letterFilename(today),
      content: pdf,
      sha256: createHash("sha256").update(pdf).digest("hex"),
      now,
    });
    if (person.email) {
      const mail = orientationEmail({
        firstNames: person.firstNames,
        lastName,
        issuerName,
        parcours,
        organisme,
        structureName: structure.name,
        spaceUrl,
      });
      // written with the decision and its job in the job queue: sent once the decision is committed
      await enqueueMessage(
        tx,
        { clock, ids },
        {
          key: `orientation:${o.id}:notification`,
          channel: "EMAIL",
          personId: o.personId,
          to: person.email,
          subject: mail.subject,
          text: mail.text,
          relatedKind: "orientation",
          relatedId: o.id,
        },
      );
    }

    await audit.record(tx, clock, actor, {
      action: "orientation.decided",
      section: "orientation",
      purpose: "follow",
      personId: o.personId,
      details: {
        orientationId: o.id,
        decision: input.decision,
        versionReferentiel: recommendation?.versionReferentiel ?? null,
        regleIds: recommendation?.regleIds ?? [],
        recommandation: recommendation
          ? { organisme: recommendation.organisme, parcours: recommendation.parcours }
          : null,
        retenu: { organisme, parcours, structureId: structure.id },
        motifRefus: input.decision === "REFUSEE" ? input.motifRefus : null,
        notification: channel,
      },
    });
    return orientationView(tx, actor, await loadOrientation(tx, clock, o.id));
  },
);
