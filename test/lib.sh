# Shared shell helpers for test/run.sh, test/demo.sh and the scripts in test/.
# Source it; it sets no options of its own.

BOUNCE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The server: Debian's PostgreSQL $PG_MAJOR (default 15), or any install
# named by PG_CONFIG (a private copy, a build from source in any prefix):
# then nothing of PostgreSQL is installed and its major version is read
# from pg_config.
if [ -n "${PG_CONFIG:-}" ] && [ -x "$PG_CONFIG" ]; then
	PG_MAJOR=$("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
fi
PG_MAJOR=${PG_MAJOR:-15}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# install_missing PACKAGE...: apt-get install those of them not installed.
install_missing() {
	local p missing=""
	for p in "$@"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "installing:$missing"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
	fi
}

# Install what is missing: the server and its headers (PGXS, pg_regress)
# unless PG_CONFIG names an install, a compiler, and clang for the fuzz
# targets (not with BOUNCE_SERVER_ONLY=1, which runs no fuzz target).
# Quiet when nothing is missing.
ensure_deps() {
	local want="make gcc"
	[ -n "${BOUNCE_SERVER_ONLY:-}" ] || want="$want clang libclang-rt-dev"
	if [ -z "${PG_CONFIG:-}" ] || [ ! -x "$PG_CONFIG" ]; then
		want="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR $want"
		PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
	fi
	install_missing $want
	export PG_CONFIG
	PGBIN=$("$PG_CONFIG" --bindir)
	export PATH="$PGBIN:$PATH"
}

# Build with warnings as errors and install into the server's directories.
# Several engineers may share one tree: the lock keeps builds apart.
build_install() {
	local lock="flock /tmp/bounce-build.lock"
	[ -n "${BOUNCE_LOCK_HELD:-}" ] && lock=""
	(cd "$BOUNCE_ROOT" && $lock sh -c \
		"make -s PG_CONFIG='$PG_CONFIG' >/dev/null && make -s PG_CONFIG='$PG_CONFIG' install >/dev/null")
}

# postgres_tmpdir PREFIX: make a temp dir, owned by the postgres user when
# we are root, in PG_TMPDIR; sets RUNAS, the prefix that runs a command as
# that user.
postgres_tmpdir() {
	PG_TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
	chmod 755 "$PG_TMPDIR"
	if [ "$(id -u)" = 0 ]; then
		RUNAS="runuser -u postgres --"
		chown postgres: "$PG_TMPDIR"
	else
		RUNAS=""
	fi
}

# Start a throwaway cluster as the postgres user, on a unix socket in a
# temp dir and an unusual port; it is stopped and removed on exit, even on
# failure.  Sets PGHOST, PGPORT, PGUSER for the caller.
start_cluster() {
	postgres_tmpdir bounce-pg
	PGTMP=$PG_TMPDIR
	trap stop_cluster EXIT
	export PGHOST=$PGTMP PGPORT=${BOUNCE_PGPORT:-54329} PGUSER=postgres PGDATABASE=postgres
	$RUNAS "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres --no-sync \
		--encoding=UTF8 --locale=C >/dev/null
	$RUNAS "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w \
		-o "-k $PGTMP -p $PGPORT -c listen_addresses= -c fsync=off -c max_connections=40 ${BOUNCE_PGOPTS:-}" \
		start >/dev/null
}

stop_cluster() {
	if [ -n "${PGTMP:-}" ] && [ -d "$PGTMP" ]; then
		$RUNAS "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$PGTMP"
	fi
}

# For a check script: use the cluster of test/run.sh when PGHOST and PGPORT
# are exported, or build, install and start a throwaway one.
use_or_start_cluster() {
	if [ -z "${PGHOST:-}" ] || [ -z "${PGPORT:-}" ]; then
		ensure_deps
		build_install || exit 1
		start_cluster
	fi
	export PGUSER=${PGUSER:-postgres}
}

# Drop database $1 if it is there and create it with the extension; exits
# on failure.
create_bounce_db() {
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
	psql -Xq -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE $1" || exit 1
	psql -Xq -d "$1" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION bounce" || exit 1
}

# Session A of a cross-session check: one long-lived psql on database $1,
# run as a coprocess.  Send it SQL with a, end it with session_a_close.
session_a_open() {
	coproc SESSION_A { psql -X -q -A -t -d "$1" 2>&1; }
	a_in=${SESSION_A[1]}
	a_out=${SESSION_A[0]}
}

# a SQL: run SQL in session A; prints its output (all lines, joined by "|").
a() {
	local line out=""
	printf '%s\n\\echo __done__\n' "$1" >&"$a_in"
	while IFS= read -r -t 60 line <&"$a_out"; do
		[ "$line" = "__done__" ] && break
		out="${out:+$out|}$line"
	done
	printf '%s' "$out"
}

# Quit session A and wait for it.
session_a_close() {
	local pid=${SESSION_A_PID:-}
	printf '\\q\n' >&"$a_in"
	[ -n "$pid" ] && wait "$pid" 2>/dev/null
	return 0
}

# expect NAME GOT WANT: one step of a check, counted in passed and failed.
expect() {
	if [ "$2" = "$3" ]; then
		echo "ok      $1"
		passed=$((${passed:-0} + 1))
	else
		echo "FAILED  $1: got '$2', want '$3'"
		failed=$((${failed:-0} + 1))
	fi
}

# The last line of a check, "N passed, M failed"; true when none failed.
expect_summary() {
	echo "${passed:-0} passed, ${failed:-0} failed"
	[ "${failed:-0}" -eq 0 ]
}

# Where ../shared lives when this is the project's own checkout; empty on a
# user's clone, where scripts reading it skip cleanly.
shared_dir() {
	local d="$BOUNCE_ROOT/../shared"
	[ -d "$d" ] && (cd "$d" && pwd)
}
