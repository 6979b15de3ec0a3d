// Who may do what with appointments, as pure functions (parcours.md §4, PS-11 to PS-14). A person's
// appointments follow the person's file: the professionals who may read the file read them; those who may
// edit it (référent, co-référents, staff of a following structure) invite, convoke and cancel; the person
// reads, books and cancels their own. The agenda is a structure's: its staff with a file role manage it,
// and only they record attendance of an appointment of their structure.
import { FILE_ROLES } from "../../shared/persons/persons.access";
import type { Actor, ProfessionalActor } from "../kernel/access";
import { type PersonFileScope, personsPolicy } from "../persons/persons.policy";

const hasFileRole = (a: ProfessionalActor) => a.roles.some((r) => FILE_ROLES.includes(r));
const isOwnPerson = (a: Actor, file: PersonFileScope) => a.kind === "person" && a.id === file.personId;

export const appointmentsPolicy = {
  /** open slots, read the week's agenda with who is booked */
  manageAgenda: (a: Actor, structureId: string) =>
    a.kind === "professional" && a.structureId === structureId && hasFileRole(a),
  view: (a: Actor, file: PersonFileScope) => personsPolicy.view(a, file),
  /** invite or convoke the person (an appointment of the actor's own structure) */
  schedule: (a: Actor, file: PersonFileScope) =>
    a.kind === "professional" && hasFileRole(a) && personsPolicy.edit(a, file),
  /** choose a slot for an invitation: the person online, or a professional who may schedule */
  book: (a: Actor, file: PersonFileScope) => isOwnPerson(a, file) || appointmentsPolicy.schedule(a, file),
  cancel: (a: Actor, file: PersonFileScope, structureId: string) =>
    isOwnPerson(a, file) ||
    appointmentsPolicy.schedule(a, file) ||
    appointmentsPolicy.manageAgenda(a, structureId),
  /** present, absent, excused: a professional of the structure that holds the appointment */
  recordAttendance: (a: Actor, structureId: string) => appointmentsPolicy.manageAgenda(a, structureId),
};
