-- Steering facts, one row per appointment with its Paris dates (appointment, invitation, booking) and the
-- person's territory; then the appointments transmitted by a département in its liste minimale (pilotage.md
-- §5): the accompaniment appointments and the orientation appointment, with their attendance. Invitation and
-- booking dates are not in the list (OPS-02 is not computed from transmitted data).
SELECT
  a.id,
  a.person_id,
  a.status,
  a.purpose,
  a.booked_by_kind,
  (s.starts_at AT TIME ZONE 'Europe/Paris')::date AS appointment_date,
  (a.invited_at AT TIME ZONE 'Europe/Paris')::date AS invited_date,
  (a.booked_at AT TIME ZONE 'Europe/Paris')::date AS booked_date,
  pe.departement,
  d.region_code,
  co.zone_emploi_code,
  'SOCLE'::text AS source
FROM appointments a
JOIN persons pe ON pe.id = a.person_id
LEFT JOIN appointment_slots s ON s.id = a.slot_id
LEFT JOIN departements d ON d.code = pe.departement
LEFT JOIN communes co ON co.code = pe.commune_code
UNION ALL
SELECT
  md5(x.id::text || ':rdv:' || r.n::text)::uuid,
  x.person_key,
  CASE r.v ->> 'presence' WHEN 'present' THEN 'HONORE' WHEN 'absent' THEN 'ABSENT' ELSE 'EXCUSE' END,
  CASE r.v ->> 'motif' WHEN 'PREMIER_RDV' THEN 'PREMIER_RDV_ACCOMPAGNEMENT' ELSE r.v ->> 'motif' END,
  NULL::text,
  (r.v ->> 'date')::date,
  NULL::date,
  NULL::date,
  x.departement,
  d.region_code,
  co.zone_emploi_code,
  'DEPARTEMENT'::text
FROM external_parcours_facts x
CROSS JOIN LATERAL jsonb_array_elements(x.appointments) WITH ORDINALITY AS r(v, n)
LEFT JOIN departements d ON d.code = x.departement
LEFT JOIN communes co ON co.code = x.commune_code
UNION ALL
SELECT
  md5(x.id::text || ':rdv-orientation')::uuid,
  x.person_key,
  CASE x.orientation_appointment_presence WHEN 'present' THEN 'HONORE' WHEN 'absent' THEN 'ABSENT' ELSE 'EXCUSE' END,
  'RDV_ORIENTATION',
  NULL::text,
  x.orientation_appointment_date,
  NULL::date,
  NULL::date,
  x.departement,
  d.region_code,
  co.zone_emploi_code,
  'DEPARTEMENT'::text
FROM external_parcours_facts x
LEFT JOIN departements d ON d.code = x.departement
LEFT JOIN communes co ON co.code = x.commune_code
WHERE x.orientation_appointment_date IS NOT NULL
