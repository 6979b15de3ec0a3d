// The weekly programme of the version to sign (parcours.md §6.2), edited by the professional: activities of
// the référentiel with their planned hours, the running total against the target (15 h unless lowered with
// a reason and who decided). The shared schema checks before sending; the server stays the authority, and a
// stale version (409) offers to reload rather than overwrite someone else's change.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  DEFAULT_WEEKLY_TARGET_HOURS,
  formatHours,
  programmeTotals,
  type WeeklyProgramme,
} from "../../shared/contract/contract.programme";
import { activityGroups } from "../../shared/contract/contract.referentiel";
import { contractRoutes } from "../../shared/contract/contract.routes";
import type { ContractView } from "../../shared/contract/contract.schema";
import { ApiError, api } from "../kernel/api-client";

type Row = { key: number; code: string; hours: string };
type ReducedMotif = NonNullable<WeeklyProgramme["cibleReduite"]>["motif"];
const reducedMotifLabels: Record<ReducedMotif, string> = {
  SANTE: "Santé",
  GARDE_ENFANTS: "Garde d'enfants, situation familiale",
  HANDICAP: "Handicap",
  AUTRE: "Autre raison",
};

/** The ISO week of a day, "2026-W11" (Thursday rule), for a new programme. */
export function isoWeekOf(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** "4,5" or "4.5" → 4.5; anything else → NaN */
const toHours = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));

export function ProgrammeForm({
  view,
  onSaved,
  onReload,
}: {
  view: ContractView;
  onSaved: (v: ContractView) => void;
  onReload: () => void;
}) {
  const initial = view.current.content.programme;
  const nextKey = useRef(0);
  const [week, setWeek] = useState(initial?.semaineIso ?? isoWeekOf(new Date()));
  const [rows, setRows] = useState<Row[]>(() =>
    (initial?.activites ?? []).map((a) => ({
      key: nextKey.current++,
      code: a.code,
      hours: String(a.heuresPrevues),
    })),
  );
  const [target, setTarget] = useState(String(initial?.cibleHeures ?? DEFAULT_WEEKLY_TARGET_HOURS));
  const [motif, setMotif] = useState<ReducedMotif | "">(initial?.cibleReduite?.motif ?? "");
  const [precision, setPrecision] = useState(initial?.cibleReduite?.precision ?? "");
  const [decidePar, setDecidePar] = useState(initial?.cibleReduite?.decidePar ?? "");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const targetHours = toHours(target);
  const lowered = Number.isFinite(targetHours) && targetHours < DEFAULT_WEEKLY_TARGET_HOURS;
  const programme: WeeklyProgramme = {
    semaineIso: week.trim(),
    activites: rows.map((r) => ({ code: r.code, heuresPrevues: toHours(r.hours), source: "SAISIE" })),
    cibleHeures: targetHours,
    ...(lowered && motif
      ? {
          cibleReduite: {
            motif,
            ...(precision.trim() ? { precision: precision.trim() } : {}),
            decidePar: decidePar.trim(),
          },
        }
      : {}),
  };
  // the running total counts the rows already filled in correctly
  const totals = programmeTotals({
    ...programme,
    activites: programme.activites.filter(
      (a) => a.code && Number.isFinite(a.heuresPrevues) && a.heuresPrevues > 0,
    ),
    cibleHeures: Number.isFinite(targetHours) ? targetHours : DEFAULT_WEEKLY_TARGET_HOURS,
  });

  // issues keyed by their path inside the programme: "activites.0.heuresPrevues", "cibleReduite", …
  const issues: Record<string, string> = {};
  for (const i of failure?.issues ?? []) {
    const path = i.path.replace(/^(body\.)?content\.programme\.?/, "");
    if (!(path in issues)) issues[path] = i.message;
  }
  const rowError = (i: number, field: string) => issues[`activites.${i}.${field}`];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // empty choices and unreadable numbers are caught here, in French, before the shared schema
    const missing = rows.flatMap((r, i) => [
      ...(r.code ? [] : [{ path: `activites.${i}.code`, message: "Choisissez l'activité." }]),
      ...(Number.isFinite(toHours(r.hours))
        ? []
        : [
            {
              path: `activites.${i}.heuresPrevues`,
              message: "Indiquez un nombre d'heures, par exemple 2,5.",
            },
          ]),
    ]);
    if (!Number.isFinite(targetHours))
      missing.push({ path: "cibleHeures", message: "Indiquez l'objectif en heures, par exemple 15." });
    if (missing.length > 0) {
      setSaved(false);
      setFailure(new ApiError(400, "validation.invalid", "Corrigez les champs signalés.", missing));
      return;
    }
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      const next = await api(contractRoutes.updateContract, {
        params: { contractId: view.id },
        body: { version: view.version, content: { ...view.current.content, programme } },
      });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="programme-titre">
      <h2 id="programme-titre">Programme hebdomadaire</h2>
      <p>
        Choisissez avec la personne les activités de la semaine. L'objectif est d'au moins{" "}
        {DEFAULT_WEEKLY_TARGET_HOURS} heures ; il peut être réduit pour sa situation, avec un motif. Des
        heures manquantes ne déclenchent jamais de sanction à elles seules.
      </p>
      <div ref={failureRef} tabIndex={-1}>
        {failure && (
          <Alert
            severity={failure.status === 409 ? "warning" : "error"}
            as="h3"
            role="alert"
            className="fr-mb-2w"
            title="Le programme n'a pas été enregistré"
            description={
              <>
                <p className={failure.status === 409 ? "fr-mb-2w" : ""}>{failure.message}</p>
                {failure.status === 409 && (
                  <Button type="button" size="small" iconId="fr-icon-refresh-line" onClick={onReload}>
                    Recharger le contrat
                  </Button>
                )}
              </>
            }
          />
        )}
        {saved && !failure && (
          <Alert severity="success" small className="fr-mb-2w" description="Programme enregistré." />
        )}
      </div>

      <Input
        label="Semaine"
        hintText="Format AAAA-Wnn, par exemple 2026-W11"
        state={issues.semaineIso ? "error" : "default"}
        stateRelatedMessage={issues.semaineIso}
        nativeInputProps={{ name: "semaineIso", value: week, onChange: (e) => setWeek(e.target.value) }}
      />

      <fieldset className="fr-fieldset" aria-label="Activités de la semaine">
        {rows.map((r, i) => (
          <div key={r.key} className="fr-fieldset__element">
            <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
              <div className="fr-col-12 fr-col-md-7">
                <Select
                  label={`Activité ${i + 1}`}
                  state={rowError(i, "code") ? "error" : "default"}
                  stateRelatedMessage={rowError(i, "code")}
                  nativeSelectProps={{
                    name: `activites.${i}.code`,
                    value: r.code,
                    onChange: (e) =>
                      setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, code: e.target.value } : x))),
                  }}
                >
                  <option value="" disabled>
                    Choisir une activité du référentiel
                  </option>
                  {activityGroups.map((g) => (
                    <optgroup key={g.code} label={`${g.code}. ${g.label}`}>
                      {g.modules.map((m) => (
                        <option key={m.code} value={m.code}>
                          {m.code} {m.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              </div>
              <div className="fr-col-8 fr-col-md-3">
                <Input
                  label="Heures prévues"
                  hintText="Par quarts d'heure : 1,25"
                  state={rowError(i, "heuresPrevues") ? "error" : "default"}
                  stateRelatedMessage={rowError(i, "heuresPrevues")}
                  nativeInputProps={{
                    name: `activites.${i}.heuresPrevues`,
                    inputMode: "decimal",
                    value: r.hours,
                    onChange: (e) =>
                      setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, hours: e.target.value } : x))),
                  }}
                />
              </div>
              <div className="fr-col-4 fr-col-md-2">
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  iconId="fr-icon-delete-line"
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  Retirer
                </Button>
              </div>
            </div>
          </div>
        ))}
      </fieldset>
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-add-line"
        className="fr-mb-3w"
        onClick={() => setRows((rs) => [...rs, { key: nextKey.current++, code: "", hours: "" }])}
      >
        Ajouter une activité
      </Button>

      <p aria-live="polite" className="fr-text--lg">
        Total : <strong>{formatHours(totals.planned)}</strong> sur {formatHours(totals.target)}
        {totals.targetMet ? " — objectif atteint" : ` — il manque ${formatHours(totals.missing)}`}
        {totals.structuring > 0 ? ` (dont ${formatHours(totals.structuring)} d'actions structurantes)` : ""}
      </p>

      <Input
        label="Objectif d'heures par semaine"
        hintText={`${DEFAULT_WEEKLY_TARGET_HOURS} heures, sauf situation particulière`}
        state={issues.cibleHeures ? "error" : "default"}
        stateRelatedMessage={issues.cibleHeures}
        nativeInputProps={{
          name: "cibleHeures",
          inputMode: "decimal",
          value: target,
          onChange: (e) => setTarget(e.target.value),
        }}
      />
      {lowered && (
        <>
          <Select
            label="Motif de la réduction"
            state={issues.cibleReduite || issues["cibleReduite.motif"] ? "error" : "default"}
            stateRelatedMessage={issues.cibleReduite ?? issues["cibleReduite.motif"]}
            nativeSelectProps={{
              name: "cibleReduite.motif",
              value: motif,
              onChange: (e) => setMotif(e.target.value as ReducedMotif | ""),
            }}
          >
            <option value="" disabled>
              Choisir un motif
            </option>
            {Object.entries(reducedMotifLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Input
            label="Précision (facultatif)"
            nativeInputProps={{
              name: "cibleReduite.precision",
              value: precision,
              onChange: (e) => setPrecision(e.target.value),
            }}
          />
          <Input
            label="Décidé par"
            hintText="Nom et fonction de la personne qui a décidé de réduire l'objectif"
            state={issues["cibleReduite.decidePar"] ? "error" : "default"}
            stateRelatedMessage={issues["cibleReduite.decidePar"]}
            nativeInputProps={{
              name: "cibleReduite.decidePar",
              value: decidePar,
              onChange: (e) => setDecidePar(e.target.value),
            }}
          />
        </>
      )}
      <Button type="submit" disabled={busy}>
        Enregistrer le programme
      </Button>
    </form>
  );
}
