/* SPDX-License-Identifier: MIT */
/*
 * What one check produced, before any policy (deviations, counting) or
 * output applies: the entry, vCPU and pass it is about, its status, the
 * compared values and the message.
 */
#ifndef MSRCHECK_RESULT_H
#define MSRCHECK_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checks.h"
#include "msr_table.h"

/* The two passes of the suite: how the host writes MSRs. */
enum suite_pass {
	PASS_MSRS,	/* KVM_GET_MSRS / KVM_SET_MSRS */
	PASS_ONE_REG,	/* host writes through KVM_SET_ONE_REG */
	/* as PASS_MSRS, the guest's RDMSR/WRMSR through KVM's emulator */
	PASS_EMULATED,
	NR_PASSES,
};

enum result_status {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_SKIP,
};

/* Entry-less results (guest-cpuid, run, deviations) use this id. */
#define REPORT_NO_ENTRY NR_MSR_ENTRIES

struct check_result {
	int entry;		/* enum msr_entry_id, or REPORT_NO_ENTRY */
	int vcpu;		/* -1: not about one vCPU */
	enum suite_pass pass;	/* NR_PASSES: about the deviations file */
	enum check_id check;
	/* The registry feature an entry-less check is about, or NULL. */
	const char *feature;
	/* The MSR an entry-less check is about (index-list), if has_msr. */
	bool has_msr;
	uint32_t msr;
	enum result_status status;
	char skip_why[160];	/* for RESULT_SKIP */
	/*
	 * The compared values, for deviation matching (want/got of a vector
	 * check are vectors, of an errno check errnos).
	 */
	bool comparable;
	uint64_t want, got;
	/* got is the vector or errno of a failure where want is a value */
	bool got_fault;
	char detail[640];	/* e.g. "RDMSR(0x277): wanted 0x..., got 0x..." */
};

/* "TSC_AUX/rdtscp" */
const char *entry_name(const struct msr_entry *e, char *buf, size_t len);
const char *check_name(enum check_id id);
const char *check_doc(enum check_id id);
const char *pass_name(enum suite_pass p);

#endif
