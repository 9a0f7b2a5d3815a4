
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
