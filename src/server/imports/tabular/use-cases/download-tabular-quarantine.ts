// The quarantined rows as a CSV file (« ; », UTF-8 with BOM, as French spreadsheet software expects):
// the original columns and the reasons, to be corrected and uploaded again (PS-58). Rows already
// applied in between change nothing when the corrected file comes back.
import { z } from "zod";
import { tabularImportErrors } from "../../../../shared/imports/tabular/tabular-import.errors";
import { audit } from "../../../audit/audit";
import { assertCan } from "../../../kernel/access";
import { useCase } from "../../../kernel/use-case";
import { tabularImportsPolicy } from "../tabular-imports.policy";
import { tabularImportsRepository } from "../tabular-imports.repository";

export const downloadTabularQuarantine = useCase(
  "DownloadTabularQuarantine",
  z.object({ importId: z.string().uuid() }),
  async ({ tx, actor, input, clock, secrets }) => {
    const i = await tabularImportsRepository.get(tx, input.importId);
    if (!i) throw tabularImportErrors.notFound(input.importId);
    assertCan(tabularImportsPolicy.view(actor, i), "tabular_import.quarantine", {
      section: "import",
      purpose: "identify",
    });
    const rows = await tabularImportsRepository.quarantined(tx, i.id);
    const table = [
      [...i.headers, "Ligne d'origine", "Motifs du rejet"],
      ...rows.map((r) => {
        const cells = JSON.parse(secrets.decryptNir(r.rawCipher)) as string[];
        return [
          ...i.headers.map((_, k) => cells[k] ?? ""),
          String(r.line),
          r.reasons.map((x) => x.message).join(" "),
        ];
      }),
    ];
    await audit.record(tx, clock, actor, {
      action: "imports.tabular.quarantine_exported",
      section: "import",
      purpose: "identify",
      personId: null,
      details: { importId: i.id, rows: rows.length },
    });
    return {
      fileName: `${i.fileName.replace(/\.(csv|xlsx)$/i, "")}-quarantaine.csv`,
      content: `\uFEFF${table.map((line) => line.map(csvField).join(";")).join("\r\n")}\r\n`,
    };
  },
);

/** A CSV field, quoted when it holds a separator, a quote or a line break. */
export function csvField(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
