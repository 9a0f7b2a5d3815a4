-- Invalid addresses (SPEC section 4): bounce.address_problem() and
-- bounce.suggest().  The rules and their reasons are in src/core/mailbox.h
-- and src/core/typo.h; test/unit/test_mailbox.c has the octet-level cases
-- (ill-formed UTF-8, NUL) a UTF8 database cannot hold, and a property test.

CREATE TEMP TABLE example (
	id serial,
	address text,
	want text,					-- 'syntax', 'typo' or NULL
	rule text
);

INSERT INTO example (address, want, rule) VALUES
	-- dot-atom local parts
	('john@example.com', NULL, 'plain'),
	('john.smith@example.com', NULL, 'dots between atoms'),
	('user+tag@example.com', NULL, 'atext +'),
	('!#$%&''*+-/=?^_`{|}~@example.com', NULL, 'every atext special'),
	('UPPER.Case@Example.COM', NULL, 'case kept, domain case-insensitive'),
	('.john@example.com', 'syntax', 'leading dot'),
	('john.@example.com', 'syntax', 'trailing dot'),
	('john..smith@example.com', 'syntax', 'double dot'),
	('john smith@example.com', 'syntax', 'space'),
	('john(comment)@example.com', 'syntax', 'no comments'),
	('john,smith@example.com', 'syntax', 'comma'),
	('john\x@example.com', 'syntax', 'backslash outside quotes'),
	('John <john@example.com>', 'syntax', 'no display name'),
	('<john@example.com>', 'syntax', 'no angle brackets'),
	(' john@example.com', 'syntax', 'no surrounding white space'),
	(E'john@example.com\n', 'syntax', 'no trailing newline'),
	('john', 'syntax', 'no @'),
	('@example.com', 'syntax', 'empty local part'),
	('john@', 'syntax', 'empty domain'),
	('', 'syntax', 'empty'),
	('john@smith@example.com', 'syntax', 'two @'),
	-- quoted local parts
	('"john smith"@example.com', NULL, 'quoted space'),
	('"john@smith"@example.com', NULL, 'quoted @'),
	('"john..smith"@example.com', NULL, 'quoted dots'),
	('"john\"smith"@example.com', NULL, 'quoted-pair quote'),
	('"john\\smith"@example.com', NULL, 'quoted-pair backslash'),
	('""@example.com', 'syntax', 'empty quoted string'),
	('"john@example.com', 'syntax', 'unterminated quote'),
	('"john"smith@example.com', 'syntax', 'text after the quotes'),
	('"john\"@example.com', 'syntax', 'closing quote escaped'),
	(E'"john\tsmith"@example.com', 'syntax', 'control character in quotes'),
	('"a"."b"@example.com', 'syntax', 'quoted atoms are RFC 5322, not 5321'),
	-- lengths
	(repeat('a', 64) || '@example.com', NULL, 'local part of 64'),
	(repeat('a', 65) || '@example.com', 'syntax', 'local part of 65'),
	('"' || repeat('a', 62) || '"@example.com', NULL, 'quoted local part of 64'),
	('"' || repeat('a', 63) || '"@example.com', 'syntax', 'quoted local part of 65'),
	('a@' || repeat('b', 63) || '.com', NULL, 'label of 63'),
	('a@' || repeat('b', 64) || '.com', 'syntax', 'label of 64'),
	(repeat('a', 64) || '@' || repeat(repeat('b', 63) || '.', 2) || repeat('c', 61), NULL, 'total 254'),
	(repeat('a', 64) || '@' || repeat(repeat('b', 63) || '.', 2) || repeat('c', 62), 'syntax', 'total 255'),
	(repeat('a', 100000) || '@example.com', 'syntax', 'huge'),
	-- domains
	('john@sub-domain.example.com', NULL, 'hyphen inside'),
	('john@xn--bcher-kva.example', NULL, 'A-label'),
	('john@123.example.com', NULL, 'digits in a label'),
	('john@localhost', 'syntax', 'single label'),
	('john@-example.com', 'syntax', 'leading hyphen'),
	('john@example-.com', 'syntax', 'trailing hyphen'),
	('john@example..com', 'syntax', 'empty label'),
	('john@example.com.', 'syntax', 'trailing root dot'),
	('john@exa_mple.com', 'syntax', 'underscore'),
	('john@1.2.3.4', 'syntax', 'numeric TLD: IPv4 needs brackets'),
	-- address literals
	('john@[192.168.0.1]', NULL, 'IPv4 literal'),
	('john@[255.255.255.255]', NULL, 'IPv4 maximum'),
	('john@[256.1.1.1]', 'syntax', 'IPv4 part over 255'),
	('john@[1.2.3]', 'syntax', 'IPv4 with three parts'),
	('john@[1.2.3.4', 'syntax', 'unclosed literal'),
	('john@[IPv6:2001:db8:0:0:0:0:0:1]', NULL, 'IPv6 full'),
	('john@[IPv6:2001:db8::1]', NULL, 'IPv6 compressed'),
	('john@[IPv6:::ffff:192.0.2.1]', NULL, 'IPv6 with IPv4'),
	('john@[IPv6:1:2:3:4:5:6:7]', 'syntax', 'IPv6 seven groups'),
	('john@[IPv6:1:2:3:4:5:6:7::]', 'syntax', 'IPv6 "::" for one group'),
	('john@[IPv6:1::2::3]', 'syntax', 'IPv6 two "::"'),
	('john@[IPv6:12345::1]', 'syntax', 'IPv6 five-digit group'),
	('john@[2001:db8::1]', 'syntax', 'IPv6 without its tag'),
	('john@[x-tag:stuff]', 'syntax', 'general literal'),
	-- internationalised (RFC 6531)
	('jörg@example.com', NULL, 'UTF-8 local part'),
	('用户@例子.广告', NULL, 'UTF-8 local part and domain'),
	('user@bücher.de', NULL, 'U-label'),
	('"😀 x"@example.com', NULL, 'UTF-8 in quotes'),
	-- typos
	('john@gmail.con', 'typo', 'TLD typo'),
	('john@gmail.cm', 'typo', 'TLD typo on a real TLD (gmail has one domain)'),
	('john@gmail.co', 'typo', 'TLD typo on a real TLD (gmail has one domain)'),
	('john@gmai.com', 'typo', 'letter missing'),
	('john@gamil.com', 'typo', 'letters swapped'),
	('john@hotmial.com', 'typo', 'letters swapped'),
	('john@hotmal.con', 'typo', 'two edits on a long name'),
	('john@yaho.com', 'typo', 'letter missing'),
	('john@yahoo.cmo', 'typo', 'TLD letters swapped'),
	('JOHN@GMAIL.CON', 'typo', 'case-insensitive'),
	('john@me.con', 'typo', 'short name: TLD typo only'),
	-- not typos
	('john@gmail.com', NULL, 'provider'),
	('john@mail.com', NULL, 'real, one edit from gmail.com'),
	('john@ymail.com', NULL, 'real, one edit from gmail.com'),
	('john@gmx.com', NULL, 'real, near gmx.de'),
	('john@live.ca', NULL, 'real, near live.com'),
	('john@me.com', NULL, 'real, near mac.com'),
	('john@xmail.com', NULL, 'as near gmail.com as ymail.com'),
	('john@love.com', NULL, 'short name: only TLD typos'),
	('john@hotmail.cz', NULL, 'maybe a country domain of hotmail'),
	('john@gmial.con', NULL, 'two edits on a five-letter name'),
	('jo@fastmail.fm', NULL, 'a real domain of a provider (the provider registry knows it)'),
	('jo@fastmail.to', NULL, 'a real TLD two edits from com: a choice, not a slip'),
	('jo@fastmail.im', NULL, 'a real TLD two edits from com'),
	('jo@fastmail.cn', NULL, 'a real TLD two edits from com'),
	('jo@fastmial.com', 'typo', 'letters swapped in the name'),
	-- syntax beats typo
	('john..x@gmail.con', 'syntax', 'syntax first'),
	('john@gmail,com', 'syntax', 'comma in domain');

SELECT id,
	   CASE WHEN length(address) > 70
			THEN left(address, 30) || '...(' || octet_length(address) || ' octets)'
			ELSE address END AS address,
	   bounce.address_problem(address) AS problem,
	   bounce.address_problem(address) IS NOT DISTINCT FROM want AS as_wanted,
	   rule
FROM example
ORDER BY id;

-- Suggestions: the local part as given, the provider's domain.
SELECT address, bounce.suggest(address) AS suggestion
FROM (VALUES
	('john@gmail.con'), ('john@hotmial.com'), ('john@yaho.com'),
	('john@gmai.com'), ('john@yahoo.cmo'), ('John.Smith@GMAIL.CON'),
	('"a@b c"@gmail.con'), ('jörg@hotmial.de'), ('x@hotmail.co.uj'),
	('x@outlook.frr'), ('x@protonmial.com'),
	('x@gmail.com'), ('x@example.com'), ('x..y@gmail.con'), ('x@hotmail.cz')
) AS t(address);

-- A suggestion exactly when the problem is a typo, and it is a fine address.
SELECT count(*) AS examples,
	   count(*) FILTER (WHERE (bounce.address_problem(address) IS NOT DISTINCT FROM 'typo')
							  <> (bounce.suggest(address) IS NOT NULL)) AS mismatched,
	   count(*) FILTER (WHERE bounce.address_problem(bounce.suggest(address)) IS NOT NULL) AS bad_suggestions
FROM example;

-- NULL in, NULL out.
SELECT bounce.address_problem(NULL) IS NULL AS problem_null,
	   bounce.suggest(NULL) IS NULL AS suggest_null;

-- A stored (compressed) huge value is answered from its size.
CREATE TEMP TABLE big AS SELECT repeat('a', 1000000) || '@gmail.con' AS address;
SELECT pg_column_size(address) < octet_length(address) AS compressed,
	   bounce.address_problem(address), bounce.suggest(address)
FROM big;

-- As a constraint.
CREATE TEMP TABLE contact (
	email text CHECK (bounce.address_problem(email) IS DISTINCT FROM 'syntax')
);
INSERT INTO contact VALUES ('john@example.com'), ('john@gmail.con');
INSERT INTO contact VALUES ('john..smith@example.com');
SELECT email, bounce.address_problem(email), bounce.suggest(email)
FROM contact ORDER BY email;

-- In a database of another encoding the address is read as UTF-8.
\set regress_db :DBNAME
CREATE DATABASE bounce_address_latin1 ENCODING 'LATIN1' LC_COLLATE 'C'
	LC_CTYPE 'C' TEMPLATE template0;
\c bounce_address_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION bounce;
-- 200 x 'ä' is 200 octets here, 400 in UTF-8: too long.
SELECT left(address, 20) AS address, octet_length(address) AS octets,
	   bounce.address_problem(address), bounce.suggest(address)
FROM (VALUES ('jörg@hotmial.de'), ('jörg@bücher.de'), ('jörg..x@example.com'),
			 (repeat('ä', 200) || '@example.com')) AS t(address);
\c :regress_db
DROP DATABASE bounce_address_latin1;

-- Markings.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
	   pg_get_function_result(p.oid) AS result,
	   obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname IN ('address_problem', 'suggest')
ORDER BY p.proname;
