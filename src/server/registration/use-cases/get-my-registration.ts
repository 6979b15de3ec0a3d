// The person's own registration, for the « M'inscrire » card of their space.
import { z } from "zod";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { presentRegistrationSummary } from "../registration.presenter";
import { registrationsRepository } from "../registration.repository";

export const getMyRegistration = useCase("GetMyRegistration", z.object({}), async ({ tx, actor, clock }) => {
  assertCan(actor.kind === "person", "registration.mine");
  const latest = await registrationsRepository.latestOf(tx, actor.id);
  await audit.record(tx, clock, actor, {
    action: "registration.read",
    section: "inscription",
    purpose: "identify",
    personId: actor.id,
    details: { registrationId: latest?.id ?? null },
  });
  return {
    registration: latest
      ? presentRegistrationSummary({
          ...latest,
          channel: latest.channel,
          birthName: null,
          usageName: null,
          firstNames: null,
        })
      : null,
    parcoursOuvert: await registrationsRepository.hasOpenParcours(tx, actor.id),
  };
});
