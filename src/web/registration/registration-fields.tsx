// Form fields of the registration, thin wrappers of the DSFR components: every field is labelled,
// optional ones say so, the error sits next to the field, and a pre-filled value shows where it comes
// from and whether it was confirmed (« dites-le nous une fois », PS-06). A confirmed value is shown as
// text with a « Corriger » button: it is never asked again unless the person wants to change it.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { createContext, type ReactNode, useContext, useState } from "react";
import type { ConfirmationView, ProvenanceView } from "../../shared/registration/registration.schema";
import { formatInstantDate, formatLocalDate } from "../kernel/format";

/** What every field of a step needs: errors by path, provenance and confirmations of pre-filled values. */
export type FieldContext = {
  errors: Record<string, string>;
  prefill: Record<string, ProvenanceView>;
  confirmations: Record<string, ConfirmationView>;
  readOnly: boolean;
};
export const FieldContextValue = createContext<FieldContext>({
  errors: {},
  prefill: {},
  confirmations: {},
  readOnly: false,
});
const useFields = () => useContext(FieldContextValue);

const optionalLabel = (label: string, optional?: boolean) => (optional ? `${label} (facultatif)` : label);

/** Where a pre-filled value comes from and whether it was confirmed, as one French sentence. */
function usePrefillText(path: string): string | undefined {
  const { prefill, confirmations } = useFields();
  const p = prefill[path];
  if (!p) return undefined;
  const c = confirmations[path];
  const state =
    c?.etat === "CONFIRME"
      ? `Confirmée le ${formatInstantDate(c.at)}.`
      : c?.etat === "CORRIGE"
        ? `Corrigée le ${formatInstantDate(c.at)}.`
        : "À confirmer ou corriger.";
  return `Information pré-remplie — source : ${p.sourceLabel}, le ${formatLocalDate(p.dateSource)}. ${state}`;
}

/** The field's own hint, then the provenance of its pre-filled value (both read with the field). */
function useHint(hint: string | undefined, path: string): ReactNode {
  const prefill = usePrefillText(path);
  if (!hint && !prefill) return undefined;
  return (
    <>
      {hint}
      {hint && prefill && <br />}
      {prefill && (
        <span className="socle-prefill">
          <span className="fr-icon-information-line fr-icon--xs" aria-hidden="true" /> {prefill}
        </span>
      )}
    </>
  );
}

/** The provenance line of a group of fields (the address). */
export function PrefillHint({ path }: { path: string }) {
  const text = usePrefillText(path);
  if (!text) return null;
  return (
    <p className="fr-hint-text fr-mb-2w socle-prefill">
      <span className="fr-icon-information-line fr-icon--xs" aria-hidden="true" /> {text}
    </p>
  );
}

/** A confirmed pre-filled value: shown as text, with a button to correct it. */
function Confirmed({
  path,
  label,
  display,
  children,
}: {
  path: string;
  label: string;
  display: string;
  children: ReactNode;
}) {
  const { confirmations, readOnly } = useFields();
  const [unlocked, setUnlocked] = useState(false);
  if (confirmations[path]?.etat !== "CONFIRME" || unlocked) return <>{children}</>;
  return (
    <div className="fr-mb-3w">
      <p className="fr-mb-0">
        <strong>{label}</strong>
      </p>
      <p className="fr-mb-1v">{display || "Non renseigné"}</p>
      <PrefillHint path={path} />
      {!readOnly && (
        <Button
          type="button"
          priority="tertiary"
          size="small"
          iconId="fr-icon-edit-line"
          onClick={() => setUnlocked(true)}
        >
          Corriger « {label} »
        </Button>
      )}
    </div>
  );
}

type TextProps = {
  path: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string | undefined;
  onChange: (v: string) => void;
  type?: "text" | "email" | "tel" | "date" | "number" | "month";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  /** the value's display when it is a confirmed pre-fill */
  display?: string;
};

export function TextField(p: TextProps) {
  const { errors, readOnly } = useFields();
  const error = errors[p.path];
  const hint = useHint(p.hint, p.path);
  return (
    <Confirmed path={p.path} label={p.label} display={p.display ?? p.value ?? ""}>
      <Input
        label={optionalLabel(p.label, p.optional)}
        hintText={hint}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        disabled={readOnly}
        nativeInputProps={{
          name: p.path,
          type: p.type ?? "text",
          value: p.value ?? "",
          autoComplete: p.autoComplete ?? "off",
          inputMode: p.inputMode,
          onChange: (e) => p.onChange(e.target.value),
        }}
      />
    </Confirmed>
  );
}

type Option = { value: string; label: string };
const toOptions = (labels: Record<string, string>): Option[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SelectField(p: {
  path: string;
  label: string;
  hint?: string;
  optional?: boolean;
  value: string | undefined;
  labels: Record<string, string>;
  onChange: (v: string | undefined) => void;
}) {
  const { errors, readOnly } = useFields();
  const error = errors[p.path];
  const hint = useHint(p.hint, p.path);
  return (
    <Confirmed path={p.path} label={p.label} display={p.value ? (p.labels[p.value] ?? p.value) : ""}>
      <Select
        label={optionalLabel(p.label, p.optional)}
        hint={hint}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        disabled={readOnly}
        nativeSelectProps={{
          name: p.path,
          value: p.value ?? "",
          onChange: (e) => p.onChange(e.target.value || undefined),
        }}
      >
        <option value="">— Choisissez —</option>
        {toOptions(p.labels).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Confirmed>
  );
}

export function RadioField(p: {
  path: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  value: string | undefined;
  labels: Record<string, string>;
  onChange: (v: string) => void;
  inline?: boolean;
}) {
  const { errors, readOnly } = useFields();
  const error = errors[p.path];
  const hint = useHint(p.hint, p.path);
  return (
    <Confirmed path={p.path} label={p.legend} display={p.value ? (p.labels[p.value] ?? p.value) : ""}>
      <RadioButtons
        legend={optionalLabel(p.legend, p.optional)}
        hintText={hint}
        name={p.path}
        orientation={p.inline ? "horizontal" : "vertical"}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        disabled={readOnly}
        options={toOptions(p.labels).map((o) => ({
          label: o.label,
          nativeInputProps: {
            value: o.value,
            checked: p.value === o.value,
            onChange: () => p.onChange(o.value),
          },
        }))}
      />
    </Confirmed>
  );
}

export function CheckboxesField(p: {
  path: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  value: string[] | undefined;
  labels: Record<string, string>;
  onChange: (v: string[]) => void;
}) {
  const { errors, readOnly } = useFields();
  const error = errors[p.path];
  const hint = useHint(p.hint, p.path);
  const current = p.value ?? [];
  return (
    <Confirmed path={p.path} label={p.legend} display={current.map((v) => p.labels[v] ?? v).join(", ")}>
      <Checkbox
        legend={optionalLabel(p.legend, p.optional)}
        hintText={hint}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        disabled={readOnly}
        options={toOptions(p.labels).map((o) => ({
          label: o.label,
          nativeInputProps: {
            name: p.path,
            value: o.value,
            checked: current.includes(o.value),
            onChange: (e) =>
              p.onChange(e.target.checked ? [...current, o.value] : current.filter((v) => v !== o.value)),
          },
        }))}
      />
    </Confirmed>
  );
}

/** "12" → 12, "" → undefined (a number field left empty). */
export function toNumber(v: string): number | undefined {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
