import { z } from "zod";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { personIdSchema } from "../../../shared/persons/persons.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../persons.policy";
import { presentPerson } from "../persons.presenter";
import { personsRepository } from "../persons.repository";

export const getPerson = useCase(
  "GetPerson",
  z.object({ personId: personIdSchema }),
  async ({ tx, actor, input, secrets, clock }) => {
    const scope = await personsRepository.fileScope(tx, input.personId);
    if (!scope) throw personsErrors.notFound(input.personId);
    assertCan(personsPolicy.view(actor, scope), "persons.read", {
      personId: input.personId,
      section: "identite",
      purpose: "identify",
    });
    const person = await personsRepository.get(tx, input.personId);
    if (!person) throw personsErrors.notFound(input.personId);
    await audit.record(tx, clock, actor, {
      action: "persons.read",
      section: "identite",
      purpose: "identify",
      personId: person.id,
    });
    return presentPerson(
      secrets,
      person,
      await personsRepository.followUpsOf(tx, person.id),
      personsPolicy.edit(actor, scope),
    );
  },
);
