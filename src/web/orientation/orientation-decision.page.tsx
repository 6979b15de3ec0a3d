// /orientation/:orientationId: the decision screen. The person and the deadline, the computed proposal
// and its explanation, the decision (validate or choose another orientation), then the criteria (editable
// while pending). Once decided: a confirmation with the letter (PDF) and the first appointment to book.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { orientationRoutes } from "../../shared/orientation/orientation.routes";
import {
  motifRefusLabels,
  type OrientationView,
  organismeLabels,
  orientationEtatLabels,
  orientationIdSchema,
  orientationOrigineLabels,
  parcoursTypeLabels,
} from "../../shared/orientation/orientation.schema";
import { workItemUrgency } from "../../shared/work-items/work-items.urgency";
import { api } from "../kernel/api-client";
import {
  formatInstant,
  formatInstantDate,
  formatLocalDate,
  formatLocalDateLong,
  personName,
} from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { DueBadge } from "../work-items/due-badge";
import { CriteriaSection } from "./criteria.form";
import { DecisionSection } from "./decision.form";
import { ORIENTATION_QUEUE_TITLE } from "./orientation-queue.page";

export function OrientationDecisionPage() {
  const parsed = orientationIdSchema.safeParse(useParams().orientationId);
  if (!parsed.success) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <OrientationScreen orientationId={parsed.data} />}
    </RequireSession>
  );
}

/** Today in Paris, for the deadline badge (the server's lists compute the same from its clock). */
const parisToday = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

function OrientationScreen({ orientationId }: { orientationId: string }) {
  const { state, reload, setData } = useApiQuery(
    () => api(orientationRoutes.getOrientation, { params: { orientationId } }),
    [orientationId],
  );
  const [justDecided, setJustDecided] = useState(false);
  const view = state.status === "ok" ? state.data : undefined;
  const name = view ? personName(view.person) : undefined;
  usePageTitle(name ? `Orientation de ${name}` : "Orientation");

  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[{ label: ORIENTATION_QUEUE_TITLE, linkProps: { to: "/orientation" } }]}
        currentPageLabel={name ?? "Orientation"}
      />
      <h1>{name ? `Orientation de ${name}` : "Orientation"}</h1>
      {state.status === "loading" && <Loading label="Chargement de l'orientation…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {view && (
        <>
          {justDecided && view.decision && <Confirmation view={view} />}
          <Summary view={view} />
          {view.reorientationRequest && <RequestCallOut view={view} />}
          <RecommendationSection view={view} />
          {view.decision && !justDecided && <DecisionRecord view={view} />}
          {view.actions.canDecide && view.etat === "EN_ATTENTE" && (
            <DecisionSection
              view={view}
              onReload={() => void reload()}
              onDecided={(v) => {
                setData(v);
                setJustDecided(true);
              }}
            />
          )}
          {view.actions.canDecide && view.etat === "BROUILLON" && (
            <Alert
              className="fr-mt-4w"
              severity="info"
              small
              description="La proposition est indéterminée (IND) : complétez les critères ci-dessous, la proposition sera recalculée, puis vous pourrez décider."
            />
          )}
          <CriteriaSection key={view.version} view={view} onSaved={setData} />
        </>
      )}
    </>
  );
}

function Summary({ view }: { view: OrientationView }) {
  const pending = view.etat === "BROUILLON" || view.etat === "EN_ATTENTE";
  return (
    <dl className="socle-facts fr-mb-4w" aria-label="Résumé">
      <div>
        <dt>Date de naissance</dt>
        <dd>{formatLocalDateLong(view.person.birthDate)}</dd>
      </div>
      <div>
        <dt>Commune</dt>
        <dd>{view.person.communeName ?? "Non renseignée"}</dd>
      </div>
      <div>
        <dt>Origine</dt>
        <dd>{orientationOrigineLabels[view.origine]}</dd>
      </div>
      <div>
        <dt>Signalement reçu le (T0)</dt>
        <dd>{formatLocalDateLong(view.t0)}</dd>
      </div>
      {view.dueDate && (
        <div>
          <dt>À notifier au plus tard le</dt>
          <dd>
            <span className="fr-mr-1w">{formatLocalDateLong(view.dueDate)}</span>
            {pending && view.dueSoonDate && (
              <DueBadge
                {...workItemUrgency(
                  { dueDate: view.dueDate, dueSoonDate: view.dueSoonDate, status: "A_FAIRE" },
                  parisToday(),
                )}
              />
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>État</dt>
        <dd>
          <Badge
            severity={view.etat === "OUVERT" ? "success" : view.etat === "CLOTURE" ? undefined : "new"}
            small
            noIcon
            as="span"
          >
            {orientationEtatLabels[view.etat]}
          </Badge>
        </dd>
      </div>
    </dl>
  );
}

function RequestCallOut({ view }: { view: OrientationView }) {
  const r = view.reorientationRequest!;
  return (
    <CallOut title="Demande de réorientation" titleAs="h2" className="fr-mb-4w">
      Demandée le {formatInstantDate(r.requestedAt)} par {r.requestedBy} :{" "}
      {parcoursTypeLabels[r.parcoursSouhaite]}, {organismeLabels[r.organismeSouhaite]}
      {r.structureSouhaitee ? ` (${r.structureSouhaitee})` : ""}. Motif : « {r.motif} ».
    </CallOut>
  );
}

function RecommendationSection({ view }: { view: OrientationView }) {
  const rec = view.recommendation;
  return (
    <section aria-labelledby="proposition">
      <h2 id="proposition">Proposition calculée</h2>
      {!rec || rec.organisme === "IND" ? (
        <Alert
          severity="warning"
          small
          description={rec?.explication ?? "Aucune proposition n'a encore été calculée."}
        />
      ) : (
        <div className="socle-box">
          <p className="fr-h4 fr-mb-1w">
            {organismeLabels[rec.organisme]} — {rec.parcours ? parcoursTypeLabels[rec.parcours] : ""}
          </p>
          <p className="fr-text--sm fr-mb-2w">
            Règle {rec.regleIds.join(", ")} · référentiel {rec.versionReferentiel}
          </p>
          <p>{rec.explication}</p>
          {rec.criteresDeterminants.length > 0 && (
            <>
              <p className="fr-mb-1w fr-text--bold">Critères déterminants</p>
              <ul>
                {rec.criteresDeterminants.map((c) => (
                  <li key={c.libelle}>{c.libelle}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function LetterLink({ url }: { url: string }) {
  return (
    <a className="fr-link fr-icon-download-line fr-link--icon-left" href={url} download>
      Télécharger le courrier d'orientation (PDF)
    </a>
  );
}

function DecisionFacts({ view }: { view: OrientationView }) {
  const d = view.decision!;
  return (
    <ul>
      <li>
        Orientation : {parcoursTypeLabels[d.parcours]}, {organismeLabels[d.organisme]}
        {d.structure ? ` — ${d.structure.name}` : ""}.
      </li>
      <li>
        {d.decision === "ACCEPTEE"
          ? "Proposition validée"
          : `Autre orientation choisie : ${d.motifRefus ? motifRefusLabels[d.motifRefus].toLowerCase() : ""}${d.commentaireRefus ? ` (« ${d.commentaireRefus} »)` : ""}`}{" "}
        par {d.decidedBy} ({d.decidedByStructure}), le {formatInstant(d.decidedAt)}.
      </li>
      <li>
        {d.notificationChannel === "EMAIL"
          ? "La personne a été notifiée par courriel ; le courrier est aussi dans son espace personnel."
          : "La personne n'a pas d'adresse électronique : imprimez le courrier et envoyez-le par la poste. Il est aussi dans son espace personnel."}
      </li>
      {view.firstAppointment && (
        <li>
          Activité créée : « 1er RDV d'accompagnement à prendre » pour {view.firstAppointment.structureName},
          au plus tard le {formatLocalDate(view.firstAppointment.dueDate)}.
        </li>
      )}
    </ul>
  );
}

function Confirmation({ view }: { view: OrientationView }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-4w">
      <Alert
        severity="success"
        as="h2"
        role="status"
        title="Orientation décidée"
        description={
          <>
            <DecisionFacts view={view} />
            {view.decision?.letterUrl && (
              <p className="fr-mb-1w">
                <LetterLink url={view.decision.letterUrl} />
              </p>
            )}
            <p className="fr-mb-0">
              <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/orientation">
                Retour aux personnes à orienter
              </Link>
            </p>
          </>
        }
      />
    </div>
  );
}

function DecisionRecord({ view }: { view: OrientationView }) {
  return (
    <section className="fr-mt-6w" aria-labelledby="decision-prise">
      <h2 id="decision-prise">Décision</h2>
      <DecisionFacts view={view} />
      {view.decision?.letterUrl && <LetterLink url={view.decision.letterUrl} />}
    </section>
  );
}
