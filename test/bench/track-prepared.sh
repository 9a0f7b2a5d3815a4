#!/bin/bash
# Writes, on stdout, the procedure test/bench-track.sh times as "prepared":
# one static INSERT ... VALUES of BATCH rows x 5 columns whose values are
# elements of PL/pgSQL array variables.  Static SQL in PL/pgSQL is parsed and
# planned once per session and its plan cached, then bound to the variables
# on each execution: a client's prepared multi-row INSERT with BATCH x 5
# parameters, executed once per batch.  Each batch's arrays are read from
# bench_batch (b, address[], campaign_id[], event[], diagnostic[],
# occurred_at[]) by primary key; a short last batch goes through unnest.
# A COMMIT per batch, as an application inserting in autocommit would.
#
#   bash test/bench/track-prepared.sh 100 | psql
set -eu
BATCH=${1:-100}
VALUES=$(awk -v n="$BATCH" 'BEGIN {
	for (i = 1; i <= n; i++)
		printf "%s\t\t\t\t(a[%d], c[%d], e[%d], d[%d], o[%d])", (i > 1 ? ",\n" : ""), i, i, i, i, i
}')
cat <<SQL
CREATE OR REPLACE PROCEDURE bench_insert_prepared()
LANGUAGE plpgsql AS \$\$
DECLARE
	a text[]; c bigint[]; e text[]; d text[]; o timestamptz[];
	nb int;
BEGIN
	SELECT max(b) INTO nb FROM bench_batch;
	FOR i IN 1 .. coalesce(nb, 0) LOOP
		SELECT address, campaign_id, event, diagnostic, occurred_at INTO a, c, e, d, o
		FROM bench_batch WHERE b = i;
		IF cardinality(a) = $BATCH THEN
			INSERT INTO events (address, campaign_id, event, diagnostic, occurred_at) VALUES
$VALUES;
		ELSE
			INSERT INTO events (address, campaign_id, event, diagnostic, occurred_at)
			SELECT * FROM unnest(a, c, e, d, o);
		END IF;
		COMMIT;
	END LOOP;
END \$\$;
SQL
