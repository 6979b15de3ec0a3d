// /orientation: « Personnes à orienter », the chargé d'orientation's queue for their département, sorted by
// due date (the legal 15 days from T0), overdue ones flagged with DSFR badges.
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link, useSearchParams } from "react-router-dom";
import type { SessionView } from "../../shared/identity/identity.schema";
import { organismeLabels, parcoursTypeLabels } from "../../shared/orientation/orientation.schema";
import { workItemsRoutes } from "../../shared/work-items/work-items.routes";
import {
  type WorkItemList,
  type WorkItemType,
  type WorkItemView,
  workItemTypeLabels,
} from "../../shared/work-items/work-items.schema";
import { api } from "../kernel/api-client";
import { formatLocalDate, personName } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DueCell, queueSummary } from "../work-items/due-badge";

export const ORIENTATION_QUEUE_TITLE = "Personnes à orienter";

const filters: { value: string; label: string; types: WorkItemType[] }[] = [
  { value: "", label: "Orientations à décider", types: ["DECISION_ORIENTATION_A_PRENDRE"] },
  {
    value: "reorientations",
    label: "Demandes de réorientation à examiner",
    types: ["DEMANDE_REORIENTATION_A_EXAMINER"],
  },
];

export const isOrientationOfficer = (s: SessionView) =>
  s.kind === "professional" && s.roles.includes("charge_orientation");

export function OrientationQueuePage() {
  return <RequireSession allow={isOrientationOfficer}>{() => <Queue />}</RequireSession>;
}

function Queue() {
  usePageTitle(ORIENTATION_QUEUE_TITLE);
  const [search, setSearch] = useSearchParams();
  const filter = filters.find((f) => f.value === (search.get("type") ?? "")) ?? filters[0]!;
  const page = Math.max(1, Math.floor(Number(search.get("page"))) || 1);
  const { state, reload } = useApiQuery(
    () =>
      api(workItemsRoutes.listWorkItems, {
        query: { scope: "departement", types: filter.types.join(","), page },
      }),
    [filter.value, page],
  );

  return (
    <>
      <h1>{ORIENTATION_QUEUE_TITLE}</h1>
      <p>
        Les personnes de votre département dont l'orientation doit être décidée, de la plus urgente à la moins
        urgente. La décision doit être notifiée au plus tard 15 jours après la réception du signalement de la
        CAF ou de la MSA (le jour de réception compte pour le premier jour).
      </p>
      <div className="fr-grid-row fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Afficher"
            nativeSelectProps={{
              value: filter.value,
              onChange: (e) => setSearch(e.target.value ? { type: e.target.value } : {}),
            }}
          >
            {filters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {state.status === "loading" && <Loading label="Chargement des personnes à orienter…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <QueueTable
          list={state.data}
          caption={`${filter.label}, de la plus urgente à la moins urgente`}
          pageUrl={(n) => {
            const next = new URLSearchParams();
            if (filter.value) next.set("type", filter.value);
            if (n > 1) next.set("page", String(n));
            return `/orientation${next.toString() ? `?${next}` : ""}`;
          }}
        />
      )}
    </>
  );
}

function QueueTable({
  list,
  caption,
  pageUrl,
}: {
  list: WorkItemList;
  caption: string;
  pageUrl: (n: number) => string;
}) {
  const pageCount = Math.max(1, Math.ceil(list.total / Math.max(1, list.pageSize)));
  return (
    <>
      <p role="status" className="fr-text--bold">
        {queueSummary(list.total, list.overdue, list.dueSoon, [
          "personne à orienter",
          "personnes à orienter",
        ])}
      </p>
      {list.items.length === 0 ? (
        <p>Aucune décision n'est en attente pour le moment.</p>
      ) : (
        <Table
          caption={caption}
          headers={[
            "Personne",
            "Date de naissance",
            "Commune",
            "À notifier au plus tard le",
            "Proposition",
            "Activité",
          ]}
          data={list.items.map((i) => [
            i.orientation ? (
              <Link key="p" to={`/orientation/${i.orientation.id}`}>
                {personName(i.person)}
              </Link>
            ) : (
              personName(i.person)
            ),
            formatLocalDate(i.person.birthDate),
            i.person.communeName ?? "Non renseignée",
            <DueCell key="d" {...i} />,
            <Proposal key="r" item={i} />,
            workItemTypeLabels[i.type],
          ])}
        />
      )}
      {pageCount > 1 && (
        <Pagination
          className="fr-mt-4w"
          count={pageCount}
          defaultPage={Math.min(list.page, pageCount)}
          getPageLinkProps={(n) => ({ to: pageUrl(n) })}
        />
      )}
    </>
  );
}

function Proposal({ item }: { item: WorkItemView }) {
  const o = item.orientation;
  if (!o) return <span>—</span>;
  if (o.etat === "BROUILLON" || o.recommendedOrganisme === "IND" || !o.recommendedOrganisme) {
    return (
      <Badge severity="info" small noIcon as="span">
        Critères à compléter
      </Badge>
    );
  }
  const organisme = organismeLabels[o.recommendedOrganisme];
  const parcours = o.recommendedParcours ? parcoursTypeLabels[o.recommendedParcours] : null;
  return (
    <span>
      {organisme}
      {parcours && <span className="fr-hint-text">{parcours}</span>}
    </span>
  );
}
