-- One address key (SPEC 2, rule 12): bounce.address_key() -- ASCII lower
-- case plus Unicode simple case folding, never a locale -- in the trigger,
-- the guards, sendable(), the suppression list; tenants compare bytewise.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

SELECT bounce.address_key('Jo.Doe@Example.ORG') AS ascii,
	   bounce.address_key('JÖRG@Bär.DE') AS latin1,
	   bounce.address_key('ΣΟΦΊΑ@Παράδειγμα.ΕΛ') AS greek,
	   bounce.address_key('ИВАН@ПРИМЕР.РФ') AS cyrillic,
	   bounce.address_key('STRAẞE@x.de') AS capital_sharp_s,
	   bounce.address_key('straße@x.de') AS sharp_s_kept,
	   bounce.address_key('İ@x.tr') AS dotted_i_kept,
	   bounce.address_key('Ａ@x.jp') AS fullwidth;
-- the same in every collation, unlike lower()
SELECT bounce.address_key('IİI@X.TR' COLLATE "C") AS key_c,
	   bounce.address_key('IİI@X.TR' COLLATE "tr-TR-x-icu") AS key_turkish,
	   lower('IİI@X.TR' COLLATE "C") AS lower_c,
	   lower('IİI@X.TR' COLLATE "tr-TR-x-icu") AS lower_turkish;
SELECT provolatile, proisstrict, proparallel FROM pg_proc
WHERE oid = 'bounce.address_key(text)'::regprocedure;

-- A non-ASCII address in two cases is one address, however it is written.
CREATE TABLE akev (account text, email text, campaign bigint, type text,
	diagnostic text, at timestamptz);
CREATE INDEX ON akev (account, bounce.address_key(email));
SELECT bounce.track_events('akev', 'email', 'type', 'campaign', 'at',
	diagnostic => 'diagnostic', tenant => 'account') IS NOT NULL AS attached;
INSERT INTO akev VALUES
	('t', 'ÉLODIE@Exemple.FR', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01'),
	('t', 'élodie@exemple.fr', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02');
INSERT INTO akev VALUES
	('t', 'Élodie@EXEMPLE.fr', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03');
SELECT tenant, address, status, hard_streak FROM bounce.address_state
WHERE tenant = 't' ORDER BY 1, 2;
SELECT bounce.sendable('ÉLODIE@EXEMPLE.FR', 't') AS upper_sendable,
	   bounce.sendable('élodie@exemple.fr', 't') AS lower_sendable;
-- a late event in another case replays the one address
INSERT INTO akev VALUES ('t', 'ÉLODIE@EXEMPLE.FR', 2, 'open', NULL, '2024-05-02 12:00');
SELECT tenant, address, status, hard_streak FROM bounce.address_state
WHERE tenant = 't' ORDER BY 1, 2;
-- the suppression list holds keys only
\set VERBOSITY terse
INSERT INTO bounce.suppression (tenant, address, reason) VALUES ('t', 'ÉLODIE@exemple.fr', 'manual');
INSERT INTO bounce.suppression (tenant, address, reason)
VALUES ('t', bounce.address_key('ÉLODIE@exemple.fr'), 'manual');
\set VERBOSITY default
SELECT bounce.sendable('Élodie@Exemple.FR', 't');
DELETE FROM bounce.suppression WHERE tenant = 't';
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = 'bounce.suppression'::regclass AND contype = 'c';

-- Tenants compare bytewise: a tenant column with a nondeterministic
-- (case-insensitive) collation does not mix ACME and acme in a replay.
CREATE COLLATION akey_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE akci (account text COLLATE akey_ci, email text COLLATE akey_ci,
	campaign bigint, type text, diagnostic text, at timestamptz);
CREATE INDEX ON akci (account, bounce.address_key(email));
SELECT bounce.track_events('akci', 'email', 'type', 'campaign', 'at',
	diagnostic => 'diagnostic', tenant => 'account') IS NOT NULL AS attached;
INSERT INTO akci VALUES
	('ACME', 'x@ci.test', 1, 'bounce', '550 5.1.1 user unknown', '2024-05-01'),
	('ACME', 'x@ci.test', 2, 'bounce', '550 5.1.1 user unknown', '2024-05-02'),
	('acme', 'x@ci.test', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-03');
SELECT 'ACME' = 'acme' COLLATE akey_ci AS collation_says_equal;
-- a late event for ACME replays ACME's events only
INSERT INTO akci VALUES ('ACME', 'X@CI.TEST', 3, 'bounce', '550 5.1.1 user unknown', '2024-05-01 12:00');
SELECT tenant, address, status, hard_streak, hard_campaigns FROM bounce.address_state
WHERE address = 'x@ci.test' ORDER BY tenant COLLATE "C";
SELECT addresses, events_replayed FROM bounce.rebuild('akci');
SELECT tenant, address, status, hard_streak, hard_campaigns FROM bounce.address_state
WHERE address = 'x@ci.test' ORDER BY tenant COLLATE "C";

DROP TABLE akev, akci;
DROP COLLATION akey_ci;
DELETE FROM bounce.address_state WHERE address LIKE '%@ci.test';
