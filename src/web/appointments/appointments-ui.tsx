// Small pieces shared by the appointments pages: French slot labels (Europe/Paris), the status badge and
// the attendance buttons (one group per person, named « Présence de <nom> »).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { appointmentsRoutes } from "../../shared/appointments/appointments.routes";
import { type SlotView, slotModaliteLabels } from "../../shared/appointments/appointments.schema";
import {
  type AppointmentStatus,
  appointmentStatusLabels,
  attendanceLabels,
  attendanceStatuses,
} from "../../shared/appointments/appointments.status";
import { ApiError, api } from "../kernel/api-client";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

/** « jeudi 10 décembre 2026 » */
export const slotDay = (iso: string) => dayFormat.format(new Date(iso)).replace(/ 1 /, " 1er ");
/** « 10:00 – 10:45 » */
export const slotHours = (s: { startsAt: string; endsAt: string }) =>
  `${timeFormat.format(new Date(s.startsAt))} – ${timeFormat.format(new Date(s.endsAt))}`;

type SlotLike = Omit<SlotView, "bookings">;
/** « sur place, 12 rue … », « par téléphone », « en visio » */
export const slotPlace = (s: SlotLike) =>
  s.modalite === "SUR_PLACE"
    ? `sur place${s.address ? `, ${s.address}` : ""}`
    : slotModaliteLabels[s.modalite].toLowerCase();
/** The full label of a slot, as read by a screen reader. */
export const slotLabel = (s: SlotLike) =>
  `${slotDay(s.startsAt)}, ${slotHours(s)}, ${slotPlace(s)}, avec ${s.professionalName}${s.title ? ` (${s.title})` : ""}`;

const severity: Record<AppointmentStatus, "info" | "success" | "error" | "warning" | "new"> = {
  INVITE: "new",
  PLANIFIE: "info",
  HONORE: "success",
  ABSENT: "error",
  EXCUSE: "warning",
  ANNULE: "warning",
};
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge small severity={severity[status]} noIcon>
      {appointmentStatusLabels[status]}
    </Badge>
  );
}

export const toApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite.");

/** Présent·e / Absent·e / Excusé·e for one booked appointment. */
export function AttendanceButtons({
  appointmentId,
  version,
  personName,
  onDone,
}: {
  appointmentId: string;
  version: number;
  personName: string;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const record = async (status: (typeof attendanceStatuses)[number]) => {
    setBusy(true);
    setFailure(null);
    try {
      await api(appointmentsRoutes.recordAttendance, {
        params: { appointmentId },
        body: { version, status },
      });
      onDone();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="fr-fieldset fr-mb-0">
      <legend className="fr-fieldset__legend fr-text--sm fr-mb-1w">Présence de {personName}</legend>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {attendanceStatuses.map((s) => (
          <li key={s}>
            <Button
              type="button"
              size="small"
              priority="secondary"
              disabled={busy}
              onClick={() => void record(s)}
            >
              {attendanceLabels[s]}
            </Button>
          </li>
        ))}
      </ul>
      {failure && <Alert severity="error" small role="alert" description={failure.message} />}
    </fieldset>
  );
}
