/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#ifndef MSRCHECK_MSR_TABLE_H
#define MSRCHECK_MSR_TABLE_H

#include <stddef.h>	/* NULL */

#include "registry.h"
#include "checks.h"

/* CPU vendors: the guest's CPUID vendor picks the vendor rules. */
enum vendor {
	VENDOR_INTEL,
	VENDOR_AMD,
	VENDOR_HYGON,
	VENDOR_OTHER,
	NR_VENDORS,
};

#define VENDOR_BIT(v) (1u << (v))
_Static_assert(NR_VENDORS <= 32, "a vendor mask is 32 bits");

enum msr_kind {
	MSR_KIND_MSR,
	MSR_KIND_KVM_REG,
	NR_MSR_KINDS,
};

/* Where a reserved value comes from, for messages. */
enum reserved_origin {
	RESERVED_LISTED,
	RESERVED_NONCANONICAL,
	RESERVED_BITS,
	NR_RESERVED_ORIGINS,
};

enum cpuid_reg {
	CPUID_EAX,
	CPUID_EBX,
	CPUID_ECX,
	CPUID_EDX,
	NR_CPUID_REGS,
};

enum msr_feature_id {
	FEAT_NONE,	/* CPUID.0x00000001.0:ECX[31] */
	NR_FEATURES,
};

enum msr_quirk_id {
	NR_QUIRKS,
};

enum msr_entry_id {
	MSRENT_IA32_CR_PAT,
	NR_MSR_ENTRIES,
};

/* Names of the enums above, indexed by them. */
struct vendor_info {
	const char *name;	/* as the registry writes it: "amd" */
	const char *display;	/* as messages write it: "AMD" */
	const char *cpuid;	/* CPUID leaf 0 vendor string, "" for other */
};
extern const struct vendor_info vendor_info[NR_VENDORS];
extern const char *const msr_kind_names[NR_MSR_KINDS];
extern const char *const reserved_origin_names[NR_RESERVED_ORIGINS];

extern const struct msr_feature msr_features[NR_FEATURES];
/* No quirks: one zeroed element keeps the array valid C11. */
extern const struct msr_quirk msr_quirks[1];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];

#endif
