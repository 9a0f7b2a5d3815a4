# bounce: PGXS build.  See README.md for the two set-up commands.

EXTENSION = bounce

MODULE_big = bounce
# Paths relative to the source tree, which is not the build directory in a
# VPATH build (pg_buildext builds in build-<version>/ with VPATH=..).
srcdir ?= .
src_files = $(patsubst $(srcdir)/%,%,$(sort $(wildcard $(addprefix $(srcdir)/,$(1)))))
CORE_SRCS = $(call src_files,src/core/*.c)
OBJS = $(patsubst %.c,%.o,$(call src_files,src/*.c) $(CORE_SRCS))
ifdef VPATH
$(shell mkdir -p src/core)
endif

# Install scripts: the frozen script of the base version (sql/bounce--1.0.sql)
# and one upgrade script per later version (sql/bounce--X--Y.sql), which
# CREATE EXTENSION chains, so a fresh install is the upgrade path;
# test/check-upgrade.sh proves the chain gives the same objects as a fresh
# install and keeps the data.
DATA = $(call src_files,sql/$(EXTENSION)--*.sql)

# pg_regress: sql/<feature>.sql -> expected/<feature>.out, one per feature.
REGRESS = $(patsubst sql/%.sql,%,$(filter-out sql/$(EXTENSION)--%,$(call src_files,sql/*.sql)))
REGRESS_OPTS = --load-extension=$(EXTENSION)

PG_CPPFLAGS = -I$(srcdir)/src -I$(srcdir)/src/core
# Warnings are errors only when asked (CI, test/run.sh under CI=true):
# `make BOUNCE_WERROR=1`.  A user's newer compiler with a new warning still
# builds the extension.
BOUNCE_WERROR ?=
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	-Wno-missing-field-initializers -Wno-cast-function-type \
	$(if $(BOUNCE_WERROR),-Werror)

EXTRA_CLEAN = test/fuzz/fuzz_classify test/fuzz/fuzz_address

PG_CONFIG ?= pg_config
# `make dist` needs no PostgreSQL: PGXS is not read for it.
ifneq ($(MAKECMDGOALS),dist)
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)
endif

# PGXS knows no header dependencies; every object depends on every header.
$(OBJS): $(call src_files,src/*.h src/core/*.h)

# The plain-C core alone: each test/unit/test_*.c is a program; no server.
UNIT_CC ?= cc
UNIT_TESTS = $(patsubst %.c,%,$(sort $(wildcard test/unit/test_*.c)))
EXTRA_CLEAN += $(UNIT_TESTS)

test/unit/test_%: test/unit/test_%.c test/unit/unit.h $(CORE_SRCS) $(wildcard src/core/*.h)
	$(UNIT_CC) -O1 -g -Wall -Wextra $(if $(BOUNCE_WERROR),-Werror) -Isrc/core -o $@ $< $(CORE_SRCS)

# Runs every unit program and sums their "N passed, M failed" lines.
unit: $(UNIT_TESTS)
	@p=0; f=0; rc=0; for t in $(UNIT_TESTS); do \
		out=$$($$t) || rc=1; echo "$$out" | sed -n '/passed, .* failed$$/!p'; \
		set -- $$(echo "$$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$$/\1 \2/p'); \
		p=$$((p + $${1:-0})); f=$$((f + $${2:-1})); \
	done; echo "$$p passed, $$f failed"; exit $$rc

.PHONY: unit

# A release tarball, bounce-<default_version>.tar.gz with one top directory:
# `git archive` of HEAD in a git checkout (committed files only), else the
# tree as it is, without build products and test output.
DIST_VERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
DIST_NAME = $(EXTENSION)-$(DIST_VERSION)

dist:
	@rm -f $(DIST_NAME).tar.gz
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		git archive --format=tar.gz --prefix=$(DIST_NAME)/ -o $(DIST_NAME).tar.gz HEAD; \
	else \
		tar -czf ../$(DIST_NAME).tar.gz.tmp --exclude-vcs --exclude='*.o' --exclude='*.so' \
			--exclude='*.bc' --exclude='*.tar.gz' --exclude=./test/out --exclude=./results \
			--exclude=./log --exclude=./regression.diffs --exclude=./regression.out \
			--exclude='./test/unit/test_*[!.][!c]' --exclude='./test/fuzz/fuzz_*[!.][!c]' \
			--exclude='./test/fuzz/corpus-*' \
			--transform 's,^\.,$(DIST_NAME),' . && mv ../$(DIST_NAME).tar.gz.tmp $(DIST_NAME).tar.gz; \
	fi
	@echo "$(DIST_NAME).tar.gz"

.PHONY: dist
