// The messaging runtime on a real database (both engines) and through the bundled SMTP catcher
// (nodemailer → smtp-server on 127.0.0.1 → demo_mailbox): transactional enqueue, idempotent keys,
// reminders surviving a restart, retries then ECHEC, cancellation, attachments, SMS.
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { freePort } from "../../test-support/app";
import { insertPerson } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testDeps } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { loadConfig } from "../kernel/config";
import type { Log } from "../kernel/logger";
import { cancelPendingMessages, enqueueMessage, type MessageToSend } from "./enqueue-message";
import { messagingRepository } from "./messaging.repository";
import { MAX_ATTEMPTS } from "./send-message";
import { type MessagingRuntime, startMessaging } from "./start-messaging";

const HOUR = 3600_000;
const open: { h: DbHandle; runtimes: MessagingRuntime[] }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    for (const r of o.runtimes) await r.stop();
    await o.h.close();
  }
});

/** a logger that keeps every line written (to check that no address nor text is ever logged) */
function capturingLog() {
  const lines: string[] = [];
  const write = (...args: unknown[]) => {
    lines.push(JSON.stringify(args));
  };
  const log = { info: write, warn: write, error: write, debug: write } as unknown as Log;
  return { log, lines };
}

async function setup(now = "2026-03-02T09:00:00Z", env: Record<string, string> = {}, log?: Log) {
  const h = await testDb();
  const { deps, clock } = testDeps(h, now);
  const d = {
    ...deps,
    log: log ?? deps.log,
    config: loadConfig({ SOCLE_ENV: "test", LOG_LEVEL: "silent", ...env }),
  };
  const slot = { h, runtimes: [] as MessagingRuntime[] };
  open.push(slot);
  const start = async (poll = false) => {
    const r = await startMessaging(d, h, { poll });
    slot.runtimes.push(r);
    return r;
  };
  const person = await insertPerson(h.db, { email: "lea@exemple.fr" });
  const message = (over: Partial<MessageToSend> = {}): MessageToSend => ({
    key: `test:${d.ids.uuid()}`,
    channel: "EMAIL",
    personId: person.id,
    to: "lea@exemple.fr",
    subject: "Votre rendez-vous",
    text: "Bonjour Léa, vous avez rendez-vous.",
    relatedKind: "appointment",
    relatedId: person.id,
    ...over,
  });
  const mailbox = () =>
    h.db
      .selectFrom("demo_mailbox")
      .select(["channel", "to_address as to", "subject", "body_text as text", "attachments"])
      .orderBy("id")
      .execute();
  return { h, deps: d, clock, start, message, mailbox, person };
}

describe("messaging: enqueue, job queue and sending", () => {
  test("a message enqueued in a rolled-back transaction is never sent", async () => {
    const s = await setup();
    const runtime = await s.start();
    await assert.rejects(
      s.h.db.transaction().execute(async (tx) => {
        await enqueueMessage(tx, s.deps, s.message({ key: "rollback:1" }));
        throw new Error("the business write failed");
      }),
      /the business write failed/,
    );
    assert.equal(await messagingRepository.idByKey(s.h.db, "rollback:1"), null);
    const report = await runtime.drain();
    assert.equal(report.sent, 0);
    assert.deepEqual(await s.mailbox(), []);
  });

  test("the same key twice makes one message, sent once through the SMTP catcher", async () => {
    const s = await setup();
    const runtime = await s.start();
    assert.ok(runtime.catcherUrl?.startsWith("smtp://127.0.0.1:"), "the bundled catcher runs in test mode");
    const m = s.message({ key: "orientation:x:notification" });
    const first = await s.h.db.transaction().execute((tx) => enqueueMessage(tx, s.deps, m));
    const second = await s.h.db
      .transaction()
      .execute((tx) => enqueueMessage(tx, s.deps, { ...m, text: "autre texte" }));
    assert.deepEqual([first.created, second.created, second.id], [true, false, first.id]);
    assert.equal((await runtime.drain()).sent, 1);
    const caught = await s.mailbox();
    assert.deepEqual(
      caught.map((c) => [c.channel, c.to, c.subject, c.text.trim()]),
      [["EMAIL", "lea@exemple.fr", "Votre rendez-vous", "Bonjour Léa, vous avez rendez-vous."]],
    );
    const [row] = await messagingRepository.forRelated(s.h.db, "appointment", s.person.id);
    assert.equal(row?.status, "ENVOYE");
    assert.match(row?.transportId ?? "", /^smtp:<.+>$/);
    assert.deepEqual(row?.sentAt, s.clock.now());
  });

  test("a reminder scheduled for later survives a restart and is sent exactly once when due", async () => {
    const s = await setup("2026-03-02T09:00:00Z");
    const appointmentAt = new Date("2026-03-09T14:00:00Z");
    const remindAt = new Date(appointmentAt.getTime() - 48 * HOUR);
    const first = await s.start();
    await s.h.db
      .transaction()
      .execute((tx) =>
        enqueueMessage(tx, s.deps, s.message({ key: "appointment:a1:rappel-48h", sendAfter: remindAt })),
      );
    const early = await first.drain();
    assert.deepEqual([early.sent, early.deferred], [0, 1], "not due yet: nothing sent, the job waits");
    assert.deepEqual(await s.mailbox(), []);

    // the server restarts between scheduling and sending: a new runtime on the same database
    await first.stop();
    const second = await s.start();
    s.clock.set("2026-03-07T13:59:00Z"); // one minute before the reminder: still not due
    assert.equal((await second.drain()).sent, 0);
    s.clock.set("2026-03-07T14:00:00Z"); // 48 h before the appointment
    assert.equal((await second.drain()).sent, 1);
    assert.equal((await s.mailbox()).length, 1);
    const [row] = await messagingRepository.forRelated(s.h.db, "appointment", s.person.id);
    assert.deepEqual([row?.status, row?.sentAt], ["ENVOYE", remindAt]);

    s.clock.advance(72 * HOUR);
    const again = await second.drain();
    assert.equal(again.sent, 0, "draining again sends nothing more");
    assert.equal((await s.mailbox()).length, 1);
  });

  test("a refused message is retried with a growing delay, then marked ECHEC with a French error", async () => {
    const closedPort = await freePort(); // nothing listens there: every connection is refused
    const s = await setup("2026-03-02T09:00:00Z", { SMTP_URL: `smtp://127.0.0.1:${closedPort}` });
    const runtime = await s.start();
    assert.equal(runtime.catcherUrl, null, "with SMTP_URL the catcher does not run");
    await s.h.db.transaction().execute((tx) => enqueueMessage(tx, s.deps, s.message()));

    assert.equal((await runtime.drain()).retry, 1);
    let [row] = await messagingRepository.forRelated(s.h.db, "appointment", s.person.id);
    assert.deepEqual([row?.status, row?.attempts], ["A_ENVOYER", 1]);
    assert.match(
      row?.lastError ?? "",
      /^Tentative 1 sur 5 échouée : le serveur de courriel \(SMTP\) a refusé/,
    );
    assert.equal(row?.sendAfter.getTime(), s.clock.now().getTime() + 60_000, "next try in one minute");
    assert.equal((await runtime.drain()).retry, 0, "not retried before its delay");

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      s.clock.advance(3 * HOUR);
      await runtime.drain();
      [row] = await messagingRepository.forRelated(s.h.db, "appointment", s.person.id);
      assert.equal(row?.attempts, attempt);
    }
    assert.equal(row?.status, "ECHEC");
    assert.match(row?.lastError ?? "", /^Envoi abandonné après 5 tentatives : le serveur de courriel/);
    s.clock.advance(24 * HOUR);
    const after = await runtime.drain();
    assert.deepEqual([after.sent, after.retry, after.failed], [0, 0, 0], "an ECHEC is final");
  });

  test("cancelPendingMessages stops the reminders of a cancelled appointment, by key prefix", async () => {
    const s = await setup();
    const runtime = await s.start();
    const later = new Date(s.clock.now().getTime() + 24 * HOUR);
    const relatedId = s.person.id;
    await s.h.db.transaction().execute(async (tx) => {
      await enqueueMessage(tx, s.deps, s.message({ key: "appointment:a2:convocation" }));
      await enqueueMessage(tx, s.deps, s.message({ key: "appointment:a2:rappel-48h", sendAfter: later }));
      await enqueueMessage(tx, s.deps, s.message({ key: "appointment:a2:rappel-2h", sendAfter: later }));
    });
    assert.equal((await runtime.drain()).sent, 1, "the convocation is due now");
    const cancelled = await s.h.db.transaction().execute((tx) =>
      cancelPendingMessages(tx, {
        relatedKind: "appointment",
        relatedId,
        keyPrefix: "appointment:a2:rappel",
      }),
    );
    assert.equal(cancelled, 2);
    s.clock.advance(48 * HOUR);
    const report = await runtime.drain();
    assert.equal(report.sent, 0);
    assert.equal((await s.mailbox()).length, 1);
    const rows = await messagingRepository.forRelated(s.h.db, "appointment", relatedId);
    assert.deepEqual(
      rows.map((r) => [r.key, r.status]),
      [
        ["appointment:a2:convocation", "ENVOYE"],
        ["appointment:a2:rappel-2h", "ANNULE"],
        ["appointment:a2:rappel-48h", "ANNULE"],
      ],
    );
    const none = await s.h.db
      .transaction()
      .execute((tx) => cancelPendingMessages(tx, { relatedKind: "appointment", relatedId }));
    assert.equal(none, 0, "a sent message is not cancelled");
  });

  test("an .ics invitation arrives in the catcher as text/calendar", async () => {
    const s = await setup();
    const runtime = await s.start();
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Socle//test//FR",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:a3@socle",
      "DTSTAMP:20260302T090000Z",
      "DTSTART:20260309T140000Z",
      "DTEND:20260309T150000Z",
      "SUMMARY:Rendez-vous",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    await s.h.db.transaction().execute((tx) =>
      enqueueMessage(
        tx,
        s.deps,
        s.message({
          attachments: [
            { filename: "rendez-vous.ics", contentType: "text/calendar; method=REQUEST", content: ics },
            {
              filename: "convocation.pdf",
              contentType: "application/pdf",
              content: new Uint8Array([37, 80, 68, 70]),
            },
          ],
        }),
      ),
    );
    assert.equal((await runtime.drain()).sent, 1);
    const [caught] = await s.mailbox();
    assert.deepEqual(
      caught?.attachments.map((a) => [a.filename, a.contentType]),
      [
        ["rendez-vous.ics", "text/calendar"],
        ["convocation.pdf", "application/pdf"],
      ],
    );
    assert.equal(caught?.attachments[0]?.size, Buffer.byteLength(ics));
  });

  const waitForMailbox = async (s: Awaited<ReturnType<typeof setup>>, count: number) => {
    const deadline = Date.now() + 10_000;
    while ((await s.mailbox()).length < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    return (await s.mailbox()).length;
  };

  test("a demo or production server polls: a due message is sent without any drain, a later one waits", async () => {
    const s = await setup(undefined, { SOCLE_ENV: "demo" });
    await s.start(true);
    const later = new Date(s.clock.now().getTime() + 2 * HOUR);
    await s.h.db.transaction().execute(async (tx) => {
      await enqueueMessage(tx, s.deps, s.message({ key: "poll:later", sendAfter: later }));
      await enqueueMessage(tx, s.deps, s.message({ key: "poll:now" }));
    });
    assert.equal(await waitForMailbox(s, 1), 1);
    const rows = await messagingRepository.forRelated(s.h.db, "appointment", s.person.id);
    assert.deepEqual(
      rows.map((r) => [r.key, r.status]),
      [
        ["poll:later", "A_ENVOYER"],
        ["poll:now", "ENVOYE"],
      ],
    );
  });

  test("a test server (browser journeys) polls with the domain clock: moving it sends the reminder", async () => {
    const s = await setup();
    await s.start(true);
    const later = new Date(s.clock.now().getTime() + 48 * HOUR);
    await s.h.db
      .transaction()
      .execute((tx) => enqueueMessage(tx, s.deps, s.message({ key: "journey:rappel", sendAfter: later })));
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal((await s.mailbox()).length, 0, "not due at the test clock");
    s.clock.advance(48 * HOUR);
    assert.equal(await waitForMailbox(s, 1), 1);
  });

  test("an SMS goes to the demo mailbox through the SMS port; the log holds neither number nor text", async () => {
    const captured = capturingLog();
    const s = await setup(undefined, {}, captured.log);
    const runtime = await s.start();
    await s.h.db.transaction().execute((tx) =>
      enqueueMessage(
        tx,
        s.deps,
        s.message({
          channel: "SMS",
          to: "0612345678",
          subject: "",
          text: "Rappel : rendez-vous lundi 14 h",
        }),
      ),
    );
    assert.equal((await runtime.drain()).sent, 1);
    const caught = await s.mailbox();
    assert.deepEqual(
      caught.map((c) => [c.channel, c.to, c.text]),
      [["SMS", "0612345678", "Rappel : rendez-vous lundi 14 h"]],
    );
    await s.h.db.transaction().execute((tx) => enqueueMessage(tx, s.deps, s.message({ key: "log:mail" })));
    assert.equal((await runtime.drain()).sent, 1);
    const logged = captured.lines.join("\n");
    assert.match(logged, /message envoyé/, "the sends are logged…");
    assert.doesNotMatch(logged, /0612345678|Rappel|lea@exemple|Bonjour/, "…without number, address nor text");
  });
});
