import { diagnosticErrors } from "../../../shared/diagnostic/diagnostic.errors";
import {
  personIdSchema,
  saveDiagnosticVersionBodySchema,
} from "../../../shared/diagnostic/diagnostic.schema";
import { audit } from "../../audit/audit";
import { AccessDenied, assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { deniedSubject, diagnosticView, loadFile } from "../diagnostic.load";
import { diagnosticPolicy } from "../diagnostic.policy";
import { storedConfidentiel } from "../diagnostic.presenter";
import { diagnosticRepository } from "../diagnostic.repository";

const input = saveDiagnosticVersionBodySchema.extend({ personId: personIdSchema });

/**
 * Saves a new version of the diagnostic (never an update: §5.4), authored by the professional with their
 * structure and the date. A stale `version` is refused (409). The restricted compartment is written only
 * by a référent; when omitted, the previous version's compartment is carried over unchanged, so a
 * colleague who cannot see it never erases it.
 */
export const saveDiagnosticVersion = useCase(
  "SaveDiagnosticVersion",
  input,
  async ({ tx, actor, input, clock }) => {
    const file = await loadFile(tx, input.personId);
    // the policy lets only professionals write; the explicit form narrows the actor for the author column
    if (actor.kind !== "professional" || !diagnosticPolicy.write(actor, file))
      throw new AccessDenied("diagnostic.save", deniedSubject(input.personId));
    if (input.confidentiel !== undefined)
      assertCan(
        diagnosticPolicy.writeConfidential(actor, file),
        "diagnostic.write_confidential",
        deniedSubject(input.personId),
      );
    const d = await diagnosticRepository.ofPerson(tx, input.personId);
    if (!d) throw diagnosticErrors.notStarted(input.personId);
    if (d.version !== input.version) throw diagnosticErrors.versionConflict(d.id, d.version);

    const now = clock.now();
    const numero = (d.currentNumero ?? 0) + 1;
    const newVersion = await diagnosticRepository.advance(tx, d.id, d.version, numero, now);
    if (newVersion === undefined) throw diagnosticErrors.versionConflict(d.id, d.version);
    const previous =
      d.currentNumero === null ? null : await diagnosticRepository.confidentialOf(tx, d.id, d.currentNumero);
    const confidential =
      input.confidentiel !== undefined ? input.confidentiel : previous ? storedConfidentiel(previous) : null;
    await diagnosticRepository.insertVersion(tx, {
      diagnosticId: d.id,
      numero,
      content: input.content,
      confidential,
      authorId: actor.id,
      structureId: actor.structureId,
      format: input.format,
      now,
    });
    await audit.record(tx, clock, actor, {
      action: "diagnostic.version_saved",
      section: "diagnostic",
      purpose: "assess",
      personId: input.personId,
      // the themes touched and whether the restricted compartment was written: never their content
      details: {
        diagnosticId: d.id,
        numero,
        themes: Object.keys(input.content.themes),
        confidentielModifie: input.confidentiel !== undefined,
      },
    });
    return diagnosticView(tx, actor, file, { ...d, currentNumero: numero, version: newVersion });
  },
);
