import { z } from "zod";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { appointmentView, displayName, fileOf } from "../appointments.load";
import { appointmentsPolicy } from "../appointments.policy";
import { appointmentsRepository } from "../appointments.repository";

/** A person's appointments (invitations, upcoming, past), newest first, for whoever may read the file. */
export const listPersonAppointments = useCase(
  "ListPersonAppointments",
  z.object({ personId: z.string().uuid() }),
  async ({ tx, actor, input, clock }) => {
    const file = await fileOf(tx, input.personId);
    const subject = { personId: input.personId, section: "rendez_vous", purpose: "support" } as const;
    assertCan(appointmentsPolicy.view(actor, file), "appointments.read", subject);
    const rows = await appointmentsRepository.ofPerson(tx, input.personId);
    await audit.record(tx, clock, actor, { action: "appointments.read", ...subject });
    const now = clock.now();
    const person = await appointmentsRepository.person(tx, file.personId);
    return {
      personName: person ? displayName(person) : "",
      items: await Promise.all(rows.map((a) => appointmentView(tx, actor, a, file, now))),
    };
  },
);

/** My appointments and invitations (personal space). */
export const listMyAppointments = useCase(
  "ListMyAppointments",
  z.object({}),
  async ({ tx, actor, clock }) => {
    assertCan(actor.kind === "person", "appointments.read");
    const file = await fileOf(tx, actor.id);
    assertCan(appointmentsPolicy.view(actor, file), "appointments.read");
    const rows = await appointmentsRepository.ofPerson(tx, file.personId);
    await audit.record(tx, clock, actor, {
      action: "appointments.read",
      section: "rendez_vous",
      purpose: "support",
      personId: file.personId,
    });
    const now = clock.now();
    const person = await appointmentsRepository.person(tx, file.personId);
    return {
      personName: person ? displayName(person) : "",
      items: await Promise.all(rows.map((a) => appointmentView(tx, actor, a, file, now))),
    };
  },
);
