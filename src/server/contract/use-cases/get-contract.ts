import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema } from "../../../shared/contract/contract.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { contractView, fileOf, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractRepository } from "../contract.repository";

/** A contract, by its id or by the person's id: every version stays readable. Each read is audited. */
export const getContract = useCase(
  "GetContract",
  z.union([z.object({ contractId: contractIdSchema }), z.object({ personId: z.string().uuid() })]),
  async ({ tx, actor, input, clock }) => {
    let contractId: string;
    if ("contractId" in input) contractId = input.contractId;
    else {
      const file = await fileOf(tx, input.personId);
      assertCan(contractPolicy.view(actor, file), "contract.read", {
        personId: input.personId,
        section: "contrat",
        purpose: "support",
      });
      const open = await contractRepository.openOf(tx, input.personId);
      if (!open) throw contractErrors.notFound(input.personId);
      contractId = open.id;
    }
    const loaded = await loadContract(tx, contractId);
    assertCan(contractPolicy.view(actor, loaded.file), "contract.read", {
      personId: loaded.c.person_id,
      section: "contrat",
      purpose: "support",
    });
    await audit.record(tx, clock, actor, {
      action: actor.kind === "person" ? "contract.read_own" : "contract.read",
      section: "contrat",
      purpose: "support",
      personId: loaded.c.person_id,
      details: { contractId },
    });
    return contractView(tx, actor, loaded);
  },
);

/**
 * The person's own contract, in their space (its page and « Mes activités de la semaine » on the home).
 * No contract yet is an ordinary answer (`null`), not an error, and nothing was read: no audit line.
 */
export const getMyContract = useCase("GetMyContract", z.object({}), async (ctx) => {
  const { tx, actor } = ctx;
  assertCan(actor.kind === "person", "contract.read_own", { section: "contrat", purpose: "support" });
  const open = await contractRepository.openOf(tx, actor.id);
  if (!open) return { contract: null };
  const loaded = await loadContract(tx, open.id);
  await audit.record(tx, ctx.clock, actor, {
    action: "contract.read_own",
    section: "contrat",
    purpose: "support",
    personId: actor.id,
    details: { contractId: open.id },
  });
  return { contract: await contractView(tx, actor, loaded) };
});
