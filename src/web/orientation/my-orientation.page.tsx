// /mon-espace/orientation: the person's orientation (PS-24): who accompanies them and in which pathway,
// when it was decided, the letter, how the proposal was computed and on which main criteria, and how to
// ask for a human review or a re-orientation.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { orientationRoutes } from "../../shared/orientation/orientation.routes";
import {
  type MyOrientationView,
  organismeLabels,
  parcoursTypeDescriptions,
  parcoursTypeLabels,
} from "../../shared/orientation/orientation.schema";
import { api } from "../kernel/api-client";
import { formatInstantDate, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";

export const MY_ORIENTATION_TITLE = "Mon orientation";

export function MyOrientationPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyOrientation />}</RequireSession>;
}

function MyOrientation() {
  usePageTitle(MY_ORIENTATION_TITLE);
  const { state, reload } = useApiQuery(() => api(orientationRoutes.getMyOrientation, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_ORIENTATION_TITLE} />
      <h1>{MY_ORIENTATION_TITLE}</h1>
      {state.status === "loading" && <Loading label="Chargement de votre orientation…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && <Content view={state.data} />}
    </>
  );
}

function Content({ view }: { view: MyOrientationView }) {
  const c = view.current;
  if (!c) {
    return view.pending ? (
      <Alert
        severity="info"
        title="Votre orientation est en cours d'étude"
        as="h2"
        description={`Un·e professionnel·le du Département étudie votre situation pour choisir l'organisme qui vous accompagnera vers l'emploi.${view.pending.dueDate ? ` Vous recevrez sa décision au plus tard le ${formatLocalDateLong(view.pending.dueDate)}.` : ""}`}
      />
    ) : (
      <p>Aucune orientation n'a encore été décidée pour vous.</p>
    );
  }
  return (
    <>
      <p className="fr-text--lead">
        Vous êtes accompagné·e par <strong>{c.structure?.name ?? organismeLabels[c.organisme]}</strong> dans
        le {parcoursTypeLabels[c.parcours].toLowerCase()}.
      </p>
      <dl className="socle-facts fr-mb-4w">
        <div>
          <dt>Parcours</dt>
          <dd>
            {parcoursTypeLabels[c.parcours]} : {parcoursTypeDescriptions[c.parcours]}
          </dd>
        </div>
        <div>
          <dt>Organisme</dt>
          <dd>{organismeLabels[c.organisme]}</dd>
        </div>
        {c.structure && (
          <div>
            <dt>Structure</dt>
            <dd>
              {c.structure.name}
              {[c.structure.address, c.structure.phone, c.structure.email].filter(Boolean).map((line) => (
                <span key={line} className="fr-hint-text">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>Décidée le</dt>
          <dd>{formatInstantDate(c.decidedAt)}</dd>
        </div>
        {c.notifiedAt && (
          <div>
            <dt>Notifiée le</dt>
            <dd>{formatInstantDate(c.notifiedAt)}</dd>
          </div>
        )}
      </dl>
      <p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={c.letterUrl} download>
          Télécharger mon courrier d'orientation (PDF)
        </a>
      </p>
      <section className="fr-mt-6w" aria-labelledby="comment">
        <h2 id="comment">Comment cette orientation a été décidée</h2>
        <p>
          Une proposition a d'abord été calculée automatiquement, à partir des informations de votre dossier
          et des règles publiques du référentiel d'orientation
          {c.versionReferentiel ? ` (version ${c.versionReferentiel})` : ""}.
          {c.override
            ? " Un·e professionnel·le l'a examinée et a choisi une autre orientation, pour un motif écrit dans votre courrier."
            : " Un·e professionnel·le l'a examinée et validée."}{" "}
          Aucune orientation n'est décidée par un calcul seul.
        </p>
        {c.criteresDeterminants.length > 0 && (
          <>
            <p className="fr-mb-1w">Les principaux critères pris en compte sont :</p>
            <ul>
              {c.criteresDeterminants.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="fr-mt-6w" aria-labelledby="reexamen">
        <h2 id="reexamen">Demander un réexamen</h2>
        <p>
          Si cette orientation ne vous paraît pas adaptée, vous pouvez demander qu'une personne réexamine
          votre situation, ou demander à changer d'orientation : parlez-en à votre référent·e dès votre
          premier rendez-vous, ou écrivez au Département (les coordonnées sont dans votre courrier). Cette
          demande est gratuite et n'interrompt ni votre accompagnement ni votre RSA.
        </p>
      </section>
    </>
  );
}
