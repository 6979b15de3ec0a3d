import { z } from "zod";
import { reviewDueDates } from "../../../shared/contract/contract.deadlines";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema, signContractBodySchema } from "../../../shared/contract/contract.schema";
import { nextContractState } from "../../../shared/contract/contract.status";
import { parisDate } from "../../../shared/kernel/dates";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/**
 * The person signs the version to sign: in their space (ELECTRONIQUE), or in person, recorded by a
 * professional with the person's acknowledgement (PAPIER). The signature opens the « clause de revoyure »
 * work item for the référent's structure, due 6 months later (parcours.md §6.5).
 */
export const signContract = useCase(
  "SignContract",
  z.intersection(signContractBodySchema, z.object({ contractId: contractIdSchema })),
  async ({ tx, actor, input, clock, ids }) => {
    const loaded = await loadContract(tx, input.contractId);
    const { c, file } = loaded;
    assertCan(contractPolicy.sign(actor, file), "contract.sign", {
      personId: c.person_id,
      section: "contrat",
      purpose: "support",
    });
    if (actor.kind === "professional" && input.accuseReceptionPersonne !== true)
      throw contractErrors.acknowledgementRequired();
    if (c.version !== input.version) throw contractErrors.versionConflict(c.id, c.version);
    const next = nextContractState(c.state, "sign", c.previous_state);
    const now = clock.now();
    if ((await contractRepository.update(tx, c.id, input.version, { state: next.state }, now)) === undefined)
      throw contractErrors.versionConflict(c.id, c.version);
    await contractRepository.updateVersion(
      tx,
      c.id,
      c.current_version,
      {
        state: "SIGNE",
        signed_at: now,
        refused_at: null,
        signature_mode: actor.kind === "person" ? "ELECTRONIQUE" : "PAPIER",
        recorded_by_kind: actor.kind === "person" ? "person" : "professional",
        recorded_by: actor.id,
      },
      now,
    );
    await contractRepository.addTransition(tx, {
      contractId: c.id,
      from: c.state,
      to: next.state,
      event: "sign",
      actor,
      at: now,
    });
    // the previous review item, if any, is replaced by one counted from this signature
    await workItemsRepository.close(tx, {
      type: "CONTRAT_A_REVISER",
      personId: c.person_id,
      subjectId: c.id,
      at: now,
    });
    const referent = file.followUps.find((u) => u.role === "referent") ?? file.followUps[0];
    await workItemsRepository.open(tx, {
      id: ids.uuid(),
      type: "CONTRAT_A_REVISER",
      personId: c.person_id,
      subjectId: c.id,
      departement: file.departement,
      structureId: referent?.structureId ?? (actor.kind === "professional" ? actor.structureId : null),
      assigneeId: referent?.professionalId ?? null,
      createdAt: now,
      ...reviewDueDates(parisDate(now)),
    });
    await audit.record(tx, clock, actor, {
      action: "contract.signed",
      section: "contrat",
      purpose: "support",
      personId: c.person_id,
      details: { contractId: c.id, numero: c.current_version },
    });
    return contractView(tx, actor, await loadContract(tx, c.id));
  },
);
