// The steering figures as a file (CSV, XLSX, JSON), the same for the HTTP download and `socle export
// indicators`. Open-data mode hides small cells and what could recompute them (pilotage.md §6).
import { steeringParams } from "../../../shared/steering/steering.catalogue";
import { applyOpenDataSecrecy } from "../../../shared/steering/steering.open-data";
import { indicatorsExportQuerySchema } from "../../../shared/steering/steering.schema";
import { audit } from "../../audit/audit";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { exportFile } from "../steering.export";
import { loadSteeringReport } from "../steering.load";

export const exportIndicators = useCase(
  "ExportIndicators",
  indicatorsExportQuerySchema,
  async ({ tx, actor, input, clock }) => {
    const exact = await loadSteeringReport(tx, actor, input, parisToday(clock), "steering.export");
    const threshold = input.donneesOuvertes ? (input.seuil ?? steeringParams.seuilSecret) : null;
    const report = threshold === null ? exact : applyOpenDataSecrecy(exact, threshold);
    const file = await exportFile(report, input.format, { openData: input.donneesOuvertes, threshold });
    await audit.record(tx, clock, actor, {
      action: "steering.indicators_exported",
      section: "pilotage",
      purpose: "follow",
      personId: null,
      details: {
        niveau: input.niveau,
        code: report.territoire.code,
        de: input.de,
        a: input.a,
        format: input.format,
        donneesOuvertes: input.donneesOuvertes,
      },
    });
    return file;
  },
);
