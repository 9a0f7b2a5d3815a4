#!/bin/bash
# A Debian 13 (trixie) root for PostgreSQL 17, cached outside the checkout:
#
#   bash .ci/trixie-root.sh      # prints the root, e.g. /var/cache/bounce-ci/trixie-pg17
#
# Debian 12 ships only PostgreSQL 15, and the registry serves no source
# package of postgresql-17 (its files are missing from the pool), while
# trixie's binary packages need trixie's C library.  So PostgreSQL 17 runs
# in a trixie chroot made by debootstrap from Debian's registry: Debian's
# own build of 17 (without assertions; the assertion run is on 18).  The
# root is kept between runs; a stamp says it is complete.
set -eu
cache=${BOUNCE_CI_CACHE:-/var/cache/bounce-ci}
root=$cache/trixie-pg17
# the server, and what building bounce and Citus 14 and running check-citus need
pkgs="postgresql-17 postgresql-server-dev-17 postgresql-contrib make gcc libc6-dev libicu-dev \
libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libpam0g-dev \
libssl-dev libxslt1-dev libreadline-dev autoconf flex bison patch python3-minimal"

mkdir -p "$cache"
exec 9>"$cache/trixie-pg17.lock"
flock 9

if [ -f "$root/.bounce-root" ] && grep -qxF "pkgs=$pkgs" "$root/.bounce-root"; then
	echo "$root"
	exit 0
fi

if ! command -v debootstrap >/dev/null; then
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
log=$cache/trixie-pg17.log
if [ ! -f "$root/.bounce-root" ]; then
	rm -rf "$root"
	echo "debootstrap trixie into $root" >&2
	debootstrap --variant=minbase trixie "$root" http://deb.debian.org/debian >"$log" 2>&1 ||
		{ tail -20 "$log" >&2; exit 1; }
else
	# a complete root of an earlier package list: add what is new
	chroot "$root" apt-get update -qq >>"$log" 2>&1
fi
# No service starts inside the root, and no default cluster is made.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/etc/postgresql-common"
echo "create_main_cluster = false" > "$root/etc/postgresql-common/createcluster.conf"
chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C apt-get install -y -qq \
	--no-install-recommends $pkgs >>"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
chroot "$root" apt-get clean
printf 'pkgs=%s\nversion=%s\n' "$pkgs" \
	"$(chroot "$root" dpkg-query -W -f '${Version}' postgresql-17)" > "$root/.bounce-root"
echo "$root"
