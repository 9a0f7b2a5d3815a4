#!/bin/bash
# Build PostgreSQL MAJOR from Debian's source package, with assertions and
# debug symbols (--enable-cassert wipes freed memory, so the suite run on it
# is also a memory-error run), into a cache outside the checkout:
#
#   bash .ci/build-pg.sh 18      # prints the prefix, e.g. /var/cache/bounce-ci/pg-18
#
# The cache (BOUNCE_CI_CACHE, default /var/cache/bounce-ci) keeps one build
# per major version, keyed by the source package's version and the configure
# flags: a second run with the same key builds nothing and needs no network.
# Debian 12 ships only PostgreSQL 15, so the sources come from a private
# apt configuration (deb-src lines for later suites; the system's apt
# sources are not touched).
set -eu
major=$1
cache=${BOUNCE_CI_CACHE:-/var/cache/bounce-ci}
prefix=$cache/pg-$major
# ICU: the suite tests nondeterministic and ICU collations.
flags="--enable-cassert --enable-debug --with-icu --without-readline --without-llvm"
log=$cache/pg-$major.build.log

mkdir -p "$cache"
exec 9>"$cache/pg-$major.lock"
flock 9

# Cached: the stamp names the source version and the flags it was built with.
if [ -x "$prefix/bin/pg_config" ] && [ -f "$prefix/.bounce-build" ] &&
	grep -qxF "flags=$flags" "$prefix/.bounce-build"; then
	echo "$prefix"
	exit 0
fi

need=""
for p in bison flex perl make gcc zlib1g-dev dpkg-dev libicu-dev pkg-config; do
	dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

apt=$cache/apt
mkdir -p "$apt/lists/partial" "$apt/src"
cat > "$apt/sources.list" <<'EOF'
deb-src http://deb.debian.org/debian sid main
deb-src http://deb.debian.org/debian trixie main
deb-src http://deb.debian.org/debian-security trixie-security main
EOF
A=(-o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache")
mkdir -p "$apt/cache/archives/partial"
apt-get -qq "${A[@]}" update >&2
version=$(apt-cache "${A[@]}" showsrc "postgresql-$major" | sed -n 's/^Version: //p' | sort -V | tail -1)
[ -n "$version" ] || { echo "no source package postgresql-$major" >&2; exit 1; }
upstream=${version%%-*}
orig=$apt/src/postgresql-${major}_$upstream.orig.tar.bz2
if [ ! -s "$orig" ]; then
	(cd "$apt/src" && apt-get -qq "${A[@]}" source --download-only "postgresql-$major=$version" >&2) || true
fi
[ -s "$orig" ] || { echo "could not fetch the sources of postgresql-$major $version" >&2; exit 1; }

work=$cache/build-$major
rm -rf "$work" "$prefix"
mkdir -p "$work"
tar -xjf "$orig" -C "$work" --strip-components=1
echo "building PostgreSQL $upstream (Debian $version) into $prefix" >&2
start=$(date +%s)
(
	cd "$work"
	./configure --prefix="$prefix" $flags CFLAGS="-O1 -g" >"$log" 2>&1
	make -s -j"$(nproc)" >>"$log" 2>&1
	make -s install >>"$log" 2>&1
	make -s -C contrib/citext install >>"$log" 2>&1
) || { tail -30 "$log" >&2; exit 1; }
printf 'version=%s\nflags=%s\nseconds=%s\n' "$version" "$flags" "$(( $(date +%s) - start ))" \
	> "$prefix/.bounce-build"
rm -rf "$work"
echo "$prefix"
