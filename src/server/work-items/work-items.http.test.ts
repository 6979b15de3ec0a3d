// HTTP plumbing of the work queues: the chargé d'orientation's queue, the structure's, and the error shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { testDeps } from "../../test-support/deps";
import { orientationTerritory, pendingOrientation } from "../orientation/orientation.fixtures";

let t: TestApp;
before(async () => {
  t = await testApp();
  await orientationTerritory(t.handle.db);
  const { deps } = testDeps(t.handle);
  await pendingOrientation(t.handle.db, deps, { t0: "2026-01-10" });
  await pendingOrientation(t.handle.db, deps, { t0: "2026-01-02" });
});
after(() => t.close());

async function as(email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, "pro", email);
  return b;
}
const json = (r: { body: string }) => JSON.parse(r.body);

describe("right paths", () => {
  test("the chargé d'orientation's queue, sorted by due date, with flags", async () => {
    const b = await as("orientation.80@test.socle.fr");
    const res = await b.get("/api/work-items?scope=departement&types=DECISION_ORIENTATION_A_PRENDRE");
    assert.equal(res.status, 200);
    const list = json(res);
    assert.equal(list.total, 2);
    assert.deepEqual(
      list.items.map((i: { dueDate: string }) => i.dueDate),
      ["2026-01-16", "2026-01-24"],
    );
    assert.ok(
      list.items.every(
        (i: { overdue: boolean; type: string }) =>
          i.type === "DECISION_ORIENTATION_A_PRENDRE" && typeof i.overdue === "boolean",
      ),
    );
  });

  test("a conseiller's structure queue (empty here)", async () => {
    const b = await as("conseil.ft.80@test.socle.fr");
    const res = await b.get("/api/work-items?scope=structure");
    assert.equal(res.status, 200);
    assert.equal(json(res).total, 0);
  });
});

describe("wrong paths", () => {
  test("401 anonymous, 403 for a conseiller on the département's queue, 400 on an unknown scope", async () => {
    assert.equal((await injectBrowser(t.app, t.baseUrl).get("/api/work-items")).status, 401);
    const b = await as("conseil.ft.80@test.socle.fr");
    const denied = await b.get("/api/work-items?scope=departement");
    assert.equal(denied.status, 403);
    assert.deepEqual(json(denied), {
      code: "access.forbidden",
      message: "Vous n'avez pas accès à cette information.",
      details: { action: "work_items.list" },
    });
    const bad = await b.get("/api/work-items?scope=partout");
    assert.equal(bad.status, 400);
    assert.equal(json(bad).code, "validation.invalid");
  });
});
