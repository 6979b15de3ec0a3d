import assert from "node:assert/strict";
import { test } from "node:test";
import { activityCodes, activityGroups, activityModules, isStructuringAction } from "./contract.referentiel";

test("thirteen groups numbered 1 to 13: 1–9 accompaniment activities, 10–13 structuring actions", () => {
  assert.deepEqual(
    activityGroups.map((g) => g.code),
    Array.from({ length: 13 }, (_, i) => String(i + 1)),
  );
  for (const g of activityGroups)
    assert.equal(g.kind, Number(g.code) <= 9 ? "ACCOMPAGNEMENT" : "STRUCTURANTE", g.code);
});

test("every module belongs to its group, numbered from 1 without gaps, with a French label", () => {
  for (const g of activityGroups) {
    assert.ok(g.modules.length > 0, g.code);
    g.modules.forEach((mod, i) => {
      assert.equal(mod.code, `${g.code}.${i + 1}`);
      assert.ok(mod.label.length > 2);
    });
  }
});

test("codes are unique; the référentiel holds every module of parcours.md §6.3 (52 activities, 21 structuring actions)", () => {
  assert.equal(new Set(activityCodes).size, activityCodes.length);
  assert.equal(activityCodes.length, 73);
  assert.equal(activityCodes.filter(isStructuringAction).length, 21);
  assert.equal(activityModules.get("3.4")?.group.label, "Lever les freins périphériques");
  assert.equal(activityModules.get("6.4")?.source, "I");
  assert.equal(activityModules.get("13.7")?.source, "C");
  assert.equal(isStructuringAction("13.3"), true);
  assert.equal(isStructuringAction("8.5"), false);
  assert.equal(isStructuringAction("99.1"), false);
});
