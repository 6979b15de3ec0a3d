import { z } from "zod";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { registrationIdSchema } from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { personsRepository } from "../../persons/persons.repository";
import { registrationPolicy } from "../registration.policy";
import { presentRegistration } from "../registration.presenter";
import { registrationsRepository } from "../registration.repository";

export const getRegistration = useCase(
  "GetRegistration",
  z.object({ registrationId: registrationIdSchema }),
  async ({ tx, actor, input, clock, secrets }) => {
    const r = await registrationsRepository.get(tx, input.registrationId);
    if (!r) throw registrationErrors.notFound(input.registrationId);
    const scope = {
      personId: r.personId,
      startedByStructureId: r.startedByStructureId,
      personScope: r.personId ? await personsRepository.fileScope(tx, r.personId) : undefined,
    };
    assertCan(registrationPolicy.view(actor, scope), "registration.read", {
      personId: r.personId ?? undefined,
      section: "inscription",
      purpose: "identify",
    });
    await audit.record(tx, clock, actor, {
      action: "registration.read",
      section: "inscription",
      purpose: "identify",
      personId: r.personId,
      details: { registrationId: r.id },
    });
    return presentRegistration(secrets, r, {
      today: parisToday(clock),
      canEdit: registrationPolicy.edit(actor, scope),
    });
  },
);
