// The SQL of « Difficulté traitée » (parcours.md §8.2): the référent's outcomes of the difficulties a person
// reported in their job, kept next to the person's answers.
import type { Db } from "../db/connect";
import type { JobDifficultyOutcomesTable } from "./follow-up.tables";

export const jobDifficultyRepository = {
  async insert(db: Db, o: JobDifficultyOutcomesTable) {
    await db.insertInto("job_difficulty_outcomes").values(o).execute();
  },

  /** The outcomes recorded about one exit to employment, oldest first, with who recorded them. */
  ofExit(db: Db, exitId: string) {
    return db
      .selectFrom("job_difficulty_outcomes as o")
      .leftJoin("professionals as p", "p.id", "o.recorded_by")
      .select([
        "o.note",
        "o.recorded_at as recordedAt",
        "p.first_name as firstName",
        "p.last_name as lastName",
      ])
      .where("o.exit_id", "=", exitId)
      .orderBy("o.recorded_at")
      .orderBy("o.id")
      .execute();
  },
};
