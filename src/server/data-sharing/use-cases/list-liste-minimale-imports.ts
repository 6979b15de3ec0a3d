// The imports of a département's liste minimale, newest first (counts only; the rejected rows are in each report).
import { listeMinimaleImportsQuerySchema } from "../../../shared/data-sharing/data-sharing.schema";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { dataSharingPolicy } from "../data-sharing.policy";
import { presentImport } from "../data-sharing.presenter";
import { dataSharingRepository } from "../data-sharing.repository";
import { DATA_SHARING_SECTION } from "./export-liste-minimale";

export const listListeMinimaleImports = useCase(
  "ListListeMinimaleImports",
  listeMinimaleImportsQuerySchema,
  async ({ tx, actor, input }) => {
    assertCan(dataSharingPolicy.import(actor, input.departement), "data_sharing.import", {
      section: DATA_SHARING_SECTION,
      purpose: "follow",
    });
    const imports = await dataSharingRepository.listImports(tx, input.departement);
    return {
      imports: imports.map((i) => {
        const { rejets: _r, ...view } = presentImport(i, { alreadyImported: false, rejected: [] });
        return view;
      }),
    };
  },
);
