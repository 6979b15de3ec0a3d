import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import {
  type InsertedPerson,
  type InsertedProfessional,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { getMyTimeline, getTimeline } from "../../shared-file/use-cases/get-timeline";
import { countUnreadMessages } from "./count-unread-messages";
import { getConversation } from "./get-conversation";
import { markConversationRead } from "./mark-conversation-read";
import { sendConversationMessage } from "./send-conversation-message";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

type World = {
  referente: InsertedProfessional;
  coReferent: InsertedProfessional;
  membre: InsertedProfessional;
  colleague: InsertedProfessional;
  stranger: InsertedProfessional;
  person: InsertedPerson;
};

/** Léa, followed by a named référente at France Travail, a co-référent and a member at the mission locale. */
async function world(email: string | null = "lea.messages@exemple.fr"): Promise<World> {
  const ft = await insertStructure(h.db, { kind: "france_travail", name: "France Travail Amiens" });
  const ml = await insertStructure(h.db, { kind: "mission_locale", name: "Mission locale d'Amiens" });
  const cd = await insertStructure(h.db, { kind: "conseil_departemental" });
  const referente = await insertProfessional(h.db, {
    structure: ft,
    firstName: "Claire",
    lastName: "Martin",
  });
  const coReferent = await insertProfessional(h.db, {
    structure: ml,
    firstName: "Yanis",
    lastName: "Benali",
  });
  const membre = await insertProfessional(h.db, { structure: ml });
  const colleague = await insertProfessional(h.db, { structure: ft });
  const stranger = await insertProfessional(h.db, { structure: cd });
  const person = await insertPerson(h.db, { firstNames: "Léa", birthName: "Durand", email });
  await insertFollowUp(h.db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  await insertFollowUp(h.db, {
    personId: person.id,
    structureId: ml.id,
    professionalId: coReferent.id,
    role: "co_referent",
  });
  await insertFollowUp(h.db, {
    personId: person.id,
    structureId: ml.id,
    professionalId: membre.id,
    role: "membre",
  });
  return { referente, coReferent, membre, colleague, stranger, person };
}

const auditRows = (personId: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["action", "actor_id as actorId", "outcome"])
    .where("person_id", "=", personId)
    .where("section", "=", "conversation")
    .orderBy("id")
    .execute();

const outbox = (personId: string) =>
  h.db
    .selectFrom("outbound_messages")
    .select(["message_key as key", "channel", "to_address as to", "subject", "body_text as text"])
    .where("person_id", "=", personId)
    .where("related_kind", "=", "conversation")
    .orderBy("created_at")
    .orderBy("message_key")
    .execute();

describe("right paths", () => {
  test("the person writes, the référente reads (audited) and answers; the person is told by e-mail without the content", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, "2026-03-10T09:00:00Z");
    const sent = await sendConversationMessage(deps, w.person.actor, {
      personId: null,
      body: "  Bonjour, je ne pourrai pas venir jeudi : mon fils est malade.  ",
    });
    assert.equal(sent.body, "Bonjour, je ne pourrai pas venir jeudi : mon fils est malade.");
    assert.deepEqual(
      [sent.authorKind, sent.authorName, sent.mine, sent.readAt],
      ["PERSONNE", "Léa DURAND", true, null],
    );
    assert.deepEqual(await outbox(w.person.id), [], "the person's own message notifies nobody by e-mail");

    assert.deepEqual(await countUnreadMessages(deps, w.referente.actor, { personId: w.person.id }), {
      canRead: true,
      unread: 1,
    });
    clock.advance(0.5);
    const seen = await getConversation(deps, w.referente.actor, { personId: w.person.id });
    assert.equal(seen.unread, 1, "reading alone does not set the receipt");
    assert.deepEqual(
      seen.readers.map((r) => [r.name, r.role]),
      [
        ["Claire Martin", "Référent·e"],
        ["Yanis Benali", "Co-référent·e"],
      ],
    );
    assert.deepEqual(await markConversationRead(deps, w.referente.actor, { personId: w.person.id }), {
      marked: 1,
    });
    const answer = await sendConversationMessage(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Bien reçu, je vous propose mardi à 10 h.",
    });
    assert.deepEqual(
      [answer.authorName, answer.structureName, answer.mine],
      ["Claire Martin", "France Travail Amiens", true],
    );

    const mail = await outbox(w.person.id);
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.channel, "EMAIL");
    assert.equal(mail[0]!.to, "lea.messages@exemple.fr");
    assert.equal(mail[0]!.key, `conversation:${w.person.id}:non-lus-depuis:${answer.id}`);
    assert.match(mail[0]!.text, /Vous avez reçu un nouveau message de votre conseiller·ère sur Socle/);
    assert.match(mail[0]!.text, /\/mon-espace\/messages/);
    assert.doesNotMatch(mail[0]!.text, /mardi/, "the e-mail never carries the message");

    // the person's side: the receipt of her message, the answer unread
    const mine = await getConversation(deps, w.person.actor, { personId: null });
    assert.deepEqual(
      mine.messages.map((m) => [m.authorKind, m.mine, m.readAt !== null, m.readByName]),
      [
        ["PERSONNE", true, true, "Claire Martin"],
        ["PROFESSIONNEL", false, false, null],
      ],
    );
    assert.equal(mine.unread, 1);
    assert.equal(mine.canWrite, true);
    assert.deepEqual(await countUnreadMessages(deps, w.person.actor, { personId: null }), {
      canRead: true,
      unread: 1,
    });
    assert.deepEqual(await markConversationRead(deps, w.person.actor, { personId: null }), { marked: 1 });
    assert.equal((await countUnreadMessages(deps, w.person.actor, { personId: null })).unread, 0);

    // the co-référent reads the référente's message as the professionals' side, not as his own
    const co = await getConversation(deps, w.coReferent.actor, { personId: w.person.id });
    assert.deepEqual(
      co.messages.map((m) => m.mine),
      [false, false],
    );

    assert.deepEqual(
      (await auditRows(w.person.id)).map((r) => [r.action, r.actorId, r.outcome]),
      [
        ["conversation.message_sent", w.person.id, "allowed"],
        ["conversation.read", w.referente.id, "allowed"],
        ["conversation.marked_read", w.referente.id, "allowed"],
        ["conversation.message_sent", w.referente.id, "allowed"],
        ["conversation.read", w.person.id, "allowed"],
        ["conversation.marked_read", w.person.id, "allowed"],
        ["conversation.read", w.coReferent.id, "allowed"],
      ],
    );
  });

  test("one notification per unread streak: a second message before the person reads sends nothing more", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, "2026-03-11T09:00:00Z");
    const first = await sendConversationMessage(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Premier",
    });
    clock.advance(0.01);
    await sendConversationMessage(deps, w.coReferent.actor, { personId: w.person.id, body: "Deuxième" });
    assert.deepEqual(
      (await outbox(w.person.id)).map((m) => m.key),
      [`conversation:${w.person.id}:non-lus-depuis:${first.id}`],
    );
    clock.advance(0.01);
    await markConversationRead(deps, w.person.actor, { personId: null });
    clock.advance(0.01);
    const third = await sendConversationMessage(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Troisième",
    });
    assert.deepEqual(
      (await outbox(w.person.id)).map((m) => m.key),
      [
        `conversation:${w.person.id}:non-lus-depuis:${first.id}`,
        `conversation:${w.person.id}:non-lus-depuis:${third.id}`,
      ],
    );
  });

  test("without e-mail the person is told by SMS; with neither, only the unread count tells", async () => {
    const w = await world(null);
    const { deps } = testDeps(h, "2026-03-12T09:00:00Z");
    await sendConversationMessage(deps, w.referente.actor, { personId: w.person.id, body: "Bonjour" });
    assert.deepEqual(await outbox(w.person.id), []);
    await h.db.updateTable("persons").set({ phone: "0601020304" }).where("id", "=", w.person.id).execute();
    await markConversationRead(deps, w.person.actor, { personId: null });
    const m = await sendConversationMessage(deps, w.referente.actor, {
      personId: w.person.id,
      body: "Rebonjour",
    });
    const sms = await outbox(w.person.id);
    assert.deepEqual(
      sms.map((s) => [s.channel, s.to, s.key]),
      [["SMS", "0601020304", `conversation:${w.person.id}:non-lus-depuis:${m.id}:sms`]],
    );
    assert.doesNotMatch(sms[0]!.text, /Rebonjour/);
  });
});

describe("the dossier partagé's timeline", () => {
  test("messages appear in the timeline of the référente and of the person, never in a member's", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, "2026-03-15T09:00:00Z");
    await sendConversationMessage(deps, w.person.actor, { personId: null, body: "Ma question" });
    clock.advance(0.01);
    await sendConversationMessage(deps, w.referente.actor, { personId: w.person.id, body: "Ma réponse" });
    const kinds = (
      entries: { kind: string; title: string; detail: string | null; actorName: string | null }[],
    ) => entries.filter((e) => e.kind === "MESSAGE").map((e) => [e.title, e.detail, e.actorName]);

    const referente = await getTimeline(deps, w.referente.actor, { personId: w.person.id });
    assert.deepEqual(kinds(referente.entries), [
      ["Message à la personne", "Ma réponse", "Claire Martin"],
      ["Message de la personne", "Ma question", "Léa Durand"],
    ]);
    const mine = await getMyTimeline(deps, w.person.actor, {});
    assert.deepEqual(kinds(mine.entries), [
      ["Message de votre référent·e", "Ma réponse", "Claire Martin"],
      ["Votre message à vos référent·es", "Ma question", "Léa Durand"],
    ]);
    const membre = await getTimeline(deps, w.membre.actor, { personId: w.person.id });
    assert.deepEqual(kinds(membre.entries), [], "a member reads the file's timeline, not the messages");
  });
});

describe("wrong paths", () => {
  test("a professional outside the group, a member, a colleague of the référente: 403, the denial audited, nothing written", async () => {
    const w = await world();
    const { deps } = testDeps(h, "2026-03-13T09:00:00Z");
    for (const who of [w.stranger, w.membre, w.colleague]) {
      await assert.rejects(getConversation(deps, who.actor, { personId: w.person.id }), {
        code: "access.forbidden",
      });
      await assert.rejects(
        sendConversationMessage(deps, who.actor, { personId: w.person.id, body: "Bonjour" }),
        { code: "access.forbidden" },
      );
    }
    // a member sees the file: the badge says it is not theirs to read; a stranger does not even see the file
    assert.deepEqual(await countUnreadMessages(deps, w.membre.actor, { personId: w.person.id }), {
      canRead: false,
      unread: 0,
    });
    await assert.rejects(countUnreadMessages(deps, w.stranger.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    const rows = await auditRows(w.person.id);
    assert.equal(rows.length, 7);
    assert.ok(rows.every((r) => r.outcome === "denied"));
    const stored = await h.db
      .selectFrom("conversation_messages")
      .select("id")
      .where("person_id", "=", w.person.id)
      .execute();
    assert.equal(stored.length, 0);
  });

  test("a person cannot read another person's conversation, nor a professional use the person's routes", async () => {
    const w = await world();
    const other = await insertPerson(h.db, {});
    const { deps } = testDeps(h, "2026-03-13T10:00:00Z");
    await assert.rejects(getConversation(deps, other.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(getConversation(deps, w.referente.actor, { personId: null }), {
      code: "access.forbidden",
    });
  });

  test("French 400s: an empty message, a message too long", async () => {
    const w = await world();
    const { deps } = testDeps(h, "2026-03-13T11:00:00Z");
    await assert.rejects(
      sendConversationMessage(deps, w.person.actor, { personId: null, body: "   " }),
      (e: unknown) => {
        const err = e as { code: string; issues: { path: string; message: string }[] };
        assert.equal(err.code, "validation.invalid");
        assert.deepEqual(err.issues, [{ path: "body", message: "Écrivez votre message" }]);
        return true;
      },
    );
    await assert.rejects(
      sendConversationMessage(deps, w.person.actor, { personId: null, body: "a".repeat(2001) }),
      (e: unknown) => {
        const err = e as { issues: { message: string }[] };
        assert.match(err.issues[0]!.message, /dépasse 2\s000 caractères/);
        return true;
      },
    );
    // 2000 characters exactly are accepted, by zod and by the table's check
    await sendConversationMessage(deps, w.person.actor, { personId: null, body: "é".repeat(2000) });
  });

  test("a message is never edited and a read receipt never moved (trigger)", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, "2026-03-14T09:00:00Z");
    const m = await sendConversationMessage(deps, w.person.actor, {
      personId: null,
      body: "Texte d'origine",
    });
    await assert.rejects(
      sql`UPDATE conversation_messages SET body = 'Texte modifié' WHERE id = ${m.id}`.execute(h.db),
      /un message ne se modifie pas/,
    );
    await markConversationRead(deps, w.referente.actor, { personId: w.person.id });
    clock.advance(1);
    await assert.rejects(
      sql`UPDATE conversation_messages SET read_at = ${clock.now()} WHERE id = ${m.id}`.execute(h.db),
      /accusé de lecture/,
    );
    assert.deepEqual(await markConversationRead(deps, w.coReferent.actor, { personId: w.person.id }), {
      marked: 0,
    });
  });
});
