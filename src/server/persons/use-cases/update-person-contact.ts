import type { z } from "zod";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { personIdSchema, updateContactBodySchema } from "../../../shared/persons/persons.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../persons.policy";
import { presentPerson } from "../persons.presenter";
import { personsRepository } from "../persons.repository";

const input = updateContactBodySchema.extend({ personId: personIdSchema });

/** Two people editing the same file never overwrite each other: the version read must still be current (PS-60). */
export const updatePersonContact = useCase(
  "UpdatePersonContact",
  input,
  async ({ tx, actor, input, secrets, clock }) => {
    const scope = await personsRepository.fileScope(tx, input.personId);
    if (!scope) throw personsErrors.notFound(input.personId);
    assertCan(personsPolicy.edit(actor, scope), "persons.update_contact", {
      personId: input.personId,
      section: "identite",
      purpose: "identify",
    });
    const before = await personsRepository.get(tx, input.personId);
    if (!before) throw personsErrors.notFound(input.personId);
    if (before.status !== "active") throw personsErrors.alreadyMerged(input.personId);
    const next = await personsRepository.updateContact(
      tx,
      input.personId,
      input.version,
      { email: input.email, phone: input.phone },
      clock.now(),
    );
    if (next === undefined) throw personsErrors.versionConflict(input.personId, before.version);
    const changed = (["email", "phone"] as const).filter((k) => before[k] !== input[k]);
    await audit.record(tx, clock, actor, {
      action: "persons.contact_updated",
      section: "identite",
      purpose: "identify",
      personId: input.personId,
      // the diff names the fields, not their values: the audit trail must not become a copy of the file
      details: { changed, fromVersion: input.version, toVersion: next },
    });
    const after = await personsRepository.get(tx, input.personId);
    return presentPerson(secrets, after!, await personsRepository.followUpsOf(tx, input.personId), true);
  },
);

export type UpdatePersonContactInput = z.input<typeof input>;
