// The only home of work items' SQL. At most one open item per type, person and subject (unique index):
// opening an item that is already open returns the existing one.
import { sql } from "kysely";
import type { WorkItemType } from "../../shared/work-items/work-items.schema";
import type { Db } from "../db/connect";

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

export const workItemsRepository = {
  async open(db: Db, w: NewWorkItem): Promise<{ id: string; created: boolean }> {
    const existing = await db
      .selectFrom("work_items")
      .select("id")
      .where("type", "=", w.type)
      .where("person_id", "=", w.personId)
      .where(sql<boolean>`coalesce(subject_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${w.subjectId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where("status", "in", ["A_FAIRE", "EN_COURS"])
      .executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    await db
      .insertInto("work_items")
      .values({
        id: w.id,
        type: w.type,
        person_id: w.personId,
        subject_id: w.subjectId,
        departement: w.departement,
        structure_id: w.structureId,
        assignee_id: w.assigneeId ?? null,
        status: "A_FAIRE",
        created_at: w.createdAt,
        due_date: w.dueDate,
        due_soon_date: w.dueSoonDate,
      })
      .execute();
    return { id: w.id, created: true };
  },

  /** Closes the open items of a type for a person (and subject, when given): the event itself closes them. */
  async close(db: Db, c: { type: WorkItemType; personId: string; subjectId?: string | null; at: Date; status?: "FAIT" | "ANNULE" }) {
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
};
