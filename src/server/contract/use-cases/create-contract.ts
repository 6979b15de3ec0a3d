import { contractErrors } from "../../../shared/contract/contract.errors";
import { createContractBodySchema } from "../../../shared/contract/contract.schema";
import { initialContractState } from "../../../shared/contract/contract.status";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { contractView, fileOf, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/**
 * A professional who follows the person drafts their contrat d'engagement (parcours.md §6.1): one contract
 * per person, its first version « à signer », given to the person to read before signing.
 */
export const createContract = useCase(
  "CreateContract",
  createContractBodySchema,
  async ({ tx, actor, input, clock, ids }) => {
    const file = await fileOf(tx, input.personId);
    assertCan(contractPolicy.draft(actor, file), "contract.create", {
      personId: input.personId,
      section: "contrat",
      purpose: "support",
    });
    if (await contractRepository.openOf(tx, input.personId))
      throw contractErrors.alreadyExists(input.personId);
    const now = clock.now();
    const id = ids.uuid();
    await contractRepository.insert(tx, {
      id,
      personId: input.personId,
      createdBy: actor.kind === "professional" ? actor.id : null,
      content: input.content,
      now,
    });
    await contractRepository.addTransition(tx, {
      contractId: id,
      from: null,
      to: initialContractState,
      event: "create",
      actor,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "contract.created",
      section: "contrat",
      purpose: "support",
      personId: input.personId,
      details: { contractId: id },
    });
    return contractView(tx, actor, await loadContract(tx, id));
  },
);
