// The demo mailbox routes: a message enqueued by a use case reaches the catcher through the job queue
// and SMTP, then a professional lists it (newest first) and opens it; a person may not; production has
// no such route.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertProfessional } from "../../test-support/builders";
import { buildApp } from "../app";
import { loadConfig } from "../kernel/config";
import { sequentialIds } from "../kernel/ids";
import { enqueueMessage } from "./enqueue-message";

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const json = (r: { body: string }) => JSON.parse(r.body);

async function as(kind: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, kind, email);
  return b;
}

describe("the demo mailbox", () => {
  test("a professional lists the caught messages, newest first, and opens one with its attachments", async () => {
    const pro = await insertProfessional(t.deps.db, { roles: ["conseiller"] });
    const ids = sequentialIds();
    const deps = { clock: t.deps.clock, ids };
    const relatedId = ids.uuid();
    await t.deps.db.transaction().execute(async (tx) => {
      await enqueueMessage(tx, deps, {
        key: "mailbox-test:1",
        channel: "EMAIL",
        personId: null,
        to: "premier@exemple.fr",
        subject: "Premier message",
        text: "Texte du premier message",
        attachments: [
          {
            filename: "rendez-vous.ics",
            contentType: "text/calendar",
            content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
          },
        ],
        relatedKind: "test",
        relatedId,
      });
    });
    assert.equal((await t.messaging.drain()).sent, 1);
    await t.deps.db.transaction().execute((tx) =>
      enqueueMessage(tx, deps, {
        key: "mailbox-test:2",
        channel: "SMS",
        personId: null,
        to: "0611223344",
        subject: "",
        text: "Rappel de rendez-vous",
        relatedKind: "test",
        relatedId,
      }),
    );
    assert.equal((await t.messaging.drain()).sent, 1);

    const b = await as("pro", pro.email);
    const list = await b.get("/api/demo/mailbox");
    assert.equal(list.status, 200);
    const messages = json(list).messages as { id: number; channel: string; subject: string; to: string }[];
    assert.deepEqual(
      messages.map((m) => [m.channel, m.to]),
      [
        ["SMS", "0611223344"],
        ["EMAIL", "premier@exemple.fr"],
      ],
    );
    const mail = await b.get(`/api/demo/mailbox/${messages[1]!.id}`);
    assert.equal(mail.status, 200);
    assert.equal(json(mail).subject, "Premier message");
    assert.match(json(mail).text, /Texte du premier message/);
    assert.deepEqual(
      json(mail).attachments.map((a: { filename: string; contentType: string }) => [
        a.filename,
        a.contentType,
      ]),
      [["rendez-vous.ics", "text/calendar"]],
    );
    const missing = await b.get("/api/demo/mailbox/999999");
    assert.equal(missing.status, 404);
    assert.equal(json(missing).code, "messaging.mailbox_message_not_found");

    const audited = await t.deps.db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", pro.id)
      .where("action", "like", "messaging.%")
      .execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), [
      "messaging.demo_mailbox.list",
      "messaging.demo_mailbox.read",
    ]);
  });

  test("an anonymous visitor must log in (persons are refused by the policy, messaging.policy.test.ts)", async () => {
    const anonymous = await injectBrowser(t.app, t.baseUrl).get("/api/demo/mailbox");
    assert.equal(anonymous.status, 401);
  });

  test("production has no demo mailbox route", async () => {
    const config = loadConfig({
      SOCLE_ENV: "production",
      LOG_LEVEL: "silent",
      DATABASE_URL: "postgres://unused",
      SESSION_SECRET: "s".repeat(40),
      NIR_SECRET: "n".repeat(40),
      OIDC_PRO_ISSUER: "https://pro.exemple.fr",
      OIDC_PERSON_ISSUER: "https://person.exemple.fr",
      OIDC_PRO_CLIENT_SECRET: "pro-secret",
      OIDC_PERSON_CLIENT_SECRET: "person-secret",
      PUBLIC_URL: "https://socle.exemple.fr",
      SMTP_URL: "smtp://smtp.exemple.fr:587",
    });
    const app = await buildApp({ ...t.deps, config }, t.handle, { logger: false });
    await app.ready();
    const r = await app.inject({ method: "GET", url: "/api/demo/mailbox" });
    assert.equal(r.statusCode, 404);
    await app.close();
  });

  test("production refuses to start without SMTP_URL", () => {
    assert.throws(
      () =>
        loadConfig({
          SOCLE_ENV: "production",
          DATABASE_URL: "postgres://unused",
          PUBLIC_URL: "https://socle.exemple.fr",
        }),
      /SMTP_URL \(serveur d'envoi des courriels\) est obligatoire en production/,
    );
  });
});
