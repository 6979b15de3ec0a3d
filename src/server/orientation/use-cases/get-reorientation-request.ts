import { z } from "zod";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { contextFor } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";
import { presentReorientationRequest } from "../orientation.presenter";
import { orientationRepository } from "../orientation.repository";

/** A re-orientation request: for the officers who examine it and the person's follow-up group (the
 * requester reads the reason of a refusal here). */
export const getReorientationRequest = useCase(
  "GetReorientationRequest",
  z.object({ requestId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const r = await orientationRepository.reorientationRequest(tx, input.requestId);
    if (!r) throw orientationErrors.reorientationNotFound(input.requestId);
    const ctx = await contextFor(tx, r.departement, parisToday(clock));
    const file = await personsRepository.fileScope(tx, r.personId);
    const allowed =
      orientationPolicy.examineReorientation(actor, r.departement, ctx) ||
      (!!file && personsPolicy.view(actor, file));
    assertCan(allowed, "orientation.read_reorientation", {
      personId: r.personId,
      section: "orientation",
      purpose: "follow",
    });
    await audit.record(tx, clock, actor, {
      action: "orientation.read_reorientation",
      section: "orientation",
      purpose: "follow",
      personId: r.personId,
      details: { requestId: r.id },
    });
    return presentReorientationRequest(r);
  },
);
