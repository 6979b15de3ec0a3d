-- Steering facts, one row per person with a diagnostic (pilotage.md IND-V3-M4): the date of the first
-- diagnostic interview (first version recorded) and of the first accompaniment action found in Socle's
-- own tables: the start of the first programme week of a signed contract on or after the diagnostic.
SELECT
  dg.person_id,
  pe.departement,
  d.region_code,
  pe.commune_code,
  co.zone_emploi_code,
  f.first_diagnostic_date,
  (SELECT min(to_date(v.content -> 'programme' ->> 'semaineIso', 'IYYY-"W"IW'))
   FROM contract_versions v
   JOIN contracts c ON c.id = v.contract_id
   WHERE c.person_id = dg.person_id AND v.signed_at IS NOT NULL
     AND (v.content -> 'programme' ->> 'semaineIso') ~ '^[0-9]{4}-W[0-9]{2}$'
     AND to_date(v.content -> 'programme' ->> 'semaineIso', 'IYYY-"W"IW') >= f.first_diagnostic_date
  ) AS first_action_date,
  'SOCLE'::text AS source
FROM diagnostics dg
JOIN persons pe ON pe.id = dg.person_id
LEFT JOIN departements d ON d.code = pe.departement
LEFT JOIN communes co ON co.code = pe.commune_code
CROSS JOIN LATERAL (
  SELECT min((dv.created_at AT TIME ZONE 'Europe/Paris')::date) AS first_diagnostic_date
  FROM diagnostic_versions dv
  WHERE dv.diagnostic_id = dg.id
) f
WHERE f.first_diagnostic_date IS NOT NULL
UNION ALL
-- a département's first diagnostic (liste minimale) and its first action: the first programme week of a signed
-- contract or the first service (prestation) started on or after it, among all the person's rows
SELECT
  x.person_key AS person_id,
  x.departement,
  d.region_code,
  x.commune_code,
  co.zone_emploi_code,
  x.first_diagnostic_date,
  (SELECT min(a.action_date)
   FROM external_parcours_facts y
   CROSS JOIN LATERAL (
     SELECT (e ->> 'debutProgramme')::date AS action_date FROM jsonb_array_elements(y.contracts) e
     UNION ALL
     SELECT (e ->> 'debut')::date FROM jsonb_array_elements(y.services) e
   ) a
   WHERE y.departement = x.departement AND y.person_key = x.person_key
     AND a.action_date >= x.first_diagnostic_date
  ) AS first_action_date,
  'DEPARTEMENT'::text AS source
FROM external_parcours_facts x
LEFT JOIN departements d ON d.code = x.departement
LEFT JOIN communes co ON co.code = x.commune_code
WHERE x.first_diagnostic_date IS NOT NULL
