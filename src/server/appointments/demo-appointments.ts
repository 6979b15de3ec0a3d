// Demo agenda: deterministic slots for the next 4 weeks in the agendas of the demo référents (the demo
// accounts with the conseiller role): individual 45-minute interviews on working days, and a weekly
// collective « information droits et devoirs » session. Ids derive from the professional, day and time,
// so a rerun inserts nothing new (ON CONFLICT DO NOTHING); a later run adds the days that came into range.
import { createHash } from "node:crypto";
import { parisInstant } from "../../shared/appointments/appointments.rules";
import { addDays, parisDate } from "../../shared/kernel/dates";
import type { Db } from "../db/connect";
import { demoLogins } from "../demo/demo-territory";
import type { Clock } from "../kernel/clock";
import type { AppointmentSlotsTable } from "./appointments.tables";

const HORIZON_DAYS = 28;
const INDIVIDUAL_TIMES: [string, string][] = [
  ["09:00", "09:45"],
  ["10:00", "10:45"],
  ["11:00", "11:45"],
  ["14:00", "14:45"],
  ["15:00", "15:45"],
  ["16:30", "17:15"],
];
const COLLECTIVE: [string, string] = ["14:00", "16:00"];

function slotId(name: string): string {
  const h = createHash("sha1").update(`socle-demo-appointment-slot:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Returns the number of slots created. */
export async function seedDemoAppointments(tx: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const emails = demoLogins.filter((l) => l.roles.includes("conseiller")).map((l) => l.email);
  const pros = await tx
    .selectFrom("professionals as p")
    .innerJoin("structures as s", "s.id", "p.structure_id")
    .select(["p.id", "p.email", "p.structure_id as structureId", "s.address"])
    .where("p.email", "in", emails)
    .orderBy("p.email")
    .execute();
  const today = parisDate(now);
  const rows: Omit<AppointmentSlotsTable, "booked_count">[] = [];
  for (const pro of pros) {
    for (let i = 0; i < HORIZON_DAYS; i++) {
      const day = addDays(today, i);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
      if (weekday === 0 || weekday === 6) continue;
      const times: { start: string; end: string; collective: boolean }[] =
        weekday === 2
          ? [{ start: COLLECTIVE[0], end: COLLECTIVE[1], collective: true }]
          : INDIVIDUAL_TIMES.map(([start, end]) => ({ start, end, collective: false }));
      if (weekday === 2)
        times.push(
          ...INDIVIDUAL_TIMES.slice(0, 3).map(([start, end]) => ({ start, end, collective: false })),
        );
      for (const t of times) {
        const startsAt = parisInstant(day, t.start);
        if (startsAt.getTime() <= now.getTime()) continue;
        rows.push({
          id: slotId(`${pro.email}:${day}:${t.start}`),
          structure_id: pro.structureId,
          professional_id: pro.id,
          starts_at: startsAt,
          ends_at: parisInstant(day, t.end),
          capacity: t.collective ? 12 : 1,
          reception: t.collective ? "COLLECTIF" : "INDIVIDUEL",
          title: t.collective ? "Information collective : vos droits et devoirs" : null,
          modalite: i % 5 === 4 && !t.collective ? "TELEPHONE" : "SUR_PLACE",
          address: i % 5 === 4 && !t.collective ? null : pro.address,
          series_id: null,
          created_by: pro.id,
          created_at: now,
        });
      }
    }
  }
  if (rows.length === 0) return 0;
  const created = await tx
    .insertInto("appointment_slots")
    .values(rows)
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .execute();
  return created.length;
}
