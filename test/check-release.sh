#!/bin/bash
# A released install script is frozen.  When the current version is
# released (RELEASED in the Makefile), the fragments in sql/install must
# still assemble to its committed script; any change to them needs a new
# version and an upgrade script sql/bounce--X--Y.sql (test/check-upgrade.sh
# then proves it gives the same objects as a fresh install).
set -eu
cd "$(dirname "$0")/.."
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" bounce.control)
released=$(make -s --no-print-directory released)
for v in $released; do
	if [ ! -f "sql/bounce--$v.sql" ]; then
		echo "released version $v has no frozen script sql/bounce--$v.sql"
		exit 1
	fi
done
case " $released " in
	*" $version "*)
		if make -s --no-print-directory assembled | cmp -s - "sql/bounce--$version.sql"; then
			echo "$version is released and its script is unchanged"
		else
			echo "sql/install/ changed, but $version is released and its script is frozen:"
			make -s --no-print-directory assembled | diff -u "sql/bounce--$version.sql" - | head -40
			echo "bump default_version in bounce.control and write sql/bounce--$version--NEW.sql"
			exit 1
		fi
		;;
	*)
		echo "$version is in development; released: $released"
		;;
esac
