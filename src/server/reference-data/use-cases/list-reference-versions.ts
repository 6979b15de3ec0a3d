import { z } from "zod";
import { useCase } from "../../kernel/use-case";
import { referenceDataRepository } from "../reference-data.repository";

/** Public: which reference data versions this instance runs on (no checksum, no personal data). */
export const listReferenceVersions = useCase("ListReferenceVersions", z.object({}), async ({ tx }) => {
  const rows = await referenceDataRepository.versions(tx);
  return {
    items: rows.map((r) => ({
      dataset: r.dataset,
      version: r.version,
      rowCount: r.rowCount,
      loadedAt: r.loadedAt.toISOString(),
    })),
  };
});
