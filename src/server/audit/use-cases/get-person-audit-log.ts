import { z } from "zod";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { audit } from "../audit";
import { presentAuditEntry } from "../audit.presenter";
import { auditRepository } from "../audit.repository";

/** The access log of a file, for the professionals who may edit it (référent, structure that follows). */
export const getPersonAuditLog = useCase(
  "GetPersonAuditLog",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const scope = await personsRepository.fileScope(tx, input.personId);
    if (!scope) throw personsErrors.notFound(input.personId);
    assertCan(
      personsPolicy.edit(actor, scope) || (actor.kind === "person" && actor.id === input.personId),
      "audit.read",
      {
        personId: input.personId,
        section: "journal",
        purpose: "follow",
      },
    );
    const rows = await auditRepository.listForPerson(
      tx,
      await personsRepository.aliasIds(tx, input.personId),
    );
    await audit.record(tx, clock, actor, {
      action: "audit.read",
      section: "journal",
      purpose: "follow",
      personId: input.personId,
    });
    return { items: rows.map(presentAuditEntry) };
  },
);
