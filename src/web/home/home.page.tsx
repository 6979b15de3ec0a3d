// "/": each user lands on the home of their account: the person's own space, or the professional
// home of their main role.
import { RequireSession } from "../kernel/require-session";
import { PersonHome } from "./person-home";
import { ProfessionalHome } from "./professional-home";

export function HomePage() {
  return (
    <RequireSession>
      {(session) =>
        session.kind === "person" ? <PersonHome session={session} /> : <ProfessionalHome session={session} />
      }
    </RequireSession>
  );
}
