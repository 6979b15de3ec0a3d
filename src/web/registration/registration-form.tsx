// The multi-step registration form, the same for a person in their space and for a professional at a
// counter (parcours.md §1.1). Each step is saved as the person goes: on « Continuer », and a few seconds
// after the last change (PS-56: nothing is lost). Errors sit next to their field; a stale version (409)
// keeps every typed value and offers to reload. Pre-filled values show their source and are confirmed
// once per step (PS-06).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useCallback, useEffect, useRef, useState } from "react";
import { stepLabels } from "../../shared/registration/registration.labels";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { compactBlock, fieldLabel } from "../../shared/registration/registration.rules";
import {
  type RegistrationData,
  type RegistrationLastStep,
  type RegistrationStep,
  type RegistrationView,
  registrationSteps,
  type SaveRegistrationStepBody,
  saveRegistrationStepBodySchema,
} from "../../shared/registration/registration.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { CompetencesStep } from "./competences.step";
import { FreinsStep } from "./freins.step";
import { IdentiteStep } from "./identite.step";
import { ProjetStep } from "./projet.step";
import { FieldContextValue } from "./registration-fields";
import { ReviewStep } from "./review.step";
import { SituationStep } from "./situation.step";

const allSteps: RegistrationLastStep[] = [...registrationSteps, "recapitulatif"];
const AUTOSAVE_MS = 2500;

type Feedback =
  | { kind: "none" }
  | { kind: "saved"; at: string; later?: boolean }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "reloaded" }
  | { kind: "failed"; message: string };

/** Server and zod issue paths → the form's field paths ("body.data.adresse.codePostal" → "identite.adresse.codePostal"). */
export function issuesToErrors(
  step: RegistrationStep | null,
  issues: { path: string; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = i.path.replace(/^body\./, "");
    const key = path.startsWith("data.") && step ? `${step}.${path.slice(5)}` : path;
    if (!(key in out)) out[key] = i.message;
  }
  return out;
}

/** The pre-filled paths of a step. */
const prefillPathsOf = (v: RegistrationView, s: RegistrationStep) =>
  Object.keys(v.prefill).filter((p) => p.startsWith(`${s}.`));

/** The block as it is sent: empty values dropped, first names split. */
function blockToSend(step: RegistrationStep, data: RegistrationData): SaveRegistrationStepBody["data"] {
  const block = compactBlock(data[step] ?? {}) as Record<string, unknown>;
  if (step === "identite" && Array.isArray(block.prenoms)) {
    const names = (block.prenoms as string[])
      .join(" ")
      .split(/[\s,]+/)
      .filter(Boolean);
    if (names.length > 0) block.prenoms = names;
    else delete block.prenoms;
  }
  return block as SaveRegistrationStepBody["data"];
}

export function RegistrationForm({
  initial,
  forProfessional,
}: {
  initial: RegistrationView;
  forProfessional: boolean;
}) {
  const [view, setView] = useState(initial);
  const viewRef = useRef(initial);
  const [data, setData] = useState<RegistrationData>(initial.data);
  const dataRef = useRef(initial.data);
  const [nir, setNir] = useState("");
  const nirRef = useRef("");
  const [step, setStep] = useState<RegistrationLastStep>(
    initial.status === "SOUMISE" ? "recapitulatif" : initial.lastStep,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState<Partial<Record<RegistrationStep, boolean>>>({});
  const confirmedRef = useRef(confirmed);
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const dirty = useRef(false);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const readOnly = view.status !== "BROUILLON" || !view.canEdit;

  const applyView = useCallback((v: RegistrationView) => {
    viewRef.current = v;
    setView(v);
  }, []);

  const pendingPrefill = (s: RegistrationStep) =>
    prefillPathsOf(view, s).filter((p) => !view.confirmations[p]);

  /** Saves one step; serialized so that two saves never race on the version. */
  const save = useCallback(
    (s: RegistrationStep, explicit: boolean): Promise<boolean> => {
      const run = async (): Promise<boolean> => {
        dirty.current = false;
        const sentNir = s === "identite" ? nirRef.current.trim() : "";
        const body = {
          step: s,
          version: viewRef.current.version,
          data: { ...blockToSend(s, dataRef.current), ...(sentNir ? { nir: sentNir } : {}) },
          confirme: confirmedRef.current[s] ? prefillPathsOf(viewRef.current, s) : [],
        } as SaveRegistrationStepBody;
        const checked = saveRegistrationStepBodySchema.safeParse(body);
        if (!checked.success) {
          if (explicit) {
            setErrors(
              issuesToErrors(
                s,
                checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
              ),
            );
            setFeedback({
              kind: "invalid",
              message: "Certaines informations sont à corriger : voyez les messages sous les champs.",
            });
          }
          return false;
        }
        try {
          const v = await api(registrationRoutes.saveRegistrationStep, {
            params: { registrationId: viewRef.current.id },
            body,
          });
          applyView(v);
          if (sentNir && nirRef.current.trim() === sentNir) {
            nirRef.current = "";
            setNir("");
          }
          setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${s}.`))));
          setFeedback({ kind: "saved", at: v.updatedAt });
          return true;
        } catch (err) {
          dirty.current = true;
          const e =
            err instanceof ApiError
              ? err
              : new ApiError(0, "internal", "L'enregistrement a échoué. Réessayez.");
          if (e.status === 409) setFeedback({ kind: "conflict", message: e.message });
          else if (e.issues.length > 0) {
            setErrors(issuesToErrors(s, e.issues));
            if (explicit) setFeedback({ kind: "invalid", message: e.message });
          } else setFeedback({ kind: "failed", message: e.message });
          return false;
        }
      };
      const next = chain.current.then(run, run);
      chain.current = next;
      return next;
    },
    [applyView],
  );

  // autosave a few seconds after the last change of a data step
  // biome-ignore lint/correctness/useExhaustiveDependencies: data and nir are the triggers: each change restarts the timer
  useEffect(() => {
    if (readOnly || step === "recapitulatif" || !dirty.current) return;
    const s = step;
    const t = setTimeout(() => void save(s, false), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [data, nir, step, readOnly, save]);

  useEffect(() => {
    if (feedback.kind !== "none" && feedback.kind !== "saved") feedbackRef.current?.focus();
  }, [feedback]);

  const change = <S extends RegistrationStep>(s: S, block: RegistrationData[S]) => {
    dirty.current = true;
    const next = { ...dataRef.current, [s]: block };
    dataRef.current = next;
    setData(next);
  };
  const changeNir = (v: string) => {
    dirty.current = true;
    nirRef.current = v;
    setNir(v);
  };

  const goTo = (s: RegistrationLastStep) => {
    setStep(s);
    setFeedback((f) => (f.kind === "saved" ? f : { kind: "none" }));
    requestAnimationFrame(() => {
      window.scrollTo({ top: 0 });
      headingRef.current?.focus();
    });
  };

  const onContinue = async () => {
    if (step === "recapitulatif") return;
    setBusy(true);
    const ok = await save(step, true);
    setBusy(false);
    if (ok) goTo(allSteps[allSteps.indexOf(step) + 1] ?? "recapitulatif");
  };
  const onBack = async () => {
    if (step !== "recapitulatif" && dirty.current && !readOnly) await save(step, false);
    goTo(allSteps[Math.max(0, allSteps.indexOf(step) - 1)] ?? "identite");
  };
  const onLater = async () => {
    if (step === "recapitulatif") return;
    setBusy(true);
    const ok = await save(step, true);
    setBusy(false);
    if (ok) setFeedback({ kind: "saved", at: viewRef.current.updatedAt, later: true });
  };
  const reload = async () => {
    setBusy(true);
    try {
      applyView(await api(registrationRoutes.getRegistration, { params: { registrationId: view.id } }));
      dirty.current = true;
      setFeedback({ kind: "reloaded" });
    } catch (e) {
      setFeedback({
        kind: "failed",
        message: e instanceof ApiError ? e.message : "Le rechargement a échoué.",
      });
    } finally {
      setBusy(false);
    }
  };

  const index = allSteps.indexOf(step);
  const ctx = { errors, prefill: view.prefill, confirmations: view.confirmations, readOnly };
  const pending = step === "recapitulatif" ? [] : pendingPrefill(step);

  return (
    <FieldContextValue.Provider value={ctx}>
      <Stepper
        currentStep={index + 1}
        stepCount={allSteps.length}
        title={stepLabels[step]}
        nextTitle={allSteps[index + 1] ? stepLabels[allSteps[index + 1] as RegistrationLastStep] : undefined}
      />
      <h2 ref={headingRef} tabIndex={-1} className="fr-sr-only">
        Étape {index + 1} sur {allSteps.length} : {stepLabels[step]}
      </h2>
      <div ref={feedbackRef} tabIndex={-1}>
        <FeedbackAlert feedback={feedback} onReload={() => void reload()} busy={busy} />
      </div>

      {step === "recapitulatif" ? (
        <ReviewStep
          view={view}
          forProfessional={forProfessional}
          onEdit={(s) => goTo(s)}
          onSubmitted={(v) => applyView(v)}
          onErrors={(e) => setErrors(e)}
        />
      ) : (
        <form
          noValidate
          aria-label={stepLabels[step]}
          onSubmit={(e) => {
            e.preventDefault();
            void onContinue();
          }}
        >
          {step === "identite" && (
            <IdentiteStep
              value={data.identite ?? {}}
              onChange={(v) => change("identite", v)}
              nir={nir}
              onNirChange={changeNir}
              nirMasked={view.nirMasked}
              errors={errors}
              forProfessional={forProfessional}
            />
          )}
          {step === "situation" && (
            <SituationStep
              value={data.situation ?? {}}
              onChange={(v) => change("situation", v)}
              outsideEu={data.identite?.nationalite === "HORS_UE"}
            />
          )}
          {step === "competences" && (
            <CompetencesStep value={data.competences ?? {}} onChange={(v) => change("competences", v)} />
          )}
          {step === "projet" && (
            <ProjetStep value={data.projet ?? {}} onChange={(v) => change("projet", v)} errors={errors} />
          )}
          {step === "freins" && (
            <FreinsStep
              value={data.freins ?? {}}
              onChange={(v) => change("freins", v)}
              forProfessional={forProfessional}
            />
          )}

          {pending.length > 0 && !readOnly && (
            <div className="fr-mt-3w">
              <Checkbox
                legend="Informations pré-remplies"
                hintText={`À vérifier : ${pending.map(fieldLabel).join(", ")}.`}
                state={pending.some((p) => errors[p]) ? "error" : "default"}
                stateRelatedMessage={
                  pending.some((p) => errors[p])
                    ? "Confirmez ou corrigez les informations pré-remplies."
                    : undefined
                }
                options={[
                  {
                    label: forProfessional
                      ? "La personne a vérifié avec moi les informations pré-remplies de cette étape : elles sont exactes ou ont été corrigées."
                      : "J'ai vérifié les informations pré-remplies de cette étape : elles sont exactes, ou je les ai corrigées.",
                    nativeInputProps: {
                      checked: !!confirmed[step],
                      onChange: (e) => {
                        dirty.current = true;
                        const next = { ...confirmedRef.current, [step]: e.target.checked };
                        confirmedRef.current = next;
                        setConfirmed(next);
                      },
                    },
                  },
                ]}
              />
            </div>
          )}

          {!readOnly && (
            <ButtonsGroup
              className="fr-mt-4w"
              inlineLayoutWhen="md and up"
              buttons={[
                { children: "Enregistrer et continuer", type: "submit", disabled: busy },
                {
                  children: "Enregistrer et reprendre plus tard",
                  priority: "secondary",
                  type: "button",
                  disabled: busy,
                  onClick: () => void onLater(),
                },
                ...(index > 0
                  ? [
                      {
                        children: "Étape précédente",
                        priority: "tertiary" as const,
                        type: "button" as const,
                        disabled: busy,
                        iconId: "fr-icon-arrow-left-line" as const,
                        onClick: () => void onBack(),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </form>
      )}
      {step === "recapitulatif" && view.status === "BROUILLON" && (
        <Button
          className="fr-mt-2w"
          type="button"
          priority="tertiary"
          iconId="fr-icon-arrow-left-line"
          onClick={() => void onBack()}
        >
          Étape précédente
        </Button>
      )}
    </FieldContextValue.Provider>
  );
}

function FeedbackAlert({
  feedback,
  onReload,
  busy,
}: {
  feedback: Feedback;
  onReload: () => void;
  busy: boolean;
}) {
  switch (feedback.kind) {
    case "none":
      return null;
    case "saved":
      return (
        <p className="fr-text--sm fr-mb-2w" role="status">
          <span className="fr-icon-check-line fr-icon--sm" aria-hidden="true" /> Brouillon enregistré (
          {formatInstant(feedback.at)}).
          {feedback.later &&
            " Vous pourrez reprendre votre inscription plus tard, là où vous l'avez laissée."}
        </p>
      );
    case "invalid":
      return (
        <Alert className="fr-mb-3w" severity="error" small description={feedback.message} role="alert" />
      );
    case "failed":
      return (
        <Alert
          className="fr-mb-3w"
          severity="error"
          title="L'enregistrement a échoué"
          as="h3"
          description={`${feedback.message} Vos saisies sont conservées.`}
          role="alert"
        />
      );
    case "conflict":
      return (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          as="h3"
          title="Vos dernières modifications n'ont pas été enregistrées"
          role="alert"
          description={
            <>
              <p className="fr-mb-2w">{feedback.message}</p>
              <Button
                type="button"
                size="small"
                iconId="fr-icon-refresh-line"
                onClick={onReload}
                disabled={busy}
              >
                Recharger l'inscription
              </Button>
            </>
          }
        />
      );
    case "reloaded":
      return (
        <Alert
          className="fr-mb-3w"
          severity="info"
          small
          role="status"
          description="Inscription rechargée. Vos saisies sont toujours affichées : vérifiez-les, puis enregistrez à nouveau."
        />
      );
  }
}
