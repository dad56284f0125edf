/* SPDX-License-Identifier: MIT */
/*
 * A set of registry features (enum msr_feature_id), as a bitmap of as many
 * 64-bit words as the registry needs.  Passed by value: it is small.
 */
#ifndef MSRCHECK_FEATURE_SET_H
#define MSRCHECK_FEATURE_SET_H

#include <stdbool.h>
#include <stdint.h>

#include "msr_table.h"

#define FEATURE_WORDS ((NR_FEATURES + 63) / 64)

struct feature_set {
	uint64_t w[FEATURE_WORDS ? FEATURE_WORDS : 1];
};

static inline bool fs_has(struct feature_set s, unsigned int f)
{
	return f < NR_FEATURES && (s.w[f / 64] >> (f % 64)) & 1;
}

static inline void fs_add(struct feature_set *s, unsigned int f)
{
	if (f < NR_FEATURES)
		s->w[f / 64] |= (uint64_t)1 << (f % 64);
}

static inline struct feature_set fs_of(unsigned int f)
{
	struct feature_set s = { { 0 } };

	fs_add(&s, f);
	return s;
}

static inline bool fs_equal(struct feature_set a, struct feature_set b)
{
	unsigned int i;

	for (i = 0; i < sizeof(a.w) / sizeof(a.w[0]); i++) {
		if (a.w[i] != b.w[i])
			return false;
	}
	return true;
}

/* Every registry feature. */
static inline struct feature_set fs_all(void)
{
	struct feature_set s = { { 0 } };
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++)
		fs_add(&s, f);
	return s;
}

static inline struct feature_set fs_minus(struct feature_set a,
					  struct feature_set b)
{
	unsigned int i;

	for (i = 0; i < sizeof(a.w) / sizeof(a.w[0]); i++)
		a.w[i] &= ~b.w[i];
	return a;
}

static inline struct feature_set fs_and(struct feature_set a,
					struct feature_set b)
{
	unsigned int i;

	for (i = 0; i < sizeof(a.w) / sizeof(a.w[0]); i++)
		a.w[i] &= b.w[i];
	return a;
}

#endif
