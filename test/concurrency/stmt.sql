-- A statement of five random events, statement trigger (tenant stmt).
\set a random(1, :npool)
\set b random(1, :npool)
\set c random(1, :npool)
\set d random(1, :npool)
\set e random(1, :npool)
INSERT INTO events_stmt (tenant, address, type, campaign, reason, diagnostic, at)
SELECT 'stmt', address, type, campaign, reason, diagnostic, at
FROM pool WHERE id IN (:a, :b, :c, :d, :e);
