// /personnes/:personId/dossier: the dossier partagé for professionals, in four tabs: « Fil du dossier »,
// « Notes », « Documents », « Groupe de suivi ». The server decides what each professional may read.
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { personsRoutes } from "../../shared/persons/persons.routes";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import { api } from "../kernel/api-client";
import { personName } from "../kernel/format";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DocumentsSection } from "./documents.section";
import { GroupSection } from "./group.section";
import { NotesSection } from "./notes.section";
import { Timeline } from "./timeline";

export function SharedFilePage() {
  return <RequireSession allow={(s) => s.kind === "professional"}>{() => <SharedFile />}</RequireSession>;
}

const tabs = [
  { tabId: "fil", label: "Fil du dossier", iconId: "fr-icon-time-line" },
  { tabId: "notes", label: "Notes", iconId: "fr-icon-edit-line" },
  { tabId: "documents", label: "Documents", iconId: "fr-icon-file-line" },
  { tabId: "groupe", label: "Groupe de suivi", iconId: "fr-icon-team-line" },
] as const;
type TabId = (typeof tabs)[number]["tabId"];

function SharedFile() {
  const { personId = "" } = useParams();
  const person = useApiQuery(() => api(personsRoutes.getPerson, { params: { personId } }), [personId]);
  const name = person.state.status === "ok" ? personName(person.state.data) : undefined;
  const title = name ? `Dossier partagé : ${name}` : "Dossier partagé";
  usePageTitle(title);
  const [tab, setTab] = useState<TabId>("fil");
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes suivies", linkProps: { to: "/personnes" } },
          { label: name ?? "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel="Dossier partagé"
      />
      <h1>{title}</h1>
      <Tabs
        label="Sections du dossier partagé"
        tabs={tabs.map((t) => ({ ...t }))}
        selectedTabId={tab}
        onTabChange={(id) => setTab(id as TabId)}
      >
        <h2 className="fr-h4">{tabs.find((t) => t.tabId === tab)?.label}</h2>
        {tab === "fil" && (
          <Timeline
            headingLevel="h3"
            load={(cursor) =>
              api(sharedFileRoutes.getTimeline, { params: { personId }, query: { cursor, limit: 30 } })
            }
          />
        )}
        {tab === "notes" && <NotesSection personId={personId} />}
        {tab === "documents" && <DocumentsSection personId={personId} />}
        {tab === "groupe" && <GroupSection personId={personId} />}
      </Tabs>
    </>
  );
}
