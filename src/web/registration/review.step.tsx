// Last step: what is still missing (with a link to each field), the whole registration to check, the
// existing files it may match (professionals only), then the submission.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { stepLabels } from "../../shared/registration/registration.labels";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { fieldLabel } from "../../shared/registration/registration.rules";
import type {
  DuplicateCandidate,
  RegistrationStep,
  RegistrationView,
  SubmitResult,
} from "../../shared/registration/registration.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant, formatLocalDate } from "../kernel/format";
import { RegistrationSummary } from "./registration-summary";

const stepOf = (path: string) => path.split(".")[0] as RegistrationStep;

export function ReviewStep(p: {
  view: RegistrationView;
  forProfessional: boolean;
  onEdit: (s: RegistrationStep) => void;
  onSubmitted: (v: RegistrationView) => void;
  onErrors: (e: Record<string, string>) => void;
}) {
  const { view } = p;
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [decision, setDecision] = useState<string>("");
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const checkDuplicates = p.forProfessional && view.personId === null && view.status === "BROUILLON";

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per version of the draft
  useEffect(() => {
    if (!checkDuplicates) return;
    api(registrationRoutes.checkRegistrationDuplicates, { params: { registrationId: view.id } })
      .then((r) => setCandidates(r.items))
      .catch(() => setCandidates([]));
  }, [view.id, view.version, checkDuplicates]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const weak = (candidates ?? []).filter((c) => c.strength === "FAIBLE");
  const needsDecision = weak.length > 0;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const chosen = weak.find((c) => c.personId === decision);
      const r = await api(registrationRoutes.submitRegistration, {
        params: { registrationId: view.id },
        body: {
          version: view.version,
          ...(needsDecision
            ? {
                doublon: chosen?.personId
                  ? { decision: "RATTACHER" as const, personId: chosen.personId }
                  : { decision: "NOUVEAU_DOSSIER" as const },
              }
            : {}),
        },
      });
      setResult(r);
      p.onSubmitted(r.registration);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, "internal", "L'envoi a échoué. Réessayez.");
      if (err.code === "registration.incomplete") {
        p.onErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (result || view.status === "SOUMISE") {
    return (
      <>
        <Alert
          className="fr-mb-4w"
          severity="success"
          as="h3"
          title={p.forProfessional ? "L'inscription a été envoyée" : "Votre inscription a bien été envoyée"}
          description={
            <>
              <p>
                Envoyée le {view.submittedAt ? formatInstant(view.submittedAt) : ""}.{" "}
                {p.forProfessional
                  ? "Le dossier de la personne est à jour et son orientation sera décidée dans les 15 jours."
                  : "Un·e professionnel·le va étudier votre situation pour vous proposer l'accompagnement le plus adapté, dans les 15 jours. Vous recevrez un courrier ou un courriel."}
              </p>
              {result?.outcome === "DOSSIER_CREE_DOUBLON_A_EXAMINER" && (
                <p>
                  Un dossier semblable existait déjà : les deux dossiers seront examinés par un·e chargé·e
                  d'orientation, sans fusion automatique.
                </p>
              )}
              {p.forProfessional && (result?.personId ?? view.personId) && (
                <p>
                  <Link to={`/personnes/${result?.personId ?? view.personId}`}>
                    Voir le dossier de la personne
                  </Link>
                </p>
              )}
            </>
          }
        />
        <RegistrationSummary data={view.data} nirMasked={view.nirMasked} />
      </>
    );
  }

  const byStep = new Map<RegistrationStep, { path: string; message: string }[]>();
  for (const m of view.missing) byStep.set(stepOf(m.path), [...(byStep.get(stepOf(m.path)) ?? []), m]);

  return (
    <>
      {view.missing.length > 0 ? (
        <Alert
          className="fr-mb-4w"
          severity="warning"
          as="h3"
          title={`${view.missing.length} information${view.missing.length > 1 ? "s" : ""} à compléter ou confirmer avant l'envoi`}
          description={
            <ul>
              {[...byStep.entries()].map(([s, items]) => (
                <li key={s}>
                  <strong>{stepLabels[s]}</strong> : {items.map((i) => fieldLabel(i.path)).join(", ")}.{" "}
                  <Button
                    type="button"
                    priority="tertiary no outline"
                    size="small"
                    onClick={() => {
                      p.onErrors(Object.fromEntries(items.map((i) => [i.path, i.message])));
                      p.onEdit(s);
                    }}
                  >
                    Compléter « {stepLabels[s]} »
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <p className="fr-mb-3w">Vérifiez les informations ci-dessous, puis envoyez l'inscription.</p>
      )}

      <RegistrationSummary
        data={view.data}
        nirMasked={view.nirMasked}
        onEdit={view.canEdit ? p.onEdit : undefined}
      />

      {checkDuplicates && candidates && candidates.length > 0 && (
        <section className="fr-mb-4w" aria-labelledby="doublons">
          <h3 id="doublons" className="fr-h5">
            Dossiers existants
          </h3>
          {candidates.map((c, k) => (
            <Alert
              key={c.personId ?? `c${k}`}
              className="fr-mb-2w"
              severity={c.strength === "CONFLIT" ? "error" : "info"}
              small
              description={
                <>
                  {c.summary && (
                    <strong>
                      {c.summary.displayName}, né·e le {formatLocalDate(c.summary.birthDate)}
                      {c.summary.communeName ? ` (${c.summary.communeName})` : ""}.{" "}
                    </strong>
                  )}
                  {c.message}
                </>
              }
            />
          ))}
          {needsDecision && (
            <RadioButtons
              legend="S'agit-il de la même personne ?"
              name="doublon"
              options={[
                ...weak
                  .filter((c) => c.canLink && c.personId && c.summary)
                  .map((c) => ({
                    label: `Oui : compléter le dossier de ${c.summary?.displayName ?? ""}`,
                    nativeInputProps: {
                      value: c.personId ?? "",
                      checked: decision === c.personId,
                      onChange: () => setDecision(c.personId ?? ""),
                    },
                  })),
                {
                  label:
                    "Non, ou je ne peux pas le vérifier : créer un nouveau dossier, qui sera signalé pour examen",
                  nativeInputProps: {
                    value: "nouveau",
                    checked: decision === "nouveau",
                    onChange: () => setDecision("nouveau"),
                  },
                },
              ]}
            />
          )}
        </section>
      )}

      <div ref={errorRef} tabIndex={-1}>
        {error && (
          <Alert
            className="fr-mb-3w"
            severity="error"
            as="h3"
            title="L'inscription n'a pas été envoyée"
            description={error.message}
            role="alert"
          />
        )}
      </div>
      {view.canEdit && (
        <Button
          type="button"
          disabled={busy || view.missing.length > 0 || (needsDecision && decision === "")}
          onClick={() => void submit()}
          iconId="fr-icon-send-plane-line"
        >
          Envoyer l'inscription
        </Button>
      )}
    </>
  );
}
