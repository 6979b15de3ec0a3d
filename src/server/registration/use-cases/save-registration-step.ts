// SaveRegistrationStep: saves one block of the draft as the person goes (PS-56: nothing is lost), with
// the version it was read at (409 otherwise). Pre-filled values of the block are marked confirmed
// when the person says so, corrected when their value changed (PS-06). The NIR is encrypted at once
// and never kept in the draft's data.
import { z } from "zod";
import { checkNir } from "../../../shared/identity/nir";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { departementOfCommune, sameValue, valueAt } from "../../../shared/registration/registration.rules";
import {
  type RegistrationData,
  type RegistrationLastStep,
  registrationIdSchema,
  registrationLastStepSchema,
  saveRegistrationStepBodySchema,
} from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { type Actor, assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { personsRepository } from "../../persons/persons.repository";
import { registrationPolicy } from "../registration.policy";
import { presentRegistration } from "../registration.presenter";
import { registrationsRepository, type StoredConfirmation } from "../registration.repository";

const order = registrationLastStepSchema.options;
function furthest(a: RegistrationLastStep, b: RegistrationLastStep): RegistrationLastStep {
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
function after(step: RegistrationLastStep): RegistrationLastStep {
  return order[Math.min(order.indexOf(step) + 1, order.length - 1)] ?? "recapitulatif";
}

/** Who confirms, and through which channel (a professional helping with an online draft counts as an interview). */
export function confirmer(
  actor: Actor,
  channel: StoredConfirmation["canal"],
): Pick<StoredConfirmation, "canal" | "par"> {
  if (actor.kind === "person") return { canal: "EN_LIGNE", par: "personne" };
  return { canal: channel === "EN_LIGNE" ? "CONSEILLER" : channel, par: "professionnel" };
}

export const saveRegistrationStep = useCase(
  "SaveRegistrationStep",
  z.intersection(z.object({ registrationId: registrationIdSchema }), saveRegistrationStepBodySchema),
  async ({ tx, actor, input, clock, secrets }) => {
    const r = await registrationsRepository.getForUpdate(tx, input.registrationId);
    if (!r) throw registrationErrors.notFound(input.registrationId);
    const scope = {
      personId: r.personId,
      startedByStructureId: r.startedByStructureId,
      personScope: r.personId ? await personsRepository.fileScope(tx, r.personId) : undefined,
    };
    assertCan(registrationPolicy.edit(actor, scope), "registration.edit", {
      personId: r.personId ?? undefined,
      section: "inscription",
      purpose: "identify",
    });
    if (r.status !== "BROUILLON") throw registrationErrors.alreadySubmitted(r.id);
    if (r.version !== input.version) throw registrationErrors.versionConflict(r.id, r.version);

    const now = clock.now();
    let nirCipher = r.nirCipher;
    let nirIndex = r.nirIndex;
    let block: unknown = input.data;
    if (input.step === "identite") {
      const { nir, ...rest } = input.data;
      if (nir) {
        const checked = checkNir(nir);
        if (checked.ok) {
          nirCipher = secrets.encryptNir(checked.nir);
          nirIndex = secrets.nirIndex(checked.nir13);
        }
      }
      block = rest;
    }
    const data = { ...r.data, [input.step]: block } as RegistrationData;

    const confirmations = { ...r.confirmations };
    const by = confirmer(actor, r.channel);
    for (const [path, p] of Object.entries(r.provenance)) {
      if (!path.startsWith(`${input.step}.`)) continue;
      const current = path === "identite.nir" ? nirIndex : valueAt(data, path);
      const previous = confirmations[path];
      if (!sameValue(current, p.brut)) {
        if (previous?.etat !== "CORRIGE")
          confirmations[path] = { etat: "CORRIGE", at: now.toISOString(), ...by };
      } else if (input.confirme?.includes(path)) {
        if (previous?.etat !== "CONFIRME")
          confirmations[path] = { etat: "CONFIRME", at: now.toISOString(), ...by };
      } else if (previous?.etat === "CORRIGE") {
        // back to the pre-filled value without confirming it: to confirm again
        delete confirmations[path];
      }
    }

    const commune = data.identite?.adresse?.codeCommune;
    const version = await registrationsRepository.saveDraft(tx, r.id, r.version, {
      data,
      nirCipher,
      nirIndex,
      confirmations,
      lastStep: furthest(r.lastStep, after(input.step)),
      departement: commune ? departementOfCommune(commune) : r.departement,
      at: now,
    });
    if (version === undefined) throw registrationErrors.versionConflict(r.id, r.version);
    await audit.record(tx, clock, actor, {
      action: "registration.step_saved",
      section: "inscription",
      purpose: input.step === "identite" ? "identify" : "assess",
      personId: r.personId,
      details: { registrationId: r.id, step: input.step },
    });
    const fresh = await registrationsRepository.get(tx, r.id);
    if (!fresh) throw registrationErrors.notFound(r.id);
    return presentRegistration(secrets, fresh, { today: parisToday(clock), canEdit: true });
  },
);
