import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { addGroupMemberBodySchema } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { useCase } from "../../kernel/use-case";
import { allowedFile, groupView, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { groupNotice } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/**
 * The référent, a co-référent or the admin of the following structure adds a professional or a whole
 * structure to the follow-up group, as co-référent or member (parcours.md §7.1). It happens with the
 * person's knowledge: a notice in their space says who joined, and the change is logged and audited.
 */
export const addGroupMember = useCase(
  "AddFollowUpGroupMember",
  addGroupMemberBodySchema.extend({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await allowedFile(
      tx,
      actor,
      input.personId,
      "shared_file.group.member_added",
      sharedFilePolicy.manageGroup,
    );
    if (actor.kind !== "professional") throw new Error("unreachable: only professionals manage a group");
    const structure = await sharedFileRepository.structure(tx, input.structureId);
    if (!structure) throw sharedFileErrors.structureNotFound(input.structureId);
    const professional = input.professionalId
      ? await sharedFileRepository.activeProfessionalIn(tx, input.professionalId, structure.id)
      : null;
    if (input.professionalId && !professional)
      throw sharedFileErrors.professionalNotInStructure(input.professionalId);
    if (await sharedFileRepository.sameActiveMember(tx, file.personId, structure.id, input.professionalId))
      throw sharedFileErrors.alreadyMember();

    const now = clock.now();
    const followUpId = ids.uuid();
    await sharedFileRepository.insertFollowUp(tx, {
      id: followUpId,
      personId: file.personId,
      structureId: structure.id,
      professionalId: input.professionalId,
      role: input.role,
      at: now,
    });
    await sharedFileRepository.insertChange(tx, {
      id: ids.uuid(),
      follow_up_id: followUpId,
      person_id: file.personId,
      change: "AJOUT",
      role: input.role,
      structure_id: structure.id,
      professional_id: input.professionalId,
      reason: null,
      actor_id: actor.id,
      at: now,
    });
    const who = professional ? `${professional.firstName} ${professional.lastName}` : structure.name;
    await sharedFileRepository.insertNotice(tx, {
      id: ids.uuid(),
      person_id: file.personId,
      kind: "GROUPE_AJOUT",
      message: groupNotice("AJOUT", who, structure.name),
      related_id: followUpId,
      created_at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "shared_file.group.member_added",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
      details: {
        followUpId,
        structureId: structure.id,
        professionalId: input.professionalId,
        role: input.role,
      },
    });
    return groupView(tx, actor, file);
  },
);
