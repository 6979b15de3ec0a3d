import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { updateTabularMappingBodySchema } from "../../../../shared/imports/tabular/tabular-import.schema";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { presentTabularImport } from "../tabular-imports.presenter";
import { tabularImportsRepository } from "../tabular-imports.repository";

export const updateTabularMapping = useCase(
  "UpdateTabularMapping",
  updateTabularMappingBodySchema.extend({ importId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    await tabularImportsRepository.lockForUpdate(tx, input.importId);
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.apply(actor, i), "tabular_import.mapping", {
      section: "import",
      purpose: "identify",
    });
    if (i.status !== "TELEVERSE") throw tabularImportErrors.alreadyStarted(i.id);
    if (i.version !== input.version) throw tabularImportErrors.versionConflict(i.id, i.version);
    const version = await tabularImportsRepository.updateMapping(
      tx,
      i.id,
      i.version,
      input.mapping,
      clock.now(),
    );
    if (version === undefined) throw tabularImportErrors.versionConflict(i.id, i.version);
    const fresh = await tabularImportsRepository.get(tx, i.id);
    if (!fresh) throw tabularImportErrors.notFound(i.id);
    return presentTabularImport(fresh, await tabularImportsRepository.counts(tx, i.id), {
      alreadyUploaded: false,
      canApply: true,
    });
  },
);
