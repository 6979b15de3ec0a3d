// HTTP plumbing of the follow-up routes: the « Suivi » read, the exit, the person's answer, and the
// 400/401/403/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { personInAccompaniment } from "./follow-up.fixtures";

let t: TestApp;
let f: Awaited<ReturnType<typeof personInAccompaniment>>;
before(async () => {
  t = await testApp();
  f = await personInAccompaniment(t.handle.db, {
    decidedAt: "2026-06-01T10:00:00Z",
    email: "suivi.http@exemple.fr",
  });
});
after(() => t.close());

async function as(kind: "pro" | "person", id: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, kind, id);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body);

describe("follow-up routes", () => {
  test("the référente reads the follow-up and records an exit to employment; the person answers in their space", async () => {
    const { b, csrf } = await as("pro", f.referente.email);
    const read = await b.get(`/api/persons/${f.person.id}/follow-up`);
    assert.equal(read.status, 200, read.body);
    const view = json(read);
    assert.equal(view.parcours.statutSuivi, "ACTIF");
    assert.deepEqual(view.actions, ["exit", "checkpoint"]);

    const bad = await b.request("POST", `/api/persons/${f.person.id}/follow-up/exit`, {
      json: { version: view.parcours.version, motif: "AUTRE", exitDate: "2026-11-30" },
      headers: csrf,
    });
    assert.equal(bad.status, 400);
    assert.equal(json(bad).code, "validation.invalid");
    assert.ok(json(bad).issues.some((i: { path: string }) => i.path.endsWith("comment")));

    const stale = await b.request("POST", `/api/persons/${f.person.id}/follow-up/exit`, {
      json: { version: view.parcours.version + 5, motif: "EMPLOI", exitDate: "2026-11-30" },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    assert.equal(json(stale).code, "follow_up.version_conflict");

    const exited = await b.request("POST", `/api/persons/${f.person.id}/follow-up/exit`, {
      json: {
        version: view.parcours.version,
        motif: "EMPLOI",
        detail: "CDD_6_MOIS_ET_PLUS",
        exitDate: "2026-11-30",
      },
      headers: csrf,
    });
    assert.equal(exited.status, 200, exited.body);
    assert.equal(json(exited).parcours.statutSuivi, "CLOS");
    assert.equal(json(exited).exit.jobStartDate, "2026-11-30");

    const person = await as("person", "suivi.http@exemple.fr");
    const mine = await person.b.get("/api/me/job-follow-up");
    assert.equal(mine.status, 200, mine.body);
    assert.deepEqual([json(mine).active, json(mine).jobStartDate], [true, "2026-11-30"]);
    const answered = await person.b.request("POST", "/api/me/job-follow-up/answers", {
      json: { answer: "DIFFICULTE" },
      headers: person.csrf,
    });
    assert.equal(answered.status, 200, answered.body);
    assert.equal(json(answered).answers.length, 1);
    const items = await t.handle.db
      .selectFrom("work_items")
      .select("type")
      .where("person_id", "=", f.person.id)
      .where("status", "=", "A_FAIRE")
      .execute();
    assert.deepEqual(
      items.map((i) => i.type),
      ["RETOUR_EMPLOI_DIFFICULTE"],
    );

    // « Difficulté traitée » from the follow-up page: a note is required, then the item is closed
    const withDifficulty = json(await b.get(`/api/persons/${f.person.id}/follow-up`));
    assert.deepEqual(withDifficulty.actions, ["job_difficulty"]);
    const resolution = `/api/persons/${f.person.id}/follow-up/job-difficulty/resolution`;
    const empty = await b.request("POST", resolution, { json: { note: "" }, headers: csrf });
    assert.equal(empty.status, 400);
    assert.ok(json(empty).issues.some((i: { path: string }) => i.path.endsWith("note")));
    const resolved = await b.request("POST", resolution, {
      json: { note: "Appel à la personne, planning revu avec l'employeur." },
      headers: csrf,
    });
    assert.equal(resolved.status, 200, resolved.body);
    assert.deepEqual(json(resolved).openItems, []);
    assert.equal(json(resolved).exit.difficultiesHandled.length, 1);
    const again = await b.request("POST", resolution, { json: { note: "Encore" }, headers: csrf });
    assert.equal(again.status, 409);
    assert.equal(json(again).code, "follow_up.no_job_difficulty");
  });

  test("403 for another structure, 401 without session, 403 without CSRF token, 403 for a person on the professionals' page", async () => {
    const other = await as("pro", f.stranger.email);
    const denied = await other.b.get(`/api/persons/${f.person.id}/follow-up`);
    assert.equal(denied.status, 403);
    assert.equal(json(denied).code, "access.forbidden");

    const anonymous = injectBrowser(t.app, t.baseUrl);
    assert.equal((await anonymous.get(`/api/persons/${f.person.id}/follow-up`)).status, 401);
    assert.equal((await anonymous.get("/api/me/job-follow-up")).status, 401);

    const { b } = await as("pro", f.referente.email);
    const noCsrf = await b.request("POST", `/api/persons/${f.person.id}/follow-up/checkpoints`, {
      json: { kind: "POINT_ETAPE", heldOn: "2026-11-30" },
    });
    assert.equal(noCsrf.status, 403);
    assert.equal(json(noCsrf).code, "auth.csrf_invalid");

    const person = await as("person", "suivi.http@exemple.fr");
    assert.equal((await person.b.get(`/api/persons/${f.person.id}/follow-up`)).status, 403);
  });
});
