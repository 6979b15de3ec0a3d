// Who reads and writes the conversation between a person and their référent·es, as pure functions of an
// actor and the person's file scope (privacy-and-security.md PS-07, PS-11, PS-12).
//
// A message is a personal exchange, often about what the person would not say in front of everyone: it is
// read on a need-to-know basis, narrower than the dossier partagé.
// - The person reads and writes their own conversation.
// - The référent·e and co-référent·es read and write it: named in an active follow-up with that role, or
//   holding a file role in a structure that is référent or co-référent as a whole (a structure-level
//   follow-up with no named professional, as the orientation decision creates). It is the same standing
//   that writes in the dossier partagé (`sharedFilePolicy.write`), so the two cannot drift apart.
// - Every other member of the follow-up group (« membre » from another structure, colleagues of a named
//   référente) reads nothing of it, not even read-only: they see that a conversation exists only through
//   the file's timeline if they are allowed there, never its content.
// - No system actor, export or extract reads it; the person's own download (« mes données ») reads it as
//   the person.
import type { Actor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { sharedFilePolicy } from "../shared-file/shared-file.policy";

export const conversationsPolicy = {
  read(a: Actor, f: PersonFileScope): boolean {
    if (a.kind === "person") return a.id === f.personId;
    if (a.kind === "professional") return sharedFilePolicy.write(a, f);
    return false;
  },
  write(a: Actor, f: PersonFileScope): boolean {
    return conversationsPolicy.read(a, f);
  },
};
