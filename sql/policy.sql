-- bounce.policy: thresholds and resets per tenant, with a default row
-- (SPEC section 5), as bounce.track() applies them.
SET timezone TO 'UTC';
SET client_min_messages TO warning;

-- The default row, as the extension makes it, and how pg_dump sees it.
SELECT * FROM bounce.policy WHERE tenant = '';
SELECT bounce.policy_is_builtin(p) FROM bounce.policy p WHERE tenant = '';
SELECT c.relname, pg_catalog.array_position(e.extconfig, c.oid) IS NOT NULL AS dumped,
	e.extcondition[pg_catalog.array_position(e.extconfig, c.oid)] AS condition
FROM pg_extension e, pg_class c
WHERE e.extname = 'bounce' AND c.relnamespace = 'bounce'::regnamespace
  AND c.relname IN ('policy', 'address_state', 'suppression', 'suppression_audit',
					'suppression_audit_id_seq')
ORDER BY 1;

-- Constraints.
INSERT INTO bounce.policy (tenant, hard_threshold) VALUES ('pol-bad', 0);
INSERT INTO bounce.policy (tenant, soft_threshold) VALUES ('pol-bad', 101);
INSERT INTO bounce.policy (tenant, reset_on) VALUES ('pol-bad', '{open,delivered}');
INSERT INTO bounce.policy (tenant, recent_send_window) VALUES ('pol-bad', '-1 day');
INSERT INTO bounce.policy (tenant, hard_threshold) VALUES ('pol-bad', NULL);
INSERT INTO bounce.policy (tenant, reset_on) VALUES ('pol-ok', '{}');
DELETE FROM bounce.policy WHERE tenant = 'pol-ok';

-- An events table with tenants.
CREATE TABLE pev (account text, email text, type text, campaign int, reason text,
	at timestamptz);
SELECT bounce.track_events('pev', 'email', 'type', 'campaign', 'at', reason => 'reason',
	tenant => 'account') IS NOT NULL AS attached;
CREATE TEMP VIEW pst AS
SELECT tenant, address, status, suppression_reason AS why, hard_streak AS h,
	soft_streak AS s
FROM bounce.address_state WHERE address LIKE '%@policy.test' ORDER BY 1, 2;

-- A tenant of its own: one hard bounce confirms; only clicks reset, and
-- delivered does not.
INSERT INTO bounce.policy (tenant, hard_threshold, reset_on, reset_on_delivered)
VALUES ('pol-strict', 1, '{click}', false),
	('pol-clicks', 3, '{click}', false);
INSERT INTO pev VALUES
	('pol-strict', 'a@policy.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('pol-default', 'a@policy.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('pol-clicks', 'a@policy.test', 'bounce', 1, 'user_unknown', '2024-05-01 10:00'),
	('pol-clicks', 'a@policy.test', 'open', 1, NULL, '2024-05-01 12:00'),
	('pol-clicks', 'a@policy.test', 'delivered', 2, NULL, '2024-05-02 10:00'),
	('pol-default', 'a@policy.test', 'open', 1, NULL, '2024-05-01 12:00');
SELECT * FROM pst;
INSERT INTO pev VALUES
	('pol-clicks', 'a@policy.test', 'click', 2, NULL, '2024-05-02 12:00');
SELECT * FROM pst WHERE tenant = 'pol-clicks';

-- A change of policy applies from the next statement on.
UPDATE bounce.policy SET hard_threshold = 2 WHERE tenant = 'pol-clicks';
INSERT INTO pev VALUES
	('pol-clicks', 'a@policy.test', 'bounce', 3, 'user_unknown', '2024-05-03 10:00'),
	('pol-clicks', 'a@policy.test', 'bounce', 4, 'user_unknown', '2024-05-04 10:00');
SELECT * FROM pst WHERE tenant = 'pol-clicks';

-- A tenant without a row follows the default row.
UPDATE bounce.policy SET soft_threshold = 2 WHERE tenant = '';
SELECT bounce.policy_is_builtin(p) FROM bounce.policy p WHERE tenant = '';
INSERT INTO pev VALUES
	('pol-default', 'b@policy.test', 'bounce', 1, 'mailbox_full', '2024-05-01 10:00'),
	('pol-default', 'b@policy.test', 'bounce', 2, 'mailbox_full', '2024-05-02 10:00'),
	('pol-clicks', 'b@policy.test', 'bounce', 1, 'mailbox_full', '2024-05-01 10:00'),
	('pol-clicks', 'b@policy.test', 'bounce', 2, 'mailbox_full', '2024-05-02 10:00');
SELECT * FROM pst WHERE address = 'b@policy.test';

-- Without a default row, the built-in defaults (soft_threshold 5) apply.
DELETE FROM bounce.policy WHERE tenant = '';
INSERT INTO pev VALUES
	('pol-default', 'c@policy.test', 'bounce', 1, 'mailbox_full', '2024-05-01 10:00'),
	('pol-default', 'c@policy.test', 'bounce', 2, 'mailbox_full', '2024-05-02 10:00');
SELECT * FROM pst WHERE address = 'c@policy.test';

-- Inserting a default row: it replaces the built-in one while that is
-- unchanged (so that a dump of a changed default restores), else conflicts.
INSERT INTO bounce.policy (tenant) VALUES ('');
SELECT bounce.policy_is_builtin(p) FROM bounce.policy p WHERE tenant = '';
INSERT INTO bounce.policy (tenant, soft_threshold) VALUES ('', 4);
SELECT tenant, soft_threshold, bounce.policy_is_builtin(p) FROM bounce.policy p WHERE tenant = '';
INSERT INTO bounce.policy (tenant, soft_threshold) VALUES ('', 3);
UPDATE bounce.policy SET soft_threshold = 5 WHERE tenant = '';
SELECT bounce.policy_is_builtin(p) FROM bounce.policy p WHERE tenant = '';

-- bounce.rebuild() replays with the policy in force now.
SELECT * FROM pst WHERE tenant = 'pol-strict';
UPDATE bounce.policy SET hard_threshold = 2 WHERE tenant = 'pol-strict';
SELECT tenant, address, reason FROM bounce.suppression WHERE address LIKE '%@policy.test';
SELECT addresses, events_replayed FROM bounce.rebuild('pev');
SELECT * FROM pst;
-- the derived suppression went with it, on the record
SELECT tenant, address, reason FROM bounce.suppression WHERE address LIKE '%@policy.test';
SELECT tenant, address, action, reason, evidence
FROM bounce.suppression_audit WHERE address LIKE '%@policy.test' ORDER BY id;

DELETE FROM bounce.policy WHERE tenant LIKE 'pol-%';
DROP TABLE pev;
