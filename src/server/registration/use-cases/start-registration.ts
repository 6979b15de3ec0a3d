// StartRegistration: opens a draft (or resumes the open one) for a person registering online, or for a
// professional registering a person at a counter or in an interview. What Socle already knows of a
// known person is pre-filled with its provenance (« dites-le nous une fois »).
import { personsErrors } from "../../../shared/persons/persons.errors";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { startRegistrationBodySchema } from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { personsRepository } from "../../persons/persons.repository";
import { registrationPolicy } from "../registration.policy";
import { presentRegistration } from "../registration.presenter";
import { registrationsRepository } from "../registration.repository";
import { buildPrefill } from "../registration-prefill";

export const startRegistration = useCase(
  "StartRegistration",
  startRegistrationBodySchema,
  async ({ tx, actor, input, clock, ids, secrets }) => {
    if (actor.kind === "person" && input.canal) throw registrationErrors.channelNotAllowed();
    // a person registers themselves: another person's id is refused by the policy below
    const personId = input.personId ?? (actor.kind === "person" ? actor.id : null);
    const personScope = personId ? await personsRepository.fileScope(tx, personId) : undefined;
    if (personId && !personScope) throw personsErrors.notFound(personId);
    assertCan(actor.kind !== "system" && registrationPolicy.start(actor, personScope), "registration.start", {
      personId: personId ?? undefined,
      section: "inscription",
      purpose: "identify",
    });
    const now = clock.now();
    const today = parisToday(clock);

    if (personId) {
      const draft = await registrationsRepository.openDraftOf(tx, personId);
      if (draft) {
        await audit.record(tx, clock, actor, {
          action: "registration.resumed",
          section: "inscription",
          purpose: "identify",
          personId,
          details: { registrationId: draft.id },
        });
        const fresh = await registrationsRepository.get(tx, draft.id);
        if (!fresh) throw registrationErrors.notFound(draft.id);
        return presentRegistration(secrets, fresh, { today, canEdit: true });
      }
      if (await registrationsRepository.hasOpenParcours(tx, personId))
        throw registrationErrors.alreadyRegistered(personId);
    }

    const person = personId ? await registrationsRepository.personForPrefill(tx, personId) : undefined;
    if (person && person.status !== "active") throw personsErrors.alreadyMerged(person.id);
    const previous = personId ? await registrationsRepository.lastSubmittedOf(tx, personId) : undefined;
    const prefill = buildPrefill(secrets, person, previous, now);

    const id = ids.uuid();
    await registrationsRepository.insert(tx, {
      id,
      person_id: personId,
      status: "BROUILLON",
      channel: actor.kind === "person" ? "EN_LIGNE" : (input.canal ?? "GUICHET"),
      departement: person?.departement ?? (actor.kind === "professional" ? actor.departement : ""),
      started_by_kind: actor.kind === "person" ? "person" : "professional",
      started_by_id: actor.id,
      started_by_structure_id: actor.kind === "professional" ? actor.structureId : null,
      last_step: "identite",
      data: prefill.data,
      nir_cipher: prefill.nirCipher,
      nir_index: prefill.nirIndex,
      provenance: prefill.provenance,
      started_at: now,
      updated_at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "registration.started",
      section: "inscription",
      purpose: "identify",
      personId,
      details: { registrationId: id, prefilled: Object.keys(prefill.provenance).length },
    });
    const created = await registrationsRepository.get(tx, id);
    if (!created) throw registrationErrors.notFound(id);
    return presentRegistration(secrets, created, { today, canEdit: true });
  },
);
