import { z } from "zod";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { fileOf, followUpView } from "../follow-up.load";
import { followUpPolicy } from "../follow-up.policy";

/** The « Suivi » of a person's file: next point d'étape, corde de rappel, drop-out signals, exit. Audited. */
export const getFollowUp = useCase(
  "GetFollowUp",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const file = await fileOf(tx, input.personId);
    assertCan(followUpPolicy.view(actor, file), "follow_up.read", {
      personId: input.personId,
      section: "suivi",
      purpose: "follow",
    });
    await audit.record(tx, clock, actor, {
      action: "follow_up.read",
      section: "suivi",
      purpose: "follow",
      personId: input.personId,
    });
    return followUpView(tx, actor, file, parisToday(clock));
  },
);
