import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { createLogger } from "../../kernel/logger";
import { logMailPort, memoryMailPort } from "./mail.port";
import { outboundMessagesRepository } from "./outbound-messages.repository";
import { MAX_ATTEMPTS, sendPendingMessages } from "./send-pending-messages";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

async function queue(deps: ReturnType<typeof testDeps>["deps"], relatedId: string) {
  const p = await insertPerson(h.db, { email: "lea@exemple.fr" });
  await outboundMessagesRepository.insert(h.db, {
    id: deps.ids.uuid(),
    personId: p.id,
    to: "lea@exemple.fr",
    subject: "Objet",
    text: "Bonjour",
    relatedKind: "test",
    relatedId,
    now: deps.clock.now(),
  });
}

describe("sending the outbound e-mails through the mail port", () => {
  test("pending messages are sent once, marked ENVOYE with the transport's id", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const relatedId = deps.ids.uuid();
    await queue(deps, relatedId);
    const mail = memoryMailPort();
    assert.deepEqual(await sendPendingMessages(deps, mail), { sent: 1, failed: 0 });
    assert.deepEqual(
      mail.sent.map((m) => [m.to, m.subject, m.text]),
      [["lea@exemple.fr", "Objet", "Bonjour"]],
    );
    const [row] = await outboundMessagesRepository.forRelated(h.db, "test", relatedId);
    assert.equal(row?.status, "ENVOYE");
    assert.deepEqual(row?.sentAt, new Date("2026-03-10T09:00:00Z"));
    assert.deepEqual(await sendPendingMessages(deps, mail), { sent: 0, failed: 0 }, "never twice");
  });

  test("a refused message is retried, then marked ECHEC after the last attempt, with its error", async () => {
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const relatedId = deps.ids.uuid();
    await queue(deps, relatedId);
    const failing = memoryMailPort({ failWith: "550 boîte inconnue" });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await sendPendingMessages(deps, failing);
      const [row] = await outboundMessagesRepository.forRelated(h.db, "test", relatedId);
      assert.deepEqual([row?.status, row?.attempts, row?.lastError], ["A_ENVOYER", i, "550 boîte inconnue"]);
    }
    await sendPendingMessages(deps, failing);
    const [row] = await outboundMessagesRepository.forRelated(h.db, "test", relatedId);
    assert.deepEqual([row?.status, row?.attempts], ["ECHEC", MAX_ATTEMPTS]);
  });

  test("the demo transport logs the message id, never the address nor the body", async () => {
    const lines: string[] = [];
    const log = createLogger("info");
    const port = logMailPort({
      info: (o: unknown, msg?: string) => lines.push(JSON.stringify([o, msg])),
    } as unknown as typeof log);
    const out = await port.send({ id: "m-1", to: "lea@exemple.fr", subject: "Objet", text: "Bonjour Léa" });
    assert.equal(out.transportId, "log:m-1");
    assert.match(lines.join(""), /m-1/);
    assert.doesNotMatch(lines.join(""), /lea@exemple|Bonjour/);
  });
});
