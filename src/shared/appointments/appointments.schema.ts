// Appointments' views and inputs, shared by the server and the web app (parcours.md §4).
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { timeSchemaPattern } from "./appointments.rules";
import { appointmentStatuses, attendanceStatuses } from "./appointments.status";

export const appointmentIdSchema = z.string().uuid();
export const slotIdSchema = z.string().uuid();

export const appointmentPurposes = [
  "PREMIER_RDV_ACCOMPAGNEMENT",
  "SUIVI",
  "POINT_ETAPE",
  "COLLECTIF",
] as const;
export type AppointmentPurpose = (typeof appointmentPurposes)[number];
export const appointmentPurposeLabels: Record<AppointmentPurpose, string> = {
  PREMIER_RDV_ACCOMPAGNEMENT: "Premier rendez-vous d'accompagnement",
  SUIVI: "Rendez-vous de suivi",
  POINT_ETAPE: "Point d'étape",
  COLLECTIF: "Séance collective",
};

export const slotModalites = ["SUR_PLACE", "TELEPHONE", "VISIO"] as const;
export type SlotModalite = (typeof slotModalites)[number];
export const slotModaliteLabels: Record<SlotModalite, string> = {
  SUR_PLACE: "Sur place",
  TELEPHONE: "Par téléphone",
  VISIO: "En visio",
};

export const slotReceptions = ["INDIVIDUEL", "COLLECTIF"] as const;
export type SlotReception = (typeof slotReceptions)[number];
export const slotReceptionLabels: Record<SlotReception, string> = {
  INDIVIDUEL: "Entretien individuel",
  COLLECTIF: "Séance collective",
};

const timeSchema = z.string().regex(timeSchemaPattern, "Heure attendue au format HH:MM");

export const createSlotsBodySchema = z
  .object({
    /** whose agenda (a professional of the same structure); default: the author */
    professionalId: z.string().uuid().optional(),
    date: localDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    reception: z.enum(slotReceptions).default("INDIVIDUEL"),
    title: z.string().trim().max(200).optional(),
    capacity: z.coerce.number().int().min(1, "Au moins une place").max(50, "50 places au plus").default(1),
    modalite: z.enum(slotModalites),
    address: z.string().trim().max(300).optional(),
    /** the same slot on this many consecutive weeks (1: a single slot) */
    repeatWeeks: z.coerce
      .number()
      .int()
      .min(1, "Au moins une semaine")
      .max(26, "26 semaines au plus")
      .default(1),
  })
  .superRefine((v, ctx) => {
    if (v.endTime <= v.startTime)
      ctx.addIssue({
        code: "custom",
        path: ["endTime"],
        message: "L'heure de fin doit suivre l'heure de début",
      });
    if (v.reception === "COLLECTIF" && !v.title)
      ctx.addIssue({ code: "custom", path: ["title"], message: "Donnez un titre à la séance collective" });
    if (v.reception === "INDIVIDUEL" && v.capacity !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["capacity"],
        message: "Un entretien individuel n'a qu'une place",
      });
  });
export type CreateSlotsBody = z.input<typeof createSlotsBodySchema>;

export const bookingViewSchema = z.object({
  appointmentId: z.string().uuid(),
  personId: z.string().uuid(),
  personName: z.string(),
  purpose: z.enum(appointmentPurposes),
  status: z.enum(appointmentStatuses),
  version: z.number().int(),
});

export const slotViewSchema = z.object({
  id: slotIdSchema,
  structureId: z.string().uuid(),
  professionalId: z.string().uuid(),
  professionalName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  bookedCount: z.number().int(),
  reception: z.enum(slotReceptions),
  title: z.string().nullable(),
  modalite: z.enum(slotModalites),
  address: z.string().nullable(),
  /** who is booked (professionals' agenda only) */
  bookings: z.array(bookingViewSchema),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const agendaQuerySchema = z.object({
  /** any day of the week to show; default: this week */
  week: localDateSchema.optional(),
  professionalId: z.string().uuid().optional(),
});
export const agendaViewSchema = z.object({
  /** Monday of the week shown */
  week: localDateSchema,
  structureId: z.string().uuid(),
  structureName: z.string(),
  professionalId: z.string().uuid().nullable(),
  professionals: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  slots: z.array(slotViewSchema),
});
export type AgendaView = z.infer<typeof agendaViewSchema>;

export const slotListSchema = z.object({ slots: z.array(slotViewSchema) });

export const appointmentActions = ["book", "cancel", "record_attendance"] as const;

export const appointmentViewSchema = z.object({
  id: appointmentIdSchema,
  personId: z.string().uuid(),
  personName: z.string(),
  structureId: z.string().uuid(),
  structureName: z.string(),
  purpose: z.enum(appointmentPurposes),
  status: z.enum(appointmentStatuses),
  /** optimistic-lock counter: send it back with every change */
  version: z.number().int(),
  slot: slotViewSchema.omit({ bookings: true }).nullable(),
  invitedAt: z.string().nullable(),
  invitationExpiresOn: localDateSchema.nullable(),
  bookedByKind: z.enum(["person", "professional"]).nullable(),
  bookedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** what this actor may do now (from the lifecycle table and the policy) */
  actions: z.array(z.enum(appointmentActions)),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const appointmentListSchema = z.object({
  /** the person whose appointments these are */
  personName: z.string(),
  items: z.array(appointmentViewSchema),
});
export type AppointmentList = z.infer<typeof appointmentListSchema>;

export const inviteBodySchema = z.object({ purpose: z.enum(appointmentPurposes) });
export const convokeBodySchema = z.object({ purpose: z.enum(appointmentPurposes), slotId: slotIdSchema });
export const bookBodySchema = z.object({ slotId: slotIdSchema, version: z.number().int() });
export const cancelBodySchema = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(1, "Indiquez la raison de l'annulation").max(500),
});
export const attendanceBodySchema = z.object({
  version: z.number().int(),
  status: z.enum(attendanceStatuses),
});
