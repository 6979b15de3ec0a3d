-- Steering facts, one row per decided orientation with the Paris dates it was in force: from its decision
-- to its closure (transition to CLOTURE: replaced by a re-orientation or the pathway closed).
SELECT
  o.id AS orientation_id,
  o.parcours_id,
  o.person_id,
  o.parcours_retenu AS parcours_type,
  o.organisme_retenu AS organisme,
  o.structure_id,
  (o.decided_at AT TIME ZONE 'Europe/Paris')::date AS decided_date,
  COALESCE(
    (SELECT min((t.at AT TIME ZONE 'Europe/Paris')::date)
     FROM orientation_transitions t
     WHERE t.orientation_id = o.id AND t.to_etat = 'CLOTURE'),
    CASE WHEN o.etat = 'CLOTURE' THEN (o.updated_at AT TIME ZONE 'Europe/Paris')::date END
  ) AS closed_date,
  'SOCLE'::text AS source
FROM orientations o
WHERE o.decision IS NOT NULL AND o.decided_at IS NOT NULL
UNION ALL
-- the orientation history transmitted by a département (liste minimale): in force from its start to its end
SELECT
  md5(x.id::text || ':orientation:' || o.n::text)::uuid AS orientation_id,
  x.id AS parcours_id,
  x.person_key AS person_id,
  o.v ->> 'type' AS parcours_type,
  o.v ->> 'organisme' AS organisme,
  NULL::uuid AS structure_id,
  (o.v ->> 'debut')::date AS decided_date,
  (o.v ->> 'fin')::date AS closed_date,
  'DEPARTEMENT'::text AS source
FROM external_parcours_facts x
CROSS JOIN LATERAL jsonb_array_elements(x.orientations) WITH ORDINALITY AS o(v, n)
