import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema, refuseContractBodySchema } from "../../../shared/contract/contract.schema";
import { nextContractState } from "../../../shared/contract/contract.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/**
 * The person refuses the version to sign, with a reason if they wish. The refusal is recorded with its
 * date; it decides nothing by itself: any consequence is a human decision after a contradictory exchange
 * (parcours.md §6.6).
 */
export const refuseContract = useCase(
  "RefuseContract",
  z.intersection(refuseContractBodySchema, z.object({ contractId: contractIdSchema })),
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadContract(tx, input.contractId);
    const { c } = loaded;
    assertCan(contractPolicy.sign(actor, loaded.file), "contract.refuse", {
      personId: c.person_id,
      section: "contrat",
      purpose: "support",
    });
    if (c.version !== input.version) throw contractErrors.versionConflict(c.id, c.version);
    const current = loaded.versions.find((v) => v.numero === c.current_version);
    if (current?.state !== "A_SIGNER") throw contractErrors.notEditable(c.id);
    const next = nextContractState(c.state, "refuse", c.previous_state);
    const now = clock.now();
    if ((await contractRepository.update(tx, c.id, input.version, { state: next.state }, now)) === undefined)
      throw contractErrors.versionConflict(c.id, c.version);
    await contractRepository.updateVersion(
      tx,
      c.id,
      c.current_version,
      {
        state: "REFUSE",
        refused_at: now,
        refusal_reason: input.motif ?? null,
        recorded_by_kind: actor.kind === "person" ? "person" : "professional",
        recorded_by: actor.id,
      },
      now,
    );
    await contractRepository.addTransition(tx, {
      contractId: c.id,
      from: c.state,
      to: next.state,
      event: "refuse",
      actor,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "contract.refused",
      section: "contrat",
      purpose: "support",
      personId: c.person_id,
      details: { contractId: c.id, numero: c.current_version },
    });
    return contractView(tx, actor, await loadContract(tx, c.id));
  },
);
