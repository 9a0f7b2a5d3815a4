-- The recipient domain and the mailbox provider of an address.

-- bounce.domain: after the last @, lower case (ASCII only), no <> or blanks
-- around it, no trailing dot; NULL when there is no domain.
SELECT a AS address, bounce.domain(a)
FROM unnest(ARRAY[
	'alice@example.com',
	'Alice@Example.COM',
	'alice@example.com.',
	'  <alice@example.com>  ',
	'Alice Smith <Alice@Example.com>',
	E'alice@sub.EXAMPLE.co.uk\r\n',
	'"a@b"@example.org',
	'alice@[192.0.2.1]',
	'jörg@Bücher.DE',
	'user@ÄÖÜ.Example',
	'用户@例子.广告',
	'user@XN--BCHER-KVA.de',
	'alice',
	'alice@',
	'alice@.',
	'',
	'example.com'
]) a;
SELECT bounce.domain(NULL) IS NULL AS strict;

-- bounce.provider_builtin: the built-in list of providers, for an address,
-- a domain or an MX host; NULL when not known.
SELECT a AS address_or_domain, bounce.provider_builtin(a)
FROM unnest(ARRAY[
	'someone@gmail.com',
	'Someone@GoogleMail.com',
	'gmail.com.',
	'aspmx.l.google.com',
	'x@outlook.com',
	'x@Hotmail.co.uk',
	'example-com.mail.protection.outlook.com',
	'x@yahoo.com',
	'x@aol.com',
	'x@icloud.com',
	'x@me.com',
	'x@gmx.de',
	'x@web.de',
	'x@orange.fr',
	'x@yandex.ru',
	'x@qq.com',
	'x@example.com',
	'notgmail.com',
	'x@gmail.com.evil.example',
	'<x@GMAIL.COM>',
	'nobody'
]) a;

-- bounce.provider: also the custom domains whose MX the sender records.
SELECT bounce.provider('ceo@acme.example') AS before_recording;
INSERT INTO bounce.domain_mx VALUES
	('acme.example', 'aspmx.l.google.com.'),
	('contoso.example', 'contoso-example.mail.protection.outlook.com'),
	('selfhosted.example', 'mx1.selfhosted.example'),
	('bücher.example', 'ALT1.ASPMX.L.GOOGLE.COM');
SELECT a AS address_or_domain, bounce.provider(a), bounce.provider_builtin(a) AS builtin
FROM unnest(ARRAY[
	'ceo@acme.example',
	'CFO@ACME.Example.',
	'acme.example',
	'x@contoso.example',
	'x@selfhosted.example',
	'x@bücher.example',
	'x@BÜCHER.example',
	'x@gmail.com',
	'x@unrecorded.example',
	'nobody'
]) a;
-- one lookup per distinct domain and query; the answers hold for the query
SELECT bounce.provider(email), count(*)
FROM (SELECT 'user' || i || CASE i % 4 WHEN 0 THEN '@acme.example' WHEN 1 THEN '@gmail.com'
										WHEN 2 THEN '@contoso.example' ELSE '@unrecorded.example' END
	  FROM generate_series(1, 4000) i) s(email)
GROUP BY 1 ORDER BY 1;
-- the table takes normalised domains only
INSERT INTO bounce.domain_mx VALUES ('Example.ORG', 'aspmx.l.google.com');
INSERT INTO bounce.domain_mx VALUES ('example.org.', 'aspmx.l.google.com');
INSERT INTO bounce.domain_mx VALUES ('example.org', '');
-- a change is seen by the next query
UPDATE bounce.domain_mx SET mx_host = 'mx.zoho.com' WHERE domain = 'acme.example';
SELECT bounce.provider('ceo@acme.example');
-- also by the next statement of a PL/pgSQL loop, whose expressions (and
-- the answers they remember) live for the whole transaction
DO $$
DECLARE
	seen text[] := '{}';
BEGIN
	FOR i IN 1..2 LOOP
		seen := seen || bounce.provider('ceo@later.example');
		INSERT INTO bounce.domain_mx VALUES ('later.example', 'aspmx.l.google.com')
			ON CONFLICT DO NOTHING;
	END LOOP;
	RAISE NOTICE 'provider before and after recording: %', seen;
END $$;
-- and the table is dumped with the user's data
SELECT c.relname, y.condition
FROM pg_extension e,
	 unnest(e.extconfig, e.extcondition) AS y(config, condition)
	 JOIN pg_class c ON c.oid = y.config
WHERE e.extname = 'bounce' AND c.relname = 'domain_mx';
DELETE FROM bounce.domain_mx;

-- markings
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
WHERE p.pronamespace = 'bounce'::regnamespace
  AND p.proname IN ('domain', 'provider', 'provider_builtin')
ORDER BY 1::text;
