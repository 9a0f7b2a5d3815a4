-- bounce--1.0--1.1.sql: everything 1.1 adds to or changes in 1.0.
-- 1.0's install script is frozen; CREATE EXTENSION bounce (1.1) runs it and
-- then this script, so a fresh install and an update of 1.0 are one path
-- (test/check-upgrade.sh proves they give the same objects).
-- One section per feature; each keeps to its own section.

\echo Use "ALTER EXTENSION bounce UPDATE TO '1.1'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Security and tenancy
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Address state: address key, partitions, several tables, retention
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Classification
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Bounce and feedback messages
-- ---------------------------------------------------------------------------

-- bounce.parse_message: a whole bounce, feedback report (RFC 5965) or
-- auto-reply (RFC 3834) as received, one row per recipient, classified
-- with the built-in rules (the sender's rules apply when the rows are
-- classified again with bounce.classify(), see the README).  The text and
-- bytea forms read the same bytes; bytea is for messages whose bytes are
-- not valid in the database encoding.  Zero rows for anything else.
CREATE FUNCTION bounce.parse_message(message text,
		OUT recipient text, OUT action text, OUT status bounce.smtp_status,
		OUT reply_code integer, OUT diagnostic text, OUT remote text,
		OUT command text, OUT arrived_at timestamp with time zone,
		OUT feedback_type text, OUT message_id text, OUT feedback_id text,
		OUT reason bounce.reason, OUT kind bounce.kind, OUT format text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'bounce_parse_message'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION bounce.parse_message(text) IS
	'the recipients of a bounce message (RFC 3464 DSN, MTA text formats), feedback report (RFC 5965) or auto-reply (RFC 3834): one row each, classified with the built-in rules; zero rows for any other message';

CREATE FUNCTION bounce.parse_message(message bytea,
		OUT recipient text, OUT action text, OUT status bounce.smtp_status,
		OUT reply_code integer, OUT diagnostic text, OUT remote text,
		OUT command text, OUT arrived_at timestamp with time zone,
		OUT feedback_type text, OUT message_id text, OUT feedback_id text,
		OUT reason bounce.reason, OUT kind bounce.kind, OUT format text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'bounce_parse_message'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;
COMMENT ON FUNCTION bounce.parse_message(bytea) IS
	'bounce.parse_message(text) for a message kept as bytes';

-- ---------------------------------------------------------------------------
-- Tallies: complaints and complaint rates
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Usability: operators reachable without the search_path
-- ---------------------------------------------------------------------------
