
-- ---------------------------------------------------------------------------
-- Rates, tiers and health (SPEC section 6), and the recipient domain and
-- mailbox provider that reports group by.
--
-- bounce.tally counts messages sent and, of those, bounced by kind.  Two
-- aggregates make tallies: bounce.tally(bounce.kind) over one row per
-- message sent (NULL or none: it did not bounce), bounce.tally(bounce.tally)
-- over tallies (rollups).  Both have bounce.tally itself as state type and
-- a combine function, so they run in parallel and push down on Citus.
--
-- Rates are double precision percentages (bounced * 100 / sent), NULL when
-- nothing was sent.  Tiers and health are computed on the hard-bounce rate
-- exactly, in integers, so 2 hard bounces of 100 messages is acceptable.
-- ---------------------------------------------------------------------------

CREATE TYPE bounce.tier AS ENUM ('excellent', 'acceptable', 'concerning', 'poor', 'critical');
COMMENT ON TYPE bounce.tier IS
	'tier of a hard-bounce rate: excellent below 1 %, acceptable 1 % to 2 % inclusive, concerning above 2 % up to 5 %, poor above 5 % up to 10 %, critical above 10 %';

CREATE TYPE bounce.health AS ENUM ('healthy', 'unhealthy', 'risky');
COMMENT ON TYPE bounce.health IS
	'account health from a hard-bounce rate: healthy up to 2 % inclusive, unhealthy above 2 % up to 5 %, risky above 5 %';

-- The type.
CREATE TYPE bounce.tally;

CREATE FUNCTION bounce.tally_in(cstring) RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_in(cstring) IS
	'input function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N)';

CREATE FUNCTION bounce.tally_out(bounce.tally) RETURNS cstring
	AS 'MODULE_PATHNAME', 'bounce_tally_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_out(bounce.tally) IS
	'output function of bounce.tally: (sent=N,hard=N,soft=N,block=N,undetermined=N)';

CREATE FUNCTION bounce.tally_recv(internal) RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_recv(internal) IS
	'binary input function of bounce.tally: a format version byte (1), then sent, hard, soft, block and undetermined as int8';

CREATE FUNCTION bounce.tally_send(bounce.tally) RETURNS bytea
	AS 'MODULE_PATHNAME', 'bounce_tally_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_send(bounce.tally) IS
	'binary output function of bounce.tally: a format version byte (1), then sent, hard, soft, block and undetermined as int8';

CREATE TYPE bounce.tally (
	INPUT = bounce.tally_in,
	OUTPUT = bounce.tally_out,
	RECEIVE = bounce.tally_recv,
	SEND = bounce.tally_send,
	INTERNALLENGTH = 40,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE bounce.tally IS
	'messages sent and, of those, bounced by kind (hard, soft, block, undetermined), written (sent=N,hard=N,soft=N,block=N,undetermined=N); never more bounces than sent';

CREATE FUNCTION bounce.tally(sent bigint,
		hard bigint DEFAULT 0,
		soft bigint DEFAULT 0,
		block bigint DEFAULT 0,
		undetermined bigint DEFAULT 0)
	RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_make'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally(bigint, bigint, bigint, bigint, bigint) IS
	'a tally from counts made elsewhere; counts cannot be negative and the bounces cannot outnumber sent';

-- Arithmetic and the aggregates.
CREATE FUNCTION bounce.tally_add(bounce.tally, bounce.tally) RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_add'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_add(bounce.tally, bounce.tally) IS
	'sum of two tallies, counter by counter: the + operator, and the transition and combine function of the bounce.tally aggregates';

CREATE OPERATOR bounce.+ (
	LEFTARG = bounce.tally,
	RIGHTARG = bounce.tally,
	FUNCTION = bounce.tally_add,
	COMMUTATOR = OPERATOR(bounce.+)
);
COMMENT ON OPERATOR bounce.+ (bounce.tally, bounce.tally) IS
	'sum of two tallies, counter by counter';

CREATE FUNCTION bounce.tally_eq(bounce.tally, bounce.tally) RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_tally_eq'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_eq(bounce.tally, bounce.tally) IS
	'true when every counter of the two tallies is equal: the = operator';

CREATE FUNCTION bounce.tally_ne(bounce.tally, bounce.tally) RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_tally_ne'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_ne(bounce.tally, bounce.tally) IS
	'true when some counter of the two tallies differs: the <> operator';

CREATE OPERATOR bounce.= (
	LEFTARG = bounce.tally,
	RIGHTARG = bounce.tally,
	FUNCTION = bounce.tally_eq,
	COMMUTATOR = OPERATOR(bounce.=),
	NEGATOR = OPERATOR(bounce.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel
);
COMMENT ON OPERATOR bounce.= (bounce.tally, bounce.tally) IS
	'equal: every counter is equal';

CREATE OPERATOR bounce.<> (
	LEFTARG = bounce.tally,
	RIGHTARG = bounce.tally,
	FUNCTION = bounce.tally_ne,
	COMMUTATOR = OPERATOR(bounce.<>),
	NEGATOR = OPERATOR(bounce.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR bounce.<> (bounce.tally, bounce.tally) IS
	'not equal: some counter differs';

-- Not STRICT: a NULL kind is a message sent that did not bounce.  The state
-- is never NULL inside the aggregate (INITCOND); the function updates it in
-- place there, and copies it when called directly.
CREATE FUNCTION bounce.tally_count(bounce.tally, bounce.kind) RETURNS bounce.tally
	AS 'MODULE_PATHNAME', 'bounce_tally_count'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tally_count(bounce.tally, bounce.kind) IS
	'the tally plus one message sent with this outcome (NULL or none: it did not bounce): the transition function of bounce.tally(bounce.kind)';

CREATE AGGREGATE bounce.tally(bounce.kind) (
	SFUNC = bounce.tally_count,
	STYPE = bounce.tally,
	COMBINEFUNC = bounce.tally_add,
	INITCOND = '(sent=0,hard=0,soft=0,block=0,undetermined=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE bounce.tally(bounce.kind) IS
	'tally of one row per message sent, given its outcome kind: every row counts as sent, hard/soft/block/undetermined also as bounced; NULL or none did not bounce';

CREATE AGGREGATE bounce.tally(bounce.tally) (
	SFUNC = bounce.tally_add,
	STYPE = bounce.tally,
	COMBINEFUNC = bounce.tally_add,
	INITCOND = '(sent=0,hard=0,soft=0,block=0,undetermined=0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE bounce.tally(bounce.tally) IS
	'sum of tallies (rollups, such as campaigns into an account); NULL tallies are skipped; the zero tally over no rows';

-- Counts and rates.
CREATE FUNCTION bounce.sent(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_sent'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.sent(bounce.tally) IS
	'messages sent';

CREATE FUNCTION bounce.bounced(bounce.tally) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_bounced'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.bounced(bounce.tally) IS
	'messages bounced, of every kind (hard, soft, block, undetermined)';

CREATE FUNCTION bounce.bounced(bounce.tally, kind bounce.kind) RETURNS bigint
	AS 'MODULE_PATHNAME', 'bounce_tally_bounced_kind'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.bounced(bounce.tally, bounce.kind) IS
	'messages bounced of one kind; kind none is refused (those did not bounce)';

CREATE FUNCTION bounce.rate(bounce.tally) RETURNS double precision
	AS 'MODULE_PATHNAME', 'bounce_tally_rate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.rate(bounce.tally) IS
	'total bounce rate in percent, bounced * 100 / sent (hard, soft, block and undetermined); NULL when nothing was sent';

CREATE FUNCTION bounce.rate(bounce.tally, kind bounce.kind) RETURNS double precision
	AS 'MODULE_PATHNAME', 'bounce_tally_kind_rate'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.rate(bounce.tally, bounce.kind) IS
	'bounce rate of one kind in percent, bounced of that kind * 100 / sent; NULL when nothing was sent; kind none is refused';

-- Tiers and health.
CREATE FUNCTION bounce.tier(bounce.tally) RETURNS bounce.tier
	AS 'MODULE_PATHNAME', 'bounce_tally_tier'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tier(bounce.tally) IS
	'tier of the hard-bounce rate, compared exactly with the boundaries of bounce.tier; NULL when nothing was sent';

CREATE FUNCTION bounce.tier(hard_rate double precision) RETURNS bounce.tier
	AS 'MODULE_PATHNAME', 'bounce_rate_tier_float8'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tier(double precision) IS
	'tier of a hard-bounce rate in percent (0 to 100)';

CREATE FUNCTION bounce.tier(hard_rate numeric) RETURNS bounce.tier
	AS 'MODULE_PATHNAME', 'bounce_rate_tier_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.tier(numeric) IS
	'tier of a hard-bounce rate in percent (0 to 100), compared exactly';

CREATE FUNCTION bounce.health(bounce.tally) RETURNS bounce.health
	AS 'MODULE_PATHNAME', 'bounce_tally_health'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.health(bounce.tally) IS
	'account health from the hard-bounce rate, compared exactly with the boundaries of bounce.health; NULL when nothing was sent';

CREATE FUNCTION bounce.health(hard_rate double precision) RETURNS bounce.health
	AS 'MODULE_PATHNAME', 'bounce_rate_health_float8'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.health(double precision) IS
	'account health from a hard-bounce rate in percent (0 to 100)';

CREATE FUNCTION bounce.health(hard_rate numeric) RETURNS bounce.health
	AS 'MODULE_PATHNAME', 'bounce_rate_health_numeric'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.health(numeric) IS
	'account health from a hard-bounce rate in percent (0 to 100), compared exactly';

-- Spikes: a rate against its own baseline.  Not STRICT: a NULL kind means
-- all bounces.
CREATE FUNCTION bounce.spike_z(current bounce.tally, baseline bounce.tally,
		kind bounce.kind DEFAULT NULL)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'bounce_tally_spike_z'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.spike_z(bounce.tally, bounce.tally, bounce.kind) IS
	'two-proportion z score (pooled) of current''s bounce rate against baseline''s, of one kind or, when kind is NULL, of all bounces; positive when current is higher; NULL when either sent nothing';

CREATE FUNCTION bounce.spike(current bounce.tally, baseline bounce.tally,
		kind bounce.kind DEFAULT NULL,
		min_sent bigint DEFAULT 100,
		z double precision DEFAULT 3)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_tally_spike'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.spike(bounce.tally, bounce.tally, bounce.kind, bigint, double precision) IS
	'true when current''s bounce rate (of kind, or of all bounces when kind is NULL) is significantly above baseline''s: one-sided two-proportion z test, bounce.spike_z() > z (default 3, about 1 chance in 740 by luck); NULL when either side sent fewer than min_sent messages (default 100)';

-- The recipient domain and the mailbox provider.
CREATE FUNCTION bounce.domain(address text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_domain'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.domain(text) IS
	'domain of an address (after the last @, without surrounding <> or white space or a trailing dot), ASCII letters lower-cased; NULL when there is none';

CREATE FUNCTION bounce.provider_builtin(address_or_domain text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_provider_builtin'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.provider_builtin(text) IS
	'mailbox provider (google, microsoft, yahoo, apple, ...) of an address, a domain or an MX host, from the built-in list only; immutable; NULL when not known';

CREATE TABLE bounce.domain_mx (
	domain text PRIMARY KEY
		CONSTRAINT domain_mx_domain_normalized
		CHECK (domain OPERATOR(pg_catalog.=) bounce.domain(pg_catalog.concat('@', domain))),
	mx_host text NOT NULL
		CONSTRAINT domain_mx_mx_host_not_empty
		CHECK (mx_host OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE bounce.domain_mx IS
	'MX hosts of custom recipient domains (Google Workspace, Microsoft 365, ...): bounce.provider() gives such a domain the provider of its MX host';
COMMENT ON COLUMN bounce.domain_mx.domain IS
	'recipient domain, as bounce.domain() writes it: lower case (ASCII), no trailing dot';
COMMENT ON COLUMN bounce.domain_mx.mx_host IS
	'its (preferred) MX host, such as aspmx.l.google.com or example-com.mail.protection.outlook.com';
COMMENT ON CONSTRAINT domain_mx_domain_normalized ON bounce.domain_mx IS
	'the domain is stored as bounce.domain() writes it, so lookups find it';
COMMENT ON CONSTRAINT domain_mx_mx_host_not_empty ON bounce.domain_mx IS
	'an MX host is a name';
SELECT pg_catalog.pg_extension_config_dump('bounce.domain_mx', '');
GRANT SELECT ON bounce.domain_mx TO PUBLIC;

CREATE FUNCTION bounce.provider(address_or_domain text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_provider'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.provider(text) IS
	'mailbox provider of an address, a domain or an MX host: the built-in list, then the provider of the MX host bounce.domain_mx records for the domain; NULL when neither knows it';
