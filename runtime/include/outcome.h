/* SPDX-License-Identifier: MIT */
/*
 * Result policy, apart from any output: known deviations turn a matching
 * failure into an expected one, a deviation that no longer happens is a
 * failure, and every outcome is counted per entry and check kind.
 */
#ifndef MSRCHECK_OUTCOME_H
#define MSRCHECK_OUTCOME_H

#include <stdbool.h>

#include "guest_abi.h"
#include "result.h"

enum outcome {
	OUTCOME_PASS,
	OUTCOME_FAIL,
	OUTCOME_SKIP,
	OUTCOME_XFAIL,	/* failed exactly as a known deviation says */
	NR_OUTCOMES,
};

/* Which path a vCPU took through an entry, for the summary. */
enum entry_path {
	PATH_NOT_RUN,
	PATH_SUPPORTED,
	PATH_UNSUPPORTED,
	PATH_REG_PRESENT,
	PATH_REG_ABSENT,
};

struct outcome_counts {
	unsigned int n[NR_OUTCOMES];
};

struct outcomes {
	const char *flavour;	/* deviations apply to this KVM flavour */
	unsigned int nr_vcpus;	/* the suite's, for the summary */
	enum vendor vendor;	/* ... and to this host vendor */
	struct outcome_counts total;
	struct outcome_counts per_entry[NR_MSR_ENTRIES + 1];
	/* Failures (not expected ones) per entry and check kind. */
	unsigned int fails[NR_MSR_ENTRIES + 1][NR_CHECKS];
	bool selected[NR_MSR_ENTRIES];
	uint8_t path[NR_PASSES][NR_MSR_ENTRIES][GUEST_MAX_VCPUS];
	unsigned int deviation_hits[];	/* per deviations[] row */
};

struct outcomes *outcomes_new(void);
/*
 * What a deviation can match: a comparable result of a pass, about an
 * entry or a feature.
 */
bool outcome_matchable(const struct check_result *res);
/*
 * Classifies a result and counts it.  *dev is the deviations[] row that
 * matched (for XFAIL), else -1.
 */
enum outcome outcome_record(struct outcomes *oc,
			    const struct check_result *res, int *dev);
/* Fills res with the i-th stale deviation; false when there are no more. */
bool outcome_next_stale(const struct outcomes *oc, unsigned int *i,
			struct check_result *res);
/*
 * The next deviation only predicted for this host's vendor that happened:
 * the index in deviations[]; false when there are no more.
 */
bool outcome_next_confirmed(const struct outcomes *oc, unsigned int *i,
			    unsigned int *dev);
void outcome_set_path(struct outcomes *oc, enum suite_pass pass,
		      unsigned int entry, unsigned int vcpu,
		      enum entry_path path);
/* One letter per path, for the summary: S U P A - */
char path_letter(enum entry_path p);

#endif
