/*
 * arena.c
 *		Bump allocator: chunks of growing size, freed together.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct BnArenaChunk
{
	BnArenaChunk *prev;
	size_t		size;
	/* data follows, max-aligned */
};

#define CHUNK_HDR ((sizeof(BnArenaChunk) + 15) & ~(size_t) 15)
#define FIRST_CHUNK 8192

void
bn_arena_init(BnArena *a, size_t limit)
{
	memset(a, 0, sizeof *a);
	a->limit = limit;
}

void *
bn_arena_alloc(BnArena *a, size_t n)
{
	char	   *p;

	if (a->failed)
		return NULL;
	if (n > SIZE_MAX / 4)
	{
		a->failed = true;		/* a length gone wrong: never wrap around */
		return NULL;
	}
	n = (n + 15) & ~(size_t) 15;
	if (n == 0)
		n = 16;
	if (a->head == NULL || a->cap - a->used < n)
	{
		size_t		want = a->head ? a->head->size * 2 : FIRST_CHUNK;
		BnArenaChunk *c;

		if (want < n + CHUNK_HDR)
			want = n + CHUNK_HDR;
		if (want > SIZE_MAX / 2 ||
			(a->limit != 0 && a->total + want > a->limit))
		{
			/* try the exact size before giving up */
			want = n + CHUNK_HDR;
			if (want < n || (a->limit != 0 && a->total + want > a->limit))
			{
				a->failed = true;
				return NULL;
			}
		}
		c = malloc(want);
		if (c == NULL)
		{
			a->failed = true;
			return NULL;
		}
		c->prev = a->head;
		c->size = want;
		a->head = c;
		a->used = CHUNK_HDR;
		a->cap = want;
		a->total += want;
	}
	p = (char *) a->head + a->used;
	a->used += n;
	return p;
}

char *
bn_arena_strndup(BnArena *a, const char *s, size_t n)
{
	char	   *p = bn_arena_alloc(a, n + 1);

	if (p == NULL)
		return NULL;
	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
bn_arena_free(BnArena *a)
{
	BnArenaChunk *c = a->head;

	while (c != NULL)
	{
		BnArenaChunk *prev = c->prev;

		free(c);
		c = prev;
	}
	a->head = NULL;
	a->used = a->cap = a->total = 0;
}

void
bn_arena_adopt(BnArena *into, BnArena *from)
{
	BnArenaChunk *oldest = from->head;

	if (oldest == NULL)
		return;
	while (oldest->prev != NULL)
		oldest = oldest->prev;
	/* from's chunks go on top: into allocates on in from's newest */
	oldest->prev = into->head;
	into->head = from->head;
	into->used = from->used;
	into->cap = from->cap;
	into->total += from->total;
	into->failed = into->failed || from->failed;
	from->head = NULL;
	from->used = from->cap = from->total = 0;
}
