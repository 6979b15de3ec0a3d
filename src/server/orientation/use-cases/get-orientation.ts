import { z } from "zod";
import { orientationIdSchema } from "../../../shared/orientation/orientation.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { loadOrientation, orientationView } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";

/** The decision screen's data: criteria, recommendation and its explanation, decision. Reading the
 * criteria is an assessment of the person's situation (audit purpose "assess"). */
export const getOrientation = useCase(
  "GetOrientation",
  z.object({ orientationId: orientationIdSchema }),
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadOrientation(tx, clock, input.orientationId);
    const personId = loaded.o.personId;
    assertCan(orientationPolicy.view(actor, loaded.subject, loaded.ctx), "orientation.read", {
      personId,
      section: "orientation",
      purpose: "assess",
    });
    await audit.record(tx, clock, actor, {
      action: "orientation.read",
      section: "orientation",
      purpose: "assess",
      personId,
      details: { orientationId: loaded.o.id },
    });
    return orientationView(tx, actor, loaded);
  },
);
