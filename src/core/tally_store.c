/*
 * tally_store.c
 *		The stored form of a tally: 1.0's 40 bytes, in a plain layout (1.0's)
 *		or a packed one that also holds deliveries and complaints.
 *
 * bounce.tally is a fixed-length type of 40 bytes, and PostgreSQL cannot
 * change the length of a type whose values are stored, so 1.1 fits its seven
 * counters into those 40 bytes.  The layouts are described in tally.h.  The
 * plain layout is written whenever it can hold the tally, so the layout is a
 * function of the counters: values compare by their bytes, and every value
 * without deliveries or complaints keeps 1.0's bytes and 1.0's range.
 */
#include "tally.h"

#define PACKED_MASK ((UINT64_C(1) << BN_TALLY_PACKED_BITS) - 1)

/* Bits [start, start + 45) of the words, as one little-endian bit string. */
static uint64_t
get_bits(const uint64_t *w, int start)
{
	int			i = start / 64,
				shift = start % 64;
	uint64_t	v = w[i] >> shift;

	if (shift > 64 - BN_TALLY_PACKED_BITS)
		v |= w[i + 1] << (64 - shift);
	return v & PACKED_MASK;
}

/* Or v (at most 45 bits) into bits [start, start + 45). */
static void
put_bits(uint64_t *w, int start, uint64_t v)
{
	int			i = start / 64,
				shift = start % 64;

	w[i] |= v << shift;
	if (shift > 64 - BN_TALLY_PACKED_BITS)
		w[i + 1] |= v >> (64 - shift);
}

bool
bn_tally_store(const BnTally *t, BnTallyStored *s)
{
	BnTally		copy = *t;
	uint64_t	w[5] = {0, 0, 0, 0, 0};

	if (t->delivered == 0 && t->complaints == 0)
	{
		/* 1.0's layout: non-negative counts leave every top bit clear */
		s->w[0] = (uint64_t) t->sent;
		for (int k = 0; k < BN_TALLY_KINDS; k++)
			s->w[k + 1] = (uint64_t) t->bounced[k];
		return true;
	}
	for (int f = 0; f < BN_TALLY_FIELDS; f++)
	{
		int64_t		v = *bn_tally_field(&copy, f);

		if (v < 0 || v > BN_TALLY_PACKED_MAX)
			return false;
		put_bits(w, f * BN_TALLY_PACKED_BITS, (uint64_t) v);
	}
	w[4] |= BN_TALLY_PACKED_FLAG;
	for (int i = 0; i < 5; i++)
		s->w[i] = w[i];
	return true;
}

void
bn_tally_load(const BnTallyStored *s, BnTally *t)
{
	if (!bn_tally_stored_is_packed(s))
	{
		t->sent = (int64_t) s->w[0];
		for (int k = 0; k < BN_TALLY_KINDS; k++)
			t->bounced[k] = (int64_t) s->w[k + 1];
		t->delivered = 0;
		t->complaints = 0;
		return;
	}
	for (int f = 0; f < BN_TALLY_FIELDS; f++)
		*bn_tally_field(t, f) = (int64_t) get_bits(s->w, f * BN_TALLY_PACKED_BITS);
}

bool
bn_tally_stored_count_packed(BnTallyStored *s, BnKind kind, bool delivered,
							 bool complained)
{
	BnTally		t;

	bn_tally_load(s, &t);
	if (!bn_tally_count_message(&t, kind, delivered, complained))
		return false;
	return bn_tally_store(&t, s);
}
