// « Annuler ce rendez-vous »: the reason is required; the person and professionals use the same form.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useId, useState } from "react";
import { appointmentsRoutes } from "../../shared/appointments/appointments.routes";
import type { AppointmentView } from "../../shared/appointments/appointments.schema";
import type { ApiError } from "../kernel/api-client";
import { api } from "../kernel/api-client";
import { toApiError } from "./appointments-ui";

export function CancelAppointment({
  appointment,
  label,
  onDone,
}: {
  appointment: AppointmentView;
  label: string;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await api(appointmentsRoutes.cancelAppointment, {
        params: { appointmentId: appointment.id },
        body: { version: appointment.version, reason },
      });
      onDone();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  if (!open)
    return (
      <Button
        type="button"
        priority="tertiary"
        size="small"
        iconId="fr-icon-close-line"
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
    );
  const reasonError = failure?.fieldErrors().reason;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label}>
      <Input
        label="Raison de l'annulation (obligatoire)"
        textArea
        state={reasonError ? "error" : "default"}
        stateRelatedMessage={reasonError}
        nativeTextAreaProps={{
          id: `${id}-reason`,
          name: "reason",
          required: true,
          maxLength: 500,
          value: reason,
          onChange: (e) => setReason(e.target.value),
        }}
      />
      {failure && !reasonError && (
        <Alert severity="error" small role="alert" className="fr-mb-2w" description={failure.message} />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <Button type="submit" size="small" disabled={busy}>
            Confirmer l'annulation
          </Button>
        </li>
        <li>
          <Button
            type="button"
            size="small"
            priority="secondary"
            disabled={busy}
            onClick={() => setOpen(false)}
          >
            Ne pas annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
