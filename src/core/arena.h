/*
 * arena.h
 *		A bump allocator for the message parser: every string and array a
 *		parse makes lives in one arena, freed at once.
 *
 * Plain C: no PostgreSQL headers.  Allocation failure (malloc returning
 * NULL, or the arena's byte limit reached) makes bn_arena_alloc return NULL
 * and sets failed; callers check and give up cleanly.
 */
#ifndef BOUNCE_CORE_ARENA_H
#define BOUNCE_CORE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct BnArenaChunk BnArenaChunk;

typedef struct BnArena
{
	BnArenaChunk *head;			/* current chunk, linked to older ones */
	size_t		used;			/* bytes used in head */
	size_t		cap;			/* bytes available in head */
	size_t		total;			/* bytes malloc'ed so far */
	size_t		limit;			/* most bytes this arena may take; 0 = none */
	bool		failed;			/* an allocation failed */
} BnArena;

extern void bn_arena_init(BnArena *a, size_t limit);
extern void *bn_arena_alloc(BnArena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
extern char *bn_arena_strndup(BnArena *a, const char *s, size_t n);
extern void bn_arena_free(BnArena *a);
/* Move every allocation of from into into (from is left empty). */
extern void bn_arena_adopt(BnArena *into, BnArena *from);

#endif							/* BOUNCE_CORE_ARENA_H */
