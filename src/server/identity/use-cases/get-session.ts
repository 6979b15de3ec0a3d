import type { SessionView } from "../../../shared/identity/identity.schema";
import type { SessionContext } from "../../http/authenticate";
import type { Deps } from "../../kernel/deps";
import { organisationsRepository } from "../../organisations/organisations.repository";
import { personsRepository } from "../../persons/persons.repository";

export async function getSession(deps: Deps, s: SessionContext): Promise<SessionView> {
  const a = s.actor;
  if (a.kind === "professional") {
    const p = await organisationsRepository.professionalWithStructure(deps.db, a.id);
    if (!p) throw new Error("professional vanished");
    return {
      kind: "professional",
      professionalId: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      roles: a.roles,
      structure: {
        id: p.structureId,
        name: p.structureName,
        kind: p.structureKind,
        departement: p.departement,
      },
      scope: a.scope,
      csrfToken: s.csrfToken,
    };
  }
  const person = await personsRepository.getActive(deps.db, a.id);
  if (!person) throw new Error("person vanished");
  return {
    kind: "person",
    personId: person.id,
    firstNames: person.firstNames,
    lastName: person.usageName ?? person.birthName,
    csrfToken: s.csrfToken,
  };
}
