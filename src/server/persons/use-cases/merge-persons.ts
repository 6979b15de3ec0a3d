import { z } from "zod";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { mergePersonsBodySchema, personIdSchema } from "../../../shared/persons/persons.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../persons.policy";
import { personsRepository } from "../persons.repository";

/** Merging is a logged human action: one surviving record, the absorbed one kept as an alias,
 * its follow-ups moved; it can be undone (PS-44 to PS-46). */
export const mergePersons = useCase(
  "MergePersons",
  mergePersonsBodySchema.extend({ personId: personIdSchema }),
  async ({ tx, actor, input, clock, ids }) => {
    if (input.personId === input.absorbedId) throw personsErrors.selfMerge();
    const [surviving, absorbed] = await Promise.all([
      personsRepository.fileScope(tx, input.personId),
      personsRepository.fileScope(tx, input.absorbedId),
    ]);
    if (!surviving) throw personsErrors.notFound(input.personId);
    if (!absorbed) throw personsErrors.notFound(input.absorbedId);
    const [s, a] = [
      await personsRepository.get(tx, input.personId),
      await personsRepository.get(tx, input.absorbedId),
    ];
    // a merged record has no follow-up left: say so before the access check would refuse it
    if (s?.status !== "active") throw personsErrors.alreadyMerged(input.personId);
    if (a?.status !== "active") throw personsErrors.alreadyMerged(input.absorbedId);
    assertCan(personsPolicy.merge(actor, surviving, absorbed), "persons.merge", {
      personId: input.absorbedId,
      section: "fusion",
      purpose: "identify",
    });
    const now = clock.now();
    const moved = await personsRepository.moveFollowUps(tx, a.id, s.id);
    await personsRepository.markMerged(tx, a.id, s.id, now);
    const mergeId = ids.uuid();
    const evidence = {
      sameBirthDate: a.birthDate === s.birthDate,
      sameBirthName: a.birthName === s.birthName,
      sameFirstNames: a.firstNames === s.firstNames,
    };
    await personsRepository.insertMerge(tx, {
      id: mergeId,
      survivingId: s.id,
      absorbedId: a.id,
      operatorId: actor.id,
      reason: input.reason,
      evidence,
      movedFollowUps: moved,
      at: now,
    });
    for (const personId of [s.id, a.id]) {
      await audit.record(tx, clock, actor, {
        action: "persons.merged",
        section: "fusion",
        purpose: "identify",
        personId,
        details: { mergeId, survivingId: s.id, absorbedId: a.id },
      });
    }
    return { mergeId, survivingId: s.id, absorbedId: a.id, movedFollowUps: moved.length };
  },
);

export const undoMerge = useCase(
  "UndoMerge",
  z.object({ mergeId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const m = await personsRepository.openMerge(tx, input.mergeId);
    if (!m) throw personsErrors.mergeNotFound(input.mergeId);
    const surviving = await personsRepository.fileScope(tx, m.survivingId);
    assertCan(!!surviving && personsPolicy.merge(actor, surviving, surviving), "persons.unmerge", {
      personId: m.survivingId,
      section: "fusion",
      purpose: "identify",
    });
    const now = clock.now();
    await personsRepository.unmarkMerged(tx, m.absorbedId, now);
    await personsRepository.restoreFollowUps(tx, m.movedFollowUps, m.absorbedId);
    await personsRepository.closeMerge(tx, m.id, actor.id, now);
    for (const personId of [m.survivingId, m.absorbedId]) {
      await audit.record(tx, clock, actor, {
        action: "persons.unmerged",
        section: "fusion",
        purpose: "identify",
        personId,
        details: { mergeId: m.id },
      });
    }
    return {
      mergeId: m.id,
      survivingId: m.survivingId,
      absorbedId: m.absorbedId,
      movedFollowUps: m.movedFollowUps.length,
    };
  },
);
