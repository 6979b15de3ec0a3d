import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { presentTabularImport } from "../tabular-imports.presenter";
import { tabularImportsRepository } from "../tabular-imports.repository";

export const getTabularImport = useCase(
  "GetTabularImport",
  z.object({ importId: z.string().uuid() }),
  async ({ tx, actor, input }) => {
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.view(actor, i), "tabular_import.read");
    return presentTabularImport(i, await tabularImportsRepository.counts(tx, i.id), {
      alreadyUploaded: false,
      canApply: tabularImportsPolicy.apply(actor, i),
    });
  },
);
