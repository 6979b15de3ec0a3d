import type {
  CheckpointKind,
  CordeOutcome,
  ExitReason,
  JobAnswer,
  JobSlot,
} from "../../shared/follow-up/follow-up.schema";

export interface FollowUpSettingsTable {
  departement: string;
  point_etape_months: number | null;
  dropout_weeks: number | null;
  corde_de_rappel_months: number | null;
  /** ⚙ suivi.veilleMaxMois / suspension_cloture_mois (null: the national default, 12) */
  closure_months: number | null;
  updated_at: Date;
}
export interface FollowUpCheckpointsTable {
  id: string;
  person_id: string;
  parcours_id: string;
  kind: CheckpointKind;
  held_on: string;
  outcome: CordeOutcome | null;
  comment: string | null;
  recorded_by: string;
  recorded_at: Date;
}
export interface ParcoursExitsTable {
  id: string;
  parcours_id: string;
  person_id: string;
  motif: ExitReason;
  detail: string | null;
  exit_date: string;
  job_start_date: string | null;
  comment: string | null;
  recorded_by: string;
  recorded_at: Date;
}
export interface JobFollowUpAnswersTable {
  id: string;
  person_id: string;
  exit_id: string;
  slot: JobSlot | null;
  answer: JobAnswer;
  comment: string | null;
  answered_at: Date;
}
/** « Difficulté traitée »: the référent's note on a difficulty reported in the job; closed the work item. */
export interface JobDifficultyOutcomesTable {
  id: string;
  person_id: string;
  exit_id: string | null;
  work_item_id: string;
  note: string;
  recorded_by: string;
  recorded_at: Date;
}
export interface FollowUpTables {
  follow_up_settings: FollowUpSettingsTable;
  follow_up_checkpoints: FollowUpCheckpointsTable;
  parcours_exits: ParcoursExitsTable;
  job_follow_up_answers: JobFollowUpAnswersTable;
  job_difficulty_outcomes: JobDifficultyOutcomesTable;
}
