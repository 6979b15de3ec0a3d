// Who may do what in a person's follow-up, as pure functions (parcours.md §7–§8, PS-11 to PS-14): the
// professionals who may read the file see its follow-up (dates, drop-out signals, exit); the référent,
// co-référents and the following structures' staff record points d'étape and the exit (personsPolicy.edit,
// professionals only); the person answers their own « suivi dans l'emploi »; only the system detects.
import type { Actor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "../persons/persons.policy";

export const followUpPolicy = {
  view: (a: Actor, file: PersonFileScope) => a.kind !== "person" && personsPolicy.view(a, file),
  record: (a: Actor, file: PersonFileScope) => a.kind === "professional" && personsPolicy.edit(a, file),
  answerJobFollowUp: (a: Actor, personId: string) => a.kind === "person" && a.id === personId,
  detect: (a: Actor) => a.kind === "system",
};
