-- After the update to the current version (and after a dump and restore):
-- what the new version adds works on the data of the old one.  Tallies
-- stored by the old library work with complaint rates and take complaints.
-- Runs after after.sql, whose helpers it uses.  Used by
-- test/check-upgrade.sh (psql -qXAt -f).
-- Complaints, 1.1: the tallies stored by 1.0 work with the new functions
-- and take complaints.
SELECT pg_temp.check('complaint rate of an old tally',
	(SELECT bounce.complaint_rate(t) || ' ' || bounce.complaint_tier(t) || ' ' || bounce.tier(t)
	 FROM shop.daily WHERE day = '2024-05-01'), '0 good acceptable');
SELECT pg_temp.check('binary form of an old tally is version 2 now',
	(SELECT substr(bounce.tally_send(t)::text, 1, 4) FROM shop.daily WHERE day = '2024-05-01'), '\x02');
UPDATE shop.daily SET t = t OPERATOR(bounce.+) bounce.tally(1000, 0, 0, 0, 0, 990, 1) WHERE day = '2024-05-01';
SELECT pg_temp.check('old tally plus complaints',
	(SELECT t::text || ' ' || bounce.complaint_tier(t) FROM shop.daily WHERE day = '2024-05-01'),
	'(sent=2000,hard=12,soft=3,block=5,undetermined=1,delivered=990,complaints=1) elevated');
SELECT pg_temp.check('rollup of old and new tallies',
	(SELECT bounce.tally(t)::text FROM shop.daily WHERE day <> '2024-05-02'),
	'(sent=2007,hard=14,soft=4,block=5,undetermined=1,delivered=990,complaints=1)');
