import type { Generated } from "kysely";

export interface AuditEventsTable {
  id: Generated<number>;
  at: Date;
  actor_kind: "professional" | "person" | "system" | "partner";
  actor_id: string | null;
  actor_role: string | null;
  structure_id: string | null;
  person_id: string | null;
  action: string;
  section: string;
  purpose: "identify" | "assess" | "follow" | "support";
  channel: "web" | "api" | "cli" | "import" | "system";
  outcome: "allowed" | "denied";
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}
export interface AuditTables {
  audit_events: AuditEventsTable;
}
