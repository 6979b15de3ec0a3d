// The demo territory's past: ~18 months of synthetic pathways so that the steering dashboards (/pilotage)
// show figures at every level of the drill-down. The Somme gets most of the volume, a few other
// départements a thinner history (with one département council and one France Travail agency each, made
// for the demo). For every synthetic person: a pathway (T0 spread over 18 months), an orientation decided
// and notified (most within 15 days, some late; a few persons leave before any orientation), a named
// référent among the staff of the demo structures (never one of the demo logins), a diagnostic, a signed
// contract with a weekly programme (some of at least 15 hours), past appointments (honoured, absent,
// excused) and, for some, a qualified exit with its reason.
//
// Everything is in the past and settled: no orientation waits for a decision, no work item is opened and no
// message is queued, so the demo queues and mailbox stay as the hand-made demo left them. The rows are
// generated in SQL (INSERT … SELECT over generate_series, values drawn from md5 of a stable key), so the
// same day always gives the same history; ids derive from the same keys and a rerun inserts nothing.
// The names are synthetic (the demo's lists, without the surnames of the hand-made demo persons), and the
// persons have no NIR, no CAF file, no e-mail and no phone.
import { createHash } from "node:crypto";
import { type RawBuilder, sql } from "kysely";
import { parisDate } from "../../shared/kernel/dates";
import { withLuhnDigit } from "../../shared/organisations/siret";
import { normalizeSearchText } from "../../shared/persons/search-text";
import { auditRepository } from "../audit/audit.repository";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import { DEMO_PERSON_TO_ORIENT } from "../orientation/demo-orientations";
import {
  DEMO_DEPARTEMENT,
  demoLogins,
  demoStructures,
  firstNamesF,
  firstNamesM,
  lastNames,
} from "./demo-territory";

/** Synthetic persons per département: the Somme, then a thinner history elsewhere (3 régions). */
export const demoHistoryVolumes: { departement: string; persons: number }[] = [
  { departement: DEMO_DEPARTEMENT, persons: 2400 },
  { departement: "02", persons: 320 },
  { departement: "60", persons: 320 },
  { departement: "62", persons: 320 },
  { departement: "75", persons: 320 },
  { departement: "69", persons: 320 },
];

/** The span of T0: from 18 months ago to 10 days ago (the last days belong to the demo's queue). */
const OLDEST_T0_DAYS = 548;
const NEWEST_T0_DAYS = 10;

/** A v5-like UUID from the SHA-1 of a name (the same scheme as seed-demo.ts's `demoUuid`). */
const sha1Uuid = (name: string) => {
  const h = createHash("sha1").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
};

/**
 * The id SQL gives a history row: md5 of 'socle-demo-history:<kind>:<key>' with the version nibble set to 4 and
 * the variant nibble to 8 (the SQL does the same with `overlay`), so that it is an RFC 4122 UUID: the API's schemas (zod `uuid()`) refuse
 * any other, and raw md5 casts made GET /api/persons answer 500 for a structure following history persons.
 */
export const historyRowId = (kind: string, key: string) => {
  const h = createHash("md5").update(`socle-demo-history:${kind}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** A number in [0, 1) drawn from md5 of `salt` and the row's key (`alias.k`): the same key, the same draw. */
const u = (salt: string, alias = "p"): RawBuilder<number> =>
  sql`(('x' || substr(md5(${`${salt}:`} || ${sql.ref(`${alias}.k`)}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/** A whole number of days in [min, max], drawn like `u`. */
const days = (salt: string, min: number, max: number, alias = "p"): RawBuilder<number> =>
  sql`(${sql.lit(min)} + floor(${u(salt, alias)} * ${sql.lit(max - min + 1)})::int)`;

/** A Paris wall-clock time on a date column or expression, as a timestamptz. */
const at = (date: RawBuilder<unknown>, time: string): RawBuilder<Date> =>
  sql`((${date})::date + ${sql.lit(time)}::time) AT TIME ZONE 'Europe/Paris'`;

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export type HistoryReport = { persons: number; byDepartement: Record<string, number> };

/**
 * Seeds the history once: when its first person exists, nothing is done. `tx` must be a transaction (the
 * working tables are dropped at commit).
 */
export async function seedDemoHistory(tx: Db, clock: Clock): Promise<HistoryReport> {
  const firstKey = `${demoHistoryVolumes[0]!.departement}:1`;
  const already = await tx
    .selectFrom("persons")
    .select("id")
    .where("id", "=", historyRowId("person", firstKey))
    .executeTakeFirst();
  if (already) return { persons: 0, byDepartement: {} };

  const now = clock.now();
  const today = parisDate(now);
  const { structures, deciders } = await historyStructures(tx, now);
  const staff = await tx
    .selectFrom("professionals")
    .select(["id", "structure_id as structureId", "roles"])
    .where("structure_id", "in", [...structures.map((s) => s.id), ...deciders.map((d) => d.structureId)])
    .where(
      "email",
      "not in",
      demoLogins.map((l) => l.email),
    )
    .orderBy("email")
    .execute();
  const staffOf = (structureId: string, role: string) =>
    staff.filter((p) => p.structureId === structureId && p.roles.includes(role)).map((p) => p.id);
  const structureRows = structures
    .map((s) => ({ ...s, staff: `{${staffOf(s.id, "conseiller").join(",")}}` }))
    .filter((s) => s.staff !== "{}");
  const deciderRows = deciders.map((d) => ({
    departement: d.departement,
    professional_id:
      staffOf(d.structureId, "charge_orientation")[0] ?? staffOf(d.structureId, "conseiller")[0],
  }));
  if (deciderRows.some((d) => !d.professional_id))
    throw new Error("Historique de démonstration : un département n'a pas de chargé·e d'orientation.");

  const avoided = new Set(["Durand", DEMO_PERSON_TO_ORIENT.birthName]);
  const surnames = lastNames.filter((n) => !avoided.has(n));
  const upper = json(surnames.map((n) => n.toUpperCase()));
  const norm = (xs: readonly string[]) => json(xs.map((n) => normalizeSearchText(n)));
  const pick = (list: RawBuilder<unknown>, draw: string, length: number) =>
    sql`(${list} ->> floor(h.${sql.raw(draw)} * ${sql.lit(length)})::int)`;

  // 1. the persons and the facts drawn for each, in a working table. The Somme's persons live anywhere,
  // weighted by population; elsewhere in the 3 most populated communes: person r of [0, total) lives in the
  // commune whose [lo, hi) holds r.
  await sql`CREATE TEMP TABLE demo_history_communes ON COMMIT DROP AS
    SELECT code, dep, zone, postal_code, hi - weight AS lo, hi, total
    FROM (
      SELECT code, departement_code AS dep, zone_emploi_code AS zone, postal_codes[1] AS postal_code,
        greatest(coalesce(population, 1), 1)::bigint AS weight,
        sum(greatest(coalesce(population, 1), 1)::bigint) OVER (PARTITION BY departement_code ORDER BY code) AS hi,
        sum(greatest(coalesce(population, 1), 1)::bigint) OVER (PARTITION BY departement_code) AS total
      FROM (
        SELECT c.*, row_number() OVER (PARTITION BY departement_code ORDER BY population DESC NULLS LAST, code) AS rk
        FROM communes c
        WHERE departement_code IN (SELECT v.departement FROM jsonb_to_recordset(${json(demoHistoryVolumes)}) AS v(departement text))
      ) ranked
      WHERE departement_code = ${DEMO_DEPARTEMENT} OR rk <= 3
    ) weighted`.execute(tx);
  await sql`CREATE INDEX ON demo_history_communes (dep, hi)`.execute(tx);
  await sql`CREATE TEMP TABLE demo_history_structures ON COMMIT DROP AS
    SELECT x.id, x.departement, x.organisme, x.zones, x.staff::uuid[] AS staff
    FROM jsonb_to_recordset(${json(structureRows)}) AS x(id uuid, departement text, organisme text, zones text, staff text)`.execute(
    tx,
  );
  await sql`CREATE TEMP TABLE demo_history ON COMMIT DROP AS
    WITH v AS (SELECT * FROM jsonb_to_recordset(${json(demoHistoryVolumes)}) AS v(departement text, persons int)),
    t AS (SELECT dep, max(total) AS total FROM demo_history_communes GROUP BY dep),
    p AS (
      SELECT v.departement AS dep, g.i, v.departement || ':' || g.i AS k, t.total AS communes_weight
      FROM v JOIN t ON t.dep = v.departement CROSS JOIN LATERAL generate_series(1, v.persons) AS g(i)
    ),
    d AS (
      SELECT p.*, ${u("sex")} < 0.55 AS female, ${u("age")} < 0.22 AS young,
        ${u("first")} AS u_first, ${u("last")} AS u_last, ${u("age-years")} AS u_age,
        ${u("birth-month")} AS u_month, ${u("birth-day")} AS u_day,
        ${sql`${today}::date`} - ${days("t0", NEWEST_T0_DAYS, OLDEST_T0_DAYS)} AS t0,
        ${u("origine")} AS u_origine, ${u("oriented")} AS u_oriented, ${u("delay")} AS u_delay,
        ${days("delay-days", 0, 1000)} AS delay_draw, ${u("notified")} AS u_notified,
        ${u("parcours")} AS u_parcours, ${u("organisme")} AS u_organisme, ${u("structure")} AS u_structure,
        ${u("referent")} AS u_referent, ${days("referent-days", 1, 12)} AS referent_days,
        ${u("exit")} AS u_exit, ${days("exit-days", 45, 450)} AS exit_days, ${u("motif")} AS u_motif,
        ${days("never-days", 20, 90)} AS never_days, ${days("job-days", 0, 10)} AS job_days,
        ${u("diag")} AS u_diag, ${days("diag-days", 3, 28)} AS diag_days,
        ${u("contract")} AS u_contract, ${days("contract-days", 4, 25)} AS contract_days,
        ${u("intensive")} AS u_intensive, ${days("hours", 0, 5)} AS hours_draw,
        ${days("rdv-days", 3, 20)} AS rdv_days,
        floor(${u("commune")} * p.communes_weight)::bigint AS commune_draw
      FROM p
    ),
    e AS (
      SELECT d.*, c.code AS commune_code, c.zone, c.postal_code,
        CASE WHEN d.young THEN 18 + floor(d.u_age * 8)::int ELSE 26 + floor(d.u_age * 38)::int END AS age,
        CASE WHEN d.u_origine < 0.80 THEN 'INSCRIPTION_AUTO_CAF'
          WHEN d.u_origine < 0.92 THEN 'INSCRIPTION_VOLONTAIRE' ELSE 'INSCRIPTION_CONSEILLER_CD' END AS origine,
        d.u_oriented < 0.93 AS may_orient,
        -- decision delay from T0: 55 % within 14 days, 30 % in 15 to 30 days, 15 % later (up to 75 days)
        CASE WHEN d.u_delay < 0.55 THEN 2 + d.delay_draw % 13
          WHEN d.u_delay < 0.85 THEN 15 + d.delay_draw % 16 ELSE 31 + d.delay_draw % 45 END AS delay,
        CASE WHEN d.u_parcours < 0.55 THEN 'PRO' WHEN d.u_parcours < 0.85 THEN 'SOCIO_PRO' ELSE 'SOCIAL' END AS parcours_type
      FROM d CROSS JOIN LATERAL (
        SELECT c.code, c.zone, c.postal_code FROM demo_history_communes c
        WHERE c.dep = d.dep AND c.hi > d.commune_draw
        ORDER BY c.hi LIMIT 1
      ) c
    ),
    f AS (
      SELECT e.*,
        CASE
          WHEN e.parcours_type = 'SOCIAL' THEN 'CD'
          WHEN e.dep = ${DEMO_DEPARTEMENT} AND e.young AND e.u_organisme < 0.9 THEN 'ML'
          WHEN e.parcours_type = 'SOCIO_PRO' THEN CASE WHEN e.u_organisme < 0.6 THEN 'CD' ELSE 'FT' END
          WHEN e.dep = ${DEMO_DEPARTEMENT} AND e.u_organisme < 0.06 THEN 'CAP_EMPLOI'
          ELSE 'FT'
        END AS organisme,
        least(e.t0 + e.delay, ${today}::date - 1) AS decided_date
      FROM e
    ),
    -- the structure (of the person's zone d'emploi first, then one covering the département, then any of
    -- the département's for that organisme), a référent among its staff, the département's decider
    g AS (
      SELECT f.*, m.id AS structure_id, m.staff[1 + floor(f.u_referent * cardinality(m.staff))::int] AS referent_id,
        dc.professional_id AS decider_id,
        -- 4 % of the decisions were never notified: their T1 is the référent's designation
        CASE WHEN f.u_notified < 0.04 THEN NULL
          WHEN f.u_notified < 0.7 THEN f.decided_date ELSE least(f.decided_date + 1, ${today}::date - 1) END AS notified_date,
        least(f.decided_date + f.referent_days, ${today}::date - 1) AS referent_date
      FROM f
      JOIN jsonb_to_recordset(${json(deciderRows)}) AS dc(departement text, professional_id uuid) ON dc.departement = f.dep
      LEFT JOIN LATERAL (
        SELECT x.id, x.staff FROM demo_history_structures x
        WHERE x.departement = f.dep AND x.organisme = f.organisme
        ORDER BY (',' || x.zones || ',') LIKE ('%,' || coalesce(f.zone, '') || ',%') DESC, x.zones = '*' DESC,
          md5(x.id::text || f.k)
        LIMIT 1
      ) m ON true
    ),
    -- a person left without a structure for their organisme is one who left before any orientation
    h AS (
      SELECT g.*, g.may_orient AND g.structure_id IS NOT NULL AND g.referent_id IS NOT NULL AS is_oriented FROM g
    ),
    -- exits: a few persons leave before any orientation; 38 % of the others leave after 45 to 450 days
    x AS (
      SELECT h.*,
        CASE
          WHEN NOT h.is_oriented THEN least(h.t0 + h.never_days, ${today}::date - 1)
          WHEN h.u_exit < 0.38 AND h.referent_date + h.exit_days < ${today}::date THEN h.referent_date + h.exit_days
        END AS exit_date
      FROM h
    ),
    -- a diagnostic (80 % of the oriented), before any exit
    y AS (
      SELECT x.*,
        CASE WHEN x.exit_date IS NULL THEN NULL
          WHEN NOT x.is_oriented THEN CASE WHEN x.u_motif < 0.5 THEN 'FIN_DROITS_RSA' WHEN x.u_motif < 0.8 THEN 'DEMENAGEMENT' ELSE 'INJOIGNABLE' END
          WHEN x.u_motif < 0.35 THEN 'EMPLOI' WHEN x.u_motif < 0.45 THEN 'FORMATION_QUALIFIANTE'
          WHEN x.u_motif < 0.65 THEN 'FIN_DROITS_RSA' WHEN x.u_motif < 0.77 THEN 'DEMENAGEMENT'
          WHEN x.u_motif < 0.85 THEN 'AUTRE_DISPOSITIF' WHEN x.u_motif < 0.90 THEN 'RADIATION_SANCTION'
          WHEN x.u_motif < 0.97 THEN 'INJOIGNABLE' ELSE 'AUTRE'
        END AS motif,
        CASE WHEN x.is_oriented AND x.u_diag < 0.8
          AND x.referent_date + x.diag_days < coalesce(x.exit_date, ${today}::date)
          THEN x.referent_date + x.diag_days END AS diag_date
      FROM x
    )
    -- a contract signed (70 % of the diagnosed), before any exit
    SELECT y.*, y.is_oriented AS oriented,
      CASE WHEN y.diag_date IS NOT NULL AND y.u_contract < 0.7
        AND y.diag_date + y.contract_days < coalesce(y.exit_date, ${today}::date)
        THEN y.diag_date + y.contract_days END AS signed_date,
      overlay(overlay(md5('socle-demo-history:person:' || y.k) placing '4' from 13) placing '8' from 17)::uuid AS person_id,
      overlay(overlay(md5('socle-demo-history:parcours:' || y.k) placing '4' from 13) placing '8' from 17)::uuid AS parcours_id
    FROM y`.execute(tx);

  // 2. the persons (no NIR, no CAF file, no contact details) and their pathways
  await sql`INSERT INTO persons (id, birth_name, first_names, sex, birth_date, nationality, postal_code, commune_code,
      departement, search_text, created_at, updated_at)
    SELECT h.person_id, ${pick(upper, "u_last", surnames.length)},
      CASE WHEN h.female THEN ${pick(json(firstNamesF), "u_first", firstNamesF.length)}
        ELSE ${pick(json(firstNamesM), "u_first", firstNamesM.length)} END,
      CASE WHEN h.female THEN 'F' ELSE 'M' END,
      make_date(extract(year FROM h.t0)::int - h.age, 1 + floor(h.u_month * 12)::int, 1 + floor(h.u_day * 28)::int),
      'FR', h.postal_code, h.commune_code, h.dep,
      ${pick(norm(surnames), "u_last", surnames.length)} || ' ' || CASE WHEN h.female
        THEN ${pick(norm(firstNamesF), "u_first", firstNamesF.length)}
        ELSE ${pick(norm(firstNamesM), "u_first", firstNamesM.length)} END,
      ${at(sql`h.t0`, "09:00")}, ${at(sql`h.t0`, "09:00")}
    FROM demo_history h
    ON CONFLICT (id) DO NOTHING`.execute(tx);
  await sql`INSERT INTO parcours (id, person_id, departement, t0_date, statut_suivi, origine, opened_at, closed_at, exit_reason)
    SELECT parcours_id, person_id, dep, t0, CASE WHEN exit_date IS NULL THEN 'ACTIF' ELSE 'CLOS' END, origine,
      ${at(sql`t0`, "09:00")}, CASE WHEN exit_date IS NOT NULL THEN ${at(sql`exit_date`, "11:00")} END, motif
    FROM demo_history`.execute(tx);

  // 3. orientations decided (and closed with the pathway), their transitions
  await sql`INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, decision, decided_by, decided_at,
      organisme_decision, parcours_retenu, organisme_retenu, structure_id, notified_at, created_at, updated_at)
    SELECT overlay(overlay(md5('socle-demo-history:orientation:' || k) placing '4' from 13) placing '8' from 17)::uuid, person_id, parcours_id,
      CASE WHEN exit_date IS NULL THEN 'OUVERT' ELSE 'CLOTURE' END, 'DECIDE', origine, 'ACCEPTEE', decider_id,
      ${at(sql`decided_date`, "14:00")}, 'CD', parcours_type, organisme, structure_id,
      CASE WHEN notified_date IS NOT NULL THEN ${at(sql`notified_date`, "16:00")} END,
      ${at(sql`t0`, "09:00")}, ${at(sql`coalesce(exit_date, decided_date)`, "14:00")}
    FROM demo_history WHERE oriented`.execute(tx);
  await sql`INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, actor_id, at, reason)
    SELECT overlay(overlay(md5('socle-demo-history:orientation:' || k) placing '4' from 13) placing '8' from 17)::uuid, t.from_etat, t.to_etat, t.event, 'professional',
      decider_id::text, t.at, t.reason
    FROM demo_history
    CROSS JOIN LATERAL (VALUES
      ('EN_ATTENTE', 'OUVERT', 'decide', ${at(sql`decided_date`, "14:00")}, NULL::text),
      ('OUVERT', 'CLOTURE', 'close', ${at(sql`exit_date`, "11:00")}, 'sortie du parcours : ' || motif)
    ) AS t(from_etat, to_etat, event, at, reason)
    WHERE oriented AND (t.event = 'decide' OR exit_date IS NOT NULL)`.execute(tx);

  // 4. the référent (ending with the pathway)
  await sql`INSERT INTO follow_ups (id, person_id, structure_id, professional_id, role, started_at, ended_at)
    SELECT overlay(overlay(md5('socle-demo-history:follow-up:' || k) placing '4' from 13) placing '8' from 17)::uuid, person_id, structure_id, referent_id, 'referent',
      ${at(sql`referent_date`, "10:00")}, CASE WHEN exit_date IS NOT NULL THEN ${at(sql`exit_date`, "11:00")} END
    FROM demo_history WHERE oriented`.execute(tx);

  // 5. diagnostics: one version, recorded by the référent
  await sql`INSERT INTO diagnostics (id, person_id, current_numero, started_by, created_at, updated_at)
    SELECT overlay(overlay(md5('socle-demo-history:diagnostic:' || k) placing '4' from 13) placing '8' from 17)::uuid, person_id, 1, referent_id,
      ${at(sql`diag_date`, "10:30")}, ${at(sql`diag_date`, "10:30")}
    FROM demo_history WHERE diag_date IS NOT NULL`.execute(tx);
  await sql`INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
    SELECT overlay(overlay(md5('socle-demo-history:diagnostic:' || k) placing '4' from 13) placing '8' from 17)::uuid, 1, '{}'::jsonb, referent_id, structure_id, 'INDIVIDUEL',
      ${at(sql`diag_date`, "10:30")}
    FROM demo_history WHERE diag_date IS NOT NULL`.execute(tx);

  // 6. contracts: signed, with a weekly programme starting the week after (45 % reach 15 hours or more);
  // an exit suspends the contract, which closes 12 months later (as record-exit and the contract's table do)
  await sql`INSERT INTO contracts (id, person_id, state, previous_state, current_version, created_by, created_at, updated_at)
    SELECT overlay(overlay(md5('socle-demo-history:contract:' || k) placing '4' from 13) placing '8' from 17)::uuid, person_id,
      CASE WHEN exit_date IS NULL THEN 'SIGNE' WHEN exit_date + 365 < ${today}::date THEN 'CLOTURE' ELSE 'SUSPENDU' END,
      CASE WHEN exit_date IS NOT NULL AND exit_date + 365 >= ${today}::date THEN 'SIGNE' END,
      1, referent_id, ${at(sql`signed_date - 2`, "10:00")}, ${at(sql`coalesce(exit_date, signed_date)`, "11:00")}
    FROM demo_history WHERE signed_date IS NOT NULL`.execute(tx);
  await sql`INSERT INTO contract_versions (contract_id, numero, motif, content, state, signed_at, signature_mode,
      recorded_by_kind, recorded_by, created_by, created_at, updated_at)
    SELECT overlay(overlay(md5('socle-demo-history:contract:' || k) placing '4' from 13) placing '8' from 17)::uuid, 1, 'INITIAL',
      jsonb_build_object(
        'couchParcours', '', 'engagementsIndividuels', '[]'::jsonb, 'planAction', '[]'::jsonb,
        'programme', jsonb_build_object(
          'semaineIso', to_char(signed_date + 7, 'IYYY-"W"IW'), 'cibleHeures', 15,
          'activites', CASE WHEN u_intensive < 0.45 THEN jsonb_build_array(
              jsonb_build_object('code', '3.1', 'heuresPrevues', 6 + hours_draw % 3, 'source', 'SAISIE'),
              jsonb_build_object('code', '4.2', 'heuresPrevues', 5 + hours_draw % 2, 'source', 'SAISIE'),
              jsonb_build_object('code', '1.1', 'heuresPrevues', 4, 'source', 'SAISIE'))
            ELSE jsonb_build_array(
              jsonb_build_object('code', '3.1', 'heuresPrevues', 3 + hours_draw, 'source', 'SAISIE'),
              jsonb_build_object('code', '4.2', 'heuresPrevues', 2 + hours_draw % 3, 'source', 'SAISIE'))
          END)),
      'SIGNE', ${at(sql`signed_date`, "11:00")}, 'PAPIER', 'professional', referent_id::text, referent_id,
      ${at(sql`signed_date - 2`, "10:00")}, ${at(sql`signed_date`, "11:00")}
    FROM demo_history WHERE signed_date IS NOT NULL`.execute(tx);
  await sql`INSERT INTO contract_transitions (contract_id, from_state, to_state, event, actor_kind, actor_id, at)
    SELECT overlay(overlay(md5('socle-demo-history:contract:' || k) placing '4' from 13) placing '8' from 17)::uuid, t.from_state, t.to_state, t.event, t.actor_kind,
      t.actor_id, t.at
    FROM demo_history
    CROSS JOIN LATERAL (VALUES
      (NULL, 'A_SIGNER', 'create', 'professional', referent_id::text, ${at(sql`signed_date - 2`, "10:00")}),
      ('A_SIGNER', 'SIGNE', 'sign', 'professional', referent_id::text, ${at(sql`signed_date`, "11:00")}),
      ('SIGNE', 'SUSPENDU', 'suspend', 'professional', referent_id::text, ${at(sql`exit_date`, "11:00")}),
      ('SUSPENDU', 'CLOTURE', 'close', 'system', NULL, ${at(sql`exit_date + 365`, "03:00")})
    ) AS t(from_state, to_state, event, actor_kind, actor_id, at)
    WHERE signed_date IS NOT NULL
      AND (t.event IN ('create', 'sign') OR (exit_date IS NOT NULL AND (t.event = 'suspend' OR exit_date + 365 < ${today}::date)))`.execute(
    tx,
  );

  // 7. past appointments in the référent's agenda: the first accompaniment interview (booked again once when
  // missed) and up to three follow-up interviews, every one before today and before the exit
  await sql`CREATE TEMP TABLE demo_history_appointments ON COMMIT DROP AS
    WITH a AS (
      SELECT h.k || ':' || s.seq AS k, h.k AS person_key, h.person_id, h.structure_id, h.referent_id, s.seq,
        CASE WHEN s.seq <= 2 THEN 'PREMIER_RDV_ACCOMPAGNEMENT' ELSE 'SUIVI' END AS purpose,
        h.referent_date + h.rdv_days + CASE s.seq WHEN 1 THEN 0 WHEN 2 THEN 10 ELSE 45 + (s.seq - 3) * 60 END AS day,
        coalesce(h.exit_date, ${today}::date) AS horizon
      FROM demo_history h CROSS JOIN generate_series(1, 5) AS s(seq)
      WHERE h.oriented
    ),
    b AS (
      SELECT a.*, ${u("invited", "a")} AS u_invited,
        ${days("hour", 9, 16, "a")} AS hour, ${days("notice", 4, 10, "a")} AS notice,
        CASE WHEN ${u("status", "a")} < 0.74 THEN 'HONORE' WHEN ${u("status", "a")} < 0.88 THEN 'ABSENT' ELSE 'EXCUSE' END AS status
      FROM a
      WHERE extract(isodow FROM a.day) < 6 AND a.day < a.horizon
    ),
    c AS (
      SELECT b.*, bool_or(b.seq = 1 AND b.status <> 'HONORE') OVER (PARTITION BY b.person_key) AS first_missed
      FROM b
    )
    -- the second « first interview » only when the first was missed
    SELECT * FROM c WHERE c.seq <> 2 OR c.first_missed`.execute(tx);
  await sql`INSERT INTO appointment_slots (id, structure_id, professional_id, starts_at, ends_at, capacity, booked_count,
      reception, modalite, created_by, created_at)
    SELECT overlay(overlay(md5('socle-demo-history:slot:' || k) placing '4' from 13) placing '8' from 17)::uuid, structure_id, referent_id,
      ${at(sql`day`, "00:00")} + make_interval(hours => hour),
      ${at(sql`day`, "00:00")} + make_interval(hours => hour, mins => 45), 1, 1, 'INDIVIDUEL', 'SUR_PLACE', referent_id,
      ${at(sql`day - notice - 7`, "08:00")}
    FROM demo_history_appointments`.execute(tx);
  await sql`INSERT INTO appointments (id, person_id, structure_id, slot_id, purpose, status, invited_by, invited_at,
      invitation_expires_on, booked_by_kind, booked_by, booked_at, attendance_recorded_by, attendance_recorded_at,
      created_at, updated_at)
    SELECT overlay(overlay(md5('socle-demo-history:appointment:' || k) placing '4' from 13) placing '8' from 17)::uuid, person_id, structure_id,
      overlay(overlay(md5('socle-demo-history:slot:' || k) placing '4' from 13) placing '8' from 17)::uuid, purpose, status,
      CASE WHEN u_invited < 0.5 THEN referent_id END,
      CASE WHEN u_invited < 0.5 THEN ${at(sql`day - notice - 3`, "09:30")} END,
      CASE WHEN u_invited < 0.5 THEN day - notice + 7 END,
      CASE WHEN u_invited < 0.5 THEN 'person' ELSE 'professional' END,
      CASE WHEN u_invited < 0.5 THEN person_id::text ELSE referent_id::text END,
      ${at(sql`day - notice`, "18:00")},
      CASE WHEN status <> 'EXCUSE' THEN referent_id END,
      CASE WHEN status <> 'EXCUSE' THEN ${at(sql`day`, "00:00")} + make_interval(hours => hour + 1) END,
      ${at(sql`day - notice - 3`, "09:30")}, ${at(sql`day`, "00:00")} + make_interval(hours => hour + 1)
    FROM demo_history_appointments`.execute(tx);

  // 8. the qualified exits
  await sql`INSERT INTO parcours_exits (id, parcours_id, person_id, motif, exit_date, job_start_date, comment,
      recorded_by, recorded_at)
    SELECT overlay(overlay(md5('socle-demo-history:exit:' || k) placing '4' from 13) placing '8' from 17)::uuid, parcours_id, person_id, motif, exit_date,
      CASE WHEN motif = 'EMPLOI' THEN greatest(exit_date - job_days, referent_date) END,
      CASE WHEN motif = 'AUTRE' THEN 'Sortie enregistrée dans l''historique de démonstration.' END,
      coalesce(CASE WHEN oriented THEN referent_id END, decider_id), ${at(sql`exit_date`, "11:00")}
    FROM demo_history WHERE exit_date IS NOT NULL`.execute(tx);

  // 9. the audit trail: each person's file was created by the demo seed
  const created = await sql<{ personId: string; dep: string }>`
    SELECT person_id AS "personId", dep FROM demo_history ORDER BY dep, i`.execute(tx);
  await auditRepository.appendMany(
    tx,
    created.rows.map((r) => ({
      at: now,
      actorKind: "system",
      actorId: "seed-demo",
      actorRole: "systeme",
      structureId: null,
      personId: r.personId,
      action: "persons.created",
      section: "import",
      purpose: "identify",
      channel: "system",
      outcome: "allowed",
      requestId: null,
      details: { source: "historique de démonstration" },
    })),
  );
  const byDepartement: Record<string, number> = {};
  for (const r of created.rows) byDepartement[r.dep] = (byDepartement[r.dep] ?? 0) + 1;
  return { persons: created.rows.length, byDepartement };
}

type HistoryStructure = { id: string; departement: string; organisme: string; zones: string };

/**
 * The structures the history orients to, with the organisme they stand for: the demo structures of the
 * Somme, and for every other département of the history a council and a France Travail agency (created here,
 * with a chargé·e d'orientation and two conseillers each, none of them a demo login).
 */
async function historyStructures(
  tx: Db,
  now: Date,
): Promise<{ structures: HistoryStructure[]; deciders: { departement: string; structureId: string }[] }> {
  const organismeOf: Record<string, string> = {
    france_travail: "FT",
    mission_locale: "ML",
    cap_emploi: "CAP_EMPLOI",
    conseil_departemental: "CD",
  };
  const structures: HistoryStructure[] = demoStructures
    .filter((s) => s.departement === DEMO_DEPARTEMENT && organismeOf[s.kind] && s.key !== "cd-insertion")
    .map((s) => ({
      id: uuidOfStructure(s.key),
      departement: s.departement,
      organisme: organismeOf[s.kind]!,
      zones: s.zones.join(","),
    }));
  const deciders = [{ departement: DEMO_DEPARTEMENT, structureId: uuidOfStructure("cd-insertion") }];

  const others = demoHistoryVolumes
    .filter((v) => v.departement !== DEMO_DEPARTEMENT)
    .map((v) => v.departement);
  const deps = await tx
    .selectFrom("departements as d")
    .leftJoin("communes as c", (j) =>
      j.on(
        sql`c.code`,
        "=",
        sql`(SELECT c2.code FROM communes c2 WHERE c2.departement_code = d.code
        ORDER BY c2.population DESC NULLS LAST, c2.code LIMIT 1)`,
      ),
    )
    .select(["d.code", "d.name", "c.code as communeCode", "c.name as communeName"])
    .where("d.code", "in", others)
    .orderBy("d.code")
    .execute();
  let counter = 0;
  for (const d of deps) {
    for (const kind of ["conseil_departemental", "france_travail"] as const) {
      counter += 1;
      const key = `history-${d.code}-${kind}`;
      const id = uuidOfStructure(key);
      await tx
        .insertInto("structures")
        .values({
          id,
          siret: withLuhnDigit(`99${String(900_000 + counter).padStart(7, "0")}0001`.slice(0, 13)),
          name:
            kind === "conseil_departemental"
              ? `Département ${d.code} — Direction de l'insertion (démonstration, ${d.name})`
              : `France Travail ${d.communeName ?? d.name} (démonstration)`,
          kind,
          partner_kind: null,
          departement: d.code,
          commune_code: d.communeCode,
          address: null,
          email: null,
          phone: null,
          created_at: now,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      const pros =
        kind === "conseil_departemental"
          ? [
              { n: 1, roles: ["charge_orientation"] },
              { n: 2, roles: ["conseiller"] },
              { n: 3, roles: ["conseiller"] },
            ]
          : [
              { n: 1, roles: ["conseiller"] },
              { n: 2, roles: ["conseiller"] },
            ];
      for (const p of pros) {
        const r = createHash("sha1").update(`${key}:${p.n}`).digest();
        const female = r[0]! % 2 === 0;
        const firstName = (female ? firstNamesF : firstNamesM)[r[1]! % firstNamesF.length]!;
        const lastName = lastNames[r[2]! % lastNames.length]!;
        await tx
          .insertInto("professionals")
          .values({
            id: sha1Uuid(`socle-demo-history:professional:${key}:${p.n}`),
            structure_id: id,
            email: `${key}-${p.n}@demo.socle.fr`,
            first_name: firstName,
            last_name: lastName,
            phone: null,
            roles: p.roles,
            scope_level: null,
            scope_code: null,
            created_at: now,
          })
          .onConflict((oc) => oc.column("id").doNothing())
          .execute();
      }
      structures.push({
        id,
        departement: d.code,
        organisme: kind === "conseil_departemental" ? "CD" : "FT",
        zones: "*",
      });
      if (kind === "conseil_departemental") deciders.push({ departement: d.code, structureId: id });
    }
  }
  return { structures, deciders };
}

/** The same id seed-demo.ts gives a demo structure (`demoUuid("structure:<key>")`). */
const uuidOfStructure = (key: string) => sha1Uuid(`socle-demo:structure:${key}`);
