// Who may read and write the dossier partagé (notes, documents, timeline, follow-up group), as pure
// functions of an actor and the person's file scope (privacy-and-security.md PS-07, PS-11 to PS-13).
//
// - Reading the file: the person, and the professionals who follow them: named in an active follow-up,
//   or holding a file role in a structure with an active follow-up (PS-11, PS-13). Unlike the identity
//   file, a territorial manager or a pending chargé d'orientation does not read it: it is the
//   accompaniment's working file.
// - Référent standing: named référent or co-référent, or a file role in a structure that is référent or
//   co-référent as a whole (a structure-level follow-up with no named professional, as the orientation
//   decision creates). Only they read REFERENTS items, and only they write notes and documents (PS-12:
//   « write access is limited to the référent and co-referents »; members invited from another structure
//   read only).
// - CONFIDENTIEL items are read only by followers who belong to the author's structure (PS-07).
// - The group is managed by the référent standing and by the admin of a structure that is référent or
//   co-référent (the following structure).
// - The person reads PERSONNE items and their group; never writes.
//
// `readableLevels` is the single source of the visibility rule: the repository filters with it (SQL) and
// `canReadItem` uses it (pure), so the two cannot disagree.
import { FILE_ROLES } from "../../shared/persons/persons.access";
import type { NoteVisibility } from "../../shared/shared-file/shared-file.visibility";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";

const hasFileRole = (a: ProfessionalActor) => a.roles.some((r) => FILE_ROLES.includes(r));
const leads = (role: PersonFileScope["followUps"][number]["role"]) =>
  role === "referent" || role === "co_referent";

function follows(a: ProfessionalActor, f: PersonFileScope): boolean {
  return f.followUps.some(
    (u) => u.professionalId === a.id || (hasFileRole(a) && u.structureId === a.structureId),
  );
}

function hasReferentStanding(a: ProfessionalActor, f: PersonFileScope): boolean {
  return f.followUps.some(
    (u) =>
      leads(u.role) &&
      (u.professionalId === a.id ||
        (u.professionalId === null && hasFileRole(a) && u.structureId === a.structureId)),
  );
}

/** What an actor may read of a file's notes and documents: levels, and CONFIDENTIEL of which structure. */
export type ReadableLevels = { levels: NoteVisibility[]; confidentialStructureId: string | null };

const NOTHING: ReadableLevels = { levels: [], confidentialStructureId: null };

export const sharedFilePolicy = {
  read(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "system") return true;
    if (a.kind === "person") return a.id === f.personId;
    return follows(a, f);
  },
  write(a: Actor, f: PersonFileScope): boolean {
    return a.kind === "professional" && hasReferentStanding(a, f);
  },
  manageGroup(a: Actor, f: PersonFileScope): boolean {
    if (a.kind !== "professional") return false;
    const adminOfFollowingStructure =
      a.roles.includes("admin_structure") &&
      f.followUps.some((u) => leads(u.role) && u.structureId === a.structureId);
    return hasReferentStanding(a, f) || adminOfFollowingStructure;
  },
  readableLevels(a: Actor, f: PersonFileScope): ReadableLevels {
    if (!sharedFilePolicy.read(a, f)) return NOTHING;
    if (a.kind === "person") return { levels: ["PERSONNE"], confidentialStructureId: null };
    // no list, export or extract carries the file's notes: the system reads nothing of them
    if (a.kind === "system") return NOTHING;
    const levels: NoteVisibility[] = ["PERSONNE", "GROUPE"];
    if (hasReferentStanding(a, f)) levels.push("REFERENTS");
    levels.push("CONFIDENTIEL");
    return { levels, confidentialStructureId: a.structureId };
  },
  canReadItem(
    a: Actor,
    f: PersonFileScope,
    item: { visibility: NoteVisibility; structureId: string },
  ): boolean {
    const r = sharedFilePolicy.readableLevels(a, f);
    if (!r.levels.includes(item.visibility)) return false;
    return item.visibility !== "CONFIDENTIEL" || item.structureId === r.confidentialStructureId;
  },
};
