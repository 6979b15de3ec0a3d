// A person's facts go to exactly one of their pathways, the same from one monthly file to the next.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pathwayOfFact } from "./data-sharing.assemble";

test("a fact belongs to the last pathway opened on or before its date, else to the first one", () => {
  const pathways = [
    { parcoursId: "B", openedDate: "2026-06-01" },
    { parcoursId: "A", openedDate: "2025-01-10" },
  ];
  assert.equal(pathwayOfFact(pathways, "2025-03-01"), "A");
  assert.equal(pathwayOfFact(pathways, "2026-06-01"), "B");
  assert.equal(pathwayOfFact(pathways, "2026-09-30"), "B");
  assert.equal(pathwayOfFact(pathways, "2024-12-31"), "A");
  assert.equal(pathwayOfFact([], "2026-01-01"), undefined);
});
