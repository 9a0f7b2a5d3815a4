
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
