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

# The Debian packages a script needs: the server, its headers (PGXS,
# pg_regress), make and a C compiler.  test/run.sh adds clang's fuzzing
# runtime for the fuzz tests; the demo does not need it.
BOUNCE_DEPS="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR make gcc"
BOUNCE_FUZZ_DEPS="clang libclang-rt-dev"

# missing_deps PKG...: the packages not installed yet (empty when none).
missing_deps() {
	local p missing=""
	for p in "$@"; do
		dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
	done
	echo "${missing# }"
}

# ensure_root SCRIPT ARGS...: run the script as root when it must install
# packages or files into the server's directories: as is when root, again
# through sudo otherwise (the variables the scripts read are kept).
ensure_root() {
	local script=$1
	shift
	[ "$(id -u)" = 0 ] && return 0
	local pgc=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}
	if [ -z "$(missing_deps $BOUNCE_DEPS)" ] && [ -x "$pgc" ] &&
		[ -w "$("$pgc" --pkglibdir)" ] && [ -w "$("$pgc" --sharedir)/extension" ]; then
		return 0	# a server of one's own: no root needed
	fi
	if ! command -v sudo >/dev/null 2>&1; then
		echo "$script must install packages and files as root, and sudo is not installed:" >&2
		echo "run it as root (su -c 'bash $script'), or install sudo first." >&2
		exit 1
	fi
	echo "$script: not root, running it again through sudo"
	exec sudo --preserve-env=PG_CONFIG,PG_MAJOR,BOUNCE_PGPORT,BOUNCE_PGOPTS,CI,TMPDIR \
		bash "$script" "$@"
}

# with_progress LABEL LOG CMD...: run CMD with its output in LOG, printing
# a line every 10 s with the time so far and the last thing CMD said, then
# "done in N s"; on failure the end of LOG.  Returns CMD's status.
with_progress() {
	local label=$1 log=$2 start=$SECONDS pid rc last
	shift 2
	echo "$label ..."
	"$@" >"$log" 2>&1 &
	pid=$!
	while ! wait_for "$pid" 10; do
		last=$(tail -n 1 "$log" 2>/dev/null | tr -d '\r' | cut -c1-52)
		printf '  ... %3d s%s\n' $((SECONDS - start)) "${last:+  ($last)}"
	done
	wait "$pid" && rc=0 || rc=$?	# also under set -e
	if [ $rc -eq 0 ]; then
		printf '  done in %d s\n' $((SECONDS - start))
	else
		echo "  FAILED after $((SECONDS - start)) s (exit $rc); the end of $log:"
		tail -n 25 "$log" | sed 's/^/  | /'
	fi
	return $rc
}

# wait_for PID SECONDS: true once PID has ended, false when SECONDS passed.
wait_for() {
	local i
	for ((i = 0; i < $2 * 5; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.2
	done
	! kill -0 "$1" 2>/dev/null
}

# ensure_deps [PKG...]: install what is missing (apt, no recommended
# extras, with progress lines) of the packages a script needs and of PKG:
# Debian's server and its headers unless PG_CONFIG names an install (a
# private copy, a build from source in any prefix), make and gcc.  Sets
# PG_CONFIG and PGBIN.  Silent when nothing is missing.
ensure_deps() {
	local deps="make gcc" missing
	if [ -z "${PG_CONFIG:-}" ] || [ ! -x "$PG_CONFIG" ]; then
		deps=$BOUNCE_DEPS
		PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
	fi
	missing=$(missing_deps $deps "$@")
	if [ -n "$missing" ]; then
		local log
		log=$(mktemp "${TMPDIR:-/tmp}/bounce-apt.XXXXXX")
		echo "installing the packages bounce needs: $missing"
		with_progress "  apt-get update" "$log" as_root apt-get update || exit 1
		with_progress "  apt-get install (a few hundred MB on a fresh machine)" "$log" \
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
			--no-install-recommends -o Dpkg::Use-Pty=0 $missing || exit 1
		rm -f "$log"
	fi
	export PG_CONFIG
	PGBIN=$("$PG_CONFIG" --bindir)
	export PATH="$PGBIN:$PATH"
	keep_tree_owned
}

# install_missing PACKAGE...: apt-get install those of them not installed
# (build dependencies of other software, such as Citus).
install_missing() {
	ensure_deps "$@"
}

# Run as root (directly or through sudo) in a clone that belongs to someone
# else, the build and test outputs would be root's and the owner's next
# `make` would fail.  On exit, give every file root created in the tree
# back to the tree's owner.
keep_tree_owned() {
	[ "$(id -u)" = 0 ] || return 0
	TREE_OWNER=$(stat -c %u:%g "$BOUNCE_ROOT")
	[ "${TREE_OWNER%%:*}" = 0 ] && TREE_OWNER=""
	[ -n "$TREE_OWNER" ] && trap give_tree_back EXIT	# start_cluster's trap calls it too
	return 0
}

give_tree_back() {
	if [ -n "${TREE_OWNER:-}" ]; then
		chown -R --from=0 "$TREE_OWNER" "$BOUNCE_ROOT" 2>/dev/null || true
	fi
}

# build_install_progress: build_install with progress lines and its output
# in a temp file, shown when it fails.
build_install_progress() {
	local log rc
	log=$(mktemp "${TMPDIR:-/tmp}/bounce-build.XXXXXX")
	with_progress "building and installing bounce" "$log" build_install && rc=0 || rc=$?
	rm -f "$log"
	return $rc
}

# Build and install into the server's directories; warnings are errors
# under CI (CI=true in the environment) only.  Several engineers may share
# one tree: the lock keeps builds apart.
build_install() {
	local lock="flock /tmp/bounce-build.lock" werror=""
	[ -n "${BOUNCE_LOCK_HELD:-}" ] && lock=""
	[ "${CI:-}" = true ] && werror="BOUNCE_WERROR=1"
	(cd "$BOUNCE_ROOT" && $lock sh -c \
		"make -s PG_CONFIG='$PG_CONFIG' $werror >/dev/null && make -s PG_CONFIG='$PG_CONFIG' install >/dev/null")
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
	# From / : the postgres user may not enter the caller's directory.
	(cd / && $RUNAS "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres --no-sync \
		--encoding=UTF8 --locale=C >/dev/null) || return 1
	(cd / && $RUNAS "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w \
		-o "-k $PGTMP -p $PGPORT -c listen_addresses= -c fsync=off -c max_connections=40 ${BOUNCE_PGOPTS:-}" \
		start >/dev/null)
}

stop_cluster() {
	if [ -n "${PGTMP:-}" ] && [ -d "$PGTMP" ]; then
		(cd / && $RUNAS "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop) >/dev/null 2>&1 || true
		rm -rf "$PGTMP"
	fi
	give_tree_back
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
	local d="${BOUNCE_SHARED:-$BOUNCE_ROOT/../shared}"
	[ -d "$d" ] && (cd "$d" && pwd)
}
