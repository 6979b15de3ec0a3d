// The report of an import, row by row (the quarantine with its reasons among them).
import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { validateTabularRow } from "../../../../shared/imports/tabular/tabular-import.rules";
import { tabularRowsQuerySchema } from "../../../../shared/imports/tabular/tabular-import.schema";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { presentCells } from "../tabular-imports.presenter";
import { tabularImportsRepository } from "../tabular-imports.repository";

const PAGE_SIZE = 50;

export const listTabularImportRows = useCase(
  "ListTabularImportRows",
  tabularRowsQuerySchema.extend({ importId: z.string().uuid() }),
  async ({ tx, actor, input, secrets }) => {
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.view(actor, i), "tabular_import.rows", {
      section: "import",
      purpose: "identify",
    });
    const r = await tabularImportsRepository.rows(tx, i.id, input.status, input.page, PAGE_SIZE);
    return {
      total: r.total,
      page: input.page,
      pageSize: PAGE_SIZE,
      items: r.items.map((row) => {
        const cells = JSON.parse(secrets.decryptNir(row.rawCipher)) as string[];
        const check = validateTabularRow(cells, i.mapping);
        return {
          line: row.line,
          status: row.status,
          reasons: row.reasons,
          personId: row.personId,
          values: presentCells(cells, i.mapping, check.ok ? check.value : undefined),
        };
      }),
    };
  },
);
