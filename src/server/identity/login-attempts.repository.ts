// Pending OIDC logins (state, nonce, PKCE verifier): written when the browser leaves for the provider,
// consumed exactly once when it comes back (the DELETE … RETURNING makes a replayed state fail).
import type { Db } from "../db/connect";
import type { LoginKind } from "./oidc-clients";

export type LoginAttempt = {
  state: string;
  kind: LoginKind;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: Date;
};

export const loginAttemptsRepository = {
  async insert(db: Db, a: LoginAttempt): Promise<void> {
    await db
      .insertInto("login_attempts")
      .values({
        state: a.state,
        kind: a.kind,
        nonce: a.nonce,
        code_verifier: a.codeVerifier,
        return_to: a.returnTo,
        created_at: a.createdAt,
      })
      .execute();
  },

  /** Removes and returns the attempt: a second call with the same state finds nothing. */
  consume(db: Db, state: string): Promise<LoginAttempt | undefined> {
    return db
      .deleteFrom("login_attempts")
      .where("state", "=", state)
      .returning([
        "state",
        "kind",
        "nonce",
        "code_verifier as codeVerifier",
        "return_to as returnTo",
        "created_at as createdAt",
      ])
      .executeTakeFirst();
  },

  async purgeCreatedBefore(db: Db, before: Date): Promise<void> {
    await db.deleteFrom("login_attempts").where("created_at", "<", before).execute();
  },
};
