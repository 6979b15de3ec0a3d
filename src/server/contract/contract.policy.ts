// Who may do what with a person's contract, as pure functions (parcours.md §6, PS-11 to PS-14): the
// professionals who follow the person read it; the référent, co-référents and the following structures'
// staff draft and revise it (personsPolicy.edit) and may record a signature given in person; the person
// reads their own contract and signs or refuses the version to sign in their space.
import type { Actor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "../persons/persons.policy";

export const contractPolicy = {
  view: (a: Actor, file: PersonFileScope) => personsPolicy.view(a, file),
  draft: (a: Actor, file: PersonFileScope) => a.kind === "professional" && personsPolicy.edit(a, file),
  /** the person themself, or a professional who may draft (signature in person, with acknowledgement) */
  sign: (a: Actor, file: PersonFileScope) =>
    (a.kind === "person" && a.id === file.personId) || contractPolicy.draft(a, file),
};
