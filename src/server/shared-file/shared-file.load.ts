// Reads shared by the dossier partagé's use cases: the person's file scope, the access check of a read
// (with its denial audited by the use-case helper), and the group view. Use cases do not call each other.
import type { AuditPurpose } from "../../shared/audit/audit.schema";
import { sharedFileErrors } from "../../shared/shared-file/shared-file.errors";
import type { GroupView } from "../../shared/shared-file/shared-file.schema";
import type { Db } from "../db/connect";
import { type Actor, assertCan } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { sharedFilePolicy } from "./shared-file.policy";
import { groupMemberView } from "./shared-file.presenter";
import { sharedFileRepository } from "./shared-file.repository";

/** The audit section of every read and write of the dossier partagé. */
export const SECTION = "dossier_partage";
export const PURPOSE: AuditPurpose = "follow";

export async function fileOf(tx: Db, personId: string): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw sharedFileErrors.personNotFound(personId);
  return file;
}

/** The person's file scope once the actor is known to be allowed `allowed(actor, file)`. */
export async function allowedFile(
  tx: Db,
  actor: Actor,
  personId: string,
  action: string,
  allowed: (a: Actor, f: PersonFileScope) => boolean = sharedFilePolicy.read,
): Promise<PersonFileScope> {
  const file = await fileOf(tx, personId);
  assertCan(allowed(actor, file), action, { personId, section: SECTION, purpose: PURPOSE });
  return file;
}

export async function groupView(tx: Db, actor: Actor, file: PersonFileScope): Promise<GroupView> {
  const rows = await sharedFileRepository.group(tx, file.personId);
  return { members: rows.map(groupMemberView), canManage: sharedFilePolicy.manageGroup(actor, file) };
}
