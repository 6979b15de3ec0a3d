import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { endGroupMemberBodySchema } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, groupView, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { groupNotice } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/**
 * Ends a co-référent's or member's place in the follow-up group, with a reason (GroupeSuivi.motifFin).
 * The référent is not removed here: a change of référent follows the orientation. The person is told.
 */
export const endGroupMember = useCase(
  "EndFollowUpGroupMember",
  endGroupMemberBodySchema.extend({ personId: z.string().uuid(), followUpId: z.string().uuid() }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await allowedFile(
      tx,
      actor,
      input.personId,
      "shared_file.group.member_ended",
      sharedFilePolicy.manageGroup,
    );
    if (actor.kind !== "professional") throw new Error("unreachable: only professionals manage a group");
    const member = await sharedFileRepository.activeFollowUp(tx, file.personId, input.followUpId);
    if (!member) throw sharedFileErrors.memberNotFound(input.followUpId);
    if (member.role === "referent") throw sharedFileErrors.referentNotRemovable();

    const now = clock.now();
    await sharedFileRepository.endFollowUp(tx, member.id, now);
    await sharedFileRepository.insertChange(tx, {
      id: ids.uuid(),
      follow_up_id: member.id,
      person_id: file.personId,
      change: "FIN",
      role: member.role,
      structure_id: member.structure_id,
      professional_id: member.professional_id,
      reason: input.reason,
      actor_id: actor.id,
      at: now,
    });
    const structure = await sharedFileRepository.structure(tx, member.structure_id);
    const professional = member.professional_id
      ? await sharedFileRepository.professional(tx, member.professional_id)
      : null;
    const structureName = structure?.name ?? "";
    const who = professional ? `${professional.firstName} ${professional.lastName}` : structureName;
    await sharedFileRepository.insertNotice(tx, {
      id: ids.uuid(),
      person_id: file.personId,
      kind: "GROUPE_FIN",
      message: groupNotice("FIN", who, structureName),
      related_id: member.id,
      created_at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "shared_file.group.member_ended",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: { followUpId: member.id, role: member.role },
    });
    return groupView(tx, actor, file);
  },
);
