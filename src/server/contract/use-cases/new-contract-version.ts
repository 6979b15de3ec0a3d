import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema, newContractVersionBodySchema } from "../../../shared/contract/contract.schema";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { appendContractVersion } from "../append-contract-version";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";

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
    const numero = await appendContractVersion(tx, clock, actor, c, {
      motif: input.motif,
      content: input.content,
      createdBy: actor.kind === "professional" ? actor.id : null,
    });
    if (numero === undefined) throw contractErrors.versionConflict(c.id, c.version);
    return contractView(tx, actor, await loadContract(tx, c.id));
  },
);
