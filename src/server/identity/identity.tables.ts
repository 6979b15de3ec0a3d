export interface IdentityLinksTable {
  issuer: string;
  subject: string;
  professional_id: string | null;
  person_id: string | null;
  created_at: Date;
}
export interface SessionsTable {
  id_hash: string;
  kind: "professional" | "person";
  professional_id: string | null;
  person_id: string | null;
  csrf_token: string;
  id_token_hint: string | null;
  created_at: Date;
  last_seen_at: Date;
  idle_minutes: number;
  expires_at: Date;
  revoked_at: Date | null;
}
export interface LoginAttemptsTable {
  state: string;
  kind: "professional" | "person";
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Date;
}
export interface IdentityTables {
  identity_links: IdentityLinksTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
}
