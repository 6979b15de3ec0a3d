-- Steering facts, one row per period with a named référent (Paris dates, end excluded, null while it lasts):
-- Socle's follow-ups, then the periods transmitted by a département in its liste minimale (pilotage.md §5).
SELECT
  f.person_id,
  (f.started_at AT TIME ZONE 'Europe/Paris')::date AS start_date,
  (f.ended_at AT TIME ZONE 'Europe/Paris')::date AS end_date,
  'SOCLE'::text AS source
FROM follow_ups f
WHERE f.role = 'referent'
UNION ALL
SELECT
  x.person_key,
  (p.v ->> 'debut')::date,
  (p.v ->> 'fin')::date,
  'DEPARTEMENT'::text
FROM external_parcours_facts x
CROSS JOIN LATERAL jsonb_array_elements(x.referent_periods) AS p(v)
