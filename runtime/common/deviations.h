/* SPDX-License-Identifier: MIT */
/*
 * Known deviations of a KVM flavour from upstream KVM, generated from
 * registry/deviations.toml.  A failure that matches one exactly is expected
 * (TAP TODO); a listed deviation that no longer happens fails the run.
 */
#ifndef MSRCHECK_DEVIATIONS_H
#define MSRCHECK_DEVIATIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "msr_table.h"

struct deviation {
	const char *flavour;	/* loaded KVM vendor module, e.g. "kvm_pvm" */
	uint32_t vendors;	/* VENDOR_BIT() mask of host vendors; 0: any */
	uint32_t measured_on;	/* host vendors where it must happen */
	uint32_t entry;		/* enum msr_entry_id, or NR_MSR_ENTRIES */
	const char *feature;	/* else the registry feature it is about */
	uint32_t check;		/* enum check_id */
	uint64_t want;
	uint64_t got;
	bool got_fault;		/* got is a vector or errno, want a value */
	const char *why;
};

extern const struct deviation deviations[];
extern const unsigned int nr_deviations;

#endif
