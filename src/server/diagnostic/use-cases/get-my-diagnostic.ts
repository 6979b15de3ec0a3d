import { z } from "zod";
import type { MyDiagnosticView } from "../../../shared/diagnostic/diagnostic.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { presentVersion } from "../diagnostic.presenter";
import { diagnosticRepository } from "../diagnostic.repository";

/**
 * The person's own diagnostic in their space: the current version, restricted compartment included (the
 * person sees everything about themself; only the network is kept from it).
 */
export const getMyDiagnostic = useCase(
  "GetMyDiagnostic",
  z.object({}),
  async ({ tx, actor, clock }): Promise<MyDiagnosticView> => {
    assertCan(actor.kind === "person", "diagnostic.read_own", { section: "diagnostic", purpose: "assess" });
    const d = await diagnosticRepository.ofPerson(tx, actor.id);
    const v =
      d && d.currentNumero !== null
        ? await diagnosticRepository.version(tx, d.id, d.currentNumero, true)
        : undefined;
    await audit.record(tx, clock, actor, {
      action: "diagnostic.read_own",
      section: "diagnostic",
      purpose: "assess",
      personId: actor.id,
      details: { diagnosticId: d?.id ?? null, numero: v?.numero ?? null },
    });
    return { current: v ? presentVersion({ ...v, confidential: v.confidential }) : null };
  },
);
