-- Three random events under REPEATABLE READ (one statement per
-- transaction: two statements naming the same addresses in opposite
-- orders could wait for each other, as any two row-locking transactions).
\set a random(1, :npool)
\set b random(1, :npool)
\set c random(1, :npool)
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO events_stmt (tenant, address, type, campaign, reason, diagnostic, at)
SELECT 'stmt', address, type, campaign, reason, diagnostic, at
FROM pool WHERE id IN (:a, :b, :c);
COMMIT;
