// Reads shared by the diagnostic use cases: the person's file scope (for the policy) and everything the
// diagnostic view shows for this actor. Use cases do not call each other.
import { diagnosticErrors } from "../../shared/diagnostic/diagnostic.errors";
import { prefillDiagnostic } from "../../shared/diagnostic/diagnostic.prefill";
import type { DiagnosticView } from "../../shared/diagnostic/diagnostic.schema";
import type { Db } from "../db/connect";
import type { Actor, DeniedSubject } from "../kernel/access";
import { storedCriteria } from "../orientation/orientation.presenter";
import { orientationRepository } from "../orientation/orientation.repository";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { registrationsRepository } from "../registration/registration.repository";
import { diagnosticPolicy } from "./diagnostic.policy";
import { presentVersion, presentVersionSummary } from "./diagnostic.presenter";
import { type DiagnosticRecord, diagnosticRepository } from "./diagnostic.repository";

export const deniedSubject = (personId: string): DeniedSubject => ({
  personId,
  section: "diagnostic",
  purpose: "assess",
});

export async function loadFile(tx: Db, personId: string): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw diagnosticErrors.personNotFound(personId);
  return file;
}

/** What registration and the orientation criteria already hold about the person (« dites-le nous une fois »). */
export async function prefillFor(tx: Db, personId: string) {
  const registration = await registrationsRepository.lastSubmittedOf(tx, personId);
  const orientation =
    (await orientationRepository.openOf(tx, personId)) ??
    (await orientationRepository.pendingOf(tx, personId));
  return prefillDiagnostic({
    registration: registration?.data ?? null,
    criteria: orientation ? storedCriteria(orientation) : null,
  });
}

/** The diagnostic view for this actor: version `numero` (default: the current one), all versions, the pre-fill. */
export async function diagnosticView(
  tx: Db,
  actor: Actor,
  file: PersonFileScope,
  d: DiagnosticRecord,
  numero?: number,
): Promise<DiagnosticView> {
  const canSeeConfidentiel = diagnosticPolicy.readConfidential(actor, file);
  const person = await diagnosticRepository.person(tx, d.personId);
  if (!person) throw diagnosticErrors.personNotFound(d.personId);
  const wanted = numero ?? d.currentNumero;
  let shown: DiagnosticView["shown"] = null;
  if (wanted !== null) {
    const v = await diagnosticRepository.version(tx, d.id, wanted, canSeeConfidentiel);
    if (!v) throw diagnosticErrors.versionNotFound(d.id, wanted);
    shown = presentVersion({ ...v, confidential: v.confidential });
  }
  return {
    id: d.id,
    personId: d.personId,
    person: { firstNames: person.firstNames, lastName: person.usageName ?? person.birthName },
    version: d.version,
    shown,
    currentNumero: d.currentNumero,
    versions: (await diagnosticRepository.versions(tx, d.id)).map(presentVersionSummary),
    prefill: d.currentNumero === null ? await prefillFor(tx, d.personId) : null,
    actions: { canWrite: diagnosticPolicy.write(actor, file), canSeeConfidentiel },
  };
}
