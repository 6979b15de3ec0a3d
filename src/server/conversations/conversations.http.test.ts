// HTTP plumbing of the conversations: the person's routes (/api/me/messages) and the professional's
// (/api/persons/:id/messages), the notification caught in the demo mailbox, 400/401/403 shapes, CSRF.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import {
  type InsertedPerson,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../test-support/builders";

let t: TestApp;
let person: InsertedPerson;
before(async () => {
  t = await testApp();
  const ft = await insertStructure(t.handle.db, { kind: "france_travail", departement: "80" });
  const cd = await insertStructure(t.handle.db, { kind: "conseil_departemental", departement: "80" });
  const referente = await insertProfessional(t.handle.db, {
    structure: ft,
    email: "referente.messages@test.socle.fr",
  });
  await insertProfessional(t.handle.db, { structure: cd, email: "etranger.messages@test.socle.fr" });
  person = await insertPerson(t.handle.db, {
    firstNames: "Inès",
    birthName: "MESSAGETEST",
    email: "ines.messages@exemple.fr",
  });
  await insertFollowUp(t.handle.db, {
    personId: person.id,
    structureId: ft.id,
    professionalId: referente.id,
  });
});
after(() => t.close());

async function as(segment: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, segment, email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body) as Record<string, unknown>;

describe("conversation routes", () => {
  test("the person writes, the référente reads and answers, the person gets an e-mail without the content and reads the answer", async () => {
    const me = await as("person", "ines.messages@exemple.fr");
    const sent = await me.b.request("POST", "/api/me/messages", {
      json: { body: "Bonjour, puis-je décaler mon rendez-vous ?" },
      headers: me.csrf,
    });
    assert.equal(sent.status, 200, sent.body);
    assert.equal(json(sent).authorKind, "PERSONNE");

    const pro = await as("pro", "referente.messages@test.socle.fr");
    assert.deepEqual(json(await pro.b.get(`/api/persons/${person.id}/messages/unread`)), {
      canRead: true,
      unread: 1,
    });
    const conv = await pro.b.get(`/api/persons/${person.id}/messages`);
    assert.equal(conv.status, 200);
    assert.equal((json(conv).messages as unknown[]).length, 1);
    const read = await pro.b.request("POST", `/api/persons/${person.id}/messages/read`, {
      headers: pro.csrf,
    });
    assert.equal(read.status, 200, read.body);
    assert.deepEqual(json(read), { marked: 1 });
    const answer = await pro.b.request("POST", `/api/persons/${person.id}/messages`, {
      json: { body: "Oui, je vous propose mardi 10 h." },
      headers: pro.csrf,
    });
    assert.equal(answer.status, 200, answer.body);

    assert.equal((await t.messaging.drain()).sent, 1);
    const box = json(await pro.b.get("/api/demo/mailbox")).messages as {
      id: number;
      to: string;
      subject: string;
    }[];
    const mail = box.find((m) => m.to === "ines.messages@exemple.fr");
    assert.ok(mail, "the notification is in the demo mailbox");
    const full = json(await pro.b.get(`/api/demo/mailbox/${mail.id}`));
    assert.match(
      String(full.text ?? full.bodyText ?? JSON.stringify(full)),
      /nouveau message de votre conseiller·ère/,
    );
    assert.doesNotMatch(JSON.stringify(full), /mardi 10 h/);

    assert.deepEqual(json(await me.b.get("/api/me/messages/unread")), { canRead: true, unread: 1 });
    const mine = json(await me.b.get("/api/me/messages"));
    assert.deepEqual(
      (mine.messages as { authorKind: string; readAt: string | null }[]).map((m) => [
        m.authorKind,
        m.readAt !== null,
      ]),
      [
        ["PERSONNE", true],
        ["PROFESSIONNEL", false],
      ],
    );
    assert.deepEqual(json(await me.b.request("POST", "/api/me/messages/read", { headers: me.csrf })), {
      marked: 1,
    });
  });

  test("401 without a session, 403 outside the group, 403 without CSRF, French 400", async () => {
    const anonymous = injectBrowser(t.app, t.baseUrl);
    const unauth = await anonymous.get("/api/me/messages");
    assert.equal(unauth.status, 401);

    const stranger = await as("pro", "etranger.messages@test.socle.fr");
    const denied = await stranger.b.get(`/api/persons/${person.id}/messages`);
    assert.equal(denied.status, 403);
    assert.equal(json(denied).code, "access.forbidden");
    const deniedCount = await stranger.b.get(`/api/persons/${person.id}/messages/unread`);
    assert.equal(deniedCount.status, 403);
    const asPerson = await stranger.b.get("/api/me/messages");
    assert.equal(asPerson.status, 403);

    const me = await as("person", "ines.messages@exemple.fr");
    const noCsrf = await me.b.request("POST", "/api/me/messages", { json: { body: "Bonjour" } });
    assert.equal(noCsrf.status, 403);
    assert.equal(json(noCsrf).code, "auth.csrf_invalid");

    const empty = await me.b.request("POST", "/api/me/messages", { json: { body: "  " }, headers: me.csrf });
    assert.equal(empty.status, 400);
    const issues = json(empty).issues as { path: string; message: string }[];
    assert.ok(
      issues.some((i) => i.path.endsWith("body") && i.message === "Écrivez votre message"),
      empty.body,
    );
  });
});
