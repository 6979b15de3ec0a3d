// Test helper: fills every step of a draft with valid answers, one save per step, as the form does.
import {
  anIdentite,
  aProjet,
  aSituation,
  someCompetences,
  someFreins,
} from "../../../shared/registration/registration.builders";
import type { Identite, RegistrationView } from "../../../shared/registration/registration.schema";
import type { Actor } from "../../kernel/access";
import type { Deps } from "../../kernel/deps";
import { saveRegistrationStep } from "./save-registration-step";

export async function fillRegistration(
  deps: Deps,
  actor: Actor,
  view: RegistrationView,
  over: { identite?: Partial<Identite>; confirmAll?: boolean } = {},
): Promise<RegistrationView> {
  let v = view;
  const confirme = over.confirmAll === false ? [] : Object.keys(v.prefill);
  const step = async (body: Parameters<typeof saveRegistrationStep>[2]) => {
    v = await saveRegistrationStep(deps, actor, body);
  };
  const identite = { ...anIdentite(), ...v.data.identite, ...over.identite };
  await step({ registrationId: v.id, version: v.version, step: "identite", data: identite, confirme });
  await step({
    registrationId: v.id,
    version: v.version,
    step: "situation",
    data: { ...aSituation(), ...v.data.situation },
    confirme,
  });
  await step({
    registrationId: v.id,
    version: v.version,
    step: "competences",
    data: someCompetences(),
    confirme,
  });
  await step({
    registrationId: v.id,
    version: v.version,
    step: "projet",
    data: {
      ...aProjet(),
      ...(v.data.projet?.numeroFranceTravail
        ? { numeroFranceTravail: v.data.projet.numeroFranceTravail }
        : {}),
    },
    confirme,
  });
  await step({
    registrationId: v.id,
    version: v.version,
    step: "freins",
    data: someFreins({ MOBILITE: { declare: "OUI", impact: "FORT" } }),
    confirme,
  });
  return v;
}
