// Which professionals see the persons' links: the rule lives in shared/ and the server decides.
import type { SessionView } from "../../shared/identity/identity.schema";
import { rolesCanListPersons } from "../../shared/persons/persons.access";

export function canListPersons(session: SessionView): boolean {
  return session.kind === "professional" && rolesCanListPersons(session.roles);
}
