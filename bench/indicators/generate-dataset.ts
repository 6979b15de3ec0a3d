// National-scale steering dataset for bench/indicators, generated in SQL (INSERT … SELECT … FROM
// generate_series): N persons spread over every département that has communes (the first 3 per département
// round-robin, the rest by commune population), each with a pathway whose T0 falls in the 24 months before
// `today`, and the events the steering views read: orientations (most decided and notified 3 to 40 days
// after T0, a few re-oriented, some never), named référents, diagnostics (one or two versions), contracts
// with a weekly programme (about a third at 15 h or more, some revised), appointments (the first
// accompaniment appointment then follow-ups; invited, planned, honoured, absent, excused), and exits.
// Deterministic: every draw is a hash of the person's index and the seed (hashint8extended), every id is
// built from the index, so the same (persons, seed, today) gives the same rows. Needs the reference data
// (départements, communes) loaded; writes structures and professionals of its own (4 structures and 8
// professionals each per département). Runs on PostgreSQL and on PGlite; respects every FK and CHECK.
import { sql } from "kysely";
import type { Db } from "../../src/server/db/connect";
import type { LocalDate } from "../../src/shared/kernel/dates";

export type DatasetOptions = { persons: number; seed: number; today: LocalDate };
export type DatasetStep = { step: string; ms: number };

/** The tables the generator fills, in insertion order (for counts and sizes). */
export const DATASET_TABLES = [
  "structures",
  "professionals",
  "persons",
  "parcours",
  "parcours_exits",
  "orientations",
  "orientation_transitions",
  "follow_ups",
  "diagnostics",
  "diagnostic_versions",
  "contracts",
  "contract_versions",
  "contract_transitions",
  "appointment_slots",
  "appointments",
] as const;

const MASK48 = "281474976710655";
const TWO48 = "281474976710656.0";
/** Structure kinds by index k (the `k` column of the staging rows): 0 CD, 1 FT, 2 ML, 3 Cap emploi. */
const PROS_PER_STRUCTURE = 8;

export async function generateDataset(db: Db, o: DatasetOptions): Promise<DatasetStep[]> {
  if (!Number.isInteger(o.persons) || o.persons < 1) throw new Error("persons: entier positif attendu");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new Error("today: date AAAA-MM-JJ attendue");
  const seed = Math.trunc(o.seed);
  // a uniform draw in [0, 1) for person `i` (or any bigint expression) and draw number k
  const r = (k: number, i = "b.i") =>
    `((hashint8extended(${i}, ${seed * 1000 + k}) & ${MASK48})::float8 / ${TWO48})`;
  const uid = (prefix: string, n: string) =>
    `('${prefix}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
  // a Paris wall-clock instant on day `d` at `hour`, plus up to `spreadMin` minutes drawn with draw `k`
  const at = (d: string, hour: number) =>
    `((${d}) + time '${String(hour).padStart(2, "0")}:00') AT TIME ZONE 'Europe/Paris'`;
  const today = `'${o.today}'::date`;
  const last = `(${today} - 1)`; // the last day with events: nothing happens today or later
  const start = `(date_trunc('month', ${today}) - interval '24 months')::date`;
  const now = at(today, 8);

  const steps: DatasetStep[] = [];
  const run = async (step: string, ...statements: string[]) => {
    const t = performance.now();
    for (const s of statements) await sql.raw(s).execute(db);
    steps.push({ step, ms: performance.now() - t });
  };

  await run(
    "structures et professionnels",
    "DROP TABLE IF EXISTS bench_depts, bench_communes, bench_people_base, bench_people, bench_appts",
    `CREATE TABLE bench_depts AS
      SELECT row_number() OVER (ORDER BY d.code)::int AS j, d.code, d.name FROM departements d
      WHERE EXISTS (SELECT 1 FROM communes c WHERE c.departement_code = d.code)`,
    `INSERT INTO structures (id, siret, name, kind, departement, created_at)
      SELECT ${uid("e0000000", "d.j * 4 + k")}, lpad((99000000 + d.j * 4 + k)::text, 14, '0'),
        (ARRAY['Conseil départemental', 'France Travail', 'Mission locale', 'Cap emploi'])[k + 1] || ' — ' || d.name,
        (ARRAY['conseil_departemental', 'france_travail', 'mission_locale', 'cap_emploi'])[k + 1], d.code,
        ${at(start, 8)}
      FROM bench_depts d CROSS JOIN generate_series(0, 3) k`,
    `INSERT INTO professionals (id, structure_id, email, first_name, last_name, roles, created_at)
      SELECT ${uid("e1000000", `(d.j * 4 + k) * ${PROS_PER_STRUCTURE} + p`)}, ${uid("e0000000", "d.j * 4 + k")},
        'bench-' || ((d.j * 4 + k) * ${PROS_PER_STRUCTURE} + p) || '@bench.socle.fr', 'Conseiller',
        'Bench ' || ((d.j * 4 + k) * ${PROS_PER_STRUCTURE} + p),
        CASE WHEN k = 0 THEN ARRAY['conseiller', 'charge_orientation'] ELSE ARRAY['conseiller'] END, ${at(start, 8)}
      FROM bench_depts d CROSS JOIN generate_series(0, 3) k CROSS JOIN generate_series(0, ${PROS_PER_STRUCTURE - 1}) p`,
  );

  // where each person lives: round-robin over the départements first (every one has persons), then
  // weighted by commune population (cumulative weights, one index probe per person)
  await run(
    "répartition sur les communes",
    `CREATE TABLE bench_communes AS
      SELECT c.code, c.departement_code, d.j,
        (sum(COALESCE(c.population, 0) + 1) OVER (ORDER BY c.code))::bigint AS cum_hi,
        row_number() OVER (PARTITION BY c.departement_code ORDER BY COALESCE(c.population, 0) DESC, c.code) AS rank_in_dept
      FROM communes c JOIN bench_depts d ON d.code = c.departement_code`,
    "CREATE INDEX bench_communes_cum_idx ON bench_communes (cum_hi)",
    "CREATE INDEX bench_communes_code_idx ON bench_communes (code)",
    "CREATE INDEX bench_communes_rank_idx ON bench_communes (j, rank_in_dept)",
    `CREATE TABLE bench_people_base AS
      WITH nd AS (SELECT count(*)::bigint AS n FROM bench_depts),
      tot AS (SELECT max(cum_hi) AS w FROM bench_communes),
      picked AS (
        SELECT b.i, (SELECT bc.code FROM bench_communes bc WHERE bc.j = ((b.i - 1) % nd.n) + 1 AND bc.rank_in_dept = 1) AS code
        FROM nd, generate_series(1, LEAST(${o.persons}, (SELECT n * 3 FROM nd))) AS b(i)
        UNION ALL
        SELECT b.i, (SELECT bc.code FROM bench_communes bc WHERE bc.cum_hi > floor(${r(1)} * tot.w)::bigint ORDER BY bc.cum_hi LIMIT 1)
        FROM tot, nd, generate_series((SELECT n * 3 + 1 FROM nd), ${o.persons}) AS b(i)
      )
      SELECT p.i::bigint AS i, bc.j, bc.departement_code AS departement, p.code AS commune_code
      FROM picked p JOIN bench_communes bc ON bc.code = p.code`,
  );

  // every date of a person's story, drawn once (NULL: did not happen before today); OFFSET 0 keeps each
  // step a subquery of its own, else the planner inlines every step's expression into the next ones
  await run(
    "parcours des personnes (table de travail)",
    `CREATE TABLE bench_people AS
      SELECT b.i, b.j, b.departement, b.commune_code, a.t0, a.opened_day, a.origine,
        x.closed_day,
        CASE WHEN x.closed_day IS NOT NULL THEN
          (ARRAY['EMPLOI', 'EMPLOI', 'EMPLOI', 'FIN_DROITS_RSA', 'FIN_DROITS_RSA', 'DEMENAGEMENT', 'FORMATION_QUALIFIANTE',
            'AUTRE_DISPOSITIF', 'INJOIGNABLE', 'AUTRE'])[1 + floor(${r(20)} * 10)::int] END AS exit_reason,
        o.decided_day, o.notified_day, o.parcours1, o.organisme1, o.k1, floor(${r(21)} * ${PROS_PER_STRUCTURE})::int AS decider_p,
        ro.reor_day, ro.parcours2, ro.organisme2, ro.k2,
        rf.ref_day, floor(${r(22)} * ${PROS_PER_STRUCTURE})::int AS ref_p,
        dg.diag_day, CASE WHEN ${r(23)} < 0.3 AND dg.diag_day + 60 + floor(${r(24)} * 90)::int <= ${last}
          AND (x.closed_day IS NULL OR dg.diag_day + 60 + floor(${r(24)} * 90)::int < x.closed_day)
          THEN dg.diag_day + 60 + floor(${r(24)} * 90)::int END AS diag2_day,
        ct.sign1_day, ct.sign2_day,
        CASE WHEN ${r(25)} < 0.3 THEN 16 ELSE 7 END AS hours1,
        CASE WHEN ${r(26)} < 0.5 THEN 15.5 ELSE 6.5 END AS hours2,
        CASE WHEN rf.ref_day IS NULL THEN 0 ELSE 1 + floor(${r(27)} * 4)::int END AS appt_n
      FROM bench_people_base b
      CROSS JOIN LATERAL (
        SELECT q.t0, LEAST(q.t0 + floor(${r(3)} * 3)::int, ${last}) AS opened_day,
          CASE WHEN ${r(4)} < 0.8 THEN 'INSCRIPTION_AUTO_CAF' WHEN ${r(4)} < 0.9 THEN 'INSCRIPTION_CONSEILLER_CD'
            WHEN ${r(4)} < 0.97 THEN 'INSCRIPTION_VOLONTAIRE' ELSE 'STOCK' END AS origine
        FROM (SELECT ${start} + floor(${r(2)} * (${last} - ${start} + 1))::int AS t0) q
        OFFSET 0
      ) a
      CROSS JOIN LATERAL (
        SELECT CASE WHEN ${r(5)} < 0.18 AND a.opened_day + 60 + floor(${r(6)} * 400)::int <= ${last}
          THEN a.opened_day + 60 + floor(${r(6)} * 400)::int END AS closed_day
        OFFSET 0
      ) x
      CROSS JOIN LATERAL (
        SELECT CASE WHEN q.ok THEN GREATEST(q.nday - floor(${r(9)} * 3)::int, a.opened_day) END AS decided_day,
          CASE WHEN q.ok AND ${r(10)} >= 0.03 THEN q.nday END AS notified_day,
          CASE WHEN q.ok THEN q.parcours END AS parcours1,
          CASE WHEN q.ok THEN q.organisme END AS organisme1,
          CASE q.organisme WHEN 'CD' THEN 0 WHEN 'FT' THEN 1 WHEN 'ML' THEN 2 ELSE 3 END AS k1
        FROM (
          SELECT ${r(7)} < 0.9 AND n.nday <= ${last} AS ok, n.nday, t.parcours,
            CASE t.parcours
              WHEN 'PRO' THEN CASE WHEN ${r(12)} < 0.8 THEN 'FT' WHEN ${r(12)} < 0.9 THEN 'ML' ELSE 'CAP_EMPLOI' END
              WHEN 'SOCIO_PRO' THEN CASE WHEN ${r(12)} < 0.5 THEN 'FT' ELSE 'CD' END
              ELSE 'CD' END AS organisme
          FROM (SELECT GREATEST(a.t0 + 3 + floor(38 * power(${r(8)}, 1.3))::int, a.opened_day) AS nday) n,
            (SELECT CASE WHEN ${r(11)} < 0.45 THEN 'PRO' WHEN ${r(11)} < 0.8 THEN 'SOCIO_PRO' ELSE 'SOCIAL' END AS parcours) t
        ) q
        OFFSET 0
      ) o
      CROSS JOIN LATERAL (
        SELECT CASE WHEN q.ok THEN q.rday END AS reor_day,
          CASE WHEN q.ok THEN CASE o.parcours1 WHEN 'PRO' THEN 'SOCIO_PRO' WHEN 'SOCIO_PRO' THEN 'SOCIAL' ELSE 'SOCIO_PRO' END END AS parcours2,
          CASE WHEN q.ok THEN CASE o.parcours1 WHEN 'PRO' THEN 'FT' ELSE 'CD' END END AS organisme2,
          CASE o.parcours1 WHEN 'PRO' THEN 1 ELSE 0 END AS k2
        FROM (SELECT o.decided_day IS NOT NULL AND ${r(13)} < 0.06 AND q0.rday <= ${last}
            AND (x.closed_day IS NULL OR q0.rday < x.closed_day) AS ok, q0.rday
          FROM (SELECT o.decided_day + 90 + floor(${r(14)} * 120)::int AS rday) q0) q
        OFFSET 0
      ) ro
      CROSS JOIN LATERAL (
        SELECT CASE WHEN o.decided_day IS NOT NULL AND ${r(15)} < 0.85 AND q.rday <= ${last}
          AND (x.closed_day IS NULL OR q.rday < x.closed_day) THEN q.rday END AS ref_day
        FROM (SELECT COALESCE(o.notified_day, o.decided_day) + floor(${r(16)} * 20)::int AS rday) q
        OFFSET 0
      ) rf
      CROSS JOIN LATERAL (
        SELECT CASE WHEN rf.ref_day IS NOT NULL AND ${r(17)} < 0.7 AND q.dday <= ${last}
          AND (x.closed_day IS NULL OR q.dday < x.closed_day) THEN q.dday END AS diag_day
        FROM (SELECT rf.ref_day + 3 + floor(${r(18)} * 27)::int AS dday) q
        OFFSET 0
      ) dg
      CROSS JOIN LATERAL (
        SELECT q.s1 AS sign1_day,
          CASE WHEN q.s1 IS NOT NULL AND ${r(28)} < 0.2 AND q.s1 + 90 + floor(${r(29)} * 90)::int <= ${last}
            AND (x.closed_day IS NULL OR q.s1 + 90 + floor(${r(29)} * 90)::int < x.closed_day)
            THEN q.s1 + 90 + floor(${r(29)} * 90)::int END AS sign2_day
        FROM (SELECT CASE WHEN dg.diag_day IS NOT NULL AND ${r(19)} < 0.7 AND dg.diag_day + 5 + floor(${r(30)} * 35)::int <= ${last}
            AND (x.closed_day IS NULL OR dg.diag_day + 5 + floor(${r(30)} * 35)::int < x.closed_day)
            THEN dg.diag_day + 5 + floor(${r(30)} * 35)::int END AS s1) q
        OFFSET 0
      ) ct`,
  );

  const cdPro = `${uid("e1000000", `(p.j * 4) * ${PROS_PER_STRUCTURE} + p.decider_p`)}`;
  const refStructure = `${uid("e0000000", "p.j * 4 + p.k1")}`;
  const refPro = `${uid("e1000000", `(p.j * 4 + p.k1) * ${PROS_PER_STRUCTURE} + p.ref_p`)}`;

  await run(
    "personnes et parcours",
    `INSERT INTO persons (id, birth_name, first_names, sex, birth_date, commune_code, departement, search_text, created_at, updated_at)
      SELECT ${uid("10000000", "p.i")}, 'BENCH', 'Personne ' || p.i, CASE WHEN ${r(40, "p.i")} < 0.55 THEN 'F' ELSE 'M' END,
        date '1960-01-01' + floor(${r(41, "p.i")} * 15000)::int, p.commune_code, p.departement, 'bench personne ' || p.i,
        ${at("p.opened_day", 9)}, ${at("p.opened_day", 9)}
      FROM bench_people p`,
    `INSERT INTO parcours (id, person_id, departement, t0_date, statut_suivi, origine, opened_at, veille_since, closed_at, exit_reason)
      SELECT ${uid("20000000", "p.i")}, ${uid("10000000", "p.i")}, p.departement, p.t0,
        CASE WHEN p.closed_day IS NOT NULL THEN 'CLOS' WHEN p.decided_day IS NULL THEN 'A_ORIENTER'
          WHEN ${r(42, "p.i")} < 0.03 THEN 'EN_VEILLE' ELSE 'ACTIF' END,
        p.origine, ((p.opened_day + time '09:00' + make_interval(mins => floor(${r(43, "p.i")} * 60)::int)) AT TIME ZONE 'Europe/Paris'),
        CASE WHEN p.closed_day IS NULL AND p.decided_day IS NOT NULL AND ${r(42, "p.i")} < 0.03 THEN ${last} - 30 END,
        CASE WHEN p.closed_day IS NOT NULL THEN ${at("p.closed_day", 17)} END, p.exit_reason
      FROM bench_people p`,
    `INSERT INTO parcours_exits (id, parcours_id, person_id, motif, exit_date, job_start_date, comment, recorded_by, recorded_at)
      SELECT ${uid("21000000", "p.i")}, ${uid("20000000", "p.i")}, ${uid("10000000", "p.i")}, p.exit_reason, p.closed_day,
        CASE WHEN p.exit_reason = 'EMPLOI' THEN p.closed_day - 7 END,
        CASE WHEN p.exit_reason = 'AUTRE' THEN 'Jeu de données du banc d''essai' END,
        ${cdPro}, ${at("p.closed_day", 17)}
      FROM bench_people p WHERE p.closed_day IS NOT NULL`,
  );

  const orientationOrigin =
    "CASE WHEN p.origine = 'STOCK' THEN 'INSCRIPTION_CONSEILLER_CD' ELSE p.origine END";
  await run(
    "orientations",
    // the first orientation decided: closed by a re-orientation or the pathway's exit
    `INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, decision, decided_by, decided_at,
        organisme_decision, parcours_retenu, organisme_retenu, structure_id, notified_at, created_at, updated_at)
      SELECT ${uid("30000000", "p.i")}, ${uid("10000000", "p.i")}, ${uid("20000000", "p.i")},
        CASE WHEN p.reor_day IS NOT NULL OR p.closed_day IS NOT NULL THEN 'CLOTURE' ELSE 'OUVERT' END, 'DECIDE',
        ${orientationOrigin}, 'ACCEPTEE', ${cdPro}, ${at("p.decided_day", 10)},
        CASE WHEN p.organisme1 = 'CD' THEN 'CD' ELSE 'FT' END, p.parcours1, p.organisme1, ${refStructure},
        CASE WHEN p.notified_day IS NOT NULL THEN ${at("p.notified_day", 16)} END,
        ${at("p.opened_day", 9)}, ${at("COALESCE(p.reor_day, p.closed_day, p.decided_day)", 17)}
      FROM bench_people p WHERE p.decided_day IS NOT NULL`,
    // the re-orientation in force after it
    `INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, decision, decided_by, decided_at,
        organisme_decision, parcours_retenu, organisme_retenu, structure_id, notified_at, created_at, updated_at)
      SELECT ${uid("31000000", "p.i")}, ${uid("10000000", "p.i")}, ${uid("20000000", "p.i")},
        CASE WHEN p.closed_day IS NOT NULL THEN 'CLOTURE' ELSE 'OUVERT' END, 'DECIDE', 'REORIENTATION', 'ACCEPTEE',
        ${cdPro}, ${at("p.reor_day", 11)}, CASE WHEN p.organisme2 = 'CD' THEN 'CD' ELSE 'FT' END, p.parcours2,
        p.organisme2, ${uid("e0000000", "p.j * 4 + p.k2")}, ${at("p.reor_day", 16)}, ${at("p.reor_day", 9)},
        ${at("COALESCE(p.closed_day, p.reor_day)", 17)}
      FROM bench_people p WHERE p.reor_day IS NOT NULL`,
    // pathways still waiting for a decision: an orientation pending
    `INSERT INTO orientations (id, person_id, parcours_id, etat, statut, origine, created_at, updated_at)
      SELECT ${uid("32000000", "p.i")}, ${uid("10000000", "p.i")}, ${uid("20000000", "p.i")}, 'EN_ATTENTE',
        'PRECONISE', ${orientationOrigin}, ${at("p.opened_day", 9)}, ${at("p.opened_day", 9)}
      FROM bench_people p WHERE p.decided_day IS NULL AND p.closed_day IS NULL`,
    `INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, actor_id, at)
      SELECT ${uid("30000000", "p.i")}, 'EN_ATTENTE', 'OUVERT', 'decide', 'professional', ${cdPro}::text, ${at("p.decided_day", 10)}
      FROM bench_people p WHERE p.decided_day IS NOT NULL
      UNION ALL
      SELECT ${uid("30000000", "p.i")}, 'OUVERT', 'CLOTURE', 'close', 'professional', ${cdPro}::text,
        ${at("COALESCE(p.reor_day, p.closed_day)", 17)}
      FROM bench_people p WHERE p.decided_day IS NOT NULL AND (p.reor_day IS NOT NULL OR p.closed_day IS NOT NULL)
      UNION ALL
      SELECT ${uid("31000000", "p.i")}, 'EN_ATTENTE', 'OUVERT', 'decide', 'professional', ${cdPro}::text, ${at("p.reor_day", 11)}
      FROM bench_people p WHERE p.reor_day IS NOT NULL
      UNION ALL
      SELECT ${uid("31000000", "p.i")}, 'OUVERT', 'CLOTURE', 'close', 'professional', ${cdPro}::text, ${at("p.closed_day", 17)}
      FROM bench_people p WHERE p.reor_day IS NOT NULL AND p.closed_day IS NOT NULL`,
  );

  await run(
    "référents",
    `INSERT INTO follow_ups (id, person_id, structure_id, professional_id, role, started_at, ended_at)
      SELECT ${uid("40000000", "p.i")}, ${uid("10000000", "p.i")}, ${refStructure}, ${refPro}, 'referent',
        ${at("p.ref_day", 14)}, CASE WHEN p.closed_day IS NOT NULL THEN ${at("p.closed_day", 17)} END
      FROM bench_people p WHERE p.ref_day IS NOT NULL`,
  );

  await run(
    "diagnostics",
    `INSERT INTO diagnostics (id, person_id, current_numero, started_by, created_at, updated_at)
      SELECT ${uid("50000000", "p.i")}, ${uid("10000000", "p.i")}, CASE WHEN p.diag2_day IS NULL THEN 1 ELSE 2 END,
        ${refPro}, ${at("p.diag_day", 10)}, ${at("COALESCE(p.diag2_day, p.diag_day)", 10)}
      FROM bench_people p WHERE p.diag_day IS NOT NULL`,
    `INSERT INTO diagnostic_versions (diagnostic_id, numero, content, author_id, structure_id, format, created_at)
      SELECT ${uid("50000000", "p.i")}, 1, '{}'::jsonb, ${refPro}, ${refStructure}, 'INDIVIDUEL', ${at("p.diag_day", 10)}
      FROM bench_people p WHERE p.diag_day IS NOT NULL
      UNION ALL
      SELECT ${uid("50000000", "p.i")}, 2, '{}'::jsonb, ${refPro}, ${refStructure}, 'INDIVIDUEL', ${at("p.diag2_day", 10)}
      FROM bench_people p WHERE p.diag2_day IS NOT NULL`,
  );

  // a weekly programme starting the week after the signature; hours planned split over two activities
  const content = (
    day: string,
    hours: string,
  ) => `jsonb_build_object('couchParcours', '', 'engagementsIndividuels', '[]'::jsonb,
      'planAction', '[]'::jsonb, 'programme', jsonb_build_object('semaineIso', to_char(${day} + 7, 'IYYY-"W"IW'),
      'cibleHeures', 15, 'activites', jsonb_build_array(
        jsonb_build_object('code', '7.1', 'heuresPrevues', ceil(${hours} / 2.0), 'source', 'SAISIE'),
        jsonb_build_object('code', '13.3', 'heuresPrevues', ${hours} - ceil(${hours} / 2.0), 'source', 'SAISIE'))))`;
  await run(
    "contrats d'engagement",
    `INSERT INTO contracts (id, person_id, state, current_version, created_by, created_at, updated_at)
      SELECT ${uid("60000000", "p.i")}, ${uid("10000000", "p.i")}, CASE WHEN p.closed_day IS NOT NULL THEN 'CLOTURE' ELSE 'SIGNE' END,
        CASE WHEN p.sign2_day IS NULL THEN 1 ELSE 2 END, ${refPro}, ${at("p.sign1_day", 9)},
        ${at("COALESCE(p.closed_day, p.sign2_day, p.sign1_day)", 17)}
      FROM bench_people p WHERE p.sign1_day IS NOT NULL`,
    `INSERT INTO contract_versions (contract_id, numero, motif, content, state, signed_at, signature_mode, recorded_by_kind,
        recorded_by, created_by, created_at, updated_at)
      SELECT ${uid("60000000", "p.i")}, 1, 'INITIAL', ${content("p.sign1_day", "p.hours1")},
        CASE WHEN p.sign2_day IS NULL THEN 'SIGNE' ELSE 'REMPLACEE' END, ${at("p.sign1_day", 11)}, 'PAPIER', 'professional',
        ${refPro}::text, ${refPro}, ${at("p.sign1_day", 9)}, ${at("COALESCE(p.sign2_day, p.sign1_day)", 11)}
      FROM bench_people p WHERE p.sign1_day IS NOT NULL
      UNION ALL
      SELECT ${uid("60000000", "p.i")}, 2, 'REVISION', ${content("p.sign2_day", "p.hours2")}, 'SIGNE', ${at("p.sign2_day", 11)},
        'ELECTRONIQUE', 'person', ${uid("10000000", "p.i")}::text, ${refPro}, ${at("p.sign2_day", 9)}, ${at("p.sign2_day", 11)}
      FROM bench_people p WHERE p.sign2_day IS NOT NULL`,
    `INSERT INTO contract_transitions (contract_id, from_state, to_state, event, actor_kind, actor_id, at)
      SELECT ${uid("60000000", "p.i")}, 'A_SIGNER', 'SIGNE', 'sign', 'professional', ${refPro}::text, ${at("p.sign1_day", 11)}
      FROM bench_people p WHERE p.sign1_day IS NOT NULL
      UNION ALL
      SELECT ${uid("60000000", "p.i")}, 'SIGNE', 'CLOTURE', 'close', 'system', NULL, ${at("p.closed_day", 17)}
      FROM bench_people p WHERE p.sign1_day IS NOT NULL AND p.closed_day IS NOT NULL`,
  );

  // appointments k = 0 (first accompaniment appointment, by invitation) and k ≥ 1 (follow-ups, convened)
  const ra = (k: number) => r(k, "(p.i * 4 + g.k)");
  await run(
    "rendez-vous",
    `CREATE TABLE bench_appts AS
      SELECT q.*, CASE
          WHEN q.booked_at > ${now} THEN 'INVITE'
          WHEN q.starts_at > ${now} THEN 'PLANIFIE'
          WHEN q.u < 0.75 THEN 'HONORE' WHEN q.u < 0.9 THEN 'ABSENT' ELSE 'EXCUSE' END AS status
      FROM (
        SELECT p.i * 4 + g.k AS n, p.i, g.k, ${refStructure} AS structure_id, ${refPro} AS professional_id,
          CASE WHEN g.k = 0 THEN ${at(`p.ref_day + floor(${ra(50)} * 3)::int`, 9)} END AS invited_at,
          CASE WHEN g.k = 0 THEN ${at(`p.ref_day + floor(${ra(50)} * 3)::int + floor(${ra(51)} * 8)::int`, 10)}
            ELSE ${at(`p.ref_day + 12 + 45 * g.k + floor(${ra(52)} * 15)::int - 10`, 10)} END AS booked_at,
          ((CASE WHEN g.k = 0 THEN p.ref_day + floor(${ra(50)} * 3)::int + floor(${ra(51)} * 8)::int + 2 + floor(${ra(53)} * 15)::int
            ELSE p.ref_day + 12 + 45 * g.k + floor(${ra(52)} * 15)::int END) + time '09:00'
            + make_interval(mins => 30 * floor(${ra(54)} * 16)::int)) AT TIME ZONE 'Europe/Paris' AS starts_at,
          ${ra(55)} AS u, p.closed_day
        FROM bench_people p CROSS JOIN generate_series(0, 3) AS g(k)
        WHERE g.k < p.appt_n
      ) q
      WHERE (q.k = 0 OR q.booked_at <= ${now}) AND (q.invited_at IS NULL OR q.invited_at <= ${now})
        AND (q.closed_day IS NULL OR (q.starts_at AT TIME ZONE 'Europe/Paris')::date < q.closed_day)`,
    `INSERT INTO appointment_slots (id, structure_id, professional_id, starts_at, ends_at, capacity, booked_count, reception,
        modalite, created_by, created_at)
      SELECT ${uid("71000000", "a.n")}, a.structure_id, a.professional_id, a.starts_at, a.starts_at + interval '45 minutes', 1,
        CASE WHEN a.status = 'EXCUSE' THEN 0 ELSE 1 END, 'INDIVIDUEL', 'SUR_PLACE', a.professional_id,
        LEAST(COALESCE(a.invited_at, a.booked_at), a.booked_at) - interval '7 days'
      FROM bench_appts a WHERE a.status <> 'INVITE'`,
    `INSERT INTO appointments (id, person_id, structure_id, slot_id, purpose, status, invited_by, invited_at, invitation_expires_on,
        booked_by_kind, booked_by, booked_at, attendance_recorded_by, attendance_recorded_at, created_at, updated_at)
      SELECT ${uid("70000000", "a.n")}, ${uid("10000000", "a.i")}, a.structure_id,
        CASE WHEN a.status <> 'INVITE' THEN ${uid("71000000", "a.n")} END,
        CASE WHEN a.k = 0 THEN 'PREMIER_RDV_ACCOMPAGNEMENT' ELSE 'SUIVI' END, a.status,
        CASE WHEN a.k = 0 THEN a.professional_id END, a.invited_at,
        CASE WHEN a.k = 0 THEN (a.invited_at AT TIME ZONE 'Europe/Paris')::date + 15 END,
        CASE WHEN a.status = 'INVITE' THEN NULL WHEN a.k = 0 THEN 'person' ELSE 'professional' END,
        CASE WHEN a.status = 'INVITE' THEN NULL WHEN a.k = 0 THEN ${uid("10000000", "a.i")}::text ELSE a.professional_id::text END,
        CASE WHEN a.status <> 'INVITE' THEN a.booked_at END,
        CASE WHEN a.status IN ('HONORE', 'ABSENT', 'EXCUSE') THEN a.professional_id END,
        CASE WHEN a.status IN ('HONORE', 'ABSENT', 'EXCUSE') THEN a.starts_at + interval '1 hour' END,
        COALESCE(a.invited_at, a.booked_at),
        CASE WHEN a.status IN ('HONORE', 'ABSENT', 'EXCUSE') THEN a.starts_at + interval '1 hour'
          WHEN a.status = 'INVITE' THEN a.invited_at ELSE a.booked_at END
      FROM bench_appts a`,
  );

  await run(
    "nettoyage des tables de travail",
    "DROP TABLE bench_depts, bench_communes, bench_people_base, bench_people, bench_appts",
  );
  return steps;
}
