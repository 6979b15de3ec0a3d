// /agenda: the structure's agenda for a week, as an accessible table per day (parcours.md §4): who is
// booked on each slot and their attendance, and the form to open slots (one, or weekly for N weeks).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { appointmentsRoutes } from "../../shared/appointments/appointments.routes";
import {
  type AgendaView,
  type CreateSlotsBody,
  type SlotModalite,
  type SlotReception,
  type SlotView,
  slotModaliteLabels,
  slotModalites,
  slotReceptionLabels,
  slotReceptions,
} from "../../shared/appointments/appointments.schema";
import { appointmentStatusLabels } from "../../shared/appointments/appointments.status";
import { addDays } from "../../shared/kernel/dates";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { type ApiError, api } from "../kernel/api-client";
import { formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { AttendanceButtons, slotDay, slotHours, slotPlace, toApiError } from "./appointments-ui";

const TITLE = "Agenda de la structure";

export function AgendaPage() {
  return (
    <RequireSession allow={(s) => s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r))}>
      {() => <Agenda />}
    </RequireSession>
  );
}

function Agenda() {
  usePageTitle(TITLE);
  const [week, setWeek] = useState<string | undefined>(undefined);
  const [professionalId, setProfessionalId] = useState("");
  const { state, reload } = useApiQuery(
    () => api(appointmentsRoutes.getAgenda, { query: { week, professionalId: professionalId || undefined } }),
    [week, professionalId],
  );
  const agenda = state.status === "ok" ? state.data : null;
  return (
    <>
      <Breadcrumb homeLinkProps={{ to: "/" }} segments={[]} currentPageLabel={TITLE} />
      <h1>{TITLE}</h1>
      {agenda && (
        <p className="fr-text--lead">
          {agenda.structureName} — semaine du {formatLocalDateLong(agenda.week)} au{" "}
          {formatLocalDateLong(addDays(agenda.week, 6))}
        </p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-5">
          <Select
            label="Professionnel·le"
            nativeSelectProps={{ value: professionalId, onChange: (e) => setProfessionalId(e.target.value) }}
          >
            <option value="">Toute la structure</option>
            {agenda?.professionals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <nav aria-label="Changer de semaine">
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-3w">
          <li>
            <Button
              type="button"
              priority="secondary"
              size="small"
              disabled={!agenda}
              onClick={() => agenda && setWeek(addDays(agenda.week, -7))}
            >
              Semaine précédente
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" size="small" onClick={() => setWeek(undefined)}>
              Cette semaine
            </Button>
          </li>
          <li>
            <Button
              type="button"
              priority="secondary"
              size="small"
              iconId="fr-icon-arrow-right-line"
              iconPosition="right"
              disabled={!agenda}
              onClick={() => agenda && setWeek(addDays(agenda.week, 7))}
            >
              Semaine suivante
            </Button>
          </li>
        </ul>
      </nav>
      {state.status === "loading" && <Loading label="Chargement de l'agenda…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {agenda && <Week agenda={agenda} onChanged={() => void reload()} />}
      <CreateSlotsForm professionals={agenda?.professionals ?? []} onDone={() => void reload()} />
    </>
  );
}

function Week({ agenda, onChanged }: { agenda: AgendaView; onChanged: () => void }) {
  if (agenda.slots.length === 0) return <p>Aucun créneau cette semaine.</p>;
  const days = new Map<string, SlotView[]>();
  for (const s of agenda.slots) {
    const d = slotDay(s.startsAt);
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return (
    <>
      {[...days].map(([day, slots]) => (
        <section key={day} aria-label={day} className="fr-mb-4w">
          <h2 className="fr-h4">{day.charAt(0).toUpperCase() + day.slice(1)}</h2>
          <div className="fr-table fr-table--no-caption">
            <table>
              <caption>Créneaux du {day}</caption>
              <thead>
                <tr>
                  <th scope="col">Horaire</th>
                  <th scope="col">Créneau</th>
                  <th scope="col">Places</th>
                  <th scope="col">Personnes inscrites et présence</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{slotHours(s)}</th>
                    <td>
                      {s.title ?? slotReceptionLabels[s.reception]}
                      <br />
                      {slotPlace(s)}, {s.professionalName}
                    </td>
                    <td>
                      {s.bookedCount} / {s.capacity}
                    </td>
                    <td>
                      {s.bookings.length === 0 && "Libre"}
                      <ul className="fr-raw-list">
                        {s.bookings.map((b) => (
                          <li key={b.appointmentId} className="fr-mb-1w">
                            <Link to={`/personnes/${b.personId}/rendez-vous`}>{b.personName}</Link> —{" "}
                            {appointmentStatusLabels[b.status]}
                            {b.status === "PLANIFIE" && (
                              <AttendanceButtons
                                appointmentId={b.appointmentId}
                                version={b.version}
                                personName={b.personName}
                                onDone={onChanged}
                              />
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

type Draft = {
  professionalId: string;
  date: string;
  startTime: string;
  endTime: string;
  reception: SlotReception;
  title: string;
  capacity: string;
  modalite: SlotModalite;
  address: string;
  repeatWeeks: string;
};

function CreateSlotsForm({
  professionals,
  onDone,
}: {
  professionals: AgendaView["professionals"];
  onDone: () => void;
}) {
  const [d, setD] = useState<Draft>({
    professionalId: "",
    date: "",
    startTime: "09:00",
    endTime: "09:45",
    reception: "INDIVIDUEL",
    title: "",
    capacity: "1",
    modalite: "SUR_PLACE",
    address: "",
    repeatWeeks: "1",
  });
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const errors = failure?.fieldErrors() ?? {};
  const field = (k: keyof Draft) => ({
    state: errors[k] ? ("error" as const) : ("default" as const),
    stateRelatedMessage: errors[k],
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setCreated(null);
    const body: CreateSlotsBody = {
      ...(d.professionalId ? { professionalId: d.professionalId } : {}),
      date: d.date,
      startTime: d.startTime,
      endTime: d.endTime,
      reception: d.reception,
      ...(d.title.trim() ? { title: d.title.trim() } : {}),
      capacity: d.reception === "INDIVIDUEL" ? 1 : Number(d.capacity),
      modalite: d.modalite,
      ...(d.address.trim() ? { address: d.address.trim() } : {}),
      repeatWeeks: Number(d.repeatWeeks),
    };
    try {
      const r = await api(appointmentsRoutes.createSlots, { body });
      setCreated(r.slots.length);
      onDone();
    } catch (err) {
      setFailure(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="ouvrir" className="fr-mt-6w">
      <h2 id="ouvrir">Ouvrir des créneaux</h2>
      {created !== null && (
        <Alert
          severity="success"
          small
          role="status"
          className="fr-mb-2w"
          description={`${created} créneau${created > 1 ? "x" : ""} ouvert${created > 1 ? "s" : ""}.`}
        />
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select
          label="Agenda de"
          nativeSelectProps={{ value: d.professionalId, onChange: set("professionalId") }}
        >
          <option value="">Mon agenda</option>
          {professionals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Date"
              {...field("date")}
              nativeInputProps={{ type: "date", required: true, value: d.date, onChange: set("date") }}
            />
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Input
              label="Heure de début"
              {...field("startTime")}
              nativeInputProps={{
                type: "time",
                required: true,
                value: d.startTime,
                onChange: set("startTime"),
              }}
            />
          </div>
          <div className="fr-col-6 fr-col-md-4">
            <Input
              label="Heure de fin"
              {...field("endTime")}
              nativeInputProps={{ type: "time", required: true, value: d.endTime, onChange: set("endTime") }}
            />
          </div>
        </div>
        <RadioButtons
          legend="Type de séance"
          name="reception"
          orientation="horizontal"
          options={slotReceptions.map((r) => ({
            label: slotReceptionLabels[r],
            nativeInputProps: {
              value: r,
              checked: d.reception === r,
              onChange: () => setD({ ...d, reception: r }),
            },
          }))}
        />
        {d.reception === "COLLECTIF" && (
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-8">
              <Input
                label="Titre de la séance collective"
                {...field("title")}
                nativeInputProps={{ value: d.title, maxLength: 200, onChange: set("title") }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input
                label="Nombre de places"
                {...field("capacity")}
                nativeInputProps={{
                  type: "number",
                  min: 1,
                  max: 50,
                  value: d.capacity,
                  onChange: set("capacity"),
                }}
              />
            </div>
          </div>
        )}
        <Select
          label="Modalité"
          nativeSelectProps={{
            value: d.modalite,
            onChange: (e) => setD({ ...d, modalite: e.target.value as SlotModalite }),
          }}
        >
          {slotModalites.map((m) => (
            <option key={m} value={m}>
              {slotModaliteLabels[m]}
            </option>
          ))}
        </Select>
        {d.modalite === "SUR_PLACE" && (
          <Input
            label="Adresse"
            hintText="Par défaut, l'adresse de la structure"
            {...field("address")}
            nativeInputProps={{ value: d.address, maxLength: 300, onChange: set("address") }}
          />
        )}
        <Input
          label="Répéter chaque semaine pendant (nombre de semaines)"
          hintText="1 : un seul créneau"
          {...field("repeatWeeks")}
          nativeInputProps={{
            type: "number",
            min: 1,
            max: 26,
            value: d.repeatWeeks,
            onChange: set("repeatWeeks"),
          }}
        />
        {failure && (
          <Alert severity="error" small role="alert" className="fr-mb-2w" description={failure.message} />
        )}
        <Button type="submit" disabled={busy}>
          Ouvrir les créneaux
        </Button>
      </form>
    </section>
  );
}
