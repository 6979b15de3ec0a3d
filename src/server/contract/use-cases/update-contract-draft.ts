import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema, updateContractBodySchema } from "../../../shared/contract/contract.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/**
 * Edits the version to sign (objectives, actions, weekly programme…). Two professionals editing at once
 * never overwrite each other: the change applies only to the version of the contract that was read, else
 * 409 with the French message of contractErrors.versionConflict.
 */
export const updateContractDraft = useCase(
  "UpdateContractDraft",
  z.intersection(updateContractBodySchema, z.object({ contractId: contractIdSchema })),
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadContract(tx, input.contractId);
    const { c, versions } = loaded;
    assertCan(contractPolicy.draft(actor, loaded.file), "contract.update", {
      personId: c.person_id,
      section: "contrat",
      purpose: "support",
    });
    if (c.version !== input.version) throw contractErrors.versionConflict(c.id, c.version);
    const current = versions.find((v) => v.numero === c.current_version);
    if (c.state !== "A_SIGNER" || current?.state !== "A_SIGNER") throw contractErrors.notEditable(c.id);
    const now = clock.now();
    const next = await contractRepository.update(tx, c.id, input.version, {}, now);
    if (next === undefined) throw contractErrors.versionConflict(c.id, c.version);
    await contractRepository.updateVersion(tx, c.id, c.current_version, { content: input.content }, now);
    await audit.record(tx, clock, actor, {
      action: "contract.updated",
      section: "contrat",
      purpose: "support",
      personId: c.person_id,
      details: { contractId: c.id, numero: c.current_version },
    });
    return contractView(tx, actor, await loadContract(tx, c.id));
  },
);
