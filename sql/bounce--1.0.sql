-- bounce--1.0.sql: the install script of bounce 1.0, released and frozen.
-- One section per feature: status codes, classification, tallies, address
-- state, address checks, constraints.  Later versions change nothing here:
-- they add sql/bounce--1.0--X.sql, which CREATE EXTENSION runs after this
-- script, so a fresh install is the upgrade path (as contrib does).

\echo Use "CREATE EXTENSION bounce" to load this file. \quit

-- The control file names the schema "bounce", which CREATE EXTENSION
-- creates; every object below is qualified with it.

-- ---------------------------------------------------------------------------
-- bounce.smtp_status: an RFC 3463 enhanced status code, class.subject.detail,
-- stored as an int4 (class * 1000000 + subject * 1000 + detail) so integer
-- order is the natural order.  The operators and operator classes are bound
-- to the built-in int4 functions, as contrib/isn does; only I/O is C.
-- ---------------------------------------------------------------------------

CREATE TYPE bounce.smtp_status;

CREATE FUNCTION bounce.smtp_status_in(cstring) RETURNS bounce.smtp_status
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bounce.smtp_status_out(bounce.smtp_status) RETURNS cstring
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bounce.smtp_status_recv(internal) RETURNS bounce.smtp_status
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bounce.smtp_status_send(bounce.smtp_status) RETURNS bytea
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE bounce.smtp_status (
	INPUT = bounce.smtp_status_in,
	OUTPUT = bounce.smtp_status_out,
	RECEIVE = bounce.smtp_status_recv,
	SEND = bounce.smtp_status_send,
	LIKE = pg_catalog.int4
);
COMMENT ON TYPE bounce.smtp_status IS
	'RFC 3463 enhanced mail system status code, class.subject.detail (e.g. 5.1.1)';

CREATE FUNCTION bounce.status_class(bounce.smtp_status) RETURNS integer
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_class'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.status_class(bounce.smtp_status) IS
	'class of a status code: 2 success, 4 persistent transient failure, 5 permanent failure';
CREATE FUNCTION bounce.status_subject(bounce.smtp_status) RETURNS integer
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_subject'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.status_subject(bounce.smtp_status) IS
	'subject of a status code: 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and routing, 5 protocol, 6 content, 7 security or policy';
CREATE FUNCTION bounce.status_detail(bounce.smtp_status) RETURNS integer
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_detail'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.status_detail(bounce.smtp_status) IS
	'detail of a status code, within its subject';
CREATE FUNCTION bounce.describe(bounce.smtp_status) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_smtp_status_describe'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.describe(bounce.smtp_status) IS
	'meaning of a status code in the IANA registry, or of its subject when the registry does not list it';

-- Comparison: the built-in int4 functions, which see the packed value.
CREATE FUNCTION bounce.smtp_status_eq(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_ne(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_lt(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_le(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_gt(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_ge(bounce.smtp_status, bounce.smtp_status) RETURNS boolean
	AS 'int4ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_cmp(bounce.smtp_status, bounce.smtp_status) RETURNS integer
	AS 'btint4cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_sortsupport(internal) RETURNS void
	AS 'btint4sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION bounce.smtp_status_hash(bounce.smtp_status) RETURNS integer
	AS 'hashint4' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION bounce.smtp_status_hash_extended(bounce.smtp_status, bigint) RETURNS bigint
	AS 'hashint4extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR bounce.= (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_eq,
	COMMUTATOR = OPERATOR(bounce.=), NEGATOR = OPERATOR(bounce.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR bounce.<> (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_ne,
	COMMUTATOR = OPERATOR(bounce.<>), NEGATOR = OPERATOR(bounce.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR bounce.< (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_lt,
	COMMUTATOR = OPERATOR(bounce.>), NEGATOR = OPERATOR(bounce.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR bounce.<= (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_le,
	COMMUTATOR = OPERATOR(bounce.>=), NEGATOR = OPERATOR(bounce.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR bounce.> (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_gt,
	COMMUTATOR = OPERATOR(bounce.<), NEGATOR = OPERATOR(bounce.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR bounce.>= (
	LEFTARG = bounce.smtp_status, RIGHTARG = bounce.smtp_status,
	FUNCTION = bounce.smtp_status_ge,
	COMMUTATOR = OPERATOR(bounce.<=), NEGATOR = OPERATOR(bounce.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR bounce.= (bounce.smtp_status, bounce.smtp_status) IS 'equal';
COMMENT ON OPERATOR bounce.<> (bounce.smtp_status, bounce.smtp_status) IS 'not equal';
COMMENT ON OPERATOR bounce.< (bounce.smtp_status, bounce.smtp_status) IS 'less than: class, then subject, then detail';
COMMENT ON OPERATOR bounce.<= (bounce.smtp_status, bounce.smtp_status) IS 'less than or equal: class, then subject, then detail';
COMMENT ON OPERATOR bounce.> (bounce.smtp_status, bounce.smtp_status) IS 'greater than: class, then subject, then detail';
COMMENT ON OPERATOR bounce.>= (bounce.smtp_status, bounce.smtp_status) IS 'greater than or equal: class, then subject, then detail';

CREATE OPERATOR CLASS bounce.smtp_status_ops
	DEFAULT FOR TYPE bounce.smtp_status USING btree AS
	OPERATOR 1 bounce.<,
	OPERATOR 2 bounce.<=,
	OPERATOR 3 bounce.=,
	OPERATOR 4 bounce.>=,
	OPERATOR 5 bounce.>,
	FUNCTION 1 bounce.smtp_status_cmp(bounce.smtp_status, bounce.smtp_status),
	FUNCTION 2 bounce.smtp_status_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS bounce.smtp_status_ops
	DEFAULT FOR TYPE bounce.smtp_status USING hash AS
	OPERATOR 1 bounce.=,
	FUNCTION 1 bounce.smtp_status_hash(bounce.smtp_status),
	FUNCTION 2 bounce.smtp_status_hash_extended(bounce.smtp_status, bigint);
COMMENT ON OPERATOR CLASS bounce.smtp_status_ops USING btree IS
	'btree order of status codes: class, then subject, then detail';
COMMENT ON OPERATOR CLASS bounce.smtp_status_ops USING hash IS
	'hashing of status codes, for hash joins and hash aggregation';

-- ---------------------------------------------------------------------------
-- Classification (SPEC section 1): reply code + enhanced status + command +
-- remote host + diagnostic text -> reason and kind.  The sender's own rules
-- and reason -> kind map (SPEC section 5) live in bounce.rule and
-- bounce.reason_kind and take precedence over the built-in classifier.
--
-- Two families of functions, with the same leading arguments:
--   bounce.classify_builtin / reason_builtin / kind_builtin: the built-in
--     classifier alone; IMMUTABLE, so they may feed generated columns and
--     indexes (reindex after an extension update that changes them).
--   bounce.classify / reason_for / kind_for / explain: the sender's rules
--     first, then the built-in classifier, then the reason -> kind map;
--     STABLE, with a trailing tenant argument.
-- The scalar forms are not called bounce.reason()/bounce.kind(): those are
-- the enum types' names, and PostgreSQL reads bounce.reason('some text') as
-- a cast of the literal to the enum.
-- ---------------------------------------------------------------------------

-- The labels and their order are those of src/core/reason.c; never reorder.
CREATE TYPE bounce.kind AS ENUM ('hard', 'soft', 'block', 'undetermined', 'none');
COMMENT ON TYPE bounce.kind IS
	'what a bounce means for the address: hard (it cannot receive mail), soft (temporary problem at the recipient), block (the receiver refused the sender), undetermined, none (not a delivery failure)';

CREATE TYPE bounce.reason AS ENUM (
	'user_unknown', 'host_unknown', 'has_moved', 'not_accept', 'suspend',
	'mailbox_full', 'mesg_too_big', 'exceed_limit', 'system_full',
	'system_error', 'network_error', 'expired', 'too_many_conn', 'speeding',
	'greylisted', 'filtered', 'mailer_error', 'syntax_error',
	'blocked', 'spam_detected', 'virus_detected', 'policy_violation',
	'bad_reputation', 'auth_failure', 'require_ptr', 'not_compliant_rfc',
	'security_error', 'rejected', 'no_relaying', 'content_error',
	'failed_starttls',
	'on_hold', 'undefined',
	'vacation', 'feedback', 'delivered'
);
COMMENT ON TYPE bounce.reason IS
	'why a message bounced, in Sisimai''s taxonomy written with underscores (user_unknown, mailbox_full, blocked, ...)';

CREATE TYPE bounce.verdict AS (
	reason bounce.reason,
	kind bounce.kind,
	status bounce.smtp_status,
	reply_code integer
);
COMMENT ON TYPE bounce.verdict IS
	'result of classifying a bounce: reason, kind, and the status and reply code given or found in the text';
COMMENT ON COLUMN bounce.verdict.reason IS 'why the message bounced';
COMMENT ON COLUMN bounce.verdict.kind IS 'what the bounce means for the address';
COMMENT ON COLUMN bounce.verdict.status IS 'enhanced status code, given or found in the text; NULL when neither';
COMMENT ON COLUMN bounce.verdict.reply_code IS 'SMTP reply code, given or found in the text; NULL when neither';

CREATE TYPE bounce.explanation AS (
	reason bounce.reason,
	kind bounce.kind,
	status bounce.smtp_status,
	reply_code integer,
	provider text,
	rule_id bigint,
	kind_source text
);
COMMENT ON TYPE bounce.explanation IS
	'a verdict with where it came from, as returned by bounce.explain()';
COMMENT ON COLUMN bounce.explanation.reason IS 'why the message bounced';
COMMENT ON COLUMN bounce.explanation.kind IS 'what the bounce means for the address';
COMMENT ON COLUMN bounce.explanation.status IS 'enhanced status code, given or found in the text';
COMMENT ON COLUMN bounce.explanation.reply_code IS 'SMTP reply code, given or found in the text';
COMMENT ON COLUMN bounce.explanation.provider IS 'mailbox provider recognised from the remote argument; NULL when unknown';
COMMENT ON COLUMN bounce.explanation.rule_id IS 'id of the bounce.rule row that set the reason; NULL when the built-in classifier did';
COMMENT ON COLUMN bounce.explanation.kind_source IS 'where the kind came from: default, map (bounce.reason_kind for all tenants) or tenant map';

-- Built-in classifier.
CREATE FUNCTION bounce.classify_builtin(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL)
	RETURNS bounce.verdict
	AS 'MODULE_PATHNAME', 'bounce_classify_builtin'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.classify_builtin(text, integer, bounce.smtp_status, text, text) IS
	'classify a bounce with the built-in rules only (no sender rules, default kinds); NULL when diagnostic, reply code and status are all NULL';

CREATE FUNCTION bounce.reason_builtin(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL)
	RETURNS bounce.reason
	AS 'MODULE_PATHNAME', 'bounce_reason_builtin'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.reason_builtin(text, integer, bounce.smtp_status, text, text) IS
	'reason of a bounce by the built-in rules only; immutable, usable in generated columns and indexes';

CREATE FUNCTION bounce.kind_builtin(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL)
	RETURNS bounce.kind
	AS 'MODULE_PATHNAME', 'bounce_kind_builtin'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.kind_builtin(text, integer, bounce.smtp_status, text, text) IS
	'default kind of a bounce by the built-in rules only; immutable, usable in generated columns and indexes';

-- Codes found in free text.
CREATE FUNCTION bounce.status_in(diagnostic text) RETURNS bounce.smtp_status
	AS 'MODULE_PATHNAME', 'bounce_text_status'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.status_in(text) IS
	'first enhanced status code (such as 5.1.1) in a text, not counting IP addresses and version numbers; NULL when there is none';

CREATE FUNCTION bounce.reply_code_in(diagnostic text) RETURNS integer
	AS 'MODULE_PATHNAME', 'bounce_text_reply_code'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.reply_code_in(text) IS
	'first SMTP reply code (2xx, 4xx or 5xx standing alone or before a hyphen) in a text; NULL when there is none';

CREATE FUNCTION bounce.is_provider(name text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_is_provider'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.is_provider(text) IS
	'true when name is a mailbox provider known to the classifier (google, microsoft, yahoo, ...), as bounce.rule.provider expects';

-- The sender's rules.
CREATE TABLE bounce.rule (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	tenant text,
	pattern text NOT NULL,
	status_prefix text,
	reply_code integer,
	provider text,
	reason bounce.reason NOT NULL,
	priority integer NOT NULL DEFAULT 0,
	note text,
	CONSTRAINT rule_pattern_length
		CHECK (pg_catalog.length(pattern) OPERATOR(pg_catalog.<=) 1000),
	CONSTRAINT rule_status_prefix_format
		CHECK (status_prefix OPERATOR(pg_catalog.~) '^[245](\.[0-9]{1,3}){0,2}$'),
	CONSTRAINT rule_reply_code_range
		CHECK (reply_code OPERATOR(pg_catalog.>=) 200
			   AND reply_code OPERATOR(pg_catalog.<=) 599
			   AND (reply_code OPERATOR(pg_catalog./) 100) OPERATOR(pg_catalog.=) ANY ('{2,4,5}'::pg_catalog.int4[])),
	CONSTRAINT rule_provider_known CHECK (bounce.is_provider(provider)),
	CONSTRAINT rule_has_condition
		CHECK (pattern OPERATOR(pg_catalog.<>) '' OR status_prefix IS NOT NULL
			   OR reply_code IS NOT NULL OR provider IS NOT NULL)
);
COMMENT ON TABLE bounce.rule IS
	'the sender''s own classification rules, consulted before the built-in ones: a row matches when every condition given holds; among matching rows the highest priority wins, then a tenant''s own rule over a rule for all tenants, then the longer pattern, then the lower id';
COMMENT ON COLUMN bounce.rule.id IS 'rule number, reported by bounce.explain()';
COMMENT ON COLUMN bounce.rule.tenant IS 'the tenant the rule is for; NULL for all tenants';
COMMENT ON COLUMN bounce.rule.pattern IS
	'substring the diagnostic must contain, compared without regard to the case of ASCII letters, any run of white space matching any run of white space; not a regular expression, so matching stays linear in the text; empty to match on codes or provider alone';
COMMENT ON COLUMN bounce.rule.status_prefix IS
	'the enhanced status code (given or found in the text) must start with this: 5, 5.7 or 5.7.1; NULL for any';
COMMENT ON COLUMN bounce.rule.reply_code IS 'the SMTP reply code (given or found in the text) must be this; NULL for any';
COMMENT ON COLUMN bounce.rule.provider IS
	'the remote host or recipient domain must belong to this mailbox provider (see bounce.is_provider); NULL for any';
COMMENT ON COLUMN bounce.rule.reason IS 'the reason a matching bounce gets';
COMMENT ON COLUMN bounce.rule.priority IS 'higher wins among matching rules';
COMMENT ON COLUMN bounce.rule.note IS 'free text: why the rule exists';
COMMENT ON CONSTRAINT rule_pattern_length ON bounce.rule IS
	'a pattern is at most 1000 characters, which bounds the cost of matching it';
COMMENT ON CONSTRAINT rule_status_prefix_format ON bounce.rule IS
	'a status prefix is a class (2, 4 or 5) and up to two more parts of one to three digits: 5, 5.7 or 5.7.1';
COMMENT ON CONSTRAINT rule_reply_code_range ON bounce.rule IS
	'a reply code is a number from 200 to 599 whose first digit is 2, 4 or 5';
COMMENT ON CONSTRAINT rule_provider_known ON bounce.rule IS
	'the provider is one the classifier knows (bounce.is_provider)';
COMMENT ON CONSTRAINT rule_has_condition ON bounce.rule IS
	'a rule has at least one condition: a pattern, a status prefix, a reply code or a provider';

CREATE TABLE bounce.reason_kind (
	tenant text,
	reason bounce.reason NOT NULL,
	kind bounce.kind NOT NULL,
	CONSTRAINT reason_kind_tenant_reason_key UNIQUE NULLS NOT DISTINCT (tenant, reason)
);
COMMENT ON TABLE bounce.reason_kind IS
	'the sender''s reason -> kind map: overrides the default kind of a reason for one tenant, or for all tenants when tenant is NULL; a tenant''s own row wins';
COMMENT ON COLUMN bounce.reason_kind.tenant IS 'the tenant the mapping is for; NULL for all tenants';
COMMENT ON COLUMN bounce.reason_kind.reason IS 'the reason mapped';
COMMENT ON COLUMN bounce.reason_kind.kind IS 'the kind it counts as';
COMMENT ON CONSTRAINT reason_kind_tenant_reason_key ON bounce.reason_kind IS
	'one kind per reason for each tenant, and one for all tenants';

SELECT pg_catalog.pg_extension_config_dump('bounce.rule', '');
SELECT pg_catalog.pg_extension_config_dump('bounce.rule_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('bounce.reason_kind', '');

-- Every backend caches both tables; a change invalidates the caches.
CREATE FUNCTION bounce.rules_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_rules_changed'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.rules_changed() IS
	'statement trigger on bounce.rule and bounce.reason_kind: makes every session reload its cached copy of the tables';

CREATE TRIGGER rule_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bounce.rule
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
COMMENT ON TRIGGER rule_changed ON bounce.rule IS
	'invalidates the cached rules of every session';
CREATE TRIGGER reason_kind_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bounce.reason_kind
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
COMMENT ON TRIGGER reason_kind_changed ON bounce.reason_kind IS
	'invalidates the cached reason -> kind map of every session';
-- Also for rows written by a logical replication worker or with
-- session_replication_role = replica: a skipped invalidation would leave
-- every session's cache stale.
ALTER TABLE bounce.rule ENABLE ALWAYS TRIGGER rule_changed;
ALTER TABLE bounce.reason_kind ENABLE ALWAYS TRIGGER reason_kind_changed;

-- Rule-aware classifier.
CREATE FUNCTION bounce.classify(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL,
		tenant text DEFAULT NULL)
	RETURNS bounce.verdict
	AS 'MODULE_PATHNAME', 'bounce_classify'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.classify(text, integer, bounce.smtp_status, text, text, text) IS
	'classify a bounce: the sender''s rules (bounce.rule) first, then the built-in ones, then the reason -> kind map (bounce.reason_kind); NULL when diagnostic, reply code and status are all NULL';

CREATE FUNCTION bounce.reason_for(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL,
		tenant text DEFAULT NULL)
	RETURNS bounce.reason
	AS 'MODULE_PATHNAME', 'bounce_reason_for'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.reason_for(text, integer, bounce.smtp_status, text, text, text) IS
	'reason of a bounce, the sender''s rules first: the reason column of bounce.classify()';

CREATE FUNCTION bounce.kind_for(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL,
		tenant text DEFAULT NULL)
	RETURNS bounce.kind
	AS 'MODULE_PATHNAME', 'bounce_kind_for'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.kind_for(text, integer, bounce.smtp_status, text, text, text) IS
	'kind of a bounce after the sender''s rules and reason -> kind map: the kind column of bounce.classify()';

CREATE FUNCTION bounce.explain(diagnostic text,
		reply_code integer DEFAULT NULL,
		status bounce.smtp_status DEFAULT NULL,
		command text DEFAULT NULL,
		remote text DEFAULT NULL,
		tenant text DEFAULT NULL)
	RETURNS bounce.explanation
	AS 'MODULE_PATHNAME', 'bounce_explain'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.explain(text, integer, bounce.smtp_status, text, text, text) IS
	'the verdict of bounce.classify() with the provider seen, the sender rule that decided the reason (NULL: built-in) and where the kind came from';

CREATE FUNCTION bounce.kind_of(reason bounce.reason, tenant text DEFAULT NULL)
	RETURNS bounce.kind
	AS 'MODULE_PATHNAME', 'bounce_kind_of'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.kind_of(bounce.reason, text) IS
	'kind of a reason for a tenant: bounce.reason_kind for the tenant, then for all tenants, then the default of SPEC section 1 (not_accept counts as hard here)';

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

-- ---------------------------------------------------------------------------
-- Address state (SPEC sections 2, 3 and 5).
--
-- bounce.track() is a C trigger the sender attaches to their own events
-- table, naming their columns; it keeps bounce.address_state (one row per
-- tenant and lower-cased address) with the state machine of src/core/state.c
-- and puts suppressed addresses on bounce.suppression.  bounce.rebuild()
-- replays an events table through the same C function.  The policy
-- (thresholds, what resets a streak) is bounce.policy, per tenant with a
-- default row.
--
-- The trigger writes bounce.address_state directly through the table and
-- index access methods (no SQL, no privilege check), so a role that may only
-- INSERT into the events table keeps the state current without any
-- privilege on the state tables; the rarer writes (suppression list, audit)
-- run as the extension's owner.  No function here is SECURITY DEFINER.
-- ---------------------------------------------------------------------------

-- The same-time order of SPEC 2 rule 10 is the order of the labels.
CREATE TYPE bounce.event_type AS ENUM (
	'sent', 'delivered', 'bounce', 'open', 'click', 'complaint', 'unsubscribe'
);
COMMENT ON TYPE bounce.event_type IS
	'what happened to a message for an address; events with the same time are taken in this order: sent, delivered, bounce, open, click, complaint, unsubscribe';

CREATE TYPE bounce.address_status AS ENUM ('active', 'confirmed', 'suppressed');
COMMENT ON TYPE bounce.address_status IS
	'active: may be emailed; confirmed: a confirmed bounce, never emailed; suppressed: on the suppression list, never emailed';

CREATE TYPE bounce.suppression_reason AS ENUM (
	'hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe', 'manual', 'invalid'
);
COMMENT ON TYPE bounce.suppression_reason IS
	'why an address is on the suppression list';

-- ---------------------------------------------------------------------------
-- Policy
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.policy (
	tenant text PRIMARY KEY,
	hard_threshold integer NOT NULL DEFAULT 3,
	soft_threshold integer NOT NULL DEFAULT 5,
	reset_on bounce.event_type[] NOT NULL DEFAULT '{open,click}',
	reset_on_delivered boolean NOT NULL DEFAULT true,
	recent_send_window interval NOT NULL DEFAULT '7 days',
	CONSTRAINT policy_hard_threshold_range CHECK (hard_threshold BETWEEN 1 AND 100),
	CONSTRAINT policy_soft_threshold_range CHECK (soft_threshold BETWEEN 1 AND 100),
	CONSTRAINT policy_reset_on_engagement
		CHECK (reset_on OPERATOR(pg_catalog.<@) '{open,click}'::bounce.event_type[]),
	CONSTRAINT policy_recent_send_window_positive
		CHECK (recent_send_window >= '0'::interval)
);
COMMENT ON TABLE bounce.policy IS
	'the address-state policy, one row per tenant; the row of tenant '''' is the default, used by every tenant without a row of its own (and, if it is deleted, the built-in defaults: 3, 5, {open,click}, true, 7 days)';
COMMENT ON COLUMN bounce.policy.tenant IS 'the tenant; '''' for the default row';
COMMENT ON COLUMN bounce.policy.hard_threshold IS
	'hard bounces in consecutive campaigns that make a confirmed bounce (1 to 100)';
COMMENT ON COLUMN bounce.policy.soft_threshold IS
	'soft bounces in consecutive campaigns that put the address on the suppression list (1 to 100)';
COMMENT ON COLUMN bounce.policy.reset_on IS
	'engagement events that end both streaks while the address is active: open, click, both or neither (opens can be machine opens)';
COMMENT ON COLUMN bounce.policy.reset_on_delivered IS
	'a delivered event ends both streaks while the address is active';
COMMENT ON COLUMN bounce.policy.recent_send_window IS
	'an address emailed within this window may not be removed from the confirmed list';

INSERT INTO bounce.policy (tenant) VALUES ('');

CREATE FUNCTION bounce.policy_is_builtin(p bounce.policy) RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN p.tenant OPERATOR(pg_catalog.=) ''
		AND p.hard_threshold OPERATOR(pg_catalog.=) 3
		AND p.soft_threshold OPERATOR(pg_catalog.=) 5
		AND p.reset_on OPERATOR(pg_catalog.@>) '{open,click}'::bounce.event_type[]
		AND p.reset_on OPERATOR(pg_catalog.<@) '{open,click}'::bounce.event_type[]
		AND p.reset_on_delivered
		AND p.recent_send_window OPERATOR(pg_catalog.=) '7 days'::interval;
COMMENT ON FUNCTION bounce.policy_is_builtin(bounce.policy) IS
	'true for the default row as the extension created it: pg_dump leaves that row out, a restore re-creates it';

-- pg_dump dumps the tenants' rows, and the default row once it differs from
-- the built-in one; on restore that row replaces the one CREATE EXTENSION
-- made (see bounce.policy_replace_default).
SELECT pg_catalog.pg_extension_config_dump('bounce.policy',
	'WHERE NOT bounce.policy_is_builtin(policy)');

CREATE FUNCTION bounce.policy_replace_default() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF NEW.tenant OPERATOR(pg_catalog.=) '' THEN
		DELETE FROM bounce.policy p
		WHERE p.tenant OPERATOR(pg_catalog.=) '' AND bounce.policy_is_builtin(p);
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION bounce.policy_replace_default() IS
	'before inserting a default row (tenant ''''), removes the built-in one if it is unchanged, so that a dump of a changed default restores';

CREATE TRIGGER policy_replace_default
	BEFORE INSERT ON bounce.policy
	FOR EACH ROW EXECUTE FUNCTION bounce.policy_replace_default();
COMMENT ON TRIGGER policy_replace_default ON bounce.policy IS
	'an inserted default row replaces the unchanged built-in one';

CREATE TRIGGER policy_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bounce.policy
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.rules_changed();
COMMENT ON TRIGGER policy_changed ON bounce.policy IS
	'invalidates the cached policies of every session';

-- ---------------------------------------------------------------------------
-- State
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.address_state (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	status bounce.address_status NOT NULL DEFAULT 'active',
	suppression_reason bounce.suppression_reason,
	status_since timestamptz,
	hard_streak integer NOT NULL DEFAULT 0,
	soft_streak integer NOT NULL DEFAULT 0,
	hard_campaigns text[] NOT NULL DEFAULT '{}',
	soft_campaigns text[] NOT NULL DEFAULT '{}',
	last_counted_at timestamptz,
	last_sent_at timestamptz,
	last_bounce_at timestamptz,
	last_reason bounce.reason,
	last_kind bounce.kind,
	cleared_at timestamptz,
	last_event_at timestamptz,
	last_event bounce.event_type,
	PRIMARY KEY (tenant, address),
	CONSTRAINT address_state_streaks CHECK (hard_streak >= 0 AND soft_streak >= 0),
	CONSTRAINT address_state_suppression_reason
		CHECK ((status OPERATOR(pg_catalog.=) 'suppressed') = (suppression_reason IS NOT NULL))
) WITH (fillfactor = 50);
COMMENT ON TABLE bounce.address_state IS
	'deliverability state per tenant and address, kept by bounce.track() triggers and recomputed by bounce.rebuild(); one row per address seen in an event';
COMMENT ON COLUMN bounce.address_state.tenant IS 'the sender''s account; '''' when the events have no tenant';
COMMENT ON COLUMN bounce.address_state.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.address_state.status IS 'active, confirmed (a confirmed bounce) or suppressed';
COMMENT ON COLUMN bounce.address_state.suppression_reason IS
	'why the events suppressed it (soft_bounce, complaint, unsubscribe; a complaint outranks an unsubscribe, which outranks soft_bounce); NULL unless suppressed';
COMMENT ON COLUMN bounce.address_state.status_since IS
	'time of the event that last changed the status; NULL while it never changed';
COMMENT ON COLUMN bounce.address_state.hard_streak IS
	'hard bounces in consecutive campaigns since the last reset';
COMMENT ON COLUMN bounce.address_state.soft_streak IS
	'soft bounces in consecutive campaigns since the last reset';
COMMENT ON COLUMN bounce.address_state.hard_campaigns IS
	'the campaigns whose hard bounce was last counted, oldest first, at most hard_threshold of them: a campaign counts once; an event without campaign is named by its time, as @2024-05-01T10:00:00.000000Z (UTC)';
COMMENT ON COLUMN bounce.address_state.soft_campaigns IS
	'the campaigns whose soft bounce was last counted, as hard_campaigns';
COMMENT ON COLUMN bounce.address_state.last_counted_at IS
	'time of the last bounce that added to a streak';
COMMENT ON COLUMN bounce.address_state.last_sent_at IS 'time of the newest sent event';
COMMENT ON COLUMN bounce.address_state.last_bounce_at IS
	'time of the last bounce of kind hard, soft, block or undetermined';
COMMENT ON COLUMN bounce.address_state.last_reason IS 'reason of that bounce';
COMMENT ON COLUMN bounce.address_state.last_kind IS 'kind of that bounce';
COMMENT ON COLUMN bounce.address_state.cleared_at IS
	'time of a manual clearance (double opt-in, removal from the confirmed list): events up to then count only as sends, also in bounce.rebuild()';
COMMENT ON COLUMN bounce.address_state.last_event_at IS
	'time of the newest event applied: an event older than this makes the trigger replay the address from the events table';
COMMENT ON COLUMN bounce.address_state.last_event IS 'type of that event';

SELECT pg_catalog.pg_extension_config_dump('bounce.address_state', '');

-- ---------------------------------------------------------------------------
-- Suppression list
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.suppression (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	reason bounce.suppression_reason NOT NULL,
	suppressed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
	source text NOT NULL DEFAULT 'manual',
	derived boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tenant, address),
	CONSTRAINT suppression_address_lower
		CHECK (address OPERATOR(pg_catalog.=) pg_catalog.lower(address))
);
COMMENT ON TABLE bounce.suppression IS
	'the suppression list: addresses that must not be emailed, one row per tenant and address; every change is recorded in bounce.suppression_audit';
COMMENT ON COLUMN bounce.suppression.tenant IS 'the sender''s account; '''' for none';
COMMENT ON COLUMN bounce.suppression.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.suppression.reason IS
	'hard_bounce, soft_bounce, complaint, unsubscribe, manual or invalid';
COMMENT ON COLUMN bounce.suppression.suppressed_at IS
	'when the address was suppressed: the event''s time for a derived row';
COMMENT ON COLUMN bounce.suppression.source IS
	'where the suppression came from: the events table for a derived row, free text otherwise';
COMMENT ON COLUMN bounce.suppression.derived IS
	'true when the row follows from the events (bounce.address_state says suppressed): the trigger and bounce.rebuild() keep it in step; false for rows added by hand or imported, which they never touch';

SELECT pg_catalog.pg_extension_config_dump('bounce.suppression', '');

CREATE TABLE bounce.suppression_audit (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	tenant text NOT NULL,
	address text NOT NULL,
	action text NOT NULL,
	reason bounce.suppression_reason,
	at timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
	who name NOT NULL,
	evidence jsonb,
	CONSTRAINT suppression_audit_action CHECK (action IN ('suppress', 'change', 'unsuppress'))
);
CREATE INDEX suppression_audit_address ON bounce.suppression_audit (tenant, address);
COMMENT ON TABLE bounce.suppression_audit IS
	'every change of bounce.suppression: who, when, what, and the evidence';
COMMENT ON COLUMN bounce.suppression_audit.id IS 'order of the changes';
COMMENT ON COLUMN bounce.suppression_audit.tenant IS 'the tenant of the row changed';
COMMENT ON COLUMN bounce.suppression_audit.address IS 'the address of the row changed';
COMMENT ON COLUMN bounce.suppression_audit.action IS
	'suppress (row added), change (row updated), unsuppress (row removed)';
COMMENT ON COLUMN bounce.suppression_audit.reason IS 'the reason after the change; before it for unsuppress';
COMMENT ON COLUMN bounce.suppression_audit.at IS 'when the change was made (wall clock)';
COMMENT ON COLUMN bounce.suppression_audit.who IS
	'the role that made it: for a derived row, the role whose insert into the events table caused it';
COMMENT ON COLUMN bounce.suppression_audit.evidence IS
	'for a derived row, the events table and the event that decided; otherwise the row as it was';

SELECT pg_catalog.pg_extension_config_dump('bounce.suppression_audit', '');
SELECT pg_catalog.pg_extension_config_dump('bounce.suppression_audit_id_seq', '');

CREATE FUNCTION bounce.suppression_audited() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_suppression_audited'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.suppression_audited() IS
	'row trigger on bounce.suppression: records the change in bounce.suppression_audit, as the extension''s owner';

CREATE TRIGGER suppression_audited
	AFTER INSERT OR UPDATE OR DELETE ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION bounce.suppression_audited();
COMMENT ON TRIGGER suppression_audited ON bounce.suppression IS
	'records every change in bounce.suppression_audit';

-- ---------------------------------------------------------------------------
-- The trigger and the replay
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.track() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_track'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.track() IS
	'trigger on the sender''s events table, AFTER INSERT, FOR EACH ROW or FOR EACH STATEMENT REFERENCING NEW TABLE; arguments key=column name the columns: address, event, time (required), campaign, tenant, diagnostic, status, reply_code, reason, kind, command, remote, and unknown_event=error|ignore';
-- Attaching it lets a table's inserts write the state: only roles granted
-- EXECUTE may create such a trigger (firing it needs no privilege).
REVOKE ALL ON FUNCTION bounce.track() FROM PUBLIC;

CREATE FUNCTION bounce.track_check(events regclass) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_track_check'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.track_check(regclass) IS
	'checks the bounce.track() triggers of an events table as their first insert would, and describes the column mapping and the replay query';

CREATE FUNCTION bounce.track_events(
		events regclass,
		address name,
		event name,
		campaign name,
		occurred_at name,
		diagnostic name DEFAULT NULL,
		status name DEFAULT NULL,
		reply_code name DEFAULT NULL,
		reason name DEFAULT NULL,
		kind name DEFAULT NULL,
		command name DEFAULT NULL,
		remote name DEFAULT NULL,
		tenant name DEFAULT NULL,
		unknown_event text DEFAULT 'error',
		for_each text DEFAULT 'statement',
		trigger_name name DEFAULT 'bounce_track')
	RETURNS text
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	args text[] := ARRAY[]::text[];
	ddl text;
BEGIN
	IF events IS NULL OR address IS NULL OR event IS NULL OR occurred_at IS NULL THEN
		RAISE EXCEPTION 'events, address, event and occurred_at must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF for_each IS NULL OR for_each NOT IN ('statement', 'row') THEN
		RAISE EXCEPTION 'for_each must be ''statement'' or ''row''' USING ERRCODE = 'invalid_parameter_value',
			HINT = 'statement: one trigger call per statement sees all its rows (faster for batches); row: one call per row.';
	END IF;
	args := args || ('address=' || address) || ('event=' || event) || ('time=' || occurred_at);
	IF campaign IS NOT NULL THEN args := args || ('campaign=' || campaign); END IF;
	IF tenant IS NOT NULL THEN args := args || ('tenant=' || tenant); END IF;
	IF diagnostic IS NOT NULL THEN args := args || ('diagnostic=' || diagnostic); END IF;
	IF status IS NOT NULL THEN args := args || ('status=' || status); END IF;
	IF reply_code IS NOT NULL THEN args := args || ('reply_code=' || reply_code); END IF;
	IF reason IS NOT NULL THEN args := args || ('reason=' || reason); END IF;
	IF kind IS NOT NULL THEN args := args || ('kind=' || kind); END IF;
	IF command IS NOT NULL THEN args := args || ('command=' || command); END IF;
	IF remote IS NOT NULL THEN args := args || ('remote=' || remote); END IF;
	IF unknown_event IS DISTINCT FROM 'error' THEN
		args := args || ('unknown_event=' || coalesce(unknown_event, 'null'));
	END IF;

	ddl := format('CREATE TRIGGER %I AFTER INSERT ON %s ', trigger_name, events)
		|| CASE for_each WHEN 'statement'
			THEN 'REFERENCING NEW TABLE AS bounce_new_events FOR EACH STATEMENT '
			ELSE 'FOR EACH ROW ' END
		|| 'EXECUTE FUNCTION bounce.track('
		|| (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) AS a) || ')';
	EXECUTE ddl;
	PERFORM bounce.track_check(events);
	IF EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) events AND c.reltuples > 0)
	THEN
		RAISE NOTICE 'events already in % are not in the state yet', events
			USING HINT = format('Run SELECT * FROM bounce.rebuild(%L) to replay them.', events::text);
	END IF;
	RETURN ddl;
END
$$;
COMMENT ON FUNCTION bounce.track_events(regclass, name, name, name, name, name, name, name, name, name, name, name, name, text, text, name) IS
	'attaches bounce.track() to an events table with named columns (campaign may be NULL) and returns the CREATE TRIGGER run; for_each statement (default) sees each statement''s rows at once, row one at a time; replaying the address needs an index on the events table: (tenant column, lower(address column)), or the address column itself when it is citext';

CREATE FUNCTION bounce.rebuild(events regclass,
		OUT addresses bigint, OUT events_replayed bigint, OUT active bigint,
		OUT confirmed bigint, OUT suppressed bigint, OUT untouched bigint)
	RETURNS record
	AS 'MODULE_PATHNAME', 'bounce_rebuild'
	LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION bounce.rebuild(regclass) IS
	'recomputes bounce.address_state (and the derived rows of bounce.suppression, complaints excepted) from an events table, replaying every address''s events in time order through the same function as its bounce.track() trigger; manual clearances (cleared_at) are kept; state rows of addresses without events there are left alone and counted as untouched';
REVOKE ALL ON FUNCTION bounce.rebuild(regclass) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- What may be emailed
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.sendable(address text, tenant text DEFAULT '')
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN address IS NULL THEN NULL ELSE
		NOT EXISTS (SELECT FROM bounce.address_state s
					WHERE s.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
					  AND s.address OPERATOR(pg_catalog.=) lower(sendable.address)
					  AND s.status OPERATOR(pg_catalog.<>) 'active')
		AND NOT EXISTS (SELECT FROM bounce.suppression p
						WHERE p.tenant OPERATOR(pg_catalog.=) coalesce(sendable.tenant, '')
						  AND p.address OPERATOR(pg_catalog.=) lower(sendable.address))
	END;
COMMENT ON FUNCTION bounce.sendable(text, text) IS
	'true when the address (any case) may be emailed: not a confirmed bounce, not suppressed, not on the suppression list';

CREATE VIEW bounce.active_addresses AS
	SELECT s.tenant, s.address, s.hard_streak, s.soft_streak, s.last_sent_at,
		   s.last_bounce_at, s.last_reason, s.last_kind
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.=) 'active'
	  AND NOT EXISTS (SELECT FROM bounce.suppression p
					  WHERE p.tenant OPERATOR(pg_catalog.=) s.tenant
						AND p.address OPERATOR(pg_catalog.=) s.address);
COMMENT ON VIEW bounce.active_addresses IS
	'addresses seen in events that may be emailed';

CREATE VIEW bounce.confirmed_addresses AS
	SELECT s.tenant, s.address, s.status_since AS confirmed_at, s.hard_streak,
		   s.hard_campaigns, s.last_bounce_at, s.last_reason, s.last_sent_at
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.=) 'confirmed';
COMMENT ON VIEW bounce.confirmed_addresses IS
	'confirmed bounces: never emailed until removed by hand';

CREATE VIEW bounce.suppressed_addresses AS
	SELECT p.tenant, p.address, p.reason, p.suppressed_at, p.source, p.derived
	FROM bounce.suppression p;
COMMENT ON VIEW bounce.suppressed_addresses IS
	'the suppression list: never emailed';

CREATE VIEW bounce.unsendable_addresses AS
	SELECT s.tenant, s.address, s.status::text AS why
	FROM bounce.address_state s
	WHERE s.status OPERATOR(pg_catalog.<>) 'active'
	UNION ALL
	SELECT p.tenant, p.address, p.reason::text
	FROM bounce.suppression p;
COMMENT ON VIEW bounce.unsendable_addresses IS
	'every address that must not be emailed, for one anti-join in a send query: WHERE NOT EXISTS (SELECT FROM bounce.unsendable_addresses u WHERE u.tenant = ... AND u.address = lower(c.email)); an address may appear twice';

-- ---------------------------------------------------------------------------
-- Invalid addresses (SPEC section 4): RFC 5321 mailbox syntax, then typo
-- domains of common providers (gmail.con, hotmial.com).  What is accepted
-- and why: src/core/mailbox.h (syntax) and src/core/typo.h (typos).
-- Both functions are immutable, so they may feed CHECK constraints,
-- generated columns and indexes (reindex after an extension update that
-- changes them).
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.address_problem(address text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_address_problem'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.address_problem(text) IS
	'what makes an address unusable: ''syntax'' (not an RFC 5321 mailbox, at most 254 octets; UTF-8 addresses allowed), ''typo'' (on a mistyped provider domain such as gmail.con), NULL when neither';

CREATE FUNCTION bounce.suggest(address text) RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_suggest'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION bounce.suggest(text) IS
	'the address with its typo domain corrected (john@gmail.con -> john@gmail.com); NULL when there is nothing to suggest';

-- ---------------------------------------------------------------------------
-- Guards (SPEC sections 3 and 4): the delete restriction, the clean list,
-- the suppression guard and double opt-in, the invalid-address list.
-- C in src/guards.c, src/guards_suppression.c, src/guards_invalid.c.
--
-- Refusals raise their own SQLSTATEs, all in class 23 (integrity
-- constraint violation):
--   23B01  an address emailed within its tenant's policy recent_send_window
--          may not be removed: a confirmed bounce from bounce.address_state,
--          a contact from a table guarded by bounce.protect_recent(), a row
--          through bounce.remove_confirmed()
--   23B02  an address on bounce.suppression may not be added to a list
--          table guarded by bounce.refuse_suppressed()
--   23B03  a complaint on bounce.suppression is lifted only by
--          bounce.confirm_opt_in()
--
-- "Emailed within the window" means last_sent_at > now() - window, where
-- last_sent_at is bounce.address_state's for (tenant, lower(address)) and
-- window the tenant's bounce.policy.recent_send_window (its own row, else
-- the default row '', else 7 days).
--
-- The guard triggers read the bounce tables through their primary keys
-- without a privilege check, so the roles whose deletes and inserts they
-- judge need no privilege on them.  Attaching a guard to a table is a
-- privilege: EXECUTE on its function, which PUBLIC does not have.
-- ---------------------------------------------------------------------------

-- ---------------------------------------------------------------------------
-- Delete restriction
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.protected_until(address text, tenant text DEFAULT '')
	RETURNS timestamptz
	AS 'MODULE_PATHNAME', 'bounce_protected_until'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION bounce.protected_until(text, text) IS
	'when the delete restriction stops protecting the address (any case) of the tenant (NULL: ''''): its last send plus the tenant''s recent_send_window, if that is still ahead; NULL when it is not protected; needs SELECT on bounce.address_state';

CREATE FUNCTION bounce.restrict_confirmed_removal() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_restrict_confirmed_removal'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.restrict_confirmed_removal() IS
	'constraint trigger on bounce.address_state: removing a confirmed bounce (DELETE, or UPDATE of its status or key) is refused with SQLSTATE 23B01 while it was emailed within the recent_send_window; judged on the state when the check runs';
REVOKE ALL ON FUNCTION bounce.restrict_confirmed_removal() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER address_state_recent_send
	AFTER UPDATE OF status, tenant, address OR DELETE ON bounce.address_state
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION bounce.restrict_confirmed_removal();
COMMENT ON TRIGGER address_state_recent_send ON bounce.address_state IS
	'a confirmed bounce emailed within the recent_send_window may not be removed (SQLSTATE 23B01); SET CONSTRAINTS bounce.address_state_recent_send DEFERRED judges at commit';

CREATE FUNCTION bounce.protect_recent() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_protect_recent'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.protect_recent() IS
	'trigger for the sender''s contact tables, AFTER DELETE OR UPDATE FOR EACH ROW (best a DEFERRABLE constraint trigger): refuses (SQLSTATE 23B01) deleting a contact emailed within the recent_send_window, or changing its address, tenant or list, unless the same contact is back in the table when the check runs; arguments key=column: address (required), tenant, list';
-- Attaching it reads the state for the table's deletes: a privilege.
REVOKE ALL ON FUNCTION bounce.protect_recent() FROM PUBLIC;

CREATE FUNCTION bounce.remove_confirmed(address text, tenant text DEFAULT '')
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_remove_confirmed'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.remove_confirmed(text, text) IS
	'removes a confirmed bounce from the confirmed list by hand: its state is cleared (active, streaks and history forgotten, its events up to now counting only as sends, also in bounce.rebuild()); refused with SQLSTATE 23B01 while it was emailed within the recent_send_window; false when the address is not confirmed';
REVOKE ALL ON FUNCTION bounce.remove_confirmed(text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Suppression guard and double opt-in
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.refuse_suppressed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_refuse_suppressed'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.refuse_suppressed() IS
	'trigger for the sender''s list tables, BEFORE INSERT OR UPDATE OF the address column FOR EACH ROW: a row whose address is on bounce.suppression is refused (SQLSTATE 23B02), or skipped with the argument on_suppressed=skip; an update keeping the address and tenant passes; arguments key=column: address (required), tenant';
REVOKE ALL ON FUNCTION bounce.refuse_suppressed() FROM PUBLIC;

CREATE FUNCTION bounce.keep_complaints() RETURNS trigger
	AS 'MODULE_PATHNAME', 'bounce_keep_complaints'
	LANGUAGE C;
COMMENT ON FUNCTION bounce.keep_complaints() IS
	'trigger on bounce.suppression: a complaint may not be deleted, changed to another reason or address, or truncated (SQLSTATE 23B03) except by bounce.confirm_opt_in()';
REVOKE ALL ON FUNCTION bounce.keep_complaints() FROM PUBLIC;

CREATE TRIGGER suppression_keep_complaints
	BEFORE UPDATE OR DELETE ON bounce.suppression
	FOR EACH ROW EXECUTE FUNCTION bounce.keep_complaints();
COMMENT ON TRIGGER suppression_keep_complaints ON bounce.suppression IS
	'a complaint is lifted only by bounce.confirm_opt_in()';

CREATE TRIGGER suppression_keep_complaints_truncate
	BEFORE TRUNCATE ON bounce.suppression
	FOR EACH STATEMENT EXECUTE FUNCTION bounce.keep_complaints();
COMMENT ON TRIGGER suppression_keep_complaints_truncate ON bounce.suppression IS
	'the suppression list may not be truncated while it holds complaints';

CREATE FUNCTION bounce.confirm_opt_in(address text, evidence jsonb,
		tenant text DEFAULT '', who text DEFAULT NULL)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'bounce_confirm_opt_in'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) IS
	'the subscriber of the address (any case) confirmed by double opt-in: removes its suppression (any reason, complaints included), clears its state (active, streaks and history forgotten, its events up to now counting only as sends, also in bounce.rebuild()) and records in bounce.suppression_audit who (default the current role), when and the evidence (required); false when there was nothing to lift';
REVOKE ALL ON FUNCTION bounce.confirm_opt_in(text, jsonb, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Invalid addresses
--
-- The list is data the extension builds from the events (and from
-- bounce.note_invalid()), not configuration, but it is dumped all the
-- same: pg_dump leaves out the rows of an extension's tables unless they
-- are marked, and these cannot be derived again -- when and where each
-- address was first seen -- so a restore without them would lose the
-- list, as it would bounce.address_state and bounce.suppression.
-- ---------------------------------------------------------------------------

CREATE TABLE bounce.invalid_address (
	tenant text NOT NULL DEFAULT '',
	address text NOT NULL,
	problem text NOT NULL,
	suggestion text,
	first_seen timestamptz NOT NULL DEFAULT pg_catalog.now(),
	source text,
	PRIMARY KEY (tenant, address),
	CONSTRAINT invalid_address_problem CHECK (problem IN ('syntax', 'typo'))
);
COMMENT ON TABLE bounce.invalid_address IS
	'addresses seen that cannot receive mail: no RFC 5321 mailbox (syntax) or on a mistyped provider domain (typo); each is also on bounce.suppression with reason invalid';
COMMENT ON COLUMN bounce.invalid_address.tenant IS 'the sender''s account; '''' for none';
COMMENT ON COLUMN bounce.invalid_address.address IS 'the address, lower-cased';
COMMENT ON COLUMN bounce.invalid_address.problem IS
	'syntax or typo, as bounce.address_problem() says';
COMMENT ON COLUMN bounce.invalid_address.suggestion IS
	'the corrected address for a typo (bounce.suggest()); NULL when there is none';
COMMENT ON COLUMN bounce.invalid_address.first_seen IS
	'time of the first event naming it (of the call, for bounce.note_invalid())';
COMMENT ON COLUMN bounce.invalid_address.source IS
	'the events table it was seen in, or the source given to bounce.note_invalid()';

SELECT pg_catalog.pg_extension_config_dump('bounce.invalid_address', '');

CREATE FUNCTION bounce.note_invalid(address text, tenant text DEFAULT '',
		source text DEFAULT 'manual')
	RETURNS text
	AS 'MODULE_PATHNAME', 'bounce_note_invalid_sql'
	LANGUAGE C VOLATILE;
COMMENT ON FUNCTION bounce.note_invalid(text, text, text) IS
	'checks an address as bounce.track() does: when it is invalid, records it (lower-cased) on bounce.invalid_address and bounce.suppression (reason invalid) unless already there, and returns the problem (syntax or typo); NULL for a valid address';
REVOKE ALL ON FUNCTION bounce.note_invalid(text, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Clean list
-- ---------------------------------------------------------------------------

CREATE FUNCTION bounce.clean_list(
		list regclass,
		address_column name,
		tenant_column name DEFAULT NULL,
		remove text[] DEFAULT '{confirmed,hard,soft}',
		dry_run boolean DEFAULT false)
	RETURNS TABLE (action text, category text, reason text, count bigint)
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $fn$
#variable_conflict use_column
DECLARE
	known CONSTANT text[] := '{confirmed,hard,soft,suppressed,invalid}';
	chosen text[];
	unknown_names text;
	list_kind "char";
	col_type oid;
	base_type oid;
	tenant_expr text;
	stmt text;
BEGIN
	IF list IS NULL OR address_column IS NULL THEN
		RAISE EXCEPTION 'list and address_column must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF dry_run IS NULL THEN
		RAISE EXCEPTION 'dry_run must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT string_agg(coalesce(quote_literal(r), 'NULL'), ', ') INTO unknown_names
	FROM unnest(remove) AS r
	WHERE r IS NULL OR NOT (r = ANY (known));
	IF remove IS NULL OR cardinality(remove) = 0 THEN
		RAISE EXCEPTION 'remove must name at least one category'
			USING ERRCODE = 'invalid_parameter_value',
			HINT = 'Categories: confirmed, hard, soft, suppressed, invalid.';
	END IF;
	IF unknown_names IS NOT NULL THEN
		RAISE EXCEPTION 'unknown categories to remove: %', unknown_names
			USING ERRCODE = 'invalid_parameter_value',
			HINT = 'Categories: confirmed, hard, soft, suppressed, invalid.';
	END IF;
	chosen := ARRAY(SELECT u.k FROM unnest(known) WITH ORDINALITY AS u(k, o)
					WHERE u.k = ANY (remove) ORDER BY u.o);

	SELECT c.relkind INTO list_kind FROM pg_class c WHERE c.oid = list;
	IF list_kind IS NULL OR list_kind NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '"%" is not a table', list USING ERRCODE = 'wrong_object_type';
	END IF;

	SELECT a.atttypid INTO col_type FROM pg_attribute a
	WHERE a.attrelid = list AND a.attname = address_column AND a.attnum > 0 AND NOT a.attisdropped;
	IF col_type IS NULL THEN
		RAISE EXCEPTION 'column "%" of relation % does not exist', address_column, list
			USING ERRCODE = 'undefined_column';
	END IF;
	base_type := col_type;
	WHILE (SELECT t.typtype FROM pg_type t WHERE t.oid = base_type) = 'd' LOOP
		base_type := (SELECT t.typbasetype FROM pg_type t WHERE t.oid = base_type);
	END LOOP;
	IF base_type NOT IN ('text'::regtype, 'varchar'::regtype)
	   AND (SELECT t.typname FROM pg_type t WHERE t.oid = base_type) <> 'citext' THEN
		RAISE EXCEPTION 'column "%" of relation % has type %, which is no address',
			address_column, list, format_type(col_type, NULL)
			USING ERRCODE = 'datatype_mismatch',
			HINT = 'The address column must be text, varchar or citext.';
	END IF;

	IF tenant_column IS NULL THEN
		tenant_expr := '''''';
	ELSE
		IF NOT EXISTS (SELECT FROM pg_attribute a
					   WHERE a.attrelid = list AND a.attname = tenant_column
						 AND a.attnum > 0 AND NOT a.attisdropped) THEN
			RAISE EXCEPTION 'column "%" of relation % does not exist', tenant_column, list
				USING ERRCODE = 'undefined_column';
		END IF;
		-- the tenant's text as the triggers read it: its output form
		tenant_expr := format('coalesce(pg_catalog.textin(%s(l.%I)), '''')',
							  (SELECT t.typoutput::regproc FROM pg_attribute a
							   JOIN pg_type t ON t.oid = a.atttypid
							   WHERE a.attrelid = list AND a.attname = tenant_column),
							  tenant_column);
	END IF;

	-- One statement, one snapshot: the matches, the delete of those not
	-- protected, and the counts.  The search_path is pinned, so the
	-- operators below are pg_catalog's.
	stmt := format($q$
WITH m AS MATERIALIZED (
	SELECT l.tableoid AS rel, l.ctid AS tid, c.category,
		   CASE WHEN c.category IS NOT NULL
				THEN bounce.protected_until(k.address, k.tenant) END AS protected_until
	FROM %1$s AS l
	CROSS JOIN LATERAL (SELECT %2$s AS tenant,
							   pg_catalog.lower(l.%3$I::pg_catalog.text) AS address) AS k
	LEFT JOIN bounce.address_state AS s
		   ON s.tenant = k.tenant AND s.address = k.address
	CROSS JOIN LATERAL (SELECT CASE
		WHEN 'confirmed' = ANY ($1) AND s.status = 'confirmed' THEN 'confirmed'
		WHEN 'hard' = ANY ($1) AND s.hard_streak > 0 THEN 'hard'
		WHEN 'soft' = ANY ($1)
			 AND (s.soft_streak > 0 OR s.suppression_reason = 'soft_bounce') THEN 'soft'
		WHEN 'suppressed' = ANY ($1)
			 AND (s.status = 'suppressed'
				  OR EXISTS (SELECT FROM bounce.suppression AS p
							 WHERE p.tenant = k.tenant AND p.address = k.address))
			 THEN 'suppressed'
		WHEN 'invalid' = ANY ($1)
			 AND bounce.address_problem(l.%3$I::pg_catalog.text) IS NOT NULL THEN 'invalid'
		END AS category) AS c
	WHERE c.category IS NOT NULL
),
d AS (
	DELETE FROM %1$s AS l
	USING m
	WHERE NOT $2 AND m.protected_until IS NULL
	  AND l.tableoid = m.rel AND l.ctid = m.tid
	RETURNING m.category
),
r AS (
	SELECT 'removed' AS action, d.category, count(*) AS n FROM d GROUP BY d.category
	UNION ALL
	SELECT 'would_remove', m.category, count(*) FROM m
	WHERE $2 AND m.protected_until IS NULL GROUP BY m.category
	UNION ALL
	SELECT 'kept', m.category, count(*) FROM m
	WHERE m.protected_until IS NOT NULL GROUP BY m.category
)
SELECT a.action, c.category,
	   CASE WHEN a.action = 'kept' THEN 'recently_sent' END,
	   coalesce(r.n, 0)
FROM unnest($1) WITH ORDINALITY AS c(category, o)
CROSS JOIN (VALUES (1, CASE WHEN $2 THEN 'would_remove' ELSE 'removed' END),
				   (2, 'kept')) AS a(o, action)
LEFT JOIN r ON r.action = a.action AND r.category = c.category
ORDER BY a.o, c.o
$q$, list, tenant_expr, address_column);

	RETURN QUERY EXECUTE stmt USING chosen, dry_run;
END
$fn$;
COMMENT ON FUNCTION bounce.clean_list(regclass, name, name, text[], boolean) IS
	'removes from a list table the rows whose address (lower-cased, per tenant: the tenant column''s text, '''' without one) is in a chosen category -- confirmed: a confirmed bounce; hard: a hard bounce counted since the last reset (hard_streak > 0, so confirmed ones too); soft: a soft bounce counted since the last reset, or suppressed for soft bounces; suppressed: on the suppression list for any reason; invalid: bounce.address_problem() finds it invalid -- skipping those emailed within the recent_send_window; returns per category the rows removed (would_remove with dry_run) and kept (reason recently_sent), zeros included; one statement in the caller''s transaction, with the caller''s privileges (DELETE and SELECT on the list, SELECT on bounce.address_state and bounce.suppression)';
