/* SPDX-License-Identifier: MIT */
/*
 * What the registry says about each MSR KVM lists (KVM_GET_MSR_INDEX_LIST
 * and KVM_GET_MSR_FEATURE_INDEX_LIST): the entries that test it, or the
 * [[not_tested]] row that says why none does, or nothing, which is a
 * failure of the registry (check index-list).  Used by the suite's check,
 * its "not tested" table, and msrcheck --coverage.
 */
#ifndef MSRCHECK_COVERAGE_H
#define MSRCHECK_COVERAGE_H

#include <stdbool.h>
#include <stdio.h>

#include "kvm_util.h"

struct coverage_row {
	uint32_t index;
	bool save_list;		/* in KVM_GET_MSR_INDEX_LIST */
	bool feature_list;	/* in KVM_GET_MSR_FEATURE_INDEX_LIST */
	unsigned int nr_entries;	/* registry entries of kind msr */
	int first_entry;		/* the first of them, or -1 */
	const struct msr_not_tested *not_tested;	/* or NULL */
};

/*
 * Every listed index once, in ascending order; *n is set to how many.
 * The caller frees the array.
 */
struct coverage_row *coverage_rows(const struct kvm_host *h, unsigned int *n);
/* The index is tested (an entry) or explained (a [[not_tested]] row). */
static inline bool coverage_accounted(const struct coverage_row *r)
{
	return r->nr_entries || r->not_tested;
}
/*
 * One line per listed index and a last "N of M listed MSRs tested" line;
 * each line starts with prefix (a TAP comment marker, or "").
 */
void coverage_print(FILE *out, const char *prefix, const struct coverage_row *rows,
		    unsigned int n);

#endif
