-- After the clients: snapshot what the triggers built, replay both events
-- tables, and count the differences both ways (state and suppression list).
CREATE TABLE built_state AS SELECT * FROM bounce.address_state;
CREATE TABLE built_suppression AS
	SELECT tenant, address, reason, suppressed_at, derived FROM bounce.suppression;
SELECT 'stmt' AS events, * FROM bounce.rebuild('events_stmt')
UNION ALL
SELECT 'row', * FROM bounce.rebuild('events_row');
SELECT (SELECT count(*) FROM (SELECT * FROM built_state EXCEPT SELECT * FROM bounce.address_state) d)
	 + (SELECT count(*) FROM (SELECT * FROM bounce.address_state EXCEPT SELECT * FROM built_state) d)
	AS state_differences,
	(SELECT count(*) FROM (SELECT * FROM built_suppression
		EXCEPT SELECT tenant, address, reason, suppressed_at, derived FROM bounce.suppression) d)
	 + (SELECT count(*) FROM (SELECT tenant, address, reason, suppressed_at, derived FROM bounce.suppression
		EXCEPT SELECT * FROM built_suppression) d)
	AS suppression_differences,
	(SELECT count(*) FROM events_stmt) + (SELECT count(*) FROM events_row) AS events,
	(SELECT count(*) FROM bounce.address_state) AS addresses,
	(SELECT count(*) FROM bounce.address_state WHERE status = 'confirmed') AS confirmed,
	(SELECT count(*) FROM bounce.address_state WHERE status = 'suppressed') AS suppressed,
	(SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()) AS deadlocks;
