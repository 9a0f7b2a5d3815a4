-- One event, row trigger (tenant row, its own policy).
\set a random(1, :npool)
INSERT INTO events_row (tenant, address, type, campaign, reason, diagnostic, at)
SELECT 'row', address, type, campaign, reason, diagnostic, at
FROM pool WHERE id = :a;
