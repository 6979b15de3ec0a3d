// Hash chaining of audit rows: each row's hash covers its content and the previous row's hash,
// so an altered, inserted or deleted row breaks the chain (`socle audit verify`).
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedContent = {
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  structureId: string | null;
  personId: string | null;
  action: string;
  section: string;
  purpose: string;
  channel: string;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** JSON with sorted keys, so jsonb's key reordering does not change the hash. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

export function chainHash(prevHash: string, c: ChainedContent): string {
  const body = canonicalJson({ ...c, at: c.at.toISOString(), prevHash });
  return createHash("sha256").update(body).digest("hex");
}
