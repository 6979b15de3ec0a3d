import { z } from "zod";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { managedDepartement } from "../../../persons/persons.policy";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { tabularImportsRepository } from "../tabular-imports.repository";

export const listTabularImports = useCase("ListTabularImports", z.object({}), async ({ tx, actor }) => {
  assertCan(tabularImportsPolicy.upload(actor), "tabular_import.list");
  if (actor.kind !== "professional") return { items: [] };
  const rows = await tabularImportsRepository.list(tx, {
    structureId: actor.structureId,
    departement: managedDepartement(actor),
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
});
