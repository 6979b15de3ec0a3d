import { contractErrors } from "../../../shared/contract/contract.errors";
import { planFromNeeds } from "../../../shared/contract/contract.plan-from-needs";
import { createContractBodySchema } from "../../../shared/contract/contract.schema";
import { initialContractState } from "../../../shared/contract/contract.status";
import { needsFromDiagnostic } from "../../../shared/diagnostic/diagnostic.needs";
import type { DiagnosticContent } from "../../../shared/diagnostic/diagnostic.schema";
import { audit } from "../../audit/audit";
import { diagnosticRepository } from "../../diagnostic/diagnostic.repository";
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
    // the needs of the shared diagnostic (never its restricted compartment) draft the plan d'action
    let content = input.content;
    let planFromDiagnostic = 0;
    if (content.planAction.length === 0) {
      const diagnostic = await diagnosticRepository.ofPerson(tx, input.personId);
      const current = diagnostic?.currentNumero
        ? await diagnosticRepository.version(tx, diagnostic.id, diagnostic.currentNumero, false)
        : undefined;
      // an older or empty version may hold no themes at all (e.g. « {} »): nothing to draft from
      const themes = (current?.content as Partial<DiagnosticContent> | null | undefined)?.themes;
      if (themes && typeof themes === "object") {
        const planAction = planFromNeeds(needsFromDiagnostic({ themes }));
        content = { ...content, planAction };
        planFromDiagnostic = planAction.length;
      }
    }
    await contractRepository.insert(tx, {
      id,
      personId: input.personId,
      createdBy: actor.kind === "professional" ? actor.id : null,
      content,
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
      details: { contractId: id, planFromDiagnostic },
    });
    return contractView(tx, actor, await loadContract(tx, id));
  },
);
