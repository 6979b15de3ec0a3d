// /mon-espace/rendez-vous, phone-first (parcours.md §4.2): a pending invitation → choose a slot → the
// confirmation; the upcoming appointments (add to my calendar, convocation, cancel); the history.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import {
  appointmentCalendarUrl,
  appointmentConvocationUrl,
  appointmentsRoutes,
} from "../../shared/appointments/appointments.routes";
import {
  type AppointmentView,
  appointmentPurposeLabels,
} from "../../shared/appointments/appointments.schema";
import { type ApiError, api } from "../kernel/api-client";
import { formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { StatusBadge, slotDay, slotHours, slotLabel, slotPlace, toApiError } from "./appointments-ui";
import { CancelAppointment } from "./cancel-form";

export const MY_APPOINTMENTS_TITLE = "Mes rendez-vous";

export function MyAppointmentsPage() {
  return <RequireSession allow={(s) => s.kind === "person"}>{() => <MyAppointments />}</RequireSession>;
}

function MyAppointments() {
  usePageTitle(MY_APPOINTMENTS_TITLE);
  const { state, reload } = useApiQuery(() => api(appointmentsRoutes.listMyAppointments, {}), []);
  const [confirmed, setConfirmed] = useState<AppointmentView | null>(null);
  const items = state.status === "ok" ? state.data.items : [];
  const invitations = items.filter((a) => a.status === "INVITE");
  const upcoming = items
    .filter((a) => a.status === "PLANIFIE")
    .sort((x, y) => (x.slot?.startsAt ?? "").localeCompare(y.slot?.startsAt ?? ""));
  const past = items.filter((a) => a.status !== "INVITE" && a.status !== "PLANIFIE");
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={MY_APPOINTMENTS_TITLE} />
      <h1>{MY_APPOINTMENTS_TITLE}</h1>
      {confirmed?.slot && (
        <Alert
          severity="success"
          as="h2"
          className="fr-mb-4w"
          title="Votre rendez-vous est confirmé"
          description={`${slotDay(confirmed.slot.startsAt)}, ${slotHours(confirmed.slot)}, ${slotPlace(confirmed.slot)}, avec ${confirmed.slot.professionalName}. Vous allez recevoir la convocation par e-mail ou SMS, et un rappel deux jours avant.`}
          closable
          onClose={() => setConfirmed(null)}
        />
      )}
      {state.status === "loading" && <Loading label="Chargement de vos rendez-vous…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <>
          {invitations.map((a) => (
            <ChooseSlot
              key={a.id}
              invitation={a}
              onBooked={(v) => {
                setConfirmed(v);
                void reload();
              }}
            />
          ))}
          <section aria-labelledby="a-venir" className="fr-mb-6w">
            <h2 id="a-venir">Mes prochains rendez-vous</h2>
            {upcoming.length === 0 && <p>Vous n'avez pas de rendez-vous à venir.</p>}
            {upcoming.map((a) => (
              <Upcoming key={a.id} appointment={a} onChanged={() => void reload()} />
            ))}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="historique">
              <h2 id="historique">Historique</h2>
              <ul>
                {past.map((a) => (
                  <li key={a.id} className="fr-mb-1w">
                    {appointmentPurposeLabels[a.purpose]}
                    {a.slot ? `, ${slotDay(a.slot.startsAt)}` : ""} — <StatusBadge status={a.status} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}

function ChooseSlot({
  invitation,
  onBooked,
}: {
  invitation: AppointmentView;
  onBooked: (a: AppointmentView) => void;
}) {
  const { state, reload } = useApiQuery(
    () => api(appointmentsRoutes.listSlotsForAppointment, { params: { appointmentId: invitation.id } }),
    [invitation.id],
  );
  const [slotId, setSlotId] = useState("");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const headingId = `invitation-${invitation.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(!slotId);
    if (!slotId) return;
    setBusy(true);
    setFailure(null);
    try {
      onBooked(
        await api(appointmentsRoutes.bookAppointment, {
          params: { appointmentId: invitation.id },
          body: { slotId, version: invitation.version },
        }),
      );
    } catch (err) {
      setFailure(toApiError(err));
      void reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={headingId} className="fr-mb-6w fr-p-3w fr-background-alt--blue-france">
      <h2 id={headingId}>Choisissez la date de votre rendez-vous</h2>
      <p>
        {invitation.structureName} vous invite : {appointmentPurposeLabels[invitation.purpose].toLowerCase()}.
        {invitation.invitationExpiresOn &&
          ` Répondez avant le ${formatLocalDateLong(invitation.invitationExpiresOn)}.`}
      </p>
      {state.status === "loading" && <Loading label="Chargement des créneaux…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && state.data.slots.length === 0 && (
        <p>
          Aucun créneau n'est libre pour le moment. Revenez plus tard ou contactez {invitation.structureName}.
        </p>
      )}
      {state.status === "ok" && state.data.slots.length > 0 && (
        <form onSubmit={(e) => void submit(e)}>
          <RadioButtons
            legend="Créneaux disponibles"
            name={`slot-${invitation.id}`}
            state={missing ? "error" : "default"}
            stateRelatedMessage={missing ? "Choisissez un créneau" : undefined}
            options={state.data.slots.map((s) => ({
              label: `${slotDay(s.startsAt)}, ${slotHours(s)}`,
              hintText: `${slotPlace(s)}, avec ${s.professionalName}${s.title ? ` (${s.title})` : ""}`,
              nativeInputProps: {
                value: s.id,
                checked: slotId === s.id,
                onChange: () => {
                  setSlotId(s.id);
                  setMissing(false);
                },
                "aria-label": slotLabel(s),
              },
            }))}
          />
          {failure && (
            <Alert
              severity={failure.status === 409 ? "warning" : "error"}
              small
              role="alert"
              className="fr-mb-2w"
              description={failure.message}
            />
          )}
          <Button type="submit" disabled={busy}>
            Confirmer ce créneau
          </Button>
        </form>
      )}
    </section>
  );
}

function Upcoming({ appointment: a, onChanged }: { appointment: AppointmentView; onChanged: () => void }) {
  if (!a.slot) return null;
  return (
    <article
      className="fr-mb-4w fr-pb-2w"
      aria-labelledby={`rdv-${a.id}`}
      style={{ borderBottom: "1px solid var(--border-default-grey)" }}
    >
      <h3 id={`rdv-${a.id}`} className="fr-h5 fr-mb-1w">
        {slotDay(a.slot.startsAt)}, {slotHours(a.slot)}
      </h3>
      <p className="fr-mb-1w">
        {appointmentPurposeLabels[a.purpose]}
        {a.slot.title ? ` : ${a.slot.title}` : ""} — {a.structureName}
        <br />
        {slotPlace(a.slot)}, avec {a.slot.professionalName}
      </p>
      <p className="fr-mb-1w">
        <a
          className="fr-link fr-icon-calendar-line fr-link--icon-left"
          href={appointmentCalendarUrl(a.id)}
          download
        >
          Ajouter à mon agenda
        </a>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left fr-ml-3w"
          href={appointmentConvocationUrl(a.id)}
          download
        >
          Télécharger ma convocation (PDF)
        </a>
      </p>
      {a.actions.includes("cancel") && (
        <CancelAppointment appointment={a} label="Annuler ce rendez-vous" onDone={onChanged} />
      )}
    </article>
  );
}
