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

/**
 * The canonical JSON of a row's content around its `prevHash`: `before + JSON.stringify(prevHash) + after`
 * is exactly `canonicalJson({...content, at, prevHash})`. Computed ahead (an import prepares its rows while
 * the previous batch is written), only the hashing waits for the previous row's hash.
 */
export type ChainBody = { before: string; after: string };

export function chainBody(c: ChainedContent): ChainBody {
  const o: Record<string, unknown> = { ...c, at: c.at.toISOString() };
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined && k !== "prevHash")
    .concat("prevHash")
    .sort();
  const at = keys.indexOf("prevHash");
  const field = (k: string) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`;
  const head = keys.slice(0, at).map(field);
  const tail = keys.slice(at + 1).map(field);
  return {
    before: `{${head.join(",")}${head.length > 0 ? "," : ""}"prevHash":`,
    after: `${tail.length > 0 ? "," : ""}${tail.join(",")}}`,
  };
}

/** Stands for the person in a group's body template (never a person id: ids are uuids). */
const PERSON_SLOT = "\u0000person\u0000";
const PERSON_FIELD = `"personId":${JSON.stringify(PERSON_SLOT)}`;

/**
 * The bodies of rows that differ only by their person (one audit group: same instant, actor, action,
 * details): the canonical JSON is built once, then each row's person id is set into it. Each body is
 * exactly `chainBody({...content, personId})`.
 */
export function chainBodiesFor(
  content: Omit<ChainedContent, "personId">,
  personIds: readonly (string | null)[],
): ChainBody[] {
  const template = chainBody({ ...content, personId: PERSON_SLOT });
  const at = template.before.indexOf(PERSON_FIELD);
  // "personId" sorts before "prevHash": its field is in `before`, once
  if (at < 0 || template.before.indexOf(PERSON_FIELD, at + 1) >= 0 || template.after.includes(PERSON_FIELD))
    return personIds.map((personId) => chainBody({ ...content, personId }));
  const head = `${template.before.slice(0, at)}"personId":`;
  const tail = template.before.slice(at + PERSON_FIELD.length);
  return personIds.map((personId) => ({
    before: `${head}${personId === null ? "null" : JSON.stringify(personId)}${tail}`,
    after: template.after,
  }));
}

export function chainHashOf(prevHash: string, body: ChainBody): string {
  return createHash("sha256")
    .update(`${body.before}${JSON.stringify(prevHash)}${body.after}`)
    .digest("hex");
}

export function chainHash(prevHash: string, c: ChainedContent): string {
  return chainHashOf(prevHash, chainBody(c));
}
