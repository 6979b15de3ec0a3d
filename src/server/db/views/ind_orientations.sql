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
  ) AS closed_date
FROM orientations o
WHERE o.decision IS NOT NULL AND o.decided_at IS NOT NULL
