// The only home of work items' SQL. At most one open item per type, person and subject (unique index):
// opening an item that is already open returns the existing one. Lists are sorted by due date.
import { sql } from "kysely";
import type { LocalDate } from "../../shared/kernel/dates";
import type { WorkItemStatus, WorkItemType } from "../../shared/work-items/work-items.schema";
import type { Db } from "../db/connect";

/** Whose queue: the SQL side of workItemsPolicy (a département's orientation items, a structure, a person). */
export type WorkItemQueue =
  | {
      kind: "departement";
      departement: string;
      types: readonly WorkItemType[];
      /** France Travail under a PAR_DEFAUT delegation sees the decisions only from T0 + 1 month */
      fromFallbackDate?: boolean;
    }
  | { kind: "structure"; structureId: string }
  | { kind: "assignee"; professionalId: string };

export type WorkItemFilter = {
  types?: readonly WorkItemType[];
  statuses?: readonly WorkItemStatus[];
  today: LocalDate;
  page: number;
  pageSize: number;
};

export type NewWorkItem = {
  id: string;
  type: WorkItemType;
  personId: string;
  subjectId: string | null;
  departement: string;
  structureId: string | null;
  assigneeId?: string | null;
  createdAt: Date;
  dueDate: string;
  dueSoonDate: string;
};

const newRow = (w: NewWorkItem) => ({
  id: w.id,
  type: w.type,
  person_id: w.personId,
  subject_id: w.subjectId,
  departement: w.departement,
  structure_id: w.structureId,
  assignee_id: w.assigneeId ?? null,
  status: "A_FAIRE" as const,
  created_at: w.createdAt,
  due_date: w.dueDate,
  due_soon_date: w.dueSoonDate,
});

export const workItemsRepository = {
  /**
   * Opens many items in one statement; an item already open (same type, person and subject) is left as it
   * is (unique index, ON CONFLICT DO NOTHING). Returns the ids actually created.
   */
  async openMany(db: Db, items: readonly NewWorkItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = await db
      .insertInto("work_items")
      .values(items.map(newRow))
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .execute();
    return rows.map((r) => r.id);
  },

  async open(db: Db, w: NewWorkItem): Promise<{ id: string; created: boolean }> {
    const existing = await db
      .selectFrom("work_items")
      .select("id")
      .where("type", "=", w.type)
      .where("person_id", "=", w.personId)
      .where(
        sql<boolean>`coalesce(subject_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${w.subjectId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where("status", "in", ["A_FAIRE", "EN_COURS"])
      .executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    await db.insertInto("work_items").values(newRow(w)).execute();
    return { id: w.id, created: true };
  },

  /** Closes the open items of a type for a person (and subject, when given): the event itself closes them. */
  async close(
    db: Db,
    c: {
      type: WorkItemType;
      personId: string;
      subjectId?: string | null;
      at: Date;
      status?: "FAIT" | "ANNULE";
    },
  ) {
    let q = db
      .updateTable("work_items")
      .set({ status: c.status ?? "FAIT", closed_at: c.at })
      .where("type", "=", c.type)
      .where("person_id", "=", c.personId)
      .where("status", "in", ["A_FAIRE", "EN_COURS"]);
    if (c.subjectId !== undefined) q = q.where("subject_id", c.subjectId === null ? "is" : "=", c.subjectId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** The same for many persons and types in one statement (a batch of pathways closing). */
  async closeMany(
    db: Db,
    c: { types: readonly WorkItemType[]; personIds: readonly string[]; at: Date; status: "FAIT" | "ANNULE" },
  ): Promise<number> {
    if (c.personIds.length === 0 || c.types.length === 0) return 0;
    const r = await db
      .updateTable("work_items")
      .set({ status: c.status, closed_at: c.at })
      .where("type", "in", [...c.types])
      .where("person_id", "in", [...c.personIds])
      .where("status", "in", ["A_FAIRE", "EN_COURS"])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** One page of a queue, sorted by due date, with the counts of the whole queue (total, overdue, due soon). */
  async list(db: Db, queue: WorkItemQueue, f: WorkItemFilter) {
    let q = db
      .selectFrom("work_items as w")
      .where("w.status", "in", [...(f.statuses ?? ["A_FAIRE", "EN_COURS"])]);
    if (queue.kind === "departement") {
      q = q.where("w.departement", "=", queue.departement).where("w.structure_id", "is", null);
      q = q.where("w.type", "in", [...queue.types]);
      if (queue.fromFallbackDate) {
        // same clamped "1 month" as orientationFallbackDate (date + interval '1 month')
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("orientations as fo")
              .innerJoin("parcours as fp", "fp.id", "fo.parcours_id")
              .select(sql`1`.as("one"))
              .whereRef("fo.id", "=", "w.subject_id")
              .where(sql<boolean>`(fp.t0_date + interval '1 month')::date <= ${f.today}::date`),
          ),
        );
      }
    }
    if (queue.kind === "structure") q = q.where("w.structure_id", "=", queue.structureId);
    if (queue.kind === "assignee") q = q.where("w.assignee_id", "=", queue.professionalId);
    if (f.types && f.types.length > 0) q = q.where("w.type", "in", [...f.types]);

    const counts = await q
      .select((eb) => [
        eb.fn.countAll<number>().as("total"),
        eb.fn.sum<number>(sql`CASE WHEN w.due_date < ${f.today}::date THEN 1 ELSE 0 END`).as("overdue"),
        eb.fn
          .sum<number>(
            sql`CASE WHEN w.due_date >= ${f.today}::date AND w.due_soon_date <= ${f.today}::date THEN 1 ELSE 0 END`,
          )
          .as("dueSoon"),
      ])
      .executeTakeFirstOrThrow();
    const items = await q
      .innerJoin("persons as p", "p.id", "w.person_id")
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .leftJoin("structures as s", "s.id", "w.structure_id")
      .leftJoin("reorientation_requests as r", "r.id", "w.subject_id")
      .leftJoin("orientations as o", (j) =>
        j.on((eb) =>
          eb.or([eb("o.id", "=", eb.ref("w.subject_id")), eb("o.id", "=", eb.ref("r.orientation_id"))]),
        ),
      )
      .select([
        "w.id",
        "w.type",
        "w.status",
        "w.created_at as createdAt",
        "w.due_date as dueDate",
        "w.due_soon_date as dueSoonDate",
        "p.id as personId",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "p.birth_date as birthDate",
        "c.name as communeName",
        "s.name as structureName",
        "o.id as orientationId",
        "o.etat as orientationEtat",
        "o.recommendation as recommendation",
      ])
      .orderBy("w.due_date")
      .orderBy("w.created_at")
      .orderBy("w.id")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return {
      total: Number(counts.total),
      overdue: Number(counts.overdue ?? 0),
      dueSoon: Number(counts.dueSoon ?? 0),
      items,
    };
  },

  /** Every item about one person, newest first, without the assignee (« Mes données »). */
  ofPerson(db: Db, personId: string) {
    return db
      .selectFrom("work_items as w")
      .leftJoin("structures as s", "s.id", "w.structure_id")
      .select([
        "w.type",
        "w.status",
        "s.name as structureName",
        "w.created_at as createdAt",
        "w.due_date as dueDate",
        "w.closed_at as closedAt",
      ])
      .where("w.person_id", "=", personId)
      .orderBy("w.created_at", "desc")
      .orderBy("w.id", "desc")
      .execute();
  },

  /** The latest item of a type about a subject (open or not), with its structure's name. */
  forSubject(db: Db, type: WorkItemType, subjectId: string) {
    return db
      .selectFrom("work_items as w")
      .leftJoin("structures as s", "s.id", "w.structure_id")
      .select([
        "w.id",
        "w.status",
        "w.departement",
        "w.structure_id as structureId",
        "s.name as structureName",
        "w.created_at as createdAt",
        "w.due_date as dueDate",
        "w.due_soon_date as dueSoonDate",
        "w.closed_at as closedAt",
      ])
      .where("w.type", "=", type)
      .where("w.subject_id", "=", subjectId)
      .orderBy("w.created_at", "desc")
      .orderBy("w.id", "desc")
      .executeTakeFirst();
  },
};
