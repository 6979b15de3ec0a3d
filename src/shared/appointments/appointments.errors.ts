// The appointments error catalogue: stable codes, French messages, identifiers only in details.
import { ConflictError, NotFoundError, ValidationError } from "../kernel/errors";

export const appointmentsErrors = {
  notFound: (id: string) =>
    new NotFoundError("appointments.not_found", "Ce rendez-vous est introuvable.", { appointmentId: id }),
  personNotFound: (personId: string) =>
    new NotFoundError("appointments.person_not_found", "Cette personne est introuvable.", { personId }),
  slotNotFound: (slotId: string) =>
    new NotFoundError("appointments.slot_not_found", "Ce créneau est introuvable.", { slotId }),
  professionalNotInStructure: (professionalId: string) =>
    new ValidationError(
      "appointments.professional_not_in_structure",
      "Ce ou cette professionnel·le ne fait pas partie de votre structure.",
      { professionalId },
    ),
  slotFull: (slotId: string) =>
    new ConflictError(
      "appointments.slot_full",
      "Ce créneau vient d'être réservé par quelqu'un d'autre : il n'y a plus de place. Choisissez un autre créneau.",
      { slotId },
    ),
  slotPast: (slotId: string) =>
    new ConflictError(
      "appointments.slot_past",
      "Ce créneau est déjà passé ou commencé. Choisissez un autre créneau.",
      { slotId },
    ),
  slotOtherStructure: (slotId: string) =>
    new ConflictError(
      "appointments.slot_other_structure",
      "Ce créneau n'appartient pas à la structure qui vous a invité·e. Choisissez un créneau proposé.",
      { slotId },
    ),
  slotInPast: () =>
    new ValidationError("appointments.slot_in_past", "On ne peut pas ouvrir un créneau dans le passé."),
  alreadyInvited: (personId: string) =>
    new ConflictError(
      "appointments.already_invited",
      "Une invitation pour ce motif attend déjà la réponse de la personne : prenez le rendez-vous pour elle ou annulez l'invitation.",
      { personId },
    ),
  alreadyBooked: (slotId: string) =>
    new ConflictError("appointments.already_booked", "Cette personne a déjà un rendez-vous sur ce créneau.", {
      slotId,
    }),
  versionConflict: (id: string, currentVersion: number) =>
    new ConflictError(
      "appointments.version_conflict",
      "Ce rendez-vous a été modifié entre-temps : rechargez la page pour voir son état, puis refaites votre action.",
      { appointmentId: id, currentVersion },
    ),
  attendanceTooEarly: (id: string) =>
    new ConflictError(
      "appointments.attendance_too_early",
      "La présence ou l'absence se note à partir du jour du rendez-vous.",
      { appointmentId: id },
    ),
  noSlot: (id: string) =>
    new NotFoundError("appointments.no_slot", "Ce rendez-vous n'a pas encore de date.", {
      appointmentId: id,
    }),
};
