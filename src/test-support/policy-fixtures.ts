// Actors and a file for the capabilities' policy tests: a France Travail conseiller by default, a mission
// locale next door, a person followed by France Travail with a named référent.

import type { Actor, ProfessionalActor } from "../server/kernel/access";
import type { PersonFileScope } from "../server/persons/persons.policy";
import type { ProfessionalRole } from "../shared/identity/identity.schema";

export const FT = "00000000-0000-4000-8000-00000000000a";
export const ML = "00000000-0000-4000-8000-00000000000b";
export const PERSON = "00000000-0000-4000-8000-0000000000f1";
export const REFERENT = "00000000-0000-4000-8000-000000000009";

export const pro = (roles: ProfessionalRole[], over: Partial<ProfessionalActor> = {}): ProfessionalActor => ({
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: FT,
  structureKind: "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
  ...over,
});

/** followed by France Travail, with a named référent (not the default actor) */
export const fileFollowedByFt: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [{ structureId: FT, professionalId: REFERENT, role: "referent" }],
};

export const personActor = (id: string): Actor => ({ kind: "person", id, channel: "web" });
