// Territories: the INSEE zones d'emploi 2020 (dataset "zones-emploi-2020"), then régions,
// départements, EPCI and communes from the Code officiel géographique as packaged by
// @etalab/decoupage-administratif (dataset "cog"). Each commune row carries its zone d'emploi, taken
// from the INSEE commune → zone file at insert time: one write per commune keeps a cold load fast.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";
import { padCommuneCode, padZoneEmploiCode } from "./insee-codes";
import {
  checksumOf,
  dataDir,
  inBatches,
  type ReferenceDataset,
  readCsv,
  readSources,
} from "./reference-dataset";

/** COG year of the package version in package.json; update both together. */
const COG_YEAR = "2026";

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve("@etalab/decoupage-administratif/package.json"));

// Collectivités d'outre-mer (975, 977, 978, 984, 986–989) are in the package as "zone: com" but are
// neither départements nor covered by the zonage en zones d'emploi: Socle keeps the 18 régions and
// 101 départements (metropolitan France and the five DROM).
const zoneSchema = z.enum(["metro", "drom", "com"]);
const regionsSchema = z.array(z.object({ code: z.string(), nom: z.string(), zone: zoneSchema }));
const departementsSchema = z.array(
  z.object({ code: z.string(), nom: z.string(), region: z.string(), zone: zoneSchema }),
);
const epcisSchema = z.array(
  z.object({
    code: z.string().regex(/^[0-9]{9}$/),
    nom: z.string(),
    type: z.string().optional(),
    membres: z.array(z.object({ code: z.string() })),
  }),
);
const communesSchema = z.array(
  z.object({
    code: z.string(),
    nom: z.string(),
    type: z.string(),
    departement: z.string(),
    region: z.string(),
    population: z.number().int().optional(),
    codesPostaux: z.array(z.string()).optional(),
  }),
);

function parseJson<T>(schema: z.ZodType<T>, content: Buffer, file: string): T {
  const parsed = schema.safeParse(JSON.parse(content.toString("utf8")));
  if (!parsed.success)
    throw new Error(`Fichier ${file} de @etalab/decoupage-administratif illisible : ${parsed.error.message}`);
  return parsed.data;
}

/** The 306 zones d'emploi. Its checksum also covers the commune → zone file read by "cog". */
export function zonesEmploiDataset(): ReferenceDataset {
  const files = readSources([
    join(dataDir, "insee", "zones_emploi_2020.csv"),
    join(dataDir, "insee", "zone_emploi_2020_commune.csv"),
  ]);
  const [zonesFile] = files;
  if (!zonesFile) throw new Error("unreachable");
  return {
    name: "zones-emploi-2020",
    version: "2020",
    checksum: checksumOf(files),
    async load(tx) {
      const zones = readCsv(zonesFile, ["ze2020", "libze2020", "nb_com"]).map((r) => ({
        code: padZoneEmploiCode(r.ze2020),
        name: r.libze2020,
        commune_count: Number.parseInt(r.nb_com, 10),
      }));
      await inBatches(zones, (batch) =>
        tx
          .insertInto("zones_emploi")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code").doUpdateSet((eb) => ({
              name: eb.ref("excluded.name"),
              commune_count: eb.ref("excluded.commune_count"),
            })),
          )
          .execute(),
      );
      return { rows: zones.length, details: { zonesEmploi: zones.length } };
    },
  };
}

/**
 * Régions, départements, EPCI and communes (with their zone d'emploi). `zonesChecksum` ties the
 * communes to the zones they reference: new INSEE files reload the communes too.
 */
export function cogDataset(zonesChecksum: string): ReferenceDataset {
  const pkg = z
    .object({ version: z.string() })
    .parse(require("@etalab/decoupage-administratif/package.json"));
  const [regionsFile, departementsFile, epcisFile, communesFile] = readSources(
    ["regions", "departements", "epci", "communes"].map((f) => join(packageDir, "data", `${f}.json`)),
  );
  const [zoneMappingFile] = readSources([join(dataDir, "insee", "zone_emploi_2020_commune.csv")]);
  if (!regionsFile || !departementsFile || !epcisFile || !communesFile || !zoneMappingFile) {
    throw new Error("unreachable");
  }
  return {
    name: "cog",
    version: `${COG_YEAR} (@etalab/decoupage-administratif ${pkg.version})`,
    checksum: checksumOf(
      [regionsFile, departementsFile, epcisFile, communesFile],
      pkg.version,
      zonesChecksum,
    ),
    async load(tx) {
      const regions = parseJson(regionsSchema, regionsFile.content, "regions.json")
        .filter((r) => r.zone !== "com")
        .map((r) => ({ code: r.code, name: r.nom }));
      const departements = parseJson(departementsSchema, departementsFile.content, "departements.json")
        .filter((d) => d.zone !== "com")
        .map((d) => ({ code: d.code, name: d.nom, region_code: d.region }));
      const epciJson = parseJson(epcisSchema, epcisFile.content, "epci.json");
      const epcis = epciJson.map((e) => ({ code: e.code, name: e.nom, kind: e.type ?? null }));
      const epciOfCommune = new Map(epciJson.flatMap((e) => e.membres.map((m) => [m.code, e.code] as const)));
      const zoneOf = new Map(
        readCsv(zoneMappingFile, ["codgeo", "ze2020"]).map((r) => [
          padCommuneCode(r.codgeo),
          padZoneEmploiCode(r.ze2020),
        ]),
      );
      const kept = new Set(departements.map((d) => d.code));
      // "commune-actuelle" only: communes déléguées/associées and the municipal arrondissements of
      // Paris, Lyon and Marseille are parts of a commune, not communes.
      const communes = parseJson(communesSchema, communesFile.content, "communes.json")
        .filter((c) => c.type === "commune-actuelle" && kept.has(c.departement))
        .map((c) => ({
          code: c.code,
          name: c.nom,
          departement_code: c.departement,
          region_code: c.region,
          epci_code: epciOfCommune.get(c.code) ?? null,
          // communes of the COG absent from the INSEE file get no zone (counted below)
          zone_emploi_code: zoneOf.get(c.code) ?? null,
          population: c.population ?? null,
          postal_codes: c.codesPostaux ?? [],
        }));
      const communeCodes = new Set(communes.map((c) => c.code));

      await inBatches(regions, (batch) =>
        tx
          .insertInto("regions")
          .values(batch)
          .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ name: eb.ref("excluded.name") })))
          .execute(),
      );
      await inBatches(departements, (batch) =>
        tx
          .insertInto("departements")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code").doUpdateSet((eb) => ({
              name: eb.ref("excluded.name"),
              region_code: eb.ref("excluded.region_code"),
            })),
          )
          .execute(),
      );
      await inBatches(epcis, (batch) =>
        tx
          .insertInto("epcis")
          .values(batch)
          .onConflict((oc) =>
            oc
              .column("code")
              .doUpdateSet((eb) => ({ name: eb.ref("excluded.name"), kind: eb.ref("excluded.kind") })),
          )
          .execute(),
      );
      await inBatches(communes, (batch) =>
        tx
          .insertInto("communes")
          .values(batch)
          .onConflict((oc) =>
            oc.column("code").doUpdateSet((eb) => ({
              name: eb.ref("excluded.name"),
              departement_code: eb.ref("excluded.departement_code"),
              region_code: eb.ref("excluded.region_code"),
              epci_code: eb.ref("excluded.epci_code"),
              zone_emploi_code: eb.ref("excluded.zone_emploi_code"),
              population: eb.ref("excluded.population"),
              postal_codes: eb.ref("excluded.postal_codes"),
            })),
          )
          .execute(),
      );
      return {
        rows: regions.length + departements.length + epcis.length + communes.length,
        details: {
          regions: regions.length,
          departements: departements.length,
          epcis: epcis.length,
          communes: communes.length,
          // Île-de-Bréhat, Île-de-Sein, Ouessant and L'Île-d'Yeu: single-commune islands outside any EPCI
          communesWithoutEpci: communes.filter((c) => c.epci_code === null).length,
          // communes of the COG absent from the INSEE file (0 with COG 2026 and this INSEE file)
          communesWithoutZone: communes.filter((c) => c.zone_emploi_code === null).length,
          // INSEE communes unknown to this COG (merged or split since the INSEE file was produced)
          unknownInseeCommunes: [...zoneOf.keys()].filter((code) => !communeCodes.has(code)).length,
        },
      };
    },
  };
}
