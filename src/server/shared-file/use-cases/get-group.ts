import { z } from "zod";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, groupView, PURPOSE, SECTION } from "../shared-file.load";

/** The person's follow-up group: who follows them, in which role, since when. Each read is audited. */
export const getGroup = useCase(
  "GetFollowUpGroup",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const file = await allowedFile(tx, actor, input.personId, "shared_file.group.read");
    await audit.record(tx, clock, actor, {
      action: "shared_file.group.read",
      section: SECTION,
      purpose: PURPOSE,
      personId: input.personId,
    });
    return groupView(tx, actor, file);
  },
);
