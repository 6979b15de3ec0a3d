// ROME 4.0 (France Travail open data, data/rome/): grands domaines, domaines professionnels, fiches
// métier and appellations, with a normalised search text for the appellation picker.
import { join } from "node:path";
import { normalizeSearchText } from "../../shared/persons/search-text";
import {
  checksumOf,
  dataDir,
  inBatches,
  type ReferenceDataset,
  readCsv,
  readSources,
} from "./reference-dataset";

/** The version number out of version.txt ("Numero de version : 60"). */
export function romeVersion(versionTxt: string): string {
  const m = /Num[ée]ro de version\s*:\s*(\S+)/i.exec(versionTxt);
  if (!m?.[1]) throw new Error("data/rome/version.txt : numéro de version du ROME introuvable.");
  return m[1];
}

export function romeDataset(): ReferenceDataset {
  const files = readSources(
    [
      "version.txt",
      "grand_domaine.csv",
      "domaine_professionnel.csv",
      "referentiel_code_rome.csv",
      "cr_gd_dp.csv",
      "referentiel_appellation.csv",
    ].map((f) => join(dataDir, "rome", f)),
  );
  const [versionFile, grandsDomainesFile, domainesFile, fichesFile, ficheDomainesFile, appellationsFile] =
    files;
  if (
    !versionFile ||
    !grandsDomainesFile ||
    !domainesFile ||
    !fichesFile ||
    !ficheDomainesFile ||
    !appellationsFile
  ) {
    throw new Error("unreachable");
  }
  return {
    name: "rome",
    version: romeVersion(versionFile.content.toString("utf8")),
    checksum: checksumOf(files),
    async load(tx) {
      const grandsDomaines = readCsv(grandsDomainesFile, ["code_grand_domaine", "libelle_grand_domaine"]).map(
        (r) => ({
          code: r.code_grand_domaine,
          label: r.libelle_grand_domaine,
        }),
      );
      const domaines = readCsv(domainesFile, [
        "code_domaine_professionnel",
        "libelle_domaine_professionnel",
      ]).map((r) => ({
        code: r.code_domaine_professionnel,
        label: r.libelle_domaine_professionnel,
        grand_domaine_code: r.code_domaine_professionnel.slice(0, 1),
      }));
      // the publisher's spelling: "professionel" with one n in this file
      const domaineOfFiche = new Map(
        readCsv(ficheDomainesFile, ["code_rome", "code_domaine_professionel"]).map((r) => [
          r.code_rome,
          r.code_domaine_professionel,
        ]),
      );
      const fiches = readCsv(fichesFile, ["code_rome", "code_ogr", "libelle_rome", "code_rome_parent"]).map(
        (r) => {
          const domaine = domaineOfFiche.get(r.code_rome);
          if (!domaine)
            throw new Error(
              `ROME : la fiche ${r.code_rome} n'a pas de domaine professionnel dans cr_gd_dp.csv.`,
            );
          return {
            code: r.code_rome,
            label: r.libelle_rome,
            parent_code: r.code_rome_parent,
            domaine_code: domaine,
            code_ogr: r.code_ogr,
          };
        },
      );
      const appellations = readCsv(appellationsFile, [
        "code_ogr",
        "libelle_appellation_long",
        "libelle_appellation_court",
        "code_rome",
      ]).map((r) => ({
        code_ogr: r.code_ogr,
        label: r.libelle_appellation_long,
        short_label: r.libelle_appellation_court,
        fiche_code: r.code_rome,
        search_text: normalizeSearchText(r.libelle_appellation_long),
      }));

      await inBatches(grandsDomaines, (batch) =>
        tx
          .insertInto("rome_grands_domaines")
          .values(batch)
          .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ label: eb.ref("excluded.label") })))
          .execute(),
      );
      await inBatches(domaines, (batch) =>
        tx
          .insertInto("rome_domaines")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code").doUpdateSet((eb) => ({
              label: eb.ref("excluded.label"),
              grand_domaine_code: eb.ref("excluded.grand_domaine_code"),
            })),
          )
          .execute(),
      );
      await inBatches(fiches, (batch) =>
        tx
          .insertInto("rome_fiches")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code").doUpdateSet((eb) => ({
              label: eb.ref("excluded.label"),
              parent_code: eb.ref("excluded.parent_code"),
              domaine_code: eb.ref("excluded.domaine_code"),
              code_ogr: eb.ref("excluded.code_ogr"),
            })),
          )
          .execute(),
      );
      await inBatches(appellations, (batch) =>
        tx
          .insertInto("rome_appellations")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code_ogr").doUpdateSet((eb) => ({
              label: eb.ref("excluded.label"),
              short_label: eb.ref("excluded.short_label"),
              fiche_code: eb.ref("excluded.fiche_code"),
              search_text: eb.ref("excluded.search_text"),
            })),
          )
          .execute(),
      );
      return {
        rows: grandsDomaines.length + domaines.length + fiches.length + appellations.length,
        details: {
          grandsDomaines: grandsDomaines.length,
          domaines: domaines.length,
          fiches: fiches.length,
          appellations: appellations.length,
        },
      };
    },
  };
}
