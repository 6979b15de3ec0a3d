import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parisDate } from "../../shared/kernel/dates";
import { insertProfessional, insertStructure } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "../db/connect";
import { fixedClock } from "../kernel/clock";
import { seedDemoAppointments } from "./demo-appointments";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

test("demo slots: the demo référent's next 4 weeks, working days only, future only, and a rerun creates nothing", async () => {
  const ft = await insertStructure(h.db, {});
  const referente = await insertProfessional(h.db, { structure: ft, email: "conseiller@demo.socle.fr" });
  // Monday 7 December 2026, 12:00 in Paris
  const clock = fixedClock("2026-12-07T11:00:00Z");
  const created = await seedDemoAppointments(h.db, clock);
  const slots = await h.db
    .selectFrom("appointment_slots")
    .select(["starts_at as startsAt", "reception", "professional_id as pro"])
    .orderBy("starts_at")
    .execute();
  assert.equal(created, slots.length);
  // 20 working days: 16 ordinary days × 6 interviews + 4 Tuesdays × (1 session + 3 interviews), minus the
  // morning of the first day (3 interviews already past at noon)
  assert.equal(slots.length, 16 * 6 + 4 * 4 - 3);
  assert.ok(slots.every((s) => s.pro === referente.id));
  assert.equal(slots.filter((s) => s.reception === "COLLECTIF").length, 4);
  assert.ok(slots[0]!.startsAt.getTime() > clock.now().getTime());
  const weekdays = new Set(slots.map((s) => new Date(`${parisDate(s.startsAt)}T00:00:00Z`).getUTCDay()));
  assert.ok(!weekdays.has(0) && !weekdays.has(6));
  assert.equal(await seedDemoAppointments(h.db, clock), 0);
});
