-- PS-15: after a reorientation the former follow-up group loses write access at once (its rows become
-- 'membre') and read access after a transition period: read_until, after which the nightly follow-up run
-- (socle suivi detecter) ends the row.
ALTER TABLE follow_ups ADD COLUMN read_until timestamptz;
