import { z } from "zod";
import { importsErrors } from "../../../shared/imports/imports.errors";
import { importIdSchema } from "../../../shared/imports/imports.schema";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { importsPolicy } from "../imports.policy";
import { presentImportReport } from "../imports.presenter";
import { importsRepository } from "../imports.repository";

export const REPORT_QUARANTINE_LIMIT = 1000;

export const getImportReport = useCase(
  "GetImportReport",
  z.object({ importId: importIdSchema }),
  async ({ tx, actor, input }) => {
    const row = await importsRepository.get(tx, input.importId);
    if (!row) throw importsErrors.notFound(input.importId);
    assertCan(importsPolicy.manageFlux(actor, row.departement), "imports.report", {
      section: "import",
      purpose: "identify",
    });
    const quarantined = await importsRepository.quarantined(tx, row.id, REPORT_QUARANTINE_LIMIT);
    const total =
      quarantined.length < REPORT_QUARANTINE_LIMIT
        ? quarantined.length
        : await importsRepository.quarantinedCount(tx, row.id);
    return presentImportReport(row, quarantined, total);
  },
);
