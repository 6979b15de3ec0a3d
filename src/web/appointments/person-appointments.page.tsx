// /personnes/:personId/rendez-vous: a person's appointments for the professionals who follow them
// (parcours.md §4): invite the person to choose a slot, convoke them on a free slot of the structure,
// the list with statuses, the convocation PDF, cancellation and attendance.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router-dom";
import { appointmentConvocationUrl, appointmentsRoutes } from "../../shared/appointments/appointments.routes";
import {
  type AppointmentPurpose,
  type AppointmentView,
  appointmentPurposeLabels,
  appointmentPurposes,
} from "../../shared/appointments/appointments.schema";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { type ApiError, api } from "../kernel/api-client";
import { formatInstant, formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import {
  AttendanceButtons,
  StatusBadge,
  slotDay,
  slotHours,
  slotLabel,
  slotPlace,
  toApiError,
} from "./appointments-ui";
import { CancelAppointment } from "./cancel-form";

const TITLE = "Rendez-vous";

export function PersonAppointmentsPage() {
  return (
    <RequireSession allow={(s) => s.kind === "professional"}>
      {(s) => (
        <PersonAppointments
          canSchedule={s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r))}
        />
      )}
    </RequireSession>
  );
}

function PersonAppointments({ canSchedule }: { canSchedule: boolean }) {
  const { personId = "" } = useParams();
  const { state, reload } = useApiQuery(
    () => api(appointmentsRoutes.listPersonAppointments, { params: { personId } }),
    [personId],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const items = state.status === "ok" ? state.data.items : [];
  const name = state.status === "ok" ? state.data.personName : undefined;
  usePageTitle(name ? `${TITLE} — ${name}` : TITLE);
  const done = (message: string) => {
    setNotice(message);
    void reload();
  };
  return (
    <>
      <Breadcrumb
        homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Personnes suivies", linkProps: { to: "/personnes" } },
          { label: "Dossier", linkProps: { to: `/personnes/${personId}` } },
        ]}
        currentPageLabel={TITLE}
      />
      <h1>{name ? `Rendez-vous de ${name}` : TITLE}</h1>
      {notice && (
        <Alert
          severity="success"
          small
          role="status"
          className="fr-mb-3w"
          description={notice}
          closable
          onClose={() => setNotice(null)}
        />
      )}
      {canSchedule && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          <div className="fr-col-12 fr-col-md-6">
            <InviteForm
              personId={personId}
              onDone={() => done("L'invitation a été envoyée à la personne.")}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <ConvokeForm
              personId={personId}
              onDone={() => done("La convocation a été envoyée à la personne.")}
            />
          </div>
        </div>
      )}
      <section aria-labelledby="liste-rdv">
        <h2 id="liste-rdv">Invitations et rendez-vous</h2>
        {state.status === "loading" && <Loading label="Chargement des rendez-vous…" />}
        {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
        {state.status === "ok" && items.length === 0 && <p>Aucun rendez-vous pour le moment.</p>}
        {items.map((a) => (
          <AppointmentItem key={a.id} a={a} onChanged={() => void reload()} />
        ))}
      </section>
    </>
  );
}

function AppointmentItem({ a, onChanged }: { a: AppointmentView; onChanged: () => void }) {
  return (
    <article
      className="fr-mb-3w fr-pb-2w"
      aria-labelledby={`rdv-${a.id}`}
      style={{ borderBottom: "1px solid var(--border-default-grey)" }}
    >
      <h3 id={`rdv-${a.id}`} className="fr-h6 fr-mb-1w">
        {appointmentPurposeLabels[a.purpose]} —{" "}
        {a.slot ? `${slotDay(a.slot.startsAt)}, ${slotHours(a.slot)}` : "date à choisir"}
      </h3>
      <p className="fr-mb-1w">
        <StatusBadge status={a.status} /> {a.structureName}
        {a.slot && `, ${slotPlace(a.slot)}, avec ${a.slot.professionalName}`}
        {a.status === "INVITE" &&
          a.invitationExpiresOn &&
          ` — invitation valable jusqu'au ${formatLocalDateLong(a.invitationExpiresOn)}`}
        {a.bookedAt &&
          ` — réservé ${a.bookedByKind === "person" ? "en ligne par la personne" : "par un·e professionnel·le"} le ${formatInstant(a.bookedAt)}`}
        {a.cancelReason && ` — annulé : « ${a.cancelReason} »`}
      </p>
      {a.slot && a.status !== "ANNULE" && (
        <p className="fr-mb-1w">
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={appointmentConvocationUrl(a.id)}
            download
          >
            Télécharger la convocation (PDF)
          </a>
        </p>
      )}
      {a.actions.includes("record_attendance") && (
        <AttendanceButtons
          appointmentId={a.id}
          version={a.version}
          personName={a.personName}
          onDone={onChanged}
        />
      )}
      {a.actions.includes("cancel") && (
        <CancelAppointment
          appointment={a}
          label={a.status === "INVITE" ? "Annuler l'invitation" : "Annuler le rendez-vous"}
          onDone={onChanged}
        />
      )}
    </article>
  );
}

function PurposeSelect({
  value,
  onChange,
}: {
  value: AppointmentPurpose;
  onChange: (p: AppointmentPurpose) => void;
}) {
  return (
    <Select
      label="Motif du rendez-vous"
      nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value as AppointmentPurpose) }}
    >
      {appointmentPurposes.map((p) => (
        <option key={p} value={p}>
          {appointmentPurposeLabels[p]}
        </option>
      ))}
    </Select>
  );
}

function useSubmit(onDone: () => void) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await call();
      onDone();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { failure, busy, run };
}

function InviteForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const [purpose, setPurpose] = useState<AppointmentPurpose>("PREMIER_RDV_ACCOMPAGNEMENT");
  const { failure, busy, run } = useSubmit(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api(appointmentsRoutes.invitePerson, { params: { personId }, body: { purpose } }));
  };
  return (
    <form onSubmit={submit} aria-labelledby="inviter">
      <h2 id="inviter" className="fr-h5">
        Inviter à prendre rendez-vous
      </h2>
      <p className="fr-text--sm">
        La personne reçoit un e-mail et un SMS avec le lien pour choisir un créneau de votre structure ; une
        relance part 3 jours plus tard si elle n'a pas répondu.
      </p>
      <PurposeSelect value={purpose} onChange={setPurpose} />
      {failure && (
        <Alert severity="error" small role="alert" className="fr-mb-2w" description={failure.message} />
      )}
      <Button type="submit" disabled={busy}>
        Envoyer l'invitation
      </Button>
    </form>
  );
}

function ConvokeForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const [purpose, setPurpose] = useState<AppointmentPurpose>("PREMIER_RDV_ACCOMPAGNEMENT");
  const [slotId, setSlotId] = useState("");
  const slots = useApiQuery(() => api(appointmentsRoutes.listFreeSlots, {}), []);
  const { failure, busy, run } = useSubmit(() => {
    setSlotId("");
    void slots.reload();
    onDone();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api(appointmentsRoutes.convokePerson, { params: { personId }, body: { purpose, slotId } }),
    );
  };
  const slotError = failure?.fieldErrors().slotId;
  return (
    <form onSubmit={submit} aria-labelledby="convoquer">
      <h2 id="convoquer" className="fr-h5">
        Convoquer sur un créneau
      </h2>
      <p className="fr-text--sm">
        La convocation part par e-mail (avec le courrier PDF et l'événement d'agenda) et par SMS ; un rappel
        est envoyé 48 h avant.
      </p>
      <PurposeSelect value={purpose} onChange={setPurpose} />
      <Select
        label="Créneau"
        hint="Les créneaux libres de votre structure pour les 4 semaines à venir"
        state={slotError ? "error" : "default"}
        stateRelatedMessage={slotError ? "Choisissez un créneau" : undefined}
        nativeSelectProps={{ value: slotId, required: true, onChange: (e) => setSlotId(e.target.value) }}
      >
        <option value="" disabled>
          {slots.state.status === "loading" ? "Chargement des créneaux…" : "Sélectionnez un créneau"}
        </option>
        {slots.state.status === "ok" &&
          slots.state.data.slots.map((s) => (
            <option key={s.id} value={s.id}>
              {slotLabel(s)}
            </option>
          ))}
      </Select>
      {failure && !slotError && (
        <Alert
          severity={failure.status === 409 ? "warning" : "error"}
          small
          role="alert"
          className="fr-mb-2w"
          description={failure.message}
        />
      )}
      <Button type="submit" disabled={busy}>
        Convoquer la personne
      </Button>
    </form>
  );
}
