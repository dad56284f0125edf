/* SPDX-License-Identifier: MIT */
/*
 * Drafts of registry/deviations.toml entries: the unexpected failures of a
 * run, one [[deviation]] table per distinct (entry or feature, check,
 * want, got), with this host's flavour and vendor filled in and `why` left
 * to the person who reads the failure.  For measuring a new KVM flavour;
 * nothing here decides an outcome.
 */
#ifndef MSRCHECK_DEVIATION_DRAFT_H
#define MSRCHECK_DEVIATION_DRAFT_H

#include <stdio.h>

#include "result.h"
#include "x86.h"

struct deviation_drafts {
	struct check_result *v;
	unsigned int n, cap;
};

/* Keeps res if it is a failure a deviation could match, once. */
void deviation_draft_add(struct deviation_drafts *d,
			 const struct check_result *res);
void deviation_draft_print(const struct deviation_drafts *d, FILE *out,
			   const char *flavour, enum vendor vendor);
void deviation_draft_free(struct deviation_drafts *d);
/* 0x0000_0000_0000_000d: a 64-bit value as the registry files write it. */
void toml_u64(FILE *out, uint64_t v);

#endif
