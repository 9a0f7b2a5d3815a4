-- The user's objects still work and the events are still tracked: with the
-- new library under the old version's SQL (before ALTER EXTENSION UPDATE),
-- after the update, and after a dump and restore.  The old version's API
-- only (after-current.sql checks what the new version adds).  Each check
-- prints "ok NAME" or "FAILED NAME: what it got"; the script counts the
-- FAILED lines, and compares the output of the updated and the restored
-- database.  Used by test/check-upgrade.sh (psql -qXAt -f).
SET client_min_messages = warning;
SET timezone = 'UTC';
SET extra_float_digits = 0;

CREATE FUNCTION pg_temp.check(name text, got text, want text) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN got IS NOT DISTINCT FROM want THEN 'ok ' || name
		   ELSE 'FAILED ' || name || ': got ' || coalesce(got, 'NULL') || ', want ' || coalesce(want, 'NULL') END
$$;
CREATE FUNCTION pg_temp.sqlstate_of(statement text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE statement;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

-- The state built under the old version reads as it was.
SELECT pg_temp.check('state of the old events',
	(SELECT string_agg(address || '=' || status || coalesce('/' || suppression_reason, ''), ' ' ORDER BY address)
	 FROM bounce.address_state WHERE tenant = '7'),
	'angry@example.com=suppressed/complaint back@example.com=active fine@example.com=active gone@example.com=confirmed leaver@example.com=suppressed/unsubscribe once@example.com=active zq@example.com=active');
SELECT pg_temp.check('the old audit',
	(SELECT string_agg(address || ':' || action, ' ' ORDER BY id) FROM bounce.suppression_audit
	 WHERE address IN ('back@example.com', 'manual@example.com')),
	'back@example.com:suppress back@example.com:unsuppress manual@example.com:suppress');

-- Events are still tracked: a second hard bounce confirms once@ (the
-- tenant's policy says 2), a complaint suppresses fine@.
INSERT INTO shop.events (account_id, email, campaign_id, type, smtp_code, smtp_status, diagnostic, occurred_at) VALUES
	(7, 'once@example.com', 3, 'sent', NULL, NULL, NULL, '2024-05-03 10:00'),
	(7, 'once@example.com', 3, 'bounce', 550, '5.1.1', '550 5.1.1 user unknown', '2024-05-03 10:05'),
	(7, 'fine@example.com', 3, 'complaint', NULL, NULL, NULL, '2024-05-03 12:00');
SELECT pg_temp.check('still tracked',
	(SELECT string_agg(address || '=' || status, ' ' ORDER BY address) FROM bounce.address_state
	 WHERE tenant = '7' AND address IN ('once@example.com', 'fine@example.com')),
	'fine@example.com=suppressed once@example.com=confirmed');
SELECT pg_temp.check('sendable', bounce.sendable('once@example.com', '7')::text || ' '
	|| bounce.sendable('back@example.com', '7')::text, 'false true');
-- The sender's rule, and the sender's reason -> kind map.
SELECT pg_temp.check('the sender''s rule',
	(bounce.classify('550 quarantined by gateway zq', tenant => '7')).reason::text, 'filtered');
SELECT pg_temp.check('the sender''s kind map', bounce.kind_of('spam_detected', '7')::text, 'soft');

-- The user's triggers fire: the guard (the extension's function) refuses a
-- suppressed address (1.1's library raises 23Q02, 1.0's code was 23B02: the
-- README's upgrade notes list both); the user's function classifies with the
-- extension's.
SELECT pg_temp.check('guard trigger',
	pg_temp.sqlstate_of($$INSERT INTO shop.contacts (account_id, email) VALUES (7, 'angry@example.com')$$), '23Q02');
SELECT pg_temp.check('guard trigger lets a clean address in',
	pg_temp.sqlstate_of($$INSERT INTO shop.contacts (account_id, email) VALUES (7, 'new@example.com')$$), 'ok');
INSERT INTO shop.bounce_log (account_id, diagnostic, status) VALUES (7, '550 5.1.1 No such user', '5.1.1');
SELECT pg_temp.check('user trigger', (SELECT reason || '/' || kind FROM shop.bounce_log ORDER BY id DESC LIMIT 1),
	'user_unknown/hard');

-- The user's view works.
SELECT pg_temp.check('user view',
	(SELECT string_agg(format('%s/%s %s %s %s', account_id, campaign_id, t, tier, sendable), '; '
					   ORDER BY account_id, campaign_id) FROM shop.campaign_report),
	'7/1 (sent=7,hard=2,soft=1,block=0,undetermined=0) critical 2; 7/2 (sent=1,hard=1,soft=0,block=0,undetermined=0) critical 0; 7/3 (sent=1,hard=1,soft=0,block=0,undetermined=0) critical 0; 8/1 (sent=1,hard=0,soft=0,block=1,undetermined=0) excellent 1');


-- The stored tallies read as they were.
SELECT pg_temp.check('old tallies',
	(SELECT string_agg(day || ' ' || t, '; ' ORDER BY day) FROM shop.daily),
	'2024-05-01 (sent=1000,hard=12,soft=3,block=5,undetermined=1); 2024-05-02 (sent=9223372036854775807,hard=4,soft=3,block=2,undetermined=1); 2024-05-03 (sent=0,hard=0,soft=0,block=0,undetermined=0); 2024-05-04 (sent=7,hard=2,soft=1,block=0,undetermined=0)');
SELECT pg_temp.check('old tally in an array', (SELECT history[2]::text FROM shop.daily WHERE day = '2024-05-03'),
	'(sent=20,hard=0,soft=2,block=0,undetermined=0)');
SELECT pg_temp.check('old tallies through the index',
	(SELECT string_agg(day::text, ' ') FROM shop.daily WHERE bounce.sent(t) = 1000), '2024-05-01');
SELECT pg_temp.check('old tallies roll up',
	(SELECT bounce.tally(t)::text || ' ' || bounce.tier(bounce.tally(t)) FROM shop.daily WHERE day <> '2024-05-02'),
	'(sent=1007,hard=14,soft=4,block=5,undetermined=1) acceptable');
