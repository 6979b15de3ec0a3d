import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import fc from "fast-check";
import {
  type ChainedContent,
  canonicalJson,
  chainBodiesFor,
  chainBody,
  chainHash,
  chainHashOf,
} from "./audit.chain";

// the definition every stored row was hashed with: sha256 of the canonical JSON of content + prevHash
const reference = (prevHash: string, c: ChainedContent) =>
  createHash("sha256")
    .update(canonicalJson({ ...c, at: c.at.toISOString(), prevHash }))
    .digest("hex");

const content: fc.Arbitrary<ChainedContent> = fc.record({
  at: fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
  actorKind: fc.constantFrom("professional", "person", "system", "partner"),
  actorId: fc.option(fc.string(), { nil: null }),
  actorRole: fc.option(fc.string(), { nil: null }),
  structureId: fc.option(fc.uuid(), { nil: null }),
  personId: fc.option(fc.uuid(), { nil: null }),
  action: fc.string({ minLength: 1 }),
  section: fc.string({ minLength: 1 }),
  purpose: fc.constantFrom("identify", "assess", "follow", "support"),
  channel: fc.constantFrom("web", "api", "cli", "import", "system"),
  outcome: fc.constantFrom("allowed", "denied"),
  requestId: fc.option(fc.string(), { nil: null }),
  details: fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>,
});

test("a row's hash computed from its body prepared ahead is the hash of its canonical content and prevHash", () => {
  fc.assert(
    fc.property(content, fc.stringMatching(/^[0-9a-f]{64}$/), (c, prev) => {
      assert.equal(chainHash(prev, c), reference(prev, c));
      assert.equal(chainHashOf(prev, chainBody(c)), reference(prev, c));
    }),
  );
});

test("the body changes with the content: another action, another hash", () => {
  const c: ChainedContent = {
    at: new Date("2026-03-02T09:00:00Z"),
    actorKind: "system",
    actorId: "import-cnaf",
    actorRole: null,
    structureId: null,
    personId: null,
    action: "persons.created",
    section: "identite",
    purpose: "identify",
    channel: "import",
    outcome: "allowed",
    requestId: null,
    details: { importId: "x" },
  };
  const prev = "0".repeat(64);
  assert.notEqual(chainHash(prev, c), chainHash(prev, { ...c, action: "persons.updated" }));
  assert.notEqual(chainHash(prev, c), chainHash("1".repeat(64), c));
});

test("the bodies of a group (same content, one row per person) are each row's own canonical body", () => {
  fc.assert(
    fc.property(content, fc.array(fc.option(fc.uuid(), { nil: null }), { maxLength: 5 }), (c, personIds) => {
      const { personId: _, ...rest } = c;
      assert.deepEqual(
        chainBodiesFor(rest, personIds),
        personIds.map((personId) => chainBody({ ...rest, personId })),
      );
    }),
    { numRuns: 300 },
  );
  // details that themselves name a « personId » take the slow path, with the same result
  const tricky = { ...(({ personId: _, ...r }) => r)(sample()), details: { personId: "\u0000person\u0000" } };
  const ids = ["5f0c4c3e-1f7a-4c55-9a39-2b6f4a3c8e11", null];
  assert.deepEqual(
    chainBodiesFor(tricky, ids),
    ids.map((personId) => chainBody({ ...tricky, personId })),
  );
});

function sample(): ChainedContent {
  return fc.sample(content, { numRuns: 1, seed: 7 })[0]!;
}
