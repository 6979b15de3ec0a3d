// /personnes/:personId/journal: the access log of a person's file, for professionals. It does not load
// the person's identity (that would itself be an access to record): the breadcrumb leads back to it.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { useParams } from "react-router-dom";
import { personsRoutes } from "../../shared/persons/persons.routes";
import { personIdSchema } from "../../shared/persons/persons.schema";
import { AuditLog } from "../audit/audit-log";
import { api } from "../kernel/api-client";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";

export const PERSON_AUDIT_TITLE = "Journal des accès au dossier";

export function PersonAuditPage() {
  const parsed = personIdSchema.safeParse(useParams().personId);
  if (!parsed.success) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <PersonAudit personId={parsed.data} />}
    </RequireSession>
  );
}

function PersonAudit({ personId }: { personId: string }) {
  usePageTitle(PERSON_AUDIT_TITLE);
  const { state, reload } = useApiQuery(
    () => api(personsRoutes.getPersonAuditLog, { params: { personId } }),
    [personId],
  );
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes suivies", linkProps: { to: "/personnes" } },
          { label: "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel={PERSON_AUDIT_TITLE}
      />
      <h1>{PERSON_AUDIT_TITLE}</h1>
      <p>
        Toutes les consultations et modifications de ce dossier, y compris les tentatives refusées. La
        personne voit la même liste dans son espace.
      </p>
      {state.status === "loading" && <Loading label="Chargement du journal…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <AuditLog
          items={state.data.items}
          viewer="professional"
          caption="Accès au dossier, du plus récent au plus ancien"
        />
      )}
    </>
  );
}
