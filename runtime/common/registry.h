/* SPDX-License-Identifier: MIT */
/*
 * Types of the tables gen/msrgen generates from registry/msrs.toml.  The
 * enums those tables use (vendor, kind, reserved origin, CPUID register,
 * features, quirks, entries) are generated too, into msr_table.h, from the
 * one definition in gen/msrgen/model.py.
 *
 * Host-only: the guest knows nothing of the registry.
 */
#ifndef MSRCHECK_REGISTRY_H
#define MSRCHECK_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

struct msr_feature {
	const char *name;
	uint32_t leaf;
	uint32_t subleaf;
	uint8_t reg;		/* enum cpuid_reg */
	uint8_t bit;
	/* Why the featureless vCPU keeps this feature, or NULL. */
	const char *keep;
};

struct msr_quirk {
	const char *name;
	uint32_t vendors;	/* VENDOR_BIT() mask */
	uint64_t keep_mask;	/* bits a WRMSR keeps; the rest read back 0 */
	const char *why;
};

struct msr_reserved {
	uint64_t value;
	uint8_t origin;		/* enum reserved_origin */
};

/* Lists are pointer + count into the generated tables: no fixed limits. */
struct msr_entry {
	const char *name;	/* kernel name without MSR_ */
	const char *label;	/* NULL unless the MSR has several entries */
	const char *save_list_exempt;	/* reason, or NULL */
	uint32_t index;
	uint8_t kind;		/* enum msr_kind */
	bool write_needs_primary;
	uint64_t reset;
	uint64_t write;
	/* Feature ids, any of which makes the MSR exist; [0] is primary. */
	unsigned int nr_features;
	const uint16_t *features;
	unsigned int nr_reserved;
	const struct msr_reserved *reserved;
	unsigned int nr_quirks;
	const uint16_t *quirks;	/* enum msr_quirk_id */
};

#endif
