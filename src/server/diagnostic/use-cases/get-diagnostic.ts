import { z } from "zod";
import { diagnosticErrors } from "../../../shared/diagnostic/diagnostic.errors";
import { personIdSchema } from "../../../shared/diagnostic/diagnostic.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { deniedSubject, diagnosticView, loadFile } from "../diagnostic.load";
import { diagnosticPolicy } from "../diagnostic.policy";
import { diagnosticRepository } from "../diagnostic.repository";

/** The person's diagnostic: the current version (or any earlier one, by number) and the list of versions. */
export const getDiagnostic = useCase(
  "GetDiagnostic",
  z.object({ personId: personIdSchema, numero: z.coerce.number().int().min(1).optional() }),
  async ({ tx, actor, input, clock }) => {
    const file = await loadFile(tx, input.personId);
    assertCan(diagnosticPolicy.read(actor, file), "diagnostic.read", deniedSubject(input.personId));
    const d = await diagnosticRepository.ofPerson(tx, input.personId);
    if (!d) throw diagnosticErrors.notStarted(input.personId);
    const view = await diagnosticView(tx, actor, file, d, input.numero);
    await audit.record(tx, clock, actor, {
      action: "diagnostic.read",
      section: "diagnostic",
      purpose: "assess",
      personId: input.personId,
      details: {
        diagnosticId: d.id,
        numero: view.shown?.numero ?? null,
        confidentiel: view.shown?.confidentiel != null,
      },
    });
    return view;
  },
);
