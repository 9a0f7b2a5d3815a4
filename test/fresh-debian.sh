#!/bin/bash
# The README's first screen on a fresh minimal Debian 12, timed: builds a
# `debootstrap --variant=minbase bookworm` root in a temp dir (Debian's
# registry only), and inside it, in a chroot, does what the README says:
# install git, clone the project, run test/demo.sh and test/run.sh as root;
# then as a user with sudo: clone, `sudo bash test/demo.sh`, and check that
# no file in the user's clone belongs to root.  Prints the time of each
# step; the figures go into the README ("Try it").
#
# Not part of the test run (not named check-*): it downloads a few hundred
# MB and takes 10-20 minutes.  Needs root and debootstrap (apt-get install
# debootstrap).  Commit first: the project is cloned from HEAD.
#
#   bash test/fresh-debian.sh [MIRROR]      # default http://deb.debian.org/debian
#   KEEP=1 bash test/fresh-debian.sh        # keep the root afterwards
set -eu
mirror=${1:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")/.." && pwd)

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot, mounts)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "needs debootstrap: apt-get install debootstrap" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/bounce-fresh.XXXXXX")
chmod 755 "$root"	# the root of the new system: everyone must enter it
log=$root.log
mounted=()
cleanup() {
	local m
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount -l "${mounted[i]}" 2>/dev/null || true
	done
	if [ -z "${KEEP:-}" ]; then rm -rf "$root"; else echo "root kept in $root"; fi
}
trap cleanup EXIT

step() {	# step NAME CMD...: run and time one step, output to the log
	local name=$1 t0=$SECONDS rc
	shift
	echo "== $name" >>"$log"
	if "$@" >>"$log" 2>&1; then rc=0; else rc=$?; fi
	printf '%-58s %4d s%s\n' "$name" $((SECONDS - t0)) "$([ $rc -eq 0 ] || echo "  FAILED (exit $rc; see $log)")"
	return $rc
}
in_root() {	# in_root CMD: a login shell in the chroot
	chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		bash -lc "$1"
}

echo "fresh Debian 12 minbase in $root; details in $log"
step "debootstrap --variant=minbase bookworm" \
	debootstrap --variant=minbase bookworm "$root" "$mirror"
for m in proc sys dev dev/pts; do
	mkdir -p "$root/$m"
	case $m in
		proc) mount -t proc proc "$root/proc" ;;
		sys) mount -t sysfs sys "$root/sys" ;;
		*) mount --bind "/$m" "$root/$m" ;;
	esac
	mounted+=("$root/$m")
done
mkdir -p "$root/dev/shm"
mount -t tmpfs shm "$root/dev/shm"; mounted+=("$root/dev/shm")
# As in a container: packages do not start services (no server on 5432).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf"
echo "127.0.1.1 $(hostname)" >>"$root/etc/hosts"	# or sudo complains it cannot resolve it

# The project, as a clone of HEAD would give it.
git -C "$here" bundle create "$root/root/bounce.bundle" HEAD >/dev/null 2>&1

# The README's first screen, as root.
step "apt-get update && apt-get install -y git" \
	in_root "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q git"
step "git clone" in_root "cd /root && git clone -q bounce.bundle bounce"
step "bash test/demo.sh (first run: installs PostgreSQL 15, gcc)" \
	in_root "cd /root/bounce && bash test/demo.sh"
step "bash test/demo.sh (second run)" in_root "cd /root/bounce && bash test/demo.sh > /root/demo.out"
step "bash test/run.sh (first run: installs clang for fuzzing)" \
	in_root "cd /root/bounce && bash test/run.sh > /root/run.out"
echo "   test/run.sh said: $(tail -n 1 "$root/root/run.out")"

# A user with sudo, in their own clone.
step "apt-get install -y sudo; a user who may sudo" \
	in_root "DEBIAN_FRONTEND=noninteractive apt-get install -y -q sudo &&
		useradd -m -s /bin/bash ada && echo 'ada ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/ada &&
		cp /root/bounce.bundle /home/ada/ && chown ada: /home/ada/bounce.bundle"
step "as ada: git clone; sudo bash test/demo.sh" \
	in_root "cd /home/ada && runuser -u ada -- git clone -q bounce.bundle bounce &&
		cd bounce && runuser -u ada -- sudo bash test/demo.sh > /home/ada/demo.out"
step "as ada: no root-owned file in the clone, and make works" \
	in_root "cd /home/ada/bounce && test -z \"\$(find . -uid 0 | head -1)\" &&
		touch src/bounce.c && runuser -u ada -- make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null"
step "as ada: bash test/demo.sh (re-runs itself through sudo)" \
	in_root "cd /home/ada/bounce && runuser -u ada -- bash test/demo.sh > /dev/null"
echo "done; the demo's output: $root/root/demo.out (kept with KEEP=1)"
