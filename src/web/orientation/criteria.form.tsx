// The orientation criteria (parcours.md §3.1), shown as a list or edited in a form. Saving sends the
// version the form was opened with: the server recomputes the proposal, and answers 409 if someone else
// saved in between (the form then offers to reload and keeps what was typed).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  type BooleanCriterion,
  booleanCriteria,
  type CodeCriterion,
  type CriterionKey,
  criterionCodeLists,
  criterionLabels,
  describeValue,
  type OrientationCriteria,
} from "../../shared/orientation/orientation.criteria";
import { orientationRoutes } from "../../shared/orientation/orientation.routes";
import type { OrientationView } from "../../shared/orientation/orientation.schema";
import { ApiError, api } from "../kernel/api-client";

type Values = Record<string, string>;

const groups: { legend: string; keys: CriterionKey[] }[] = [
  {
    legend: "Situation",
    keys: [
      "brsa",
      "date_naissance",
      "situation_professionnelle",
      "type_emploi",
      "niveau_etude",
      "capacite_a_travailler",
      "projet_pro",
    ],
  },
  {
    legend: "Difficultés",
    keys: [
      "contrainte_sante",
      "contrainte_logement",
      "contrainte_mobilite",
      "contrainte_familiale",
      "contrainte_financiere",
      "contrainte_numerique",
      "contrainte_administrative_juridique",
      "contrainte_francais_calcul",
    ],
  },
  {
    legend: "Handicap",
    keys: ["boe", "boe_souhait_accompagnement", "baeeh", "scolarite_etablissement_specialise", "esat"],
  },
  {
    legend: "Bénéficiaires de la MSA (facultatif)",
    keys: ["msa_autonomie_recherche_emploi", "msa_demarches_professionnelles"],
  },
];

const isBoolean = (k: CriterionKey): k is BooleanCriterion =>
  (booleanCriteria as readonly string[]).includes(k);
const isCode = (k: CriterionKey): k is CodeCriterion => k in criterionCodeLists;

function toValues(c: OrientationCriteria): Values {
  const v: Values = {};
  for (const [k, value] of Object.entries(c)) {
    if (k === "adresse") continue;
    v[k] = typeof value === "boolean" ? (value ? "oui" : "non") : String(value);
  }
  v.voie = c.adresse?.numero_type_libelle_voie ?? "";
  v.code_postal = c.adresse?.code_postal ?? "";
  v.libelle_commune = c.adresse?.libelle_commune ?? "";
  v.code_commune = c.adresse?.code_commune ?? "";
  return v;
}

function toCriteria(v: Values): OrientationCriteria {
  const out: Record<string, unknown> = {};
  for (const g of groups) {
    for (const k of g.keys) {
      const raw = v[k] ?? "";
      if (raw === "") continue;
      if (isBoolean(k)) out[k] = raw === "oui";
      else if (k === "msa_autonomie_recherche_emploi") out[k] = Number(raw);
      else out[k] = raw;
    }
  }
  if (v.code_postal || v.libelle_commune || v.code_commune || v.voie) {
    out.adresse = {
      code_commune: v.code_commune ?? "",
      libelle_commune: v.libelle_commune ?? "",
      code_postal: v.code_postal ?? "",
      ...(v.voie ? { numero_type_libelle_voie: v.voie } : {}),
    };
  }
  return out as OrientationCriteria;
}

type Feedback =
  | { kind: "none" }
  | { kind: "saved" }
  | { kind: "conflict" | "invalid" | "failed"; error: ApiError };

export function CriteriaSection({
  view,
  onSaved,
}: {
  view: OrientationView;
  onSaved: (v: OrientationView) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Values>(() => toValues(view.criteria));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (feedback.kind !== "none") feedbackRef.current?.focus();
  }, [feedback]);

  const set = (k: string, value: string) => {
    setValues((v) => ({ ...v, [k]: value }));
    setErrors(({ [k]: _fixed, ...others }) => others);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await api(orientationRoutes.updateOrientationCriteria, {
        params: { orientationId: view.id },
        body: { version: view.version, criteria: toCriteria(values) },
      });
      onSaved(saved);
      setValues(toValues(saved.criteria));
      setEditing(false);
      setFeedback({ kind: "saved" });
    } catch (err) {
      const error =
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite.");
      if (error.code === "orientation.version_conflict") setFeedback({ kind: "conflict", error });
      else if (error.issues.length > 0) {
        setErrors(error.fieldErrors());
        setFeedback({ kind: "invalid", error });
      } else setFeedback({ kind: "failed", error });
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setBusy(true);
    try {
      onSaved(await api(orientationRoutes.getOrientation, { params: { orientationId: view.id } }));
      setFeedback({ kind: "none" });
    } catch (err) {
      if (err instanceof ApiError) setFeedback({ kind: "failed", error: err });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="criteres">
      <h2 id="criteres">Critères d'orientation</h2>
      <div ref={feedbackRef} tabIndex={-1}>
        {feedback.kind === "saved" && (
          <Alert
            severity="success"
            small
            role="status"
            className="fr-mb-2w"
            description="Critères enregistrés : la proposition a été recalculée."
          />
        )}
        {feedback.kind === "conflict" && (
          <Alert
            severity="warning"
            as="h3"
            role="alert"
            className="fr-mb-2w"
            title="Vos modifications n'ont pas été enregistrées"
            description={
              <>
                <p className="fr-mb-2w">{feedback.error.message}</p>
                <Button
                  type="button"
                  size="small"
                  iconId="fr-icon-refresh-line"
                  onClick={() => void reload()}
                  disabled={busy}
                >
                  Recharger l'orientation
                </Button>
              </>
            }
          />
        )}
        {(feedback.kind === "invalid" || feedback.kind === "failed") && (
          <Alert
            severity="error"
            as="h3"
            role="alert"
            className="fr-mb-2w"
            title="Les critères n'ont pas été enregistrés"
            description={feedback.error.message}
          />
        )}
      </div>
      {view.missingCriteria.length > 0 && (
        <p className="fr-text--sm">
          <strong>Critères manquants :</strong>{" "}
          {view.missingCriteria.map((k) => criterionLabels[k as CriterionKey] ?? k).join(", ")}.
        </p>
      )}

      {!editing && (
        <>
          <dl className="socle-facts">
            {groups.flatMap((g) =>
              [...g.keys, ...(g.legend === "Situation" ? (["adresse"] as CriterionKey[]) : [])].map((k) => (
                <div key={k}>
                  <dt>{criterionLabels[k]}</dt>
                  <dd>
                    {view.criteria[k] !== undefined
                      ? describeValue(k, view.criteria)
                      : k === "boe_souhait_accompagnement" && view.criteria.boe !== true
                        ? "Sans objet (demandé aux seuls bénéficiaires de l'obligation d'emploi)"
                        : "Non renseigné"}
                  </dd>
                </div>
              )),
            )}
          </dl>
          {view.actions.canEditCriteria && (
            <Button
              className="fr-mt-2w"
              priority="secondary"
              iconId="fr-icon-edit-line"
              onClick={() => {
                setValues(toValues(view.criteria));
                setErrors({});
                setFeedback({ kind: "none" });
                setEditing(true);
              }}
            >
              Modifier les critères
            </Button>
          )}
        </>
      )}

      {editing && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Modifier les critères d'orientation">
          {groups.map((g) => (
            <fieldset key={g.legend} className="fr-fieldset">
              <legend className="fr-fieldset__legend fr-h6">{g.legend}</legend>
              {g.keys.map((k) => (
                <div key={k} className="fr-fieldset__element">
                  <CriterionField
                    k={k}
                    value={values[k] ?? ""}
                    error={errors[k]}
                    onChange={(v) => set(k, v)}
                  />
                </div>
              ))}
              {g.legend === "Situation" && (
                <>
                  <div className="fr-fieldset__element">
                    <Input
                      label="Adresse : numéro et voie"
                      nativeInputProps={{
                        value: values.voie ?? "",
                        onChange: (e) => set("voie", e.target.value),
                        autoComplete: "off",
                      }}
                    />
                  </div>
                  <div className="fr-fieldset__element fr-fieldset__element--inline">
                    <Input
                      label="Code postal"
                      state={errors.code_postal ? "error" : "default"}
                      stateRelatedMessage={errors.code_postal}
                      nativeInputProps={{
                        value: values.code_postal ?? "",
                        onChange: (e) => set("code_postal", e.target.value),
                        inputMode: "numeric",
                        autoComplete: "off",
                      }}
                    />
                  </div>
                  <div className="fr-fieldset__element fr-fieldset__element--inline">
                    <Input
                      label="Commune"
                      state={errors.libelle_commune ? "error" : "default"}
                      stateRelatedMessage={errors.libelle_commune}
                      nativeInputProps={{
                        value: values.libelle_commune ?? "",
                        onChange: (e) => set("libelle_commune", e.target.value),
                        autoComplete: "off",
                      }}
                    />
                  </div>
                  <div className="fr-fieldset__element fr-fieldset__element--inline">
                    <Input
                      label="Code commune (INSEE)"
                      hintText="5 caractères, par exemple 80021 pour Amiens"
                      state={errors.code_commune ? "error" : "default"}
                      stateRelatedMessage={errors.code_commune}
                      nativeInputProps={{
                        value: values.code_commune ?? "",
                        onChange: (e) => set("code_commune", e.target.value),
                        autoComplete: "off",
                      }}
                    />
                  </div>
                </>
              )}
            </fieldset>
          ))}
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <Button type="submit" disabled={busy}>
                Enregistrer les critères
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" disabled={busy} onClick={() => setEditing(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
    </section>
  );
}

function CriterionField({
  k,
  value,
  error,
  onChange,
}: {
  k: CriterionKey;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const state = error ? ("error" as const) : ("default" as const);
  if (k === "date_naissance") {
    return (
      <Input
        label={criterionLabels[k]}
        state={state}
        stateRelatedMessage={error}
        nativeInputProps={{ type: "date", value, onChange: (e) => onChange(e.target.value) }}
      />
    );
  }
  const options: [string, string][] = isBoolean(k)
    ? [
        ["oui", "Oui"],
        ["non", "Non"],
      ]
    : isCode(k)
      ? Object.entries(criterionCodeLists[k].labels as Record<string, string>)
      : k === "msa_autonomie_recherche_emploi"
        ? ["1", "2", "3", "4"].map((n) => [n, n] as [string, string])
        : [];
  return (
    <Select
      label={criterionLabels[k]}
      state={state}
      stateRelatedMessage={error}
      nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}
    >
      <option value="">Non renseigné</option>
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </Select>
  );
}
