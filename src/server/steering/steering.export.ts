// A steering report as a file, in the long format of the open-data tables (pilotage.md §6): one row per
// indicator × period × category, with the definitions and the extraction date. CSV (UTF-8, « ; », LF,
// one header row), XLSX (exceljs: the values, then the definitions) or JSON.
import ExcelJS from "exceljs";
import type { ExportFormat, IndicatorsReport } from "../../shared/steering/steering.schema";

export const exportColumns = [
  "indicateur",
  "version",
  "nom",
  "niveau",
  "code_territoire",
  "periode",
  "debut",
  "fin",
  "ventilation",
  "modalite",
  "libelle_modalite",
  "valeur",
  "numerateur",
  "denominateur",
  "moyenne",
  "statut",
  "date_extraction",
] as const;
type ExportRow = Record<(typeof exportColumns)[number], string | number | null>;

export function exportRows(r: IndicatorsReport): ExportRow[] {
  return r.indicateurs.flatMap((ind) =>
    ind.valeurs.map((v) => ({
      indicateur: ind.id,
      version: ind.version,
      nom: ind.nom,
      niveau: r.territoire.niveau,
      code_territoire: r.territoire.code ?? "FR",
      periode: v.periode,
      debut: v.debut,
      fin: v.fin,
      ventilation: v.ventilation,
      modalite: v.modalite,
      libelle_modalite: v.libelleModalite,
      valeur: v.valeur,
      numerateur: v.numerateur,
      denominateur: v.denominateur,
      moyenne: v.moyenne,
      statut: v.statut,
      date_extraction: r.calculeLe,
    })),
  );
}

/** A CSV field, quoted when it holds the separator, a quote or a line break. */
const csvField = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export type ExportFile = { fileName: string; contentType: string; content: Buffer };

export async function exportFile(
  r: IndicatorsReport,
  format: ExportFormat,
  meta: { openData: boolean; threshold: number | null },
): Promise<ExportFile> {
  const base = `indicateurs_${r.territoire.niveau}_${r.territoire.code ?? "FR"}_${r.de}_${r.a}${meta.openData ? "_donnees-ouvertes" : ""}`;
  const rows = exportRows(r);
  if (format === "csv") {
    const lines = [
      exportColumns.join(";"),
      ...rows.map((row) => exportColumns.map((c) => csvField(row[c])).join(";")),
    ];
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      content: Buffer.from(`${lines.join("\n")}\n`, "utf8"),
    };
  }
  const definitions = r.indicateurs.map((i) => ({
    indicateur: i.id,
    version: i.version,
    nom: i.nom,
    definition: i.definition,
    numerateur: i.numerateur,
    denominateur: i.denominateur,
    fenetre: i.fenetre,
    cohorte: i.cohorte,
    unite: i.unite,
    disponibilite: i.disponible ? "disponible" : (i.message ?? "non disponible"),
  }));
  if (format === "json") {
    const body = {
      territoire: r.territoire,
      de: r.de,
      a: r.a,
      granularite: r.granularite,
      dateExtraction: r.calculeLe,
      donneesOuvertes: meta.openData,
      seuilSecret: meta.threshold,
      licence: meta.openData ? "Licence Ouverte 2.0" : null,
      definitions,
      valeurs: rows,
    };
    return {
      fileName: `${base}.json`,
      contentType: "application/json; charset=utf-8",
      content: Buffer.from(JSON.stringify(body, null, 2), "utf8"),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Socle";
  const values = wb.addWorksheet("Indicateurs");
  values.columns = exportColumns.map((c) => ({ header: c, key: c, width: c === "nom" ? 50 : 16 }));
  for (const row of rows) values.addRow(row);
  const defs = wb.addWorksheet("Définitions");
  defs.columns = Object.keys(definitions[0] ?? { indicateur: "" }).map((c) => ({
    header: c,
    key: c,
    width: c === "definition" ? 100 : 24,
  }));
  for (const d of definitions) defs.addRow(d);
  const about = wb.addWorksheet("À propos");
  about.addRows([
    ["Territoire", `${r.territoire.nom} (${r.territoire.niveau} ${r.territoire.code ?? "FR"})`],
    ["Période", `${r.de} à ${r.a} (${r.granularite})`],
    ["Date d'extraction", r.calculeLe],
    ["Données ouvertes", meta.openData ? `oui, secret statistique sous ${meta.threshold} personnes` : "non"],
  ]);
  return {
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
