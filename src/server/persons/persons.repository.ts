// The only home of persons' SQL (identity, follow-ups, merges).
import { sql } from "kysely";
import type { Db } from "../db/connect";
import type { ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "./persons.policy";
import { visiblePersonsScope } from "./persons.policy";
import type { PersonsTable } from "./persons.tables";

export type PersonRecord = Awaited<ReturnType<typeof personsRepository.get>>;
export type PersonSearch =
  | { kind: "all" }
  | { kind: "nir"; nirIndex: string }
  | { kind: "franceTravailId"; value: string }
  | { kind: "name"; text: string };

const personColumns = [
  "p.id",
  "p.version",
  "p.status",
  "p.merged_into as mergedInto",
  "p.nir_cipher as nirCipher",
  "p.birth_name as birthName",
  "p.usage_name as usageName",
  "p.first_names as firstNames",
  "p.sex",
  "p.birth_date as birthDate",
  "p.birth_place as birthPlace",
  "p.nationality",
  "p.email",
  "p.phone",
  "p.address_line as addressLine",
  "p.postal_code as postalCode",
  "p.commune_code as communeCode",
  "p.departement",
  "p.france_travail_id as franceTravailId",
  "p.caf_organisme as cafOrganisme",
  "p.caf_numorg as cafNumorg",
  "p.caf_matricule as cafMatricule",
  "p.household_role as householdRole",
] as const;

export const personsRepository = {
  get(db: Db, id: string) {
    return db
      .selectFrom("persons as p")
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .select([...personColumns, "c.name as communeName"])
      .where("p.id", "=", id)
      .executeTakeFirst();
  },

  /** The NIR's last two characters (its key), stored in clear: a masked NIR without decrypting it. */
  async nirLastDigits(db: Db, id: string): Promise<string | null> {
    const r = await db
      .selectFrom("persons")
      .select("nir_last_digits")
      .where("id", "=", id)
      .executeTakeFirst();
    return r?.nir_last_digits ?? null;
  },

  getActive(db: Db, id: string) {
    return db
      .selectFrom("persons as p")
      .select([
        "p.id",
        "p.first_names as firstNames",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
      ])
      .where("p.id", "=", id)
      .where("p.status", "=", "active")
      .executeTakeFirst();
  },

  async fileScope(db: Db, personId: string): Promise<PersonFileScope | undefined> {
    const p = await db
      .selectFrom("persons")
      .select(["id", "departement"])
      .where("id", "=", personId)
      .executeTakeFirst();
    if (!p) return undefined;
    const followUps = await db
      .selectFrom("follow_ups")
      .select(["structure_id as structureId", "professional_id as professionalId", "role"])
      .where("person_id", "=", personId)
      .where("ended_at", "is", null)
      .execute();
    const pending = await db
      .selectFrom("orientations as o")
      .innerJoin("parcours as pa", "pa.id", "o.parcours_id")
      .select("pa.departement")
      .where("o.person_id", "=", personId)
      .where("o.etat", "in", ["BROUILLON", "EN_ATTENTE"])
      .executeTakeFirst();
    return {
      personId: p.id,
      departement: p.departement,
      followUps,
      pendingOrientationDepartement: pending?.departement ?? null,
    };
  },

  followUpsOf(db: Db, personId: string) {
    return db
      .selectFrom("follow_ups as f")
      .innerJoin("structures as s", "s.id", "f.structure_id")
      .leftJoin("professionals as pr", "pr.id", "f.professional_id")
      .select([
        "f.id",
        "f.structure_id as structureId",
        "s.name as structureName",
        "s.kind as structureKind",
        "pr.first_name as professionalFirstName",
        "pr.last_name as professionalLastName",
        "f.role",
        "f.started_at as startedAt",
      ])
      .where("f.person_id", "=", personId)
      .where("f.ended_at", "is", null)
      .orderBy("f.started_at")
      .execute();
  },

  /** Persons visible to a professional (same rule as personsPolicy.view), paged, active only. */
  async search(db: Db, actor: ProfessionalActor, search: PersonSearch, page: number, pageSize: number) {
    let q = db.selectFrom("persons as p").where("p.status", "=", "active").where(visiblePersonsScope(actor));
    if (search.kind === "nir") q = q.where("p.nir_index", "=", search.nirIndex);
    if (search.kind === "franceTravailId") q = q.where("p.france_travail_id", "=", search.value);
    if (search.kind === "name") {
      const words = search.text.split(" ").filter(Boolean).slice(0, 4);
      for (const w of words) {
        const like = `${w.replace(/[%_\\]/g, "")}%`;
        q = q.where((eb) =>
          eb.or([eb("p.search_text", "like", like), eb("p.search_text", "like", `% ${like}`)]),
        );
      }
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const items = await q
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .select([
        "p.id",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "p.birth_date as birthDate",
        "p.nir_cipher as nirCipher",
        "p.france_travail_id as franceTravailId",
        "c.name as communeName",
        (eb) =>
          eb
            .selectFrom("follow_ups as r")
            .innerJoin("professionals as rp", "rp.id", "r.professional_id")
            .select(sql<string>`rp.first_name || ' ' || rp.last_name`.as("n"))
            .whereRef("r.person_id", "=", "p.id")
            .where("r.ended_at", "is", null)
            .where("r.role", "=", "referent")
            .limit(1)
            .as("referentName"),
      ])
      .orderBy("p.birth_name")
      .orderBy("p.first_names")
      .orderBy("p.id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
  },

  /** Optimistic update: only applies if the stored version is still `version`; returns the new version. */
  async updateContact(
    db: Db,
    id: string,
    version: number,
    patch: { email: string | null; phone: string | null },
    now: Date,
  ) {
    const r = await db
      .updateTable("persons")
      .set({ email: patch.email, phone: patch.phone, updated_at: now, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async insert(
    db: Db,
    row: Omit<PersonsTable, "status" | "version" | "merged_into"> & { merged_into?: null },
  ) {
    await db.insertInto("persons").values(row).execute();
  },

  async markMerged(db: Db, absorbedId: string, survivingId: string, now: Date) {
    await db
      .updateTable("persons")
      .set({ status: "merged", merged_into: survivingId, updated_at: now, version: sql`version + 1` })
      .where("id", "=", absorbedId)
      .execute();
  },

  async unmarkMerged(db: Db, absorbedId: string, now: Date) {
    await db
      .updateTable("persons")
      .set({ status: "active", merged_into: null, updated_at: now, version: sql`version + 1` })
      .where("id", "=", absorbedId)
      .execute();
  },

  async moveFollowUps(db: Db, fromId: string, toId: string): Promise<string[]> {
    const rows = await db
      .updateTable("follow_ups")
      .set({ person_id: toId })
      .where("person_id", "=", fromId)
      .where("ended_at", "is", null)
      .returning("id")
      .execute();
    return rows.map((r) => r.id);
  },

  async restoreFollowUps(db: Db, ids: string[], toId: string) {
    if (ids.length === 0) return;
    await db.updateTable("follow_ups").set({ person_id: toId }).where("id", "in", ids).execute();
  },

  async insertMerge(
    db: Db,
    m: {
      id: string;
      survivingId: string;
      absorbedId: string;
      operatorId: string;
      reason: string;
      evidence: object;
      movedFollowUps: string[];
      at: Date;
    },
  ) {
    await db
      .insertInto("person_merges")
      .values({
        id: m.id,
        surviving_id: m.survivingId,
        absorbed_id: m.absorbedId,
        operator_id: m.operatorId,
        reason: m.reason,
        evidence: JSON.stringify(m.evidence),
        moved_follow_ups: m.movedFollowUps,
        merged_at: m.at,
      })
      .execute();
  },

  openMerge(db: Db, mergeId: string) {
    return db
      .selectFrom("person_merges")
      .select([
        "id",
        "surviving_id as survivingId",
        "absorbed_id as absorbedId",
        "moved_follow_ups as movedFollowUps",
      ])
      .where("id", "=", mergeId)
      .where("undone_at", "is", null)
      .executeTakeFirst();
  },

  async closeMerge(db: Db, mergeId: string, by: string, now: Date) {
    await db
      .updateTable("person_merges")
      .set({ undone_at: now, undone_by: by })
      .where("id", "=", mergeId)
      .execute();
  },

  /** The person and every record merged into it (audit entries of aliases belong to the person too). */
  async aliasIds(db: Db, personId: string): Promise<string[]> {
    const rows = await db.selectFrom("persons").select("id").where("merged_into", "=", personId).execute();
    return [personId, ...rows.map((r) => r.id)];
  },
};
