// The SMS port. No SMS operator is connected yet: `mailboxSmsPort` (demo and test) stores the SMS in the
// demo mailbox (the page « Courriels et SMS envoyés ») and logs only the message id, never the number nor
// the text (privacy-and-security.md: no personal data in the application log).

import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Log } from "../kernel/logger";
import { messagingRepository } from "./messaging.repository";

export type OutgoingSms = { id: string; to: string; text: string };

export interface SmsPort {
  send(sms: OutgoingSms): Promise<{ transportId: string }>;
}

export function mailboxSmsPort(deps: { db: Db; clock: Clock; log: Pick<Log, "info"> }): SmsPort {
  return {
    async send(sms) {
      const transportId = `sms-journal:${sms.id}`;
      await messagingRepository.addToMailbox(deps.db, {
        channel: "SMS",
        to: sms.to,
        subject: "",
        text: sms.text,
        attachments: [],
        transportId,
        receivedAt: deps.clock.now(),
      });
      deps.log.info(
        { sms: { messageId: sms.id, chars: sms.text.length } },
        "SMS remis au transport de démonstration",
      );
      return { transportId };
    },
  };
}
