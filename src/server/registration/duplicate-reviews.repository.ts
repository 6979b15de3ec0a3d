// Reads of the DOUBLON_A_EXAMINER work items and of the merges between two files (work items and
// merges are written by their own capabilities).
import type { Db } from "../db/connect";
import type { ProfessionalActor } from "../kernel/access";
import { managedDepartement } from "../persons/persons.policy";

export const duplicateReviewsRepository = {
  get(db: Db, workItemId: string) {
    return db
      .selectFrom("work_items")
      .select([
        "id",
        "person_id as personId",
        "subject_id as subjectId",
        "departement",
        "structure_id as structureId",
        "status",
        "created_at as createdAt",
        "due_date as dueDate",
      ])
      .where("id", "=", workItemId)
      .where("type", "=", "DOUBLON_A_EXAMINER")
      .executeTakeFirst();
  },

  /** Open items of the actor's structure, of their département's queue (chargé·e d'orientation), or of the département they manage. */
  listOpen(db: Db, actor: ProfessionalActor) {
    const managed = managedDepartement(actor);
    return db
      .selectFrom("work_items as w")
      .innerJoin("persons as p", "p.id", "w.person_id")
      .select([
        "w.id",
        "w.created_at as createdAt",
        "w.due_date as dueDate",
        "w.person_id as personId",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "p.birth_date as birthDate",
      ])
      .where("w.type", "=", "DOUBLON_A_EXAMINER")
      .where("w.status", "in", ["A_FAIRE", "EN_COURS"])
      .where((eb) => {
        const ors = [eb("w.structure_id", "=", actor.structureId)];
        if (actor.roles.includes("charge_orientation")) {
          ors.push(eb.and([eb("w.structure_id", "is", null), eb("w.departement", "=", actor.departement)]));
        }
        if (managed) ors.push(eb("w.departement", "=", managed));
        return eb.or(ors);
      })
      .orderBy("w.due_date")
      .orderBy("w.id")
      .limit(200)
      .execute();
  },

  /** Whether one of the two files was merged into the other (and not undone). */
  async merged(db: Db, a: string, b: string): Promise<boolean> {
    const r = await db
      .selectFrom("person_merges")
      .select("id")
      .where("undone_at", "is", null)
      .where((eb) =>
        eb.or([
          eb.and([eb("surviving_id", "=", a), eb("absorbed_id", "=", b)]),
          eb.and([eb("surviving_id", "=", b), eb("absorbed_id", "=", a)]),
        ]),
      )
      .executeTakeFirst();
    return r !== undefined;
  },
};
