// The visibility radio group of a note or document: each level with who will see it.
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import {
  type NoteVisibility,
  noteVisibilities,
  visibilityDescriptions,
  visibilityLabels,
} from "../../shared/shared-file/shared-file.visibility";

export function VisibilityRadios({
  legend,
  name,
  value,
  onChange,
  error,
  disabled,
}: {
  legend: string;
  name: string;
  value: NoteVisibility | "";
  onChange: (v: NoteVisibility) => void;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <RadioButtons
      legend={legend}
      name={name}
      disabled={disabled}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      options={noteVisibilities.map((v) => ({
        label: visibilityLabels[v],
        hintText: visibilityDescriptions[v],
        nativeInputProps: { value: v, checked: value === v, onChange: () => onChange(v) },
      }))}
    />
  );
}
