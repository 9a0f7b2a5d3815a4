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

-- bounce.tally also counts messages known delivered and complaints (a
-- complaint is not a bounce: it counts in its own rate).  The type keeps
-- 1.0's 40 bytes: a value without deliveries and complaints keeps 1.0's
-- layout and bytes, one with them is packed (src/core/tally.h), so every
-- stored 1.0 value reads as it was.  Text: 1.0's form is read and written
-- as before; ",delivered=N,complaints=N" is added when either is non-zero.
-- Binary: format version 2 adds the two counts; versions 1 and 2 are read.

CREATE TYPE bounce.complaint_tier AS ENUM ('good', 'elevated', 'too_high', 'critical');
COMMENT ON TYPE bounce.complaint_tier IS
	'tier of a complaint rate, from the mailbox providers'' thresholds for bulk senders: good below 0.1 %, elevated from 0.1 % to below 0.3 % (Google and Yahoo: keep below 0.1 %; Amazon SES reviews at 0.1 %), too_high from 0.3 % to below 0.5 % (Google and Yahoo: never reach 0.3 %), critical at 0.5 % and above (Amazon SES may pause sending)';

-- 1.0's entry point keeps sending format version 1 until this update runs.
CREATE OR REPLACE FUNCTION bounce.tally_send(bounce.tally) RETURNS bytea
	AS 'MODULE_PATHNAME', 'bounce_tally_send_v2'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_send(bounce.tally) IS
	'binary output function of bounce.tally: a format version byte (2), then sent, hard, soft, block, undetermined, delivered and complaints as int8';
COMMENT ON FUNCTION bounce.tally_recv(internal) IS
	'binary input function of bounce.tally: a format version byte, then sent, hard, soft, block and undetermined as int8 (version 1, 1.0''s), then also delivered and complaints (version 2)';
COMMENT ON FUNCTION bounce.tally_in(cstring) IS
	'input function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N), optionally with ,delivered=N,complaints=N before the closing parenthesis';
COMMENT ON FUNCTION bounce.tally_out(bounce.tally) IS
	'output function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N), with ,delivered=N,complaints=N before the closing parenthesis when either is non-zero';
COMMENT ON TYPE bounce.tally IS
	'messages sent and, of those, bounced by kind (hard, soft, block, undetermined), known delivered, and complained about; written (sent=N,hard=N,soft=N,block=N,undetermined=N[,delivered=N,complaints=N]); never more bounces, deliveries or complaints than sent';

-- No defaults: bounce.tally(sent, ...) with five or fewer arguments stays
-- 1.0's function.
CREATE FUNCTION bounce.tally(sent bigint, hard bigint, soft bigint,
		block bigint, undetermined bigint, delivered bigint, complaints bigint)
	RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_make'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally(bigint, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'a tally from counts made elsewhere, with deliveries (0: not counted) and complaints; counts cannot be negative, and bounces, deliveries and complaints each cannot outnumber sent';

-- Not STRICT, as bounce.tally_count(bounce.tally, bounce.kind).
CREATE FUNCTION bounce.tally_count(bounce.tally, bounce.kind, boolean, boolean)
	RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_count_message'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_count(bounce.tally, bounce.kind, boolean, boolean) IS
	'the tally plus one message sent with this outcome (NULL or none: it did not bounce), known delivered when the first boolean is true, complained about when the second is: the transition function of bounce.tally(bounce.kind, boolean, boolean)';

CREATE AGGREGATE bounce.tally(outcome bounce.kind, delivered boolean, complained boolean) (
	SFUNC = bounce.tally_count,
	STYPE = bounce.tally,
	COMBINEFUNC = bounce.tally_add,
	INITCOND = '(sent=0,hard=0,soft=0,block=0,undetermined=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE bounce.tally(bounce.kind, boolean, boolean) IS
	'tally of one row per message sent: its outcome kind (NULL or none: did not bounce), whether it is known delivered, whether its recipient complained (NULL: no); gives the bounce rate and tier and the complaint rate and tier in one pass';

CREATE FUNCTION bounce.delivered(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_delivered'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.delivered(bounce.tally) IS
	'messages known delivered; 0 when the tally counts no delivery';

CREATE FUNCTION bounce.complaints(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_complaints'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaints(bounce.tally) IS
	'complaints (feedback-loop reports, "this is spam"); not bounces';

CREATE FUNCTION bounce.complaint_rate(bounce.tally) RETURNS double precision
	AS 'MODULE_PATHNAME', 'bounce_tally_complaint_rate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_rate(bounce.tally) IS
	'complaint rate in percent: complaints * 100 / delivered, or complaints * 100 / sent when the tally counts no delivery; NULL when nothing was sent';

CREATE FUNCTION bounce.complaint_tier(bounce.tally) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_tally_complaint_tier'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(bounce.tally) IS
	'tier of the complaint rate, compared exactly with the boundaries of bounce.complaint_tier; NULL when nothing was sent';

CREATE FUNCTION bounce.complaint_tier(complaint_rate double precision) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_complaint_tier_float8'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(double precision) IS
	'tier of a complaint rate in percent (0 to 100), such as the spam rate of Google Postmaster Tools';

CREATE FUNCTION bounce.complaint_tier(complaint_rate numeric) RETURNS bounce.complaint_tier
	AS 'MODULE_PATHNAME', 'bounce_complaint_tier_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.complaint_tier(numeric) IS
	'tier of a complaint rate in percent (0 to 100), compared exactly';

-- ---------------------------------------------------------------------------
-- Citus
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Usability: operators reachable without the search_path
-- ---------------------------------------------------------------------------
