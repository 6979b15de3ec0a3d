// The link to the demo mailbox on the professional home, shown only when the server is not in production.
import { Link } from "react-router-dom";
import { DEMO_MAILBOX_PATH, DEMO_MAILBOX_TITLE } from "./messaging.paths";
import { useDemoMode } from "./use-demo-mode";

export function DemoMailboxLink() {
  if (!useDemoMode()) return null;
  return (
    <p className="fr-mt-4w">
      <Link className="fr-link fr-icon-mail-line fr-link--icon-left" to={DEMO_MAILBOX_PATH}>
        {DEMO_MAILBOX_TITLE}
      </Link>
    </p>
  );
}
