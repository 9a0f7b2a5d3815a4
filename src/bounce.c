/*
 * bounce.c
 *		The module's magic block; every feature lives in its own file.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
