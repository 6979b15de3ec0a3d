// HTTP plumbing of the orientation routes: happy paths (read, criteria, decision, letter PDF, the person's
// view) and the 400/401/403/404/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aCompleteCriteria } from "../../shared/orientation/orientation.builders";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { testDeps } from "../../test-support/deps";
import { messagingRepository } from "../messaging/messaging.repository";
import { orientationTerritory, pendingOrientation } from "./orientation.fixtures";

let t: TestApp;
let territory: Awaited<ReturnType<typeof orientationTerritory>>;
let orientationId: string;
let draftId: string;
before(async () => {
  t = await testApp();
  territory = await orientationTerritory(t.handle.db);
  const { deps } = testDeps(t.handle);
  const { date_naissance: _d, ...incomplete } = aCompleteCriteria();
  orientationId = (
    await pendingOrientation(t.handle.db, deps, { email: "orientee.http@exemple.fr", criteria: incomplete })
  ).orientationId;
  draftId = (await pendingOrientation(t.handle.db, deps, { email: null, criteria: { brsa: true } }))
    .orientationId;
});
after(() => t.close());

async function as(kind: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, kind, email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body);

describe("right paths", () => {
  test("the chargé d'orientation reads, completes the criteria, decides; the letter is a PDF; the e-mail is sent", async () => {
    const { b, csrf } = await as("pro", "orientation.80@test.socle.fr");
    const read = await b.get(`/api/orientations/${orientationId}`);
    assert.equal(read.status, 200);
    assert.equal(json(read).etat, "BROUILLON");
    assert.equal(json(read).actions.canDecide, true);

    const put = await b.request("PUT", `/api/orientations/${orientationId}/criteria`, {
      json: { version: 1, criteria: aCompleteCriteria() },
      headers: csrf,
    });
    assert.equal(put.status, 200);
    assert.equal(json(put).etat, "EN_ATTENTE");
    assert.equal(json(put).recommendation.organisme, "FT");

    const decided = await b.request("POST", `/api/orientations/${orientationId}/decision`, {
      json: { version: 2, decision: "ACCEPTEE", structureId: territory.ft.id },
      headers: csrf,
    });
    assert.equal(decided.status, 200);
    const view = json(decided);
    assert.equal(view.etat, "OUVERT");
    assert.equal(view.decision.letterUrl, `/api/orientations/${orientationId}/letter`);

    const pdf = await t.app.inject({
      method: "GET",
      url: view.decision.letterUrl,
      headers: {
        cookie: b
          .cookies()
          .map((c) => `${c.name}=${c.value}`)
          .join("; "),
        host: new URL(t.baseUrl).host,
      },
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.match(
      String(pdf.headers["content-disposition"]),
      /^attachment; filename="courrier-orientation-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), "%PDF-");

    // the e-mail was queued with the decision: the job queue sends it (through the bundled SMTP catcher)
    await t.messaging.drain();
    const mails = await messagingRepository.forRelated(t.handle.db, "orientation", orientationId);
    assert.deepEqual(
      mails.map((m) => m.status),
      ["ENVOYE"],
    );
  });

  test("the person sees their orientation and downloads the letter", async () => {
    const { b } = await as("person", "orientee.http@exemple.fr");
    const mine = await b.get("/api/me/orientation");
    assert.equal(mine.status, 200);
    assert.equal(json(mine).current.organisme, "FT");
    assert.equal(json(mine).current.structure.name, "France Travail 80 Nord");
    const letter = await b.get(json(mine).current.letterUrl);
    assert.equal(letter.status, 200);
    assert.equal(letter.headers["content-type"], "application/pdf");
  });

  test("the référentiels in force are published to any logged-in user", async () => {
    const { b } = await as("person", "orientee.http@exemple.fr");
    const res = await b.get("/api/orientation-rule-sets?departement=80");
    assert.equal(res.status, 200);
    assert.equal(json(res).versionReferentiel, "FR-2026.1 / 80-2026.1");
    assert.deepEqual(
      json(res).ruleSets.map((s: { departement: string | null }) => s.departement),
      ["80", null],
    );
  });
});

describe("wrong paths", () => {
  test("401 without a session, on JSON routes and on the PDF", async () => {
    const anonymous = injectBrowser(t.app, t.baseUrl);
    for (const url of [
      `/api/orientations/${orientationId}`,
      `/api/orientations/${orientationId}/letter`,
      "/api/me/orientation",
    ]) {
      const res = await anonymous.get(url);
      assert.equal(res.status, 401, url);
      assert.equal(json(res).code, "auth.unauthenticated");
    }
  });

  test("403 for a référent who tries to decide, with the error shape", async () => {
    const { b, csrf } = await as("pro", "conseil.ft.80@test.socle.fr");
    const res = await b.request("POST", `/api/orientations/${draftId}/decision`, {
      json: { version: 1, decision: "ACCEPTEE", structureId: territory.ft.id },
      headers: csrf,
    });
    assert.equal(res.status, 403);
    assert.deepEqual(json(res), {
      code: "access.forbidden",
      message: "Vous n'avez pas accès à cette information.",
      details: { action: "orientation.decide" },
    });
  });

  test("409 on a stale version and on an IND proposal, with French messages", async () => {
    const { b, csrf } = await as("pro", "orientation.80@test.socle.fr");
    const stale = await b.request("PUT", `/api/orientations/${draftId}/criteria`, {
      json: { version: 7, criteria: { brsa: true } },
      headers: csrf,
    });
    assert.equal(stale.status, 409);
    assert.deepEqual(json(stale).details, { orientationId: draftId, currentVersion: 1 });
    assert.equal(json(stale).code, "orientation.version_conflict");
    const ind = await b.request("POST", `/api/orientations/${draftId}/decision`, {
      json: { version: 1, decision: "ACCEPTEE", structureId: territory.ft.id },
      headers: csrf,
    });
    assert.equal(ind.status, 409);
    assert.equal(json(ind).code, "orientation.criteria_incomplete");
  });

  test("400 with French issues on a malformed body; 404 on an unknown orientation; 403 without the CSRF token", async () => {
    const { b, csrf } = await as("pro", "orientation.80@test.socle.fr");
    const bad = await b.request("POST", `/api/orientations/${draftId}/decision`, {
      json: {
        version: 1,
        decision: "REFUSEE",
        motifRefus: "AUTRE",
        parcoursRetenu: "SOCIAL",
        organismeRetenu: "CD",
        structureId: territory.mdsi.id,
      },
      headers: csrf,
    });
    assert.equal(bad.status, 400);
    assert.equal(json(bad).code, "validation.invalid");
    assert.match(JSON.stringify(json(bad).issues), /Précisez le motif/);
    const unknown = await b.get("/api/orientations/00000000-0000-4000-8000-00000000abcd");
    assert.equal(unknown.status, 404);
    assert.equal(json(unknown).code, "orientation.not_found");
    const noCsrf = await b.request("PUT", `/api/orientations/${draftId}/criteria`, {
      json: { version: 1, criteria: {} },
    });
    assert.equal(noCsrf.status, 403);
    assert.equal(json(noCsrf).code, "auth.csrf_invalid");
  });
});
