import type { WorkItemType } from "../../shared/work-items/work-items.schema";

export interface WorkItemsTable {
  id: string;
  type: WorkItemType;
  person_id: string;
  subject_id: string | null;
  departement: string;
  structure_id: string | null;
  assignee_id: string | null;
  status: "A_FAIRE" | "EN_COURS" | "FAIT" | "ANNULE";
  created_at: Date;
  due_date: string;
  due_soon_date: string;
  closed_at: Date | null;
}
export interface WorkItemsTables {
  work_items: WorkItemsTable;
}
