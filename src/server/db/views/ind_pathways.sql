-- Steering facts, one row per parcours (pathway): its territory (the parcours' département, the person's
-- residence commune and its zone d'emploi), T0, closure, T1 of the orientation delay (the first orientation
-- notified or a named référent designated, pilotage.md IND-V2-02) and the first orientation decided.
-- No name, no identifier other than internal UUIDs: aggregated by server/steering/steering.repository.ts.
SELECT
  pa.id AS parcours_id,
  pa.person_id,
  pa.departement,
  d.region_code,
  pe.commune_code,
  c.zone_emploi_code,
  pa.origine,
  pa.origine = 'INSCRIPTION_AUTO_CAF' AS new_entrant,
  pa.t0_date,
  (pa.opened_at AT TIME ZONE 'Europe/Paris')::date AS opened_date,
  (pa.closed_at AT TIME ZONE 'Europe/Paris')::date AS closed_date,
  pa.exit_reason,
  LEAST(n.first_notified_date, r.first_referent_date) AS oriented_date,
  fo.parcours_retenu AS first_parcours_type,
  fo.organisme_retenu AS first_organisme,
  fo.structure_id AS first_structure_id,
  'SOCLE'::text AS source
FROM parcours pa
JOIN persons pe ON pe.id = pa.person_id
LEFT JOIN departements d ON d.code = pa.departement
LEFT JOIN communes c ON c.code = pe.commune_code
LEFT JOIN LATERAL (
  SELECT min((o.notified_at AT TIME ZONE 'Europe/Paris')::date) AS first_notified_date
  FROM orientations o
  WHERE o.parcours_id = pa.id AND o.decision IS NOT NULL AND o.notified_at IS NOT NULL
) n ON true
LEFT JOIN LATERAL (
  SELECT min((f.started_at AT TIME ZONE 'Europe/Paris')::date) AS first_referent_date
  FROM follow_ups f
  WHERE f.person_id = pa.person_id AND f.role = 'referent' AND f.professional_id IS NOT NULL
    AND f.started_at >= pa.opened_at
) r ON true
LEFT JOIN LATERAL (
  SELECT o.parcours_retenu, o.organisme_retenu, o.structure_id
  FROM orientations o
  WHERE o.parcours_id = pa.id AND o.decision IS NOT NULL
  ORDER BY o.decided_at, o.id
  LIMIT 1
) fo ON true
UNION ALL
-- the same facts transmitted by a département that runs its own system (liste minimale, pilotage.md §5)
SELECT
  x.id AS parcours_id,
  x.person_key AS person_id,
  x.departement,
  d.region_code,
  x.commune_code,
  c.zone_emploi_code,
  'LISTE_MINIMALE'::text AS origine,
  x.new_entrant,
  x.t0_date,
  x.opened_date,
  x.closed_date,
  x.exit_reason,
  x.oriented_date,
  x.orientations -> 0 ->> 'type' AS first_parcours_type,
  x.orientations -> 0 ->> 'organisme' AS first_organisme,
  NULL::uuid AS first_structure_id,
  'DEPARTEMENT'::text AS source
FROM external_parcours_facts x
LEFT JOIN departements d ON d.code = x.departement
LEFT JOIN communes c ON c.code = x.commune_code
