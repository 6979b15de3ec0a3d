import { z } from "zod";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsRepository } from "../../persons/persons.repository";
import { audit } from "../audit";
import { presentAuditEntry } from "../audit.presenter";
import { auditRepository } from "../audit.repository";

/** « Qui a consulté mon dossier » (PS-19): every access to the person's file, their own included,
 * denied attempts too, over the person and the records merged into it. */
export const getMyAuditLog = useCase("GetMyAuditLog", z.object({}), async ({ tx, actor, clock }) => {
  assertCan(actor.kind === "person", "audit.read_own", { section: "journal", purpose: "follow" });
  const ids = await personsRepository.aliasIds(tx, actor.id);
  const rows = await auditRepository.listForPerson(tx, ids);
  await audit.record(tx, clock, actor, {
    action: "audit.read",
    section: "journal",
    purpose: "follow",
    personId: actor.id,
  });
  return { items: rows.map(presentAuditEntry) };
});
