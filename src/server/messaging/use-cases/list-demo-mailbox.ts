import { z } from "zod";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { messagingPolicy } from "../messaging.policy";
import { messagingRepository } from "../messaging.repository";

const LIMIT = 200;

/** The demo mailbox, newest first (demo and test only). The read is audited: it shows addresses. */
export const listDemoMailbox = useCase("ListDemoMailbox", z.object({}), async ({ tx, actor, clock }) => {
  assertCan(messagingPolicy.readDemoMailbox(actor), "messaging.demo_mailbox.list", {
    section: "messagerie",
    purpose: "follow",
  });
  const rows = await messagingRepository.listMailbox(tx, LIMIT);
  await audit.record(tx, clock, actor, {
    action: "messaging.demo_mailbox.list",
    section: "messagerie",
    purpose: "follow",
    personId: null,
    details: { count: rows.length },
  });
  return {
    limit: LIMIT,
    messages: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
  };
});
