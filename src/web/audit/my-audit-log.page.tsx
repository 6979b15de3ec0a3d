// /mon-espace/journal: "Qui a consulté mon dossier" (PS-19), for the logged-in person.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { auditRoutes } from "../../shared/audit/audit.routes";
import { api } from "../kernel/api-client";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { AuditLog } from "./audit-log";

export const MY_AUDIT_TITLE = "Qui a consulté mon dossier";

export function MyAuditLogPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyAuditLog />}</RequireSession>;
}

function MyAuditLog() {
  usePageTitle(MY_AUDIT_TITLE);
  const { state, reload } = useApiQuery(() => api(auditRoutes.getMyAuditLog, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_AUDIT_TITLE} />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-10">
          <h1>{MY_AUDIT_TITLE}</h1>
          <p className="fr-text--lead">
            Chaque fois qu'un professionnel ouvre votre dossier, c'est noté ici : la date, son organisme, son
            rôle, la partie du dossier consultée et la raison.
          </p>
          <p>
            Les tentatives refusées sont aussi notées : elles sont marquées « Accès refusé ». Si une
            consultation vous paraît anormale, parlez-en à votre conseiller·ère. Vous pouvez aussi demander
            cette liste sur papier.
          </p>
        </div>
      </div>
      {state.status === "loading" && <Loading label="Chargement de la liste des consultations…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <AuditLog
          items={state.data.items}
          viewer="person"
          caption="Consultations de votre dossier, de la plus récente à la plus ancienne"
        />
      )}
    </>
  );
}
