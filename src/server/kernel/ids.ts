// Identifiers are injected: only this file calls crypto.randomUUID().
import { randomBytes, randomUUID } from "node:crypto";

export interface Ids {
  uuid(): string;
  /** opaque URL-safe random token (sessions, CSRF, OIDC state) */
  token(bytes?: number): string;
}
export const randomIds: Ids = {
  uuid: () => randomUUID(),
  token: (bytes = 32) => randomBytes(bytes).toString("base64url"),
};

/** Predictable UUIDs for tests: 00000000-0000-4000-8000-000000000001, …002, … */
export function sequentialIds(): Ids {
  let n = 0;
  return {
    uuid: () => {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
    },
    token: () => {
      n += 1;
      return `token-${n}`;
    },
  };
}
