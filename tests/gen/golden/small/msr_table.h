/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
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
	FEAT_ALPHA,	/* CPUID.0x00000007.0:EBX[0] */
	FEAT_BETA,	/* CPUID.0x80000001.0:EDX[5] */
	FEAT_GAMMA,	/* CPUID.0x0000000d.1:EAX[31] */
	FEAT_PV,	/* CPUID.0x40000001.0:EAX[3] */
	NR_FEATURES,
};

enum msr_quirk_id {
	QUIRK_HIGH_DROPPED,
	QUIRK_LOW48,
	NR_QUIRKS,
};

enum msr_entry_id {
	MSRENT_FOO,
	MSRENT_BAR_ONE,
	MSRENT_BAR_TWO,
	MSRENT_BASE,
	MSRENT_BITS,
	MSRENT_PV_REG,
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
extern const struct msr_quirk msr_quirks[NR_QUIRKS];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];

#endif
