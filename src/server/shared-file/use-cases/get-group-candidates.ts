import { z } from "zod";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { sharedFileRepository } from "../shared-file.repository";

/** Who can be added to the group: the structures of the person's département and their professionals. */
export const getGroupCandidates = useCase(
  "GetFollowUpGroupCandidates",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const file = await allowedFile(
      tx,
      actor,
      input.personId,
      "shared_file.group.candidates",
      sharedFilePolicy.manageGroup,
    );
    await audit.record(tx, clock, actor, {
      action: "shared_file.group.candidates",
      section: SECTION,
      purpose: PURPOSE,
      personId: input.personId,
    });
    return { structures: await sharedFileRepository.candidates(tx, file.departement) };
  },
);
