// Drafts started by the professional's structure and not yet sent: the counter's own « to finish » list.
import { z } from "zod";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { registrationPolicy } from "../registration.policy";
import { presentRegistrationSummary } from "../registration.presenter";
import { registrationsRepository } from "../registration.repository";

export const listRegistrations = useCase("ListRegistrations", z.object({}), async ({ tx, actor, clock }) => {
  assertCan(registrationPolicy.list(actor), "registration.list");
  if (actor.kind !== "professional") return { items: [] };
  const rows = await registrationsRepository.listDraftsOfStructure(tx, actor.structureId);
  await audit.recordMany(
    tx,
    clock,
    actor,
    rows.map((r) => r.personId),
    { action: "registration.listed", section: "liste", purpose: "identify" },
  );
  return { items: rows.map(presentRegistrationSummary) };
});
