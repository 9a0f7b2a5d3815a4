#!/bin/bash
# The main job on an embedded default: install what is missing, build and
# install bounce, start a throwaway cluster, create a sample sender's
# database and print what the extension tells about it.  The cluster is
# removed afterwards.
#
#   sudo bash test/demo.sh
set -eu
. "$(dirname "$0")/lib.sh"
cd "$BOUNCE_ROOT"

ensure_deps
echo "building and installing bounce ..."
build_install
start_cluster
psql -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE demo" >/dev/null
export PGDATABASE=demo
psql -Xq -v ON_ERROR_STOP=1 -c "CREATE EXTENSION bounce" >/dev/null
echo "bounce $(psql -XAtc "SELECT extversion FROM pg_extension WHERE extname = 'bounce'") on $(psql -XAtc 'SHOW server_version')"
for f in test/demo/*.sql; do
	psql -Xq -v ON_ERROR_STOP=1 -P footer=off -f "$f"
done
