#!/bin/bash
# Build Citus from ../shared/vendor for the PostgreSQL of PG_CONFIG and
# install it there, when it is not installed yet: 13.2.2 for PostgreSQL 15,
# 14.0.1 for 16 to 18 (14 dropped 15).  The build is kept
# outside the checkout (BOUNCE_CI_CACHE, default /var/cache/bounce-ci),
# keyed by the server's version and directories, so a later run only copies
# the files.  Used by test/check-citus.sh; exits 77 when ../shared/vendor is
# absent.
#
#   PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config bash test/citus-build.sh
set -eu
. "$(dirname "$0")/lib.sh"
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}
server_major=$("$PG_CONFIG" --version | sed 's/^PostgreSQL \([0-9]*\).*/\1/')
if [ "$server_major" -le 15 ]; then citus_version=13.2.2; else citus_version=14.0.1; fi
vendor=$(shared_dir)/vendor
if [ -z "$(shared_dir)" ] || [ ! -f "$vendor/citus-$citus_version.tar.gz" ]; then
	echo "skipped: ../shared/vendor/citus-$citus_version.tar.gz is absent"
	exit 77
fi
pkglibdir=$("$PG_CONFIG" --pkglibdir)
sharedir=$("$PG_CONFIG" --sharedir)
if [ -f "$pkglibdir/citus.so" ] &&
	grep -q "default_version = '${citus_version%.*}" "$sharedir/extension/citus.control" 2>/dev/null; then
	exit 0
fi

cache=${BOUNCE_CI_CACHE:-/var/cache/bounce-ci}
key=$( ("$PG_CONFIG" --version; echo "$pkglibdir $sharedir") | md5sum | cut -c1-12)
stage=$cache/citus-$citus_version-$key
mkdir -p "$cache"
exec 9>"$stage.lock"
flock 9
if [ ! -f "$stage/.built" ]; then
	install_missing libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev \
		libpam0g-dev libssl-dev libxslt1-dev libreadline-dev autoconf flex bison make gcc
	src=$(mktemp -d "${TMPDIR:-/tmp}/citus-src.XXXXXX")
	log=$stage.log
	echo "building Citus $citus_version for $("$PG_CONFIG" --version) (log: $log)"
	start=$(date +%s)
	rm -rf "$stage"
	(
		tar -xzf "$vendor/citus-$citus_version.tar.gz" -C "$src" --strip-components=1
		cd "$src"
		# 15.20 declares have_createdb_privilege() extern; the patch keys
		# on PG_VERSION_NUM, so it is harmless on earlier releases.
		if [ -f "$vendor/citus-$citus_version-pg15.20.patch" ]; then
			patch -p1 -s < "$vendor/citus-$citus_version-pg15.20.patch"
		fi
		./configure PG_CONFIG="$PG_CONFIG" --without-libcurl
		make -j"$(nproc)"
		make install DESTDIR="$stage"
	) >"$log" 2>&1 || { tail -30 "$log"; rm -rf "$src"; exit 1; }
	rm -rf "$src"
	echo "$(( $(date +%s) - start ))" > "$stage/.built"
	echo "built in $(cat "$stage/.built") s"
fi
# Install: the staged tree holds the server's own absolute directories.
# Only the module and the extension's scripts: no headers.  A directory of
# the server that is a symbolic link (a relocated copy may link its include
# directory) stays one.
(cd "$stage" && tar --exclude=./.built --exclude='*/include/*' -cf - .) |
	(cd / && as_root tar --keep-directory-symlink -xf -)
