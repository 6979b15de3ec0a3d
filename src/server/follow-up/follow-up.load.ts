// Reads shared by the follow-up use cases: the person's file scope, the rules applied to the facts of a
// pathway, and the « Suivi » view an actor gets. Use cases do not call each other.
import { followUpErrors } from "../../shared/follow-up/follow-up.errors";
import {
  type AttendanceFact,
  cordeDeRappelDue,
  dropoutSignals,
  followUpSettings,
  nextPointEtape,
} from "../../shared/follow-up/follow-up.rules";
import type { FollowUpView, JobSlot } from "../../shared/follow-up/follow-up.schema";
import { type LocalDate, parisDate } from "../../shared/kernel/dates";
import type { WorkItemType } from "../../shared/work-items/work-items.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { followUpPolicy } from "./follow-up.policy";
import { type FollowUpFacts, followUpRepository } from "./follow-up.repository";
import { jobDifficultyRepository } from "./job-difficulty.repository";

export const followUpItemTypes: readonly WorkItemType[] = [
  "POINT_ETAPE_A_REALISER",
  "CORDE_DE_RAPPEL",
  "DECROCHAGE_A_TRAITER",
  "RETOUR_EMPLOI_DIFFICULTE",
];

export async function fileOf(tx: Db, personId: string): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw followUpErrors.personNotFound(personId);
  return file;
}

const day = (d: Date | string | null | undefined): LocalDate | null =>
  d == null ? null : parisDate(d instanceof Date ? d : new Date(d));

/** The follow-up rules on one pathway's facts, on `today`. */
export function evaluate(
  f: FollowUpFacts,
  attendance: readonly { at: Date; status: string }[],
  today: LocalDate,
) {
  const settings = followUpSettings({
    pointEtapeMonths: f.pointEtapeMonths,
    dropoutWeeks: f.dropoutWeeks,
    cordeDeRappelMonths: f.cordeDeRappelMonths,
  });
  const accompanimentStart = day(f.decidedAt);
  const appointments: AttendanceFact[] = attendance.map((a) => ({ date: parisDate(a.at), status: a.status }));
  const honoured = appointments
    .filter((a) => a.status === "HONORE" && a.date <= today)
    .map((a) => a.date)
    .sort();
  const fromFile = day(f.lastContactAt);
  const lastHonoured = honoured.length > 0 ? honoured[honoured.length - 1]! : null;
  const lastContactOn =
    fromFile && lastHonoured
      ? fromFile > lastHonoured
        ? fromFile
        : lastHonoured
      : (fromFile ?? lastHonoured);
  const inAccompaniment = f.statutSuivi === "ACTIF" && accompanimentStart !== null;
  return {
    settings,
    accompanimentStart,
    lastContactOn,
    nextPointEtape: inAccompaniment
      ? nextPointEtape(
          {
            accompanimentStart,
            lastContractSignature: day(f.lastSignedAt),
            lastPointEtape: f.lastPointEtape,
          },
          settings.pointEtapeMonths,
        )
      : null,
    cordeDeRappel: inAccompaniment
      ? cordeDeRappelDue(accompanimentStart, f.lastCordeDeRappel, settings.cordeDeRappelMonths)
      : null,
    dropout: inAccompaniment
      ? dropoutSignals(
          { today, accompanimentStart, lastContact: lastContactOn, appointments },
          settings.dropoutWeeks,
        )
      : null,
  };
}

/** The « Suivi » view of a person's file for a professional. */
export async function followUpView(
  tx: Db,
  actor: Actor,
  file: PersonFileScope,
  today: LocalDate,
): Promise<FollowUpView> {
  const personId = file.personId;
  const person = await followUpRepository.person(tx, personId);
  const [facts] = await followUpRepository.facts(tx, { personId });
  const attendance = facts ? ((await followUpRepository.attendance(tx, [personId])).get(personId) ?? []) : [];
  const e = facts ? evaluate(facts, attendance, today) : null;
  const exit = facts ? await followUpRepository.exitOf(tx, facts.parcoursId) : undefined;
  const answers = exit ? await followUpRepository.answers(tx, exit.id) : [];
  const handled = exit ? await jobDifficultyRepository.ofExit(tx, exit.id) : [];
  const canRecord = followUpPolicy.record(actor, file);
  const open = facts !== undefined && facts.statutSuivi !== "CLOS";
  const openItems = await followUpRepository.openItemsOf(tx, personId, followUpItemTypes);
  const difficultyOpen = openItems.some((i) => i.type === "RETOUR_EMPLOI_DIFFICULTE");
  return {
    personId,
    personName: person ? `${person.firstNames} ${person.usageName ?? person.birthName}` : "",
    parcours: facts
      ? {
          id: facts.parcoursId,
          statutSuivi: facts.statutSuivi,
          version: facts.version,
          accompanimentStart: e?.accompanimentStart ?? null,
        }
      : null,
    settings: e?.settings ?? followUpSettings(null),
    nextPointEtape: e?.nextPointEtape ?? null,
    cordeDeRappel: e?.cordeDeRappel ?? null,
    lastContactOn: e?.lastContactOn ?? null,
    dropout: e?.dropout ?? null,
    openItems: openItems.map((i) => ({ type: i.type, dueDate: i.dueDate })),
    exit: exit
      ? {
          motif: exit.motif,
          detail: (exit.detail as NonNullable<FollowUpView["exit"]>["detail"]) ?? null,
          exitDate: exit.exit_date,
          jobStartDate: exit.job_start_date,
          comment: exit.comment,
          recordedAt: exit.recorded_at.toISOString(),
          answers: answers.map((a) => ({
            answer: a.answer,
            slot: a.slot as JobSlot | null,
            comment: a.comment,
            answeredAt: a.answered_at.toISOString(),
          })),
          difficultiesHandled: handled.map((h) => ({
            note: h.note,
            recordedAt: h.recordedAt.toISOString(),
            recordedBy: h.firstName ? `${h.firstName} ${h.lastName}` : null,
          })),
        }
      : null,
    actions: [
      ...(canRecord && open ? (["exit"] as const) : []),
      ...(canRecord && open && facts.statutSuivi === "ACTIF" ? (["checkpoint"] as const) : []),
      ...(canRecord && difficultyOpen ? (["job_difficulty"] as const) : []),
    ],
  };
}
