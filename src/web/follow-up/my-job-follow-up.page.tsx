// /mon-espace/suivi-emploi: the person says how their new job is going (parcours.md §8.2, §9), in one
// tap among three answers; a difficulty or a lost job asks the référent·e to call back. Phone-first,
// voluntary: not answering has no consequence.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import { followUpRoutes } from "../../shared/follow-up/follow-up.routes";
import {
  type JobAnswer,
  jobAnswerLabels,
  jobAnswers,
  type MyJobFollowUp,
} from "../../shared/follow-up/follow-up.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstantDate, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";

export const MY_JOB_FOLLOW_UP_TITLE = "Mon suivi dans l'emploi";

export function MyJobFollowUpPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyJobFollowUpScreen />}</RequireSession>;
}

function MyJobFollowUpScreen() {
  usePageTitle(MY_JOB_FOLLOW_UP_TITLE);
  const { state, reload, setData } = useApiQuery(() => api(followUpRoutes.getMyJobFollowUp, {}), []);
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_JOB_FOLLOW_UP_TITLE} />
      <h1>{MY_JOB_FOLLOW_UP_TITLE}</h1>
      {state.status === "loading" && <Loading label="Chargement…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data.active ? (
          <Answer view={state.data} onAnswered={setData} />
        ) : (
          <p>
            Aucun suivi dans l'emploi n'est en cours pour vous. Si vous avez repris un emploi, signalez-le à
            votre référent·e : il ou elle pourra vous accompagner pendant vos premiers mois.
          </p>
        ))}
    </>
  );
}

function Answer({ view, onAnswered }: { view: MyJobFollowUp; onAnswered: (v: MyJobFollowUp) => void }) {
  const [answer, setAnswer] = useState<JobAnswer | "">("");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<JobAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer) return;
    setBusy(true);
    setFailure(null);
    try {
      onAnswered(
        await api(followUpRoutes.answerJobFollowUp, {
          body: { answer, ...(comment.trim() ? { comment } : {}) },
        }),
      );
      setDone(answer);
      setAnswer("");
      setComment("");
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {view.jobStartDate && (
        <p>Vous avez commencé votre emploi le {formatLocalDateLong(view.jobStartDate)}.</p>
      )}
      {done && (
        <Alert
          severity="success"
          small
          role="status"
          className="fr-mb-2w"
          description={
            done === "TOUT_VA_BIEN"
              ? "Merci pour votre réponse. Bonne continuation !"
              : "Merci. Votre référent·e a été prévenu·e et va vous recontacter dans les deux jours ouvrés."
          }
        />
      )}
      <form onSubmit={submit}>
        {failure && (
          <Alert severity="error" small role="alert" className="fr-mb-2w" description={failure.message} />
        )}
        <RadioButtons
          legend="Comment se passe votre emploi ?"
          name="answer"
          hintText="Répondre est facultatif. Si vous signalez une difficulté, votre référent·e vous recontacte."
          options={jobAnswers.map((a) => ({
            label: jobAnswerLabels[a],
            nativeInputProps: { value: a, checked: answer === a, onChange: () => setAnswer(a) },
          }))}
        />
        {answer && answer !== "TOUT_VA_BIEN" && (
          <Input
            label="Voulez-vous en dire plus ? (facultatif)"
            textArea
            nativeTextAreaProps={{
              name: "comment",
              value: comment,
              maxLength: 2000,
              onChange: (e) => setComment(e.target.value),
            }}
          />
        )}
        <Button type="submit" disabled={busy || !answer}>
          Envoyer ma réponse
        </Button>
      </form>
      {view.answers.length > 0 && (
        <section className="fr-mt-4w" aria-labelledby="mes-reponses">
          <h2 id="mes-reponses">Mes réponses</h2>
          <ul>
            {view.answers.map((a) => (
              <li key={a.answeredAt}>
                {formatInstantDate(a.answeredAt)} : « {jobAnswerLabels[a.answer]} »
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
