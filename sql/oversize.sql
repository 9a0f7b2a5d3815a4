-- Values too long for a key: a clear error (22001) naming the limit and
-- the row, before any index sees them; nothing of the statement applied.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

CREATE TABLE big (account text, email text, campaign bigint, type text, at timestamptz);
SELECT bounce.track_events('big', 'email', 'type', 'campaign', 'at', tenant => 'account') IS NOT NULL AS attached;

-- a 3 KB address in the third row of a batch
\set VERBOSITY default
INSERT INTO big VALUES
	('t', 'a@big.test', 1, 'sent', '2024-05-01'),
	('t', 'b@big.test', 1, 'sent', '2024-05-01'),
	('t', repeat('x', 3000) || '@big.test', 1, 'sent', '2024-05-01'),
	('t', 'c@big.test', 1, 'sent', '2024-05-01');
SELECT count(*) AS applied FROM bounce.address_state WHERE address LIKE '%@big.test';
SELECT count(*) AS listed_invalid FROM bounce.invalid_address WHERE address LIKE '%@big.test';
-- a tenant too long
INSERT INTO big VALUES (repeat('t', 600), 'a@big.test', 1, 'sent', '2024-05-01');
-- COPY the same
COPY big FROM stdin;
t	d@big.test	1	sent	2024-05-01
t	eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee@big.test	1	sent	2024-05-01
\.
SELECT count(*) AS applied FROM bounce.address_state WHERE address LIKE '%@big.test';
-- a long address within the limit is only invalid (too long for RFC 5321)
INSERT INTO big VALUES ('t', repeat('y', 300) || '@big.test', 1, 'sent', '2024-05-01');
SELECT length(address), problem FROM bounce.invalid_address WHERE address LIKE '%@big.test';
-- bounce.note_invalid() refuses the same way
SELECT bounce.note_invalid(repeat('z', 2000) || '@big.test', 't');
DELETE FROM bounce.invalid_address WHERE address LIKE '%@big.test';
DELETE FROM bounce.suppression WHERE address LIKE '%@big.test';
DROP TABLE big;
