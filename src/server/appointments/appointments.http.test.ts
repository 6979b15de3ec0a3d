// HTTP plumbing of the appointments routes: slots, invitation, online booking, the .ics and PDF downloads,
// and the 400/401/403/409 shapes.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addDays, parisDate } from "../../shared/kernel/dates";
import { type TestApp, testApp } from "../../test-support/app";
import { injectBrowser, login } from "../../test-support/browser";
import { insertPerson, insertProfessional, insertStructure } from "../../test-support/builders";

let t: TestApp;
let personId: string;
let otherPersonId: string;
// a day in the future whatever the day the suite runs
const day = addDays(parisDate(new Date()), 3);
before(async () => {
  t = await testApp();
  const ft = await insertStructure(t.handle.db, { name: "France Travail RDV" });
  const ml = await insertStructure(t.handle.db, { name: "Mission locale RDV" });
  await insertProfessional(t.handle.db, { structure: ft, email: "agenda@test.socle.fr" });
  await insertProfessional(t.handle.db, { structure: ml, email: "autre.agenda@test.socle.fr" });
  personId = (await insertPerson(t.handle.db, { followedBy: ft, email: "lea.rdv.http@exemple.fr" })).id;
  otherPersonId = (await insertPerson(t.handle.db, { followedBy: ft, email: "noe.rdv.http@exemple.fr" })).id;
});
after(() => t.close());

async function as(segment: "pro" | "person", email: string) {
  const b = injectBrowser(t.app, t.baseUrl);
  await login(b, segment, email);
  const { csrfToken } = JSON.parse((await b.get("/api/session")).body) as { csrfToken: string };
  return { b, csrf: { "x-csrf-token": csrfToken } };
}
const json = (r: { body: string }) => JSON.parse(r.body);

describe("appointments routes", () => {
  test("slot, invitation, online booking by the person, agenda, .ics and convocation PDF", async () => {
    const pro = await as("pro", "agenda@test.socle.fr");
    const created = await pro.b.request("POST", "/api/appointment-slots", {
      json: { date: day, startTime: "10:00", endTime: "10:45", modalite: "SUR_PLACE", repeatWeeks: 2 },
      headers: pro.csrf,
    });
    assert.equal(created.status, 200, created.body);
    const [slot] = json(created).slots;
    assert.equal(json(created).slots.length, 2);

    const invited = await pro.b.request("POST", `/api/persons/${personId}/appointment-invitations`, {
      json: { purpose: "PREMIER_RDV_ACCOMPAGNEMENT" },
      headers: pro.csrf,
    });
    assert.equal(invited.status, 200, invited.body);
    assert.equal(json(invited).status, "INVITE");

    const me = await as("person", "lea.rdv.http@exemple.fr");
    const mine = json(await me.b.get("/api/me/appointments")).items;
    assert.equal(mine.length, 1);
    const offered = json(await me.b.get(`/api/appointments/${mine[0].id}/free-slots`)).slots;
    assert.equal(offered.length, 2);
    const booked = await me.b.request("POST", `/api/appointments/${mine[0].id}/booking`, {
      json: { slotId: slot.id, version: mine[0].version },
      headers: me.csrf,
    });
    assert.equal(booked.status, 200, booked.body);
    assert.equal(json(booked).status, "PLANIFIE");

    const agenda = json(await pro.b.get(`/api/agenda?week=${day}`));
    assert.equal(agenda.slots.find((s: { id: string }) => s.id === slot.id).bookings[0].personId, personId);

    const ics = await me.b.get(`/api/appointments/${mine[0].id}/calendar`);
    assert.equal(ics.status, 200);
    assert.match(String(ics.headers["content-type"]), /text\/calendar/);
    assert.match(ics.body, /BEGIN:VEVENT/);
    const pdf = await pro.b.get(`/api/appointments/${mine[0].id}/convocation`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
  });

  test("409 when the last place has gone, 403 for another structure, 401 without session, 400 on a bad slot", async () => {
    const pro = await as("pro", "agenda@test.socle.fr");
    const { slots } = json(
      await pro.b.request("POST", "/api/appointment-slots", {
        json: { date: day, startTime: "15:00", endTime: "15:30", modalite: "TELEPHONE" },
        headers: pro.csrf,
      }),
    );
    const convoked = await pro.b.request("POST", `/api/persons/${personId}/appointments`, {
      json: { purpose: "SUIVI", slotId: slots[0].id },
      headers: pro.csrf,
    });
    assert.equal(convoked.status, 200, convoked.body);
    const full = await pro.b.request("POST", `/api/persons/${otherPersonId}/appointments`, {
      json: { purpose: "SUIVI", slotId: slots[0].id },
      headers: pro.csrf,
    });
    assert.equal(full.status, 409);
    assert.equal(json(full).code, "appointments.slot_full");

    const other = await as("pro", "autre.agenda@test.socle.fr");
    const denied = await other.b.get(`/api/persons/${personId}/appointments`);
    assert.equal(denied.status, 403);
    assert.equal(json(denied).code, "access.forbidden");
    assert.equal((await other.b.get(`/api/appointments/${json(convoked).id}/convocation`)).status, 403);

    assert.equal((await injectBrowser(t.app, t.baseUrl).get("/api/agenda")).status, 401);

    const bad = await pro.b.request("POST", "/api/appointment-slots", {
      json: { date: day, startTime: "11:00", endTime: "10:00", modalite: "VISIO" },
      headers: pro.csrf,
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /L'heure de fin doit suivre l'heure de début/);
  });
});
