import { z } from "zod";
import { diagnosticErrors } from "../../../shared/diagnostic/diagnostic.errors";
import { personIdSchema } from "../../../shared/diagnostic/diagnostic.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { deniedSubject, diagnosticView, loadFile } from "../diagnostic.load";
import { diagnosticPolicy } from "../diagnostic.policy";
import { diagnosticRepository } from "../diagnostic.repository";

/**
 * Opens the person's diagnostic (one per person). No version is written yet: the view carries the
 * pre-fill from registration and orientation criteria, which the professional reviews and saves as
 * version 1 (a version is always the work of a named professional).
 */
export const startDiagnostic = useCase(
  "StartDiagnostic",
  z.object({ personId: personIdSchema }),
  async ({ tx, actor, input, clock, ids }) => {
    const file = await loadFile(tx, input.personId);
    assertCan(diagnosticPolicy.write(actor, file), "diagnostic.start", deniedSubject(input.personId));
    const existing = await diagnosticRepository.ofPerson(tx, input.personId);
    if (existing) throw diagnosticErrors.alreadyStarted(existing.id);
    const id = ids.uuid();
    await diagnosticRepository.insert(tx, {
      id,
      personId: input.personId,
      startedBy: actor.kind === "professional" ? actor.id : null,
      now: clock.now(),
    });
    await audit.record(tx, clock, actor, {
      action: "diagnostic.started",
      section: "diagnostic",
      purpose: "assess",
      personId: input.personId,
      details: { diagnosticId: id },
    });
    const d = await diagnosticRepository.ofPerson(tx, input.personId);
    if (!d) throw diagnosticErrors.notStarted(input.personId);
    return diagnosticView(tx, actor, file, d);
  },
);
