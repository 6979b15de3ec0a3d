// /mon-espace/dossier: the person's dossier in their space (phone first): what happened in their file,
// the notes and documents shared with them, and who is in their follow-up group with what rights (PS-12,
// PS-20). They see only what is shared with them; the rest stays between the professionals.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import {
  followUpRoleLabels,
  followUpRoleRights,
  type MyFileView,
} from "../../shared/shared-file/shared-file.schema";
import { api } from "../kernel/api-client";
import { formatInstant, formatInstantDate } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DocumentList } from "./documents.section";
import { myDocumentContentUrl } from "./shared-file.api";
import { Timeline } from "./timeline";

export const MY_FILE_TITLE = "Mon dossier";

export function MyFilePage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyFile />}</RequireSession>;
}

function MyFile() {
  usePageTitle(MY_FILE_TITLE);
  const { state, reload } = useApiQuery(() => api(sharedFileRoutes.getMyFile, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_FILE_TITLE} />
      <h1>{MY_FILE_TITLE}</h1>
      <p>
        Ce que les professionnels qui vous accompagnent ont inscrit dans votre dossier et partagé avec vous,
        et qui fait partie de votre groupe de suivi.
      </p>
      {state.status === "loading" && <Loading label="Chargement de votre dossier…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && <Sections view={state.data} />}
    </>
  );
}

function Sections({ view }: { view: MyFileView }) {
  return (
    <>
      <section aria-labelledby="mon-groupe" className="fr-mt-4w">
        <h2 id="mon-groupe">Mon groupe de suivi</h2>
        {view.group.length === 0 ? (
          <p>Personne ne vous accompagne encore.</p>
        ) : (
          <ul>
            {view.group.map((m) => (
              <li key={m.id}>
                <strong>{m.professionalName ?? m.structureName}</strong>
                {m.professionalName && `, ${m.structureName}`} — {followUpRoleLabels[m.role]} depuis le{" "}
                {formatInstantDate(m.startedAt)} : {followUpRoleRights[m.role]}.
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mon-fil" className="fr-mt-4w">
        <h2 id="mon-fil">Le fil de mon dossier</h2>
        <Timeline
          headingLevel="h3"
          load={(cursor) => api(sharedFileRoutes.getMyTimeline, { query: { cursor, limit: 20 } })}
        />
      </section>
      <section aria-labelledby="mes-notes" className="fr-mt-4w">
        <h2 id="mes-notes">Notes partagées avec moi</h2>
        {view.notes.length === 0 ? (
          <p>Aucune note n'a été partagée avec vous.</p>
        ) : (
          <ul className="fr-pl-0" style={{ listStyle: "none" }}>
            {view.notes.map((n) => (
              <li key={n.id} className="fr-mb-3w">
                <p className="fr-text--sm fr-mb-1v">
                  {formatInstant(n.createdAt)} · {n.authorName}, {n.structureName}
                  {n.correctsNoteId ? " · correction d'une note précédente" : ""}
                </p>
                <p className="fr-mb-0" style={{ whiteSpace: "pre-wrap" }}>
                  {n.body}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mes-documents" className="fr-mt-4w">
        <h2 id="mes-documents">Documents partagés avec moi</h2>
        <DocumentList documents={view.documents} href={(d) => myDocumentContentUrl(d.id)} />
      </section>
    </>
  );
}
