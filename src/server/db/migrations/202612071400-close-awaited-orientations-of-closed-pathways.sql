-- An exit recorded while a re-orientation awaited its decision used to leave that orientation pending
-- (BROUILLON or EN_ATTENTE) on the closed pathway. Such an orientation outlived its pathway and refused the
-- person's next one (one pending orientation per person: a CAF/MSA import batch holding that person as a new
-- entrant failed). record-exit now closes it; this closes those left before, undecided, the same way: a
-- transition « close » by the system, with the pathway's exit reason, then the state.
INSERT INTO orientation_transitions (orientation_id, from_etat, to_etat, event, actor_kind, actor_id, at, reason)
SELECT o.id, o.etat, 'CLOTURE', 'close', 'system', 'migration', now(),
       'sortie du parcours : ' || coalesce(p.exit_reason, 'parcours clos')
FROM orientations o
JOIN parcours p ON p.id = o.parcours_id
WHERE p.statut_suivi = 'CLOS' AND o.etat IN ('BROUILLON', 'EN_ATTENTE')
ORDER BY o.created_at, o.id;

UPDATE orientations o
SET etat = 'CLOTURE', version = o.version + 1, updated_at = now()
FROM parcours p
WHERE p.id = o.parcours_id AND p.statut_suivi = 'CLOS' AND o.etat IN ('BROUILLON', 'EN_ATTENTE');
