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

-- bounce.explain() also says what decided the reason (issue 8): the C entry
-- point fills this eighth column when the type has it, so 1.0's seven-column
-- type keeps working with the same library.
ALTER TYPE bounce.explanation ADD ATTRIBUTE evidence text;
COMMENT ON COLUMN bounce.explanation.evidence IS
	'what decided the reason: the sender rule, or the built-in evidence (phrase and its group with its source, provider, enhanced status, reply code) and what the SMTP command or status then changed';

-- ---------------------------------------------------------------------------
-- Bounce and feedback messages
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Tallies: complaints and complaint rates
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Usability: operators reachable without the search_path
-- ---------------------------------------------------------------------------
