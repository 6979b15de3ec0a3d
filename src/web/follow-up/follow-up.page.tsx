// /personnes/:personId/suivi: the professional's « Suivi » of a person (parcours.md §7–§8): next point
// d'étape, corde de rappel, drop-out signals, the open follow-up items, a point d'étape held, and the exit
// of the pathway with its reason, date and comment (then the « suivi dans l'emploi » answers, and
// « Difficulté traitée » when the person reported a difficulty in their job).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router-dom";
import { followUpRoutes } from "../../shared/follow-up/follow-up.routes";
import {
  type CheckpointKind,
  type CordeOutcome,
  checkpointKindLabels,
  cordeOutcomeLabels,
  cordeOutcomes,
  type ExitReason,
  exitReasonLabels,
  exitReasons,
  type FollowUpView,
  type JobKind,
  jobAnswerLabels,
  jobKindLabels,
  jobKinds,
  jobSlotLabels,
} from "../../shared/follow-up/follow-up.schema";
import { workItemTypeLabels } from "../../shared/work-items/work-items.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstantDate, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { NotFoundPage } from "../kernel/not-found.page";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const statutLabels: Record<NonNullable<FollowUpView["parcours"]>["statutSuivi"], string> = {
  A_ORIENTER: "à orienter",
  ACTIF: "en accompagnement",
  EN_VEILLE: "mis en veille",
  CLOS: "sorti du parcours",
};
const unexpected = () => new ApiError(0, "internal", "Une erreur inattendue s'est produite.");

export function FollowUpPage() {
  const personId = useParams().personId ?? "";
  if (!uuid.test(personId)) return <NotFoundPage />;
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {() => <FollowUpScreen personId={personId} />}
    </RequireSession>
  );
}

function FollowUpScreen({ personId }: { personId: string }) {
  const { state, reload, setData } = useApiQuery(
    () => api(followUpRoutes.getFollowUp, { params: { personId } }),
    [personId],
  );
  const view = state.status === "ok" ? state.data : undefined;
  const title = view?.personName ? `Suivi de ${view.personName}` : "Suivi";
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes", linkProps: { to: "/personnes" } },
          { label: view?.personName || "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel="Suivi"
      />
      <h1>{title}</h1>
      {state.status === "loading" && <Loading label="Chargement du suivi…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {view && <FollowUp view={view} onChanged={setData} onReload={() => void reload()} />}
    </>
  );
}

function Failure({ error, onReload }: { error: ApiError; onReload?: () => void }) {
  return (
    <Alert
      severity={error.status === 409 ? "warning" : "error"}
      small
      role="alert"
      className="fr-mb-2w"
      description={
        <>
          {error.message}
          {error.status === 409 && onReload && (
            <Button type="button" size="small" priority="secondary" className="fr-ml-2w" onClick={onReload}>
              Recharger
            </Button>
          )}
        </>
      }
    />
  );
}

function FollowUp({
  view,
  onChanged,
  onReload,
}: {
  view: FollowUpView;
  onChanged: (v: FollowUpView) => void;
  onReload: () => void;
}) {
  const d = view.dropout;
  return (
    <>
      {!view.parcours && <p>Cette personne n'a pas encore de parcours : elle doit d'abord être orientée.</p>}
      {view.parcours && (
        <dl className="socle-facts fr-mb-4w" aria-label="Résumé du suivi">
          <div>
            <dt>Parcours</dt>
            <dd>
              <Badge
                small
                noIcon
                as="span"
                severity={view.parcours.statutSuivi === "ACTIF" ? "success" : "info"}
              >
                {statutLabels[view.parcours.statutSuivi]}
              </Badge>
            </dd>
          </div>
          {view.parcours.accompanimentStart && (
            <div>
              <dt>Début de l'accompagnement</dt>
              <dd>{formatLocalDateLong(view.parcours.accompanimentStart)}</dd>
            </div>
          )}
          {view.nextPointEtape && (
            <div>
              <dt>Prochain point d'étape</dt>
              <dd>
                {formatLocalDateLong(view.nextPointEtape)} (tous les {view.settings.pointEtapeMonths} mois)
              </dd>
            </div>
          )}
          {view.cordeDeRappel && (
            <div>
              <dt>Corde de rappel</dt>
              <dd>{formatLocalDateLong(view.cordeDeRappel)}</dd>
            </div>
          )}
          <div>
            <dt>Dernier contact</dt>
            <dd>{view.lastContactOn ? formatLocalDateLong(view.lastContactOn) : "aucun enregistré"}</dd>
          </div>
        </dl>
      )}

      {d && (
        <section className="fr-mb-4w" aria-labelledby="decrochage">
          <h2 id="decrochage">Signaux de décrochage</h2>
          {d.flagged ? (
            <Alert
              severity="warning"
              small
              description={
                <ul className="fr-mb-0">
                  {d.noContactSince && (
                    <li>
                      Aucun contact depuis le {formatLocalDateLong(d.noContactSince)} (seuil :{" "}
                      {view.settings.dropoutWeeks} semaines).
                    </li>
                  )}
                  {d.absencesInARow >= 2 && <li>{d.absencesInARow} absences non excusées de suite.</li>}
                  {d.absencesInWindow >= 2 && (
                    <li>{d.absencesInWindow} absences non excusées ces 3 derniers mois.</li>
                  )}
                </ul>
              }
            />
          ) : (
            <p>Aucun signal de décrochage.</p>
          )}
          <p className="fr-hint-text fr-mt-1w">
            Un signal appelle une démarche d'« aller vers » (appel, SMS, visite), jamais une sanction.
          </p>
        </section>
      )}

      {view.openItems.length > 0 && (
        <section className="fr-mb-4w" aria-labelledby="activites-suivi">
          <h2 id="activites-suivi">Activités de suivi à traiter</h2>
          <ul>
            {view.openItems.map((i) => (
              <li key={i.type}>
                {workItemTypeLabels[i.type]} — échéance le {formatLocalDateLong(i.dueDate)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.actions.includes("job_difficulty") && (
        <JobDifficultyForm view={view} onSaved={onChanged} onReload={onReload} />
      )}
      {view.actions.includes("checkpoint") && (
        <CheckpointForm view={view} onSaved={onChanged} onReload={onReload} />
      )}
      {view.actions.includes("exit") && <ExitForm view={view} onSaved={onChanged} onReload={onReload} />}
      {view.exit && <ExitSummary exit={view.exit} />}
    </>
  );
}

/** « Difficulté traitée »: the person said « J'ai une difficulté » or « Je ne suis plus en poste ». */
function JobDifficultyForm({
  view,
  onSaved,
  onReload,
}: {
  view: FollowUpView;
  onSaved: (v: FollowUpView) => void;
  onReload: () => void;
}) {
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.fieldErrors() ?? {};
  const reported = [...(view.exit?.answers ?? [])].reverse().find((a) => a.answer !== "TOUT_VA_BIEN");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await api(followUpRoutes.resolveJobDifficulty, {
          params: { personId: view.personId },
          body: { note },
        }),
      );
      setNote("");
    } catch (err) {
      setFailure(err instanceof ApiError ? err : unexpected());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="difficulte-emploi">
      <h2 id="difficulte-emploi">Difficulté signalée dans l'emploi</h2>
      {reported && (
        <p>
          {`Le ${formatInstantDate(reported.answeredAt)}, la personne a répondu « ${jobAnswerLabels[reported.answer]} »`}
          {reported.comment ? ` : ${reported.comment}` : "."}
        </p>
      )}
      <p>
        {`Après avoir pris contact avec la personne, notez ce qui a été fait : l'activité « ${workItemTypeLabels.RETOUR_EMPLOI_DIFFICULTE} » sera close.`}
      </p>
      <form onSubmit={submit} noValidate>
        {failure && <Failure error={failure} onReload={onReload} />}
        <Input
          label="Ce qui a été fait"
          hintText="Par exemple : appel le 12/03, échange avec l'employeur, solution de garde trouvée. 1 000 caractères au plus."
          textArea
          state={errors.note ? "error" : "default"}
          stateRelatedMessage={errors.note}
          nativeTextAreaProps={{
            name: "note",
            required: true,
            value: note,
            maxLength: 1000,
            onChange: (e) => setNote(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy || !note.trim()}>
          Difficulté traitée
        </Button>
      </form>
    </section>
  );
}

function CheckpointForm({
  view,
  onSaved,
  onReload,
}: {
  view: FollowUpView;
  onSaved: (v: FollowUpView) => void;
  onReload: () => void;
}) {
  const [kind, setKind] = useState<CheckpointKind>("POINT_ETAPE");
  const [heldOn, setHeldOn] = useState("");
  const [outcome, setOutcome] = useState<CordeOutcome | "">("");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.fieldErrors() ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await api(followUpRoutes.recordCheckpoint, {
          params: { personId: view.personId },
          body: {
            kind,
            heldOn,
            ...(kind === "CORDE_DE_RAPPEL" && outcome ? { outcome } : {}),
            ...(comment.trim() ? { comment } : {}),
          },
        }),
      );
      setHeldOn("");
      setComment("");
    } catch (err) {
      setFailure(err instanceof ApiError ? err : unexpected());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="point-etape">
      <h2 id="point-etape">Enregistrer un point d'étape</h2>
      <form onSubmit={submit} noValidate>
        {failure && <Failure error={failure} onReload={onReload} />}
        <Select
          label="Type d'entretien"
          nativeSelectProps={{
            name: "kind",
            value: kind,
            onChange: (e) => setKind(e.target.value as CheckpointKind),
          }}
        >
          {(["POINT_ETAPE", "CORDE_DE_RAPPEL"] as const).map((k) => (
            <option key={k} value={k}>
              {checkpointKindLabels[k]}
            </option>
          ))}
        </Select>
        <Input
          label="Date de l'entretien"
          state={errors.heldOn ? "error" : "default"}
          stateRelatedMessage={errors.heldOn}
          nativeInputProps={{
            type: "date",
            name: "heldOn",
            required: true,
            value: heldOn,
            onChange: (e) => setHeldOn(e.target.value),
          }}
        />
        {kind === "CORDE_DE_RAPPEL" && (
          <Select
            label="Issue (facultatif)"
            nativeSelectProps={{
              name: "outcome",
              value: outcome,
              onChange: (e) => setOutcome(e.target.value as CordeOutcome | ""),
            }}
          >
            <option value="">Non précisée</option>
            {cordeOutcomes.map((o) => (
              <option key={o} value={o}>
                {cordeOutcomeLabels[o]}
              </option>
            ))}
          </Select>
        )}
        <Input
          label="Commentaire (facultatif)"
          textArea
          nativeTextAreaProps={{
            name: "comment",
            value: comment,
            maxLength: 2000,
            onChange: (e) => setComment(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy || !heldOn}>
          Enregistrer l'entretien
        </Button>
      </form>
    </section>
  );
}

function ExitForm({
  view,
  onSaved,
  onReload,
}: {
  view: FollowUpView;
  onSaved: (v: FollowUpView) => void;
  onReload: () => void;
}) {
  const [motif, setMotif] = useState<ExitReason | "">("");
  const [detail, setDetail] = useState<JobKind | "">("");
  const [exitDate, setExitDate] = useState("");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.fieldErrors() ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!motif || !view.parcours) return;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await api(followUpRoutes.recordExit, {
          params: { personId: view.personId },
          body: {
            version: view.parcours.version,
            motif,
            exitDate,
            ...(motif === "EMPLOI" && detail ? { detail } : {}),
            ...(comment.trim() ? { comment } : {}),
          },
        }),
      );
    } catch (err) {
      setFailure(err instanceof ApiError ? err : unexpected());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fr-mb-6w" aria-labelledby="sortie">
      <h2 id="sortie">Sortie du parcours</h2>
      <p>
        La sortie clôt l'accompagnement et suspend le contrat d'engagement. Pour une sortie vers l'emploi, la
        personne reçoit trois messages (1 semaine, 1 mois et 3 mois après l'embauche) pour dire comment cela
        se passe.
      </p>
      <form onSubmit={submit} noValidate>
        {failure && <Failure error={failure} onReload={onReload} />}
        <Select
          label="Motif de sortie"
          state={errors.motif ? "error" : "default"}
          stateRelatedMessage={errors.motif}
          nativeSelectProps={{
            name: "motif",
            required: true,
            value: motif,
            onChange: (e) => setMotif(e.target.value as ExitReason | ""),
          }}
        >
          <option value="" disabled>
            Choisir un motif
          </option>
          {exitReasons.map((r) => (
            <option key={r} value={r}>
              {exitReasonLabels[r]}
            </option>
          ))}
        </Select>
        {motif === "EMPLOI" && (
          <Select
            label="Type d'emploi (facultatif)"
            state={errors.detail ? "error" : "default"}
            stateRelatedMessage={errors.detail}
            nativeSelectProps={{
              name: "detail",
              value: detail,
              onChange: (e) => setDetail(e.target.value as JobKind | ""),
            }}
          >
            <option value="">Non précisé</option>
            {jobKinds.map((k) => (
              <option key={k} value={k}>
                {jobKindLabels[k]}
              </option>
            ))}
          </Select>
        )}
        <Input
          label={motif === "EMPLOI" ? "Date de sortie (date d'embauche)" : "Date de sortie"}
          state={errors.exitDate ? "error" : "default"}
          stateRelatedMessage={errors.exitDate}
          nativeInputProps={{
            type: "date",
            name: "exitDate",
            required: true,
            value: exitDate,
            onChange: (e) => setExitDate(e.target.value),
          }}
        />
        <Input
          label={motif === "AUTRE" ? "Commentaire" : "Commentaire (facultatif)"}
          textArea
          state={errors.comment ? "error" : "default"}
          stateRelatedMessage={errors.comment}
          nativeTextAreaProps={{
            name: "comment",
            required: motif === "AUTRE",
            value: comment,
            maxLength: 2000,
            onChange: (e) => setComment(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy || !motif || !exitDate}>
          Enregistrer la sortie
        </Button>
      </form>
    </section>
  );
}

function ExitSummary({ exit }: { exit: NonNullable<FollowUpView["exit"]> }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="sortie-enregistree">
      <h2 id="sortie-enregistree">Sortie du parcours</h2>
      <dl className="socle-facts">
        <div>
          <dt>Motif</dt>
          <dd>
            {exitReasonLabels[exit.motif]}
            {exit.detail ? ` — ${jobKindLabels[exit.detail]}` : ""}
          </dd>
        </div>
        <div>
          <dt>Date de sortie</dt>
          <dd>{formatLocalDateLong(exit.exitDate)}</dd>
        </div>
        {exit.comment && (
          <div>
            <dt>Commentaire</dt>
            <dd>{exit.comment}</dd>
          </div>
        )}
      </dl>
      {exit.jobStartDate && (
        <>
          <h3>Suivi dans l'emploi</h3>
          {exit.answers.length === 0 ? (
            <p>La personne n'a pas encore répondu.</p>
          ) : (
            <ul>
              {exit.answers.map((a) => (
                <li key={a.answeredAt}>
                  {formatInstantDate(a.answeredAt)}
                  {a.slot ? ` (message à ${jobSlotLabels[a.slot]})` : ""} : « {jobAnswerLabels[a.answer]} »
                  {a.comment ? ` — ${a.comment}` : ""}
                </li>
              ))}
            </ul>
          )}
          {exit.difficultiesHandled.length > 0 && (
            <>
              <h4>Difficultés traitées</h4>
              <ul>
                {exit.difficultiesHandled.map((d) => (
                  <li key={d.recordedAt}>
                    {formatInstantDate(d.recordedAt)}
                    {d.recordedBy ? ` (${d.recordedBy})` : ""} : {d.note}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
