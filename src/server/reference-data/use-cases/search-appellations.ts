import { searchAppellationsQuerySchema } from "../../../shared/reference-data/reference-data.schema";
import { useCase } from "../../kernel/use-case";
import { referenceDataRepository } from "../reference-data.repository";

/** The ROME is public reference data: any signed-in actor may search it, nothing is audited. */
export const searchAppellations = useCase(
  "SearchAppellations",
  searchAppellationsQuerySchema,
  async ({ tx, input }) => {
    const rows = await referenceDataRepository.searchAppellations(tx, input.q, input.limit);
    return {
      items: rows.map((r) => ({
        codeOgr: r.codeOgr,
        label: r.label,
        fiche: { code: r.ficheCode, label: r.ficheLabel },
      })),
    };
  },
);
