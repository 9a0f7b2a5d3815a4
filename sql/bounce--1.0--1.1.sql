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

-- ---------------------------------------------------------------------------
-- Tallies: complaints and complaint rates
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Usability: operators reachable without the search_path
-- ---------------------------------------------------------------------------

-- Nothing here, on purpose.  The operators of bounce.smtp_status and
-- bounce.tally stay in schema bounce: `status < '5.1.10'` needs bounce on
-- the search_path (ALTER DATABASE ... SET search_path = "$user", public,
-- bounce) or OPERATOR(bounce.<), as README "Status codes" says.  Tried and
-- rejected: an implicit binary-coercible cast to int4, so that pg_catalog's
-- int4 operators apply (then `status = '5.1.1'` resolves to int4 = int4 and
-- fails on the literal, `status = 5001001` passes silently, and no index on
-- a status column is used: a Seq Scan where OPERATOR(bounce.=) gives an
-- Index Only Scan); and a NOTICE from the install (CREATE EXTENSION raises
-- client_min_messages to WARNING while the script runs, so a NOTICE is never
-- seen, and a WARNING on every correct install is wrong).  sql/search_path.sql
-- shows the behaviour.
