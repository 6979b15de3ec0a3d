import { changedCriteria } from "../../../shared/orientation/orientation.criteria";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import {
  orientationIdSchema,
  updateCriteriaBodySchema,
} from "../../../shared/orientation/orientation.schema";
import {
  nextOrientationEtat,
  orientationStatut,
  pendingEtats,
} from "../../../shared/orientation/orientation.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { loadOrientation, orientationView } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";
import { storedCriteria } from "../orientation.presenter";
import { pendingEtatFor, recommendFor } from "../orientation.recommendation";
import { orientationRepository } from "../orientation.repository";

const input = updateCriteriaBodySchema.extend({ orientationId: orientationIdSchema });

/**
 * Replaces the criteria of a pending orientation and recomputes the recommendation: complete criteria
 * move it to EN_ATTENTE, missing ones back to BROUILLON (IND). A stale version is refused (409).
 */
export const updateOrientationCriteria = useCase(
  "UpdateOrientationCriteria",
  input,
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadOrientation(tx, clock, input.orientationId);
    const { o, subject, ctx } = loaded;
    // who may complete criteria at all (403), before saying that this orientation is no longer pending (409)
    const wouldBeAllowed = orientationPolicy.editCriteria(actor, { ...subject, etat: "BROUILLON" }, ctx);
    assertCan(wouldBeAllowed, "orientation.update_criteria", {
      personId: o.personId,
      section: "orientation",
      purpose: "assess",
    });
    if (!pendingEtats.includes(o.etat)) throw orientationErrors.notPending(o.id);
    if (o.version !== input.version) throw orientationErrors.versionConflict(o.id, o.version);

    const now = clock.now();
    const recommendation = await recommendFor(tx, o.departement, input.criteria, ctx.today);
    const etat = pendingEtatFor(recommendation);
    const event =
      etat === o.etat ? null : etat === "EN_ATTENTE" ? "criteria_completed" : "criteria_incomplete";
    if (event) nextOrientationEtat(o.etat, event); // the table is the authority on what may follow what
    const version = await orientationRepository.update(
      tx,
      o.id,
      o.version,
      {
        criteria: input.criteria,
        recommendation,
        rules_version: recommendation.versionReferentiel,
        etat,
        statut: orientationStatut[etat],
      },
      now,
    );
    if (version === undefined) throw orientationErrors.versionConflict(o.id, o.version);
    if (event)
      await orientationRepository.addTransition(tx, {
        orientationId: o.id,
        from: o.etat,
        to: etat,
        event,
        actor,
        at: now,
      });
    await audit.record(tx, clock, actor, {
      action: "orientation.criteria_updated",
      section: "orientation",
      purpose: "assess",
      personId: o.personId,
      // the names of the changed criteria, never their values (health, housing…)
      details: {
        orientationId: o.id,
        changed: changedCriteria(storedCriteria(o), input.criteria),
        etat,
        fromVersion: o.version,
        toVersion: version,
      },
    });
    return orientationView(tx, actor, await loadOrientation(tx, clock, o.id));
  },
);
