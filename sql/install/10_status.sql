
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
