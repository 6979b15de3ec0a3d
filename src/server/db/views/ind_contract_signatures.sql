-- Steering facts, one row per signed version of a contrat d'engagement: the signature date, the hours
-- planned in its weekly programme (intensive accompaniment: 15 h, pilotage.md IND-V3-M5), the Monday of
-- the programme's ISO week (the start of the first activities), the contract's closure, and the person's
-- territory (département, residence commune and its zone d'emploi).
SELECT
  v.contract_id,
  c.person_id,
  v.numero,
  (v.signed_at AT TIME ZONE 'Europe/Paris')::date AS signed_date,
  COALESCE((
    SELECT sum((a ->> 'heuresPrevues')::numeric)
    FROM jsonb_array_elements(
      CASE WHEN jsonb_typeof(v.content -> 'programme' -> 'activites') = 'array'
        THEN v.content -> 'programme' -> 'activites' ELSE '[]'::jsonb END
    ) a
  ), 0) AS programme_hours,
  CASE WHEN (v.content -> 'programme' ->> 'semaineIso') ~ '^[0-9]{4}-W[0-9]{2}$'
    THEN to_date(v.content -> 'programme' ->> 'semaineIso', 'IYYY-"W"IW') END AS programme_start_date,
  (SELECT min((t.at AT TIME ZONE 'Europe/Paris')::date)
   FROM contract_transitions t
   WHERE t.contract_id = c.id AND t.to_state = 'CLOTURE') AS contract_closed_date,
  pe.departement,
  d.region_code,
  pe.commune_code,
  co.zone_emploi_code,
  'SOCLE'::text AS source
FROM contract_versions v
JOIN contracts c ON c.id = v.contract_id
JOIN persons pe ON pe.id = c.person_id
LEFT JOIN departements d ON d.code = pe.departement
LEFT JOIN communes co ON co.code = pe.commune_code
WHERE v.signed_at IS NOT NULL
UNION ALL
-- the signed contracts transmitted by a département (liste minimale): one row per signature, numbered by contract
SELECT
  md5(x.id::text || ':contrat:' || (k.v ->> 'numero'))::uuid AS contract_id,
  x.person_key AS person_id,
  k.n::int AS numero,
  (k.v ->> 'signature')::date AS signed_date,
  (k.v ->> 'heures')::numeric AS programme_hours,
  (k.v ->> 'debutProgramme')::date AS programme_start_date,
  (k.v ->> 'cloture')::date AS contract_closed_date,
  x.departement,
  d.region_code,
  x.commune_code,
  co.zone_emploi_code,
  'DEPARTEMENT'::text AS source
FROM external_parcours_facts x
CROSS JOIN LATERAL jsonb_array_elements(x.contracts) WITH ORDINALITY AS k(v, n)
LEFT JOIN departements d ON d.code = x.departement
LEFT JOIN communes co ON co.code = x.commune_code
