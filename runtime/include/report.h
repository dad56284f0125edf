/* SPDX-License-Identifier: MIT */
/*
 * Results: every check becomes one TAP test point (or one line of the
 * readable report), known deviations turn matching failures into expected
 * failures, and a per-MSR summary closes the run.
 */
#ifndef MSRCHECK_REPORT_H
#define MSRCHECK_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "checks.h"
#include "guest_abi.h"
#include "msr_table.h"

/* The two passes of the suite: how the host reads and writes MSRs. */
enum suite_pass {
	PASS_MSRS,	/* KVM_GET_MSRS / KVM_SET_MSRS */
	PASS_ONE_REG,	/* host writes through KVM_SET_ONE_REG */
	NR_PASSES,
};

enum outcome {
	OUTCOME_PASS,
	OUTCOME_FAIL,
	OUTCOME_SKIP,
	OUTCOME_XFAIL,	/* failed exactly as a known deviation says */
};

/* Entry-less results (guest-cpuid, deviations) are filed under this id. */
#define REPORT_NO_ENTRY NR_MSR_ENTRIES

struct check_result {
	int entry;		/* enum msr_entry_id, or REPORT_NO_ENTRY */
	int vcpu;		/* -1: not about one vCPU */
	enum suite_pass pass;	/* NR_PASSES: about the deviations file */
	enum check_id check;
	enum result_status status;
	char skip_why[160];	/* for RESULT_SKIP */
	/* The compared values, for deviation matching (want/got of a
	 * vector check are vectors). */
	bool comparable;
	uint64_t want, got;
	char detail[640];	/* e.g. "RDMSR(0x277): wanted 0x..., got 0x..." */
};

/* Which path the guest took, for the summary. */
enum entry_path {
	PATH_NOT_RUN,
	PATH_SUPPORTED,
	PATH_UNSUPPORTED,
	PATH_REG_PRESENT,
	PATH_REG_ABSENT,
};

struct outcome_counts {
	unsigned int n[4];	/* indexed by enum outcome */
};

struct report {
	FILE *out;
	bool tap;		/* TAP 13 on out, else the readable report */
	bool verbose;		/* readable report: every check, not only failures */
	const char *flavour;	/* deviations apply to this KVM flavour */
	enum vendor vendor;	/* ... and to this host vendor */
	unsigned int points;
	struct outcome_counts total;
	struct outcome_counts per_entry[NR_MSR_ENTRIES + 1];
	/* Failures (not expected ones) per entry and check kind. */
	unsigned int fails[NR_MSR_ENTRIES + 1][NR_CHECKS];
	bool selected[NR_MSR_ENTRIES];
	uint8_t path[NR_PASSES][NR_MSR_ENTRIES][GUEST_MAX_VCPUS];
	unsigned int *deviation_hits;	/* per deviations[] row */
};

/* r->flavour, r->vendor and r->selected are filled in by the suite. */
void report_init(struct report *r, FILE *out, bool tap, bool verbose);
void report_free(struct report *r);
/* The whole suite is skipped: TAP "1..0 # SKIP why", or one line. */
void report_skip_all(struct report *r, const char *why);
/* Prints a line of context: a TAP comment, or plain text. */
void report_note(struct report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void report_result(struct report *r, const struct check_result *res);
/* Stale deviations, the plan and the summary; returns the exit status. */
int report_finish(struct report *r);

/* "TSC_AUX/rdtscp" */
const char *entry_name(const struct msr_entry *e, char *buf, size_t len);
const char *check_name(enum check_id id);
const char *check_doc(enum check_id id);
const char *pass_name(enum suite_pass p);

#endif
