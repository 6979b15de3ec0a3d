// The monthly « liste minimale des données à partager » of a département (pilotage.md §5), as a file: one row
// per person and pathway open during the month, with the facts known at its end. It holds personal identifiers,
// so it is an access to each person's file: one audit row per person, with the legal purpose « suivre son
// parcours d'insertion » (the shared steering of the pathway, art. L. 263-4-1 CASF), and one for the file.
import { dataSharingErrors } from "../../../shared/data-sharing/data-sharing.errors";
import { listeMinimaleExportQuerySchema, monthEnd } from "../../../shared/data-sharing/data-sharing.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { assembleRows } from "../data-sharing.assemble";
import { writeListeMinimale } from "../data-sharing.file";
import { dataSharingPolicy } from "../data-sharing.policy";
import { dataSharingRepository } from "../data-sharing.repository";

export const DATA_SHARING_SECTION = "partage_donnees";

export const exportListeMinimale = useCase(
  "ExportListeMinimale",
  listeMinimaleExportQuerySchema,
  async ({ tx, actor, input, clock }) => {
    assertCan(dataSharingPolicy.export(actor, input.departement), "data_sharing.export", {
      section: DATA_SHARING_SECTION,
      purpose: "follow",
    });
    if (!(await dataSharingRepository.departementExists(tx, input.departement)))
      throw dataSharingErrors.unknownDepartement(input.departement);
    const start = `${input.mois}-01`;
    const facts = await dataSharingRepository.exportFacts(tx, input.departement, start, monthEnd(input.mois));
    const rows = assembleRows(facts, input.departement, input.mois);
    const file = await writeListeMinimale(rows, {
      departement: input.departement,
      month: input.mois,
      format: input.format,
      generatedAt: clock.now(),
    });
    const details = {
      departement: input.departement,
      mois: input.mois,
      format: input.format,
      lignes: rows.length,
    };
    await audit.recordMany(tx, clock, actor, [null, ...new Set(rows.map((r) => r.idPersonne))], {
      action: "data_sharing.liste_minimale_exported",
      section: DATA_SHARING_SECTION,
      purpose: "follow",
      details,
    });
    return file;
  },
);
