// Reads over the reference tables (territories, ROME). Writes happen only in the loaders.
import { sql } from "kysely";
import { normalizeSearchText } from "../../shared/persons/search-text";
import type { Db } from "../db/connect";

export const referenceDataRepository = {
  /**
   * Appellations whose label contains every word of `q` as a word prefix ("boul" finds
   * "Aide-boulanger / Aide-boulangère"). Labels starting with the first word come first, then
   * shorter labels. search_text only holds [a-z0-9 ], so the words need no LIKE escaping.
   */
  async searchAppellations(db: Db, q: string, limit: number) {
    const words = normalizeSearchText(q).split(" ").filter(Boolean);
    const first = words[0];
    if (!first) return [];
    let query = db
      .selectFrom("rome_appellations as a")
      .innerJoin("rome_fiches as f", "f.code", "a.fiche_code")
      .select(["a.code_ogr as codeOgr", "a.label", "f.code as ficheCode", "f.label as ficheLabel"]);
    for (const w of words) {
      query = query.where((eb) =>
        eb.or([eb("a.search_text", "like", `${w}%`), eb("a.search_text", "like", `% ${w}%`)]),
      );
    }
    return query
      .orderBy(sql`a.search_text like ${`${first}%`}`, "desc")
      .orderBy(sql`length(a.label)`)
      .orderBy("a.code_ogr")
      .limit(limit)
      .execute();
  },

  departement(db: Db, code: string) {
    return db
      .selectFrom("departements as d")
      .innerJoin("regions as r", "r.code", "d.region_code")
      .select(["d.code", "d.name", "r.code as regionCode", "r.name as regionName"])
      .where("d.code", "=", code)
      .executeTakeFirst();
  },

  regions(db: Db) {
    return db.selectFrom("regions").select(["code", "name"]).execute();
  },

  region(db: Db, code: string) {
    return db.selectFrom("regions").select(["code", "name"]).where("code", "=", code).executeTakeFirst();
  },

  departementsOfRegion(db: Db, region: string) {
    return db.selectFrom("departements").select(["code", "name"]).where("region_code", "=", region).execute();
  },

  zoneEmploi(db: Db, code: string) {
    return db.selectFrom("zones_emploi").select(["code", "name"]).where("code", "=", code).executeTakeFirst();
  },

  /** Départements holding communes of the zone d'emploi, with their région and how many communes. */
  departementsOfZoneEmploi(db: Db, zoneEmploi: string) {
    return db
      .selectFrom("communes as c")
      .innerJoin("departements as d", "d.code", "c.departement_code")
      .innerJoin("regions as r", "r.code", "d.region_code")
      .select((eb) => [
        "d.code",
        "d.name",
        "r.code as regionCode",
        "r.name as regionName",
        eb.fn.countAll<number>().as("communeCount"),
      ])
      .where("c.zone_emploi_code", "=", zoneEmploi)
      .groupBy(["d.code", "d.name", "r.code", "r.name"])
      .orderBy("d.code")
      .execute();
  },

  /** Zones d'emploi with at least one commune in the département (a zone can span several). */
  zonesEmploiOfDepartement(db: Db, departement: string) {
    return db
      .selectFrom("zones_emploi as z")
      .innerJoin("communes as c", "c.zone_emploi_code", "z.code")
      .select((eb) => ["z.code", "z.name", eb.fn.countAll<number>().as("communeCount")])
      .where("c.departement_code", "=", departement)
      .groupBy(["z.code", "z.name"])
      .orderBy("z.code")
      .execute();
  },

  communesOfDepartement(db: Db, departement: string) {
    return db
      .selectFrom("communes")
      .select([
        "code",
        "name",
        "zone_emploi_code as zoneEmploiCode",
        "postal_codes as postalCodes",
        "population",
      ])
      .where("departement_code", "=", departement)
      .orderBy("code")
      .execute();
  },

  versions(db: Db) {
    return db
      .selectFrom("reference_versions")
      .select(["dataset", "version", "row_count as rowCount", "checksum", "loaded_at as loadedAt"])
      .orderBy("dataset")
      .execute();
  },
};
