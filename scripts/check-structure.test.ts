import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

test("the code base respects its import boundaries and has no focused test", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/check-structure.ts"], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
});
