import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { testEngine } from "../../test-support/db";
import { travellingClock } from "../kernel/clock";

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test("GET /api/health reports the database kind and the migration version", async () => {
  const res = await t.app.inject({ method: "GET", url: "/api/health" });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.status, "ok");
  assert.equal(body.database.kind, testEngine());
  assert.match(body.database.migration, /^\d{12}-[a-z0-9-]+\.sql$/);
  assert.match(body.database.serverVersion, /^\d+/);
});

test("the OpenAPI document is generated from the route contracts, and the docs page is served", async () => {
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  assert.match(doc.openapi, /^3\./);
  for (const path of [
    "/api/health",
    "/api/session",
    "/api/persons",
    "/api/persons/{personId}",
    "/api/persons/{personId}/contact",
    "/api/me/audit",
  ]) {
    assert.ok(doc.paths[path], `${path} absent de l'OpenAPI`);
  }
  assert.ok(doc.paths["/api/persons/{personId}/contact"].put.requestBody);
  const page = await t.app.inject({ method: "GET", url: "/api/docs/" });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /swagger/i);
});

test("logs never carry the raw URL (a search query can hold a surname)", async () => {
  const lines: string[] = [];
  const { buildApp } = await import("../app");
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ ...t.deps, config: { ...t.deps.config, LOG_LEVEL: "info" } }, t.handle, {
    logStream: stream,
  });
  try {
    await app.inject({ method: "GET", url: "/api/persons?q=DUPONTEL" });
  } finally {
    await app.close();
  }
  assert.ok(
    lines.some((l) => l.includes('"route":"/api/persons"')),
    lines.join(""),
  );
  assert.ok(!lines.some((l) => l.includes("DUPONTEL")));
});

test("the test clock route is not bound outside a SOCLE_ENV=test server with a travelling clock", async () => {
  // this app runs with the system clock: the route must not exist, although SOCLE_ENV is "test"
  const res = await t.app.inject({ method: "POST", url: "/api/test/horloge", payload: { minutes: 60 } });
  assert.equal(res.statusCode, 404);
});

test("on a test server with a travelling clock, time moves forward only, and listeners run after each move", async () => {
  const clock = travellingClock();
  let ran = 0;
  clock.onAdvance(async () => {
    ran += 1;
  });
  const tt = await testApp({ clock });
  try {
    const before = clock.now().getTime();
    const res = await tt.app.inject({
      method: "POST",
      url: "/api/test/horloge",
      payload: { minutes: 3 * 24 * 60 },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().offsetMinutes, 3 * 24 * 60);
    assert.ok(clock.now().getTime() - before >= 3 * 86_400_000);
    assert.equal(ran, 1);
    const back = await tt.app.inject({ method: "POST", url: "/api/test/horloge", payload: { minutes: -5 } });
    assert.equal(back.statusCode, 400);
    assert.match(back.body, /Le temps ne peut qu'avancer/);
    assert.equal(ran, 1);
  } finally {
    await tt.close();
  }
});
