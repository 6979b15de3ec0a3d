import type { Generated } from "kysely";
import type { ContractState } from "../../shared/contract/contract.status";

export interface ContractsTable {
  id: string;
  person_id: string;
  state: ContractState;
  previous_state: "A_SIGNER" | "SIGNE" | "REFUSE" | null;
  current_version: number;
  version: Generated<number>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface ContractVersionsTable {
  contract_id: string;
  numero: number;
  motif: "INITIAL" | "REVISION" | "REORIENTATION" | "CHANGEMENT_DISPOSITIF" | "OFFRE_EMPLOI" | "AUTRE";
  /** JSON text on write, parsed object on read */
  content: unknown;
  state: "A_SIGNER" | "SIGNE" | "REFUSE" | "REMPLACEE";
  signed_at: Date | null;
  refused_at: Date | null;
  refusal_reason: string | null;
  signature_mode: "ELECTRONIQUE" | "PAPIER" | null;
  recorded_by_kind: "person" | "professional" | null;
  recorded_by: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface ContractTransitionsTable {
  id: Generated<string>;
  contract_id: string;
  from_state: string | null;
  to_state: string;
  event: string;
  actor_kind: string;
  actor_id: string | null;
  at: Date;
}
export interface ContractTables {
  contracts: ContractsTable;
  contract_versions: ContractVersionsTable;
  contract_transitions: ContractTransitionsTable;
}
