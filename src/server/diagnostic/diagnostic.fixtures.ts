// Test fixtures of the diagnostic (db and http tests only): a person followed by a named référent in a
// France Travail agency, a colleague of the same agency, a professional of a structure that does not
// follow, and a way to record a submitted registration (the pre-fill's source).
import type { RegistrationData } from "../../shared/registration/registration.schema";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";
import { testDeps } from "../../test-support/deps";
import type { Db, DbHandle } from "../db/connect";
import { saveDiagnosticVersion } from "./use-cases/save-diagnostic-version";
import { startDiagnostic } from "./use-cases/start-diagnostic";

export async function diagnosticTeam(db: Db) {
  const agency = await insertStructure(db, { kind: "france_travail", name: "France Travail Amiens" });
  const elsewhere = await insertStructure(db, { kind: "mission_locale", name: "Mission locale Abbeville" });
  const referent = await insertProfessional(db, {
    structure: agency,
    firstName: "Camille",
    lastName: "Référente",
  });
  const colleague = await insertProfessional(db, {
    structure: agency,
    firstName: "Dominique",
    lastName: "Collègue",
  });
  const outsider = await insertProfessional(db, { structure: elsewhere });
  return { agency, elsewhere, referent, colleague, outsider };
}

/** A new person whose named référent is `referent` (a follow-up with the role referent). */
export function followedPerson(db: Db, referent: Awaited<ReturnType<typeof diagnosticTeam>>["referent"]) {
  return insertPerson(db, { followedBy: referent });
}

/** What the restricted compartment of `diagnosedPerson`'s diagnostic holds. */
export const RESTRICTED_NOTE = "Violences conjugales signalées, mise à l'abri en cours";

/**
 * A person followed by `team.referent` with a saved diagnostic (version 1): one need in
 * CONTRAINTES_FAMILIALES, impact FORT, and RESTRICTED_NOTE in the restricted compartment.
 */
export async function diagnosedPerson(
  h: DbHandle,
  team: Awaited<ReturnType<typeof diagnosticTeam>>,
  now: string,
) {
  const { deps } = testDeps(h, now);
  const person = await followedPerson(h.db, team.referent);
  await startDiagnostic(deps, team.referent.actor, { personId: person.id });
  await saveDiagnosticVersion(deps, team.referent.actor, {
    personId: person.id,
    version: 1,
    content: {
      themes: {
        CONTRAINTES_FAMILIALES: {
          situations: ["FAMILLE_SITUATION_FRAGILE"],
          besoins: ["FAMILLE_MISE_EN_SECURITE"],
          impact: "FORT",
        },
      },
    },
    confidentiel: { violencesFamiliales: RESTRICTED_NOTE },
  });
  return { deps, person };
}

export async function insertSubmittedRegistration(
  db: Db,
  r: { id: string; personId: string; data: RegistrationData; at: Date },
) {
  await db
    .insertInto("registrations")
    .values({
      id: r.id,
      person_id: r.personId,
      status: "SOUMISE",
      channel: "EN_LIGNE",
      departement: "80",
      started_by_kind: "person",
      started_by_id: r.personId,
      started_by_structure_id: null,
      last_step: "recapitulatif",
      data: JSON.stringify(r.data) as unknown as Record<string, unknown>,
      nir_cipher: null,
      nir_index: null,
      provenance: JSON.stringify({}) as unknown as Record<string, unknown>,
      confirmations: JSON.stringify({}) as unknown as Record<string, unknown>,
      started_at: r.at,
      updated_at: r.at,
      submitted_at: r.at,
      submitted_by_kind: "person",
      submitted_by_id: r.personId,
      outcome: "DOSSIER_CREE",
      abandonment_reported_at: null,
    })
    .execute();
}
