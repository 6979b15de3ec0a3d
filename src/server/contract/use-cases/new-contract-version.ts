import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema, newContractVersionBodySchema } from "../../../shared/contract/contract.schema";
import { nextContractState } from "../../../shared/contract/contract.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/**
 * A new orientation or an essential change (revision, change of scheme, job offer) gives a new version to
 * sign (parcours.md §6.4–6.6): the contract goes back to « à signer »; the signed or refused version stays
 * as it was, readable and comparable.
 */
export const newContractVersion = useCase(
  "NewContractVersion",
  z.intersection(newContractVersionBodySchema, z.object({ contractId: contractIdSchema })),
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadContract(tx, input.contractId);
    const { c } = loaded;
    assertCan(contractPolicy.draft(actor, loaded.file), "contract.new_version", {
      personId: c.person_id,
      section: "contrat",
      purpose: "support",
    });
    if (c.version !== input.version) throw contractErrors.versionConflict(c.id, c.version);
    const next = nextContractState(c.state, "new_version", c.previous_state);
    const now = clock.now();
    const numero = c.current_version + 1;
    const updated = await contractRepository.update(
      tx,
      c.id,
      input.version,
      { state: next.state, previous_state: next.previous, current_version: numero },
      now,
    );
    if (updated === undefined) throw contractErrors.versionConflict(c.id, c.version);
    await contractRepository.insertVersion(tx, {
      contractId: c.id,
      numero,
      motif: input.motif,
      content: input.content,
      createdBy: actor.kind === "professional" ? actor.id : null,
      now,
    });
    await contractRepository.addTransition(tx, {
      contractId: c.id,
      from: c.state,
      to: next.state,
      event: "new_version",
      actor,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "contract.new_version",
      section: "contrat",
      purpose: "support",
      personId: c.person_id,
      details: { contractId: c.id, numero, motif: input.motif },
    });
    return contractView(tx, actor, await loadContract(tx, c.id));
  },
);
