// Who may read the demo mailbox (demo and test only: its routes do not exist in production). Choice: any
// logged-in professional, whatever their role: in a demonstration, whoever triggers a convocation or a
// decision should see the message it produced, and the mailbox only ever holds the demo territory's
// fictitious persons. Persons (the personal space) never see it: it holds everybody's messages.
import type { Actor } from "../kernel/access";

export const messagingPolicy = {
  readDemoMailbox: (a: Actor) => a.kind === "professional",
};
