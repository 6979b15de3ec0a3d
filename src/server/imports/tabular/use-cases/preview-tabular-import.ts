// PreviewTabularImport: each row checked on its own with the current mapping; the 50 first rows with
// their result in French and what applying them would do, and the counts of the whole file.
import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { mappingIssues, validateTabularRow } from "../../../../shared/imports/tabular/tabular-import.rules";
import {
  PREVIEW_ROWS,
  type PreviewRow,
  type TabularMapping,
} from "../../../../shared/imports/tabular/tabular-import.schema";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { readTabularFile } from "../tabular-file";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { presentCells } from "../tabular-imports.presenter";
import { tabularImportsRepository } from "../tabular-imports.repository";
import { previewRow, rowKeys } from "../tabular-row";

export const previewTabularImport = useCase(
  "PreviewTabularImport",
  z.object({ importId: z.string().uuid() }),
  async ({ tx, actor, input, secrets }) => {
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.view(actor, i), "tabular_import.preview", {
      section: "import",
      purpose: "identify",
    });
    const mapping: TabularMapping = i.mapping;

    // before applying, the file itself; afterwards, its staged rows
    let rows: { line: number; cells: string[] }[];
    if (i.contentCipher) {
      const file = await readTabularFile(
        i.fileName,
        Buffer.from(secrets.decryptNir(i.contentCipher), "base64"),
      );
      rows = file.rows.map((cells, k) => ({ line: k + 2, cells }));
    } else {
      const staged = await tabularImportsRepository.rows(tx, i.id, undefined, 1, Math.max(i.rowCount, 1));
      rows = staged.items.map((r) => ({
        line: r.line,
        cells: JSON.parse(secrets.decryptNir(r.rawCipher)) as string[],
      }));
    }

    let valid = 0;
    const shown: PreviewRow[] = [];
    for (const { line, cells } of rows) {
      const check = validateTabularRow(cells, mapping);
      if (check.ok) valid += 1;
      if (shown.length >= PREVIEW_ROWS) continue;
      if (!check.ok) {
        shown.push({
          line,
          action: "INVALIDE",
          message: `Ligne mise en quarantaine : ${check.reasons.map((r) => r.message).join(" ")}`,
          reasons: check.reasons,
          values: presentCells(cells, mapping),
        });
        continue;
      }
      const predicted = await previewRow(tx, secrets, check.value, rowKeys(secrets, check.value));
      shown.push({ line, ...predicted, reasons: [], values: presentCells(cells, mapping, check.value) });
    }
    return {
      total: rows.length,
      valid,
      invalid: rows.length - valid,
      rows: shown,
      mappingIssues: mappingIssues(mapping, i.headers.length),
    };
  },
);
