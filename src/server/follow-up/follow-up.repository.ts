// The only home of the follow-up's SQL: settings per département, the facts the follow-up rules need
// (pathway, orientation decision, contract signatures, points d'étape, contacts), checkpoints, exits and
// the answers to the « suivi dans l'emploi » messages.
import { type ExpressionBuilder, sql } from "kysely";
import type { WorkItemType } from "../../shared/work-items/work-items.schema";
import type { Db } from "../db/connect";
import type { Database } from "../db/schema";
import type {
  FollowUpCheckpointsTable,
  JobFollowUpAnswersTable,
  ParcoursExitsTable,
} from "./follow-up.tables";

type PaEb = ExpressionBuilder<Database & { pa: Database["parcours"] }, "pa">;

/**
 * A « contact » (parcours.md §7.4): a professional's write in the file or a two-way exchange. Sources:
 * contract versions written by a professional or signed, diagnostic versions, notes and documents of the
 * shared file, points d'étape and cordes de rappel held. Honoured appointments are read with the
 * absences (`attendance`), so that both come from one query. Notes of another kind or outreach logs are
 * not contacts yet (none is stored).
 */
const lastContactAt = (eb: PaEb) =>
  sql<Date | null>`greatest(
    (SELECT max(greatest(cv.signed_at, CASE WHEN cv.created_by IS NOT NULL THEN cv.created_at END))
       FROM contract_versions cv JOIN contracts c ON c.id = cv.contract_id WHERE c.person_id = ${eb.ref("pa.person_id")}),
    (SELECT max(dv.created_at) FROM diagnostic_versions dv JOIN diagnostics d ON d.id = dv.diagnostic_id
       WHERE d.person_id = ${eb.ref("pa.person_id")}),
    (SELECT max(n.created_at) FROM file_notes n WHERE n.person_id = ${eb.ref("pa.person_id")}),
    (SELECT max(fd.created_at) FROM file_documents fd WHERE fd.person_id = ${eb.ref("pa.person_id")}),
    (SELECT max(k.recorded_at) FROM follow_up_checkpoints k WHERE k.person_id = ${eb.ref("pa.person_id")})
  )`;

const lastCheckpoint = (eb: PaEb, kind: FollowUpCheckpointsTable["kind"]) =>
  eb
    .selectFrom("follow_up_checkpoints as k")
    .select((k) => k.fn.max("k.held_on").as("d"))
    .whereRef("k.parcours_id", "=", "pa.id")
    .where("k.kind", "=", kind);

/** The référent's structure or professional (else the first active member of the follow-up group). */
const referent = (eb: PaEb, column: "structure_id" | "professional_id") =>
  eb
    .selectFrom("follow_ups as fu")
    .select(`fu.${column}` as "fu.structure_id")
    .whereRef("fu.person_id", "=", "pa.person_id")
    .where("fu.ended_at", "is", null)
    .orderBy(sql`fu.role = 'referent'`, "desc")
    .orderBy("fu.started_at")
    .orderBy("fu.id")
    .limit(1);

const CHUNK = 1000;

export type FollowUpFacts = Awaited<ReturnType<typeof followUpRepository.facts>>[number];

export const followUpRepository = {
  /** The départements that set their own closure months (⚙ suivi.veilleMaxMois), with that setting. */
  async closureMonths(db: Db): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom("follow_up_settings")
      .select(["departement", "closure_months as months"])
      .where("closure_months", "is not", null)
      .execute();
    return new Map(rows.map((r) => [r.departement, r.months!]));
  },
  /** PS-15: ends the former référents' rows whose transition read access has run out; their ids and persons. */
  async endLapsedReadAccess(
    db: Db,
    now: Date,
  ): Promise<{ id: string; personId: string; structureId: string }[]> {
    return db
      .updateTable("follow_ups")
      .set({ ended_at: now })
      .where("ended_at", "is", null)
      .where("read_until", "is not", null)
      .where("read_until", "<=", now)
      .returning(["id", "person_id as personId", "structure_id as structureId"])
      .execute();
  },
  /**
   * The facts of the follow-up rules, one row per pathway: the persons in accompaniment (`active`, for
   * the detection), or one person's latest pathway (the « Suivi » page).
   */
  facts(db: Db, filter: { active: true } | { personId: string }) {
    let q = db
      .selectFrom("parcours as pa")
      .innerJoin("persons as p", "p.id", "pa.person_id")
      .leftJoin("orientations as o", (j) =>
        j.onRef("o.parcours_id", "=", "pa.id").on("o.etat", "=", "OUVERT"),
      )
      .leftJoin("follow_up_settings as s", "s.departement", "pa.departement")
      .select((eb) => [
        "pa.id as parcoursId",
        "pa.person_id as personId",
        "pa.departement",
        "pa.statut_suivi as statutSuivi",
        "pa.version",
        "pa.opened_at as openedAt",
        "o.decided_at as decidedAt",
        "o.structure_id as orientationStructureId",
        "s.point_etape_months as pointEtapeMonths",
        "s.dropout_weeks as dropoutWeeks",
        "s.corde_de_rappel_months as cordeDeRappelMonths",
        eb
          .selectFrom("contract_versions as cv")
          .innerJoin("contracts as c", "c.id", "cv.contract_id")
          .select((x) => x.fn.max("cv.signed_at").as("d"))
          .whereRef("c.person_id", "=", "pa.person_id")
          .as("lastSignedAt"),
        lastCheckpoint(eb, "POINT_ETAPE").as("lastPointEtape"),
        lastCheckpoint(eb, "CORDE_DE_RAPPEL").as("lastCordeDeRappel"),
        lastContactAt(eb).as("lastContactAt"),
        referent(eb, "structure_id").as("referentStructureId"),
        referent(eb, "professional_id").as("referentProfessionalId"),
      ]);
    if ("active" in filter) {
      q = q.where("pa.statut_suivi", "=", "ACTIF").where("p.status", "=", "active");
    } else {
      q = q.where("pa.person_id", "=", filter.personId).orderBy("pa.opened_at", "desc").limit(1);
    }
    return q.orderBy("pa.id").execute();
  },

  /**
   * Appointments with a recorded attendance (HONORE or ABSENT), per person, dated by their slot: for the
   * absence rules, and the honoured ones as contacts.
   */
  async attendance(
    db: Db,
    personIds: readonly string[],
  ): Promise<Map<string, { at: Date; status: string }[]>> {
    const out = new Map<string, { at: Date; status: string }[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return out;
    // in chunks: a département's whole accompanied population is examined at night
    for (let i = 0; i < personIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom("appointments as a")
        .innerJoin("appointment_slots as s", "s.id", "a.slot_id")
        .select(["a.person_id as personId", "s.starts_at as at", "a.status"])
        .where("a.person_id", "in", personIds.slice(i, i + CHUNK))
        .where("a.status", "in", ["HONORE", "ABSENT"])
        .orderBy("s.starts_at")
        .execute();
      for (const r of rows) out.get(r.personId)?.push({ at: r.at, status: r.status });
    }
    return out;
  },

  /** The open work items of a person among `types`. */
  openItemsOf(db: Db, personId: string, types: readonly WorkItemType[]) {
    return db
      .selectFrom("work_items")
      .select(["id", "type", "due_date as dueDate", "structure_id as structureId"])
      .where("person_id", "=", personId)
      .where("type", "in", [...types])
      .where("status", "in", ["A_FAIRE", "EN_COURS"])
      .orderBy("due_date")
      .execute();
  },

  /** The persons among `personIds` with an open item of `type`. */
  async withOpenItem(db: Db, type: WorkItemType, personIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < personIds.length; i += CHUNK) {
      const rows = await db
        .selectFrom("work_items")
        .select("person_id")
        .where("type", "=", type)
        .where("person_id", "in", personIds.slice(i, i + CHUNK))
        .where("status", "in", ["A_FAIRE", "EN_COURS"])
        .execute();
      for (const r of rows) out.add(r.person_id);
    }
    return out;
  },

  async insertCheckpoint(db: Db, k: FollowUpCheckpointsTable) {
    await db.insertInto("follow_up_checkpoints").values(k).execute();
  },

  /** Closes the pathway if it is still at `version` (optimistic lock); returns false otherwise. */
  async closeParcours(db: Db, id: string, version: number, motif: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable("parcours")
      .set({ statut_suivi: "CLOS", closed_at: at, exit_reason: motif, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("statut_suivi", "<>", "CLOS")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertExit(db: Db, e: ParcoursExitsTable) {
    await db.insertInto("parcours_exits").values(e).execute();
  },

  exitOf(db: Db, parcoursId: string) {
    return db
      .selectFrom("parcours_exits")
      .selectAll()
      .where("parcours_id", "=", parcoursId)
      .executeTakeFirst();
  },

  /** The person's latest exit to employment (the one the « suivi dans l'emploi » is about). */
  latestJobExit(db: Db, personId: string) {
    return db
      .selectFrom("parcours_exits")
      .selectAll()
      .where("person_id", "=", personId)
      .where("motif", "=", "EMPLOI")
      .orderBy("recorded_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
  },

  answers(db: Db, exitId: string) {
    return db
      .selectFrom("job_follow_up_answers")
      .selectAll()
      .where("exit_id", "=", exitId)
      .orderBy("answered_at")
      .orderBy("id")
      .execute();
  },

  async insertAnswer(db: Db, a: JobFollowUpAnswersTable) {
    await db.insertInto("job_follow_up_answers").values(a).execute();
  },

  /** Name and contact details for the page title and the messages. */
  person(db: Db, personId: string) {
    return db
      .selectFrom("persons")
      .select([
        "first_names as firstNames",
        "usage_name as usageName",
        "birth_name as birthName",
        "email",
        "phone",
      ])
      .where("id", "=", personId)
      .executeTakeFirst();
  },
};
