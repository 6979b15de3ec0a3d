// Who may read and write a person's diagnostic (parcours.md §5.4), as pure functions of an actor and the
// person's file scope (persons/persons.policy.ts).
//
// - Professionals who follow the person read and write it: a professional named in the follow-up group,
//   or a file role in a structure that follows (writing: `personsPolicy.edit`). Unlike the identity file,
//   a territorial manager or a pending chargé d'orientation does not read the diagnostic: it is the
//   accompaniment's working document, not the orientation's.
// - The restricted compartment (health, addiction, family-violence details) is read and written only by
//   the named référent and co-référents (§5.4 « visible only to the referent and co-referents »): never by
//   the rest of the structure, never by the system (no list, export or extract carries it).
// - The person reads their whole diagnostic, restricted compartment included: it is about them (RGPD
//   right of access); they do not write it (their view is collected by the professional, `avisPersonne`).
import { FILE_ROLES } from "../../shared/persons/persons.access";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "../persons/persons.policy";

const follows = (a: ProfessionalActor, f: PersonFileScope) =>
  f.followUps.some((u) => u.professionalId === a.id) ||
  (a.roles.some((r) => FILE_ROLES.includes(r)) && f.followUps.some((u) => u.structureId === a.structureId));

const isNamedReferent = (a: ProfessionalActor, f: PersonFileScope) =>
  f.followUps.some((u) => u.professionalId === a.id && (u.role === "referent" || u.role === "co_referent"));

export const diagnosticPolicy = {
  read(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return a.id === f.personId;
    return follows(a, f);
  },
  write(a: Actor, f: PersonFileScope): boolean {
    return a.kind === "professional" && personsPolicy.edit(a, f);
  },
  readConfidential(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "person") return a.id === f.personId;
    return a.kind === "professional" && isNamedReferent(a, f);
  },
  writeConfidential(a: Actor, f: PersonFileScope): boolean {
    return a.kind === "professional" && isNamedReferent(a, f);
  },
};
