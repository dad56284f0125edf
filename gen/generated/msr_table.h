/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/msrs.toml by gen/msrgen -- do not edit.
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
	FEAT_IBT,	/* CPUID.0x00000007.0:EDX[20] */
	FEAT_LM,	/* CPUID.0x80000001.0:EDX[29] */
	FEAT_NONE,	/* CPUID.0x00000001.0:ECX[31] */
	FEAT_RDPID,	/* CPUID.0x00000007.0:ECX[22] */
	FEAT_RDTSCP,	/* CPUID.0x80000001.0:EDX[27] */
	FEAT_SHSTK,	/* CPUID.0x00000007.0:ECX[7] */
	NR_FEATURES,
};

enum msr_quirk_id {
	QUIRK_AMD_DROPS_HIGH32,
	NR_QUIRKS,
};

enum msr_entry_id {
	MSRENT_IA32_SYSENTER_CS,
	MSRENT_IA32_SYSENTER_ESP,
	MSRENT_IA32_SYSENTER_EIP,
	MSRENT_IA32_MISC_ENABLE,
	MSRENT_IA32_CR_PAT,
	MSRENT_IA32_U_CET_IBT,
	MSRENT_IA32_U_CET_SHSTK,
	MSRENT_IA32_S_CET_IBT,
	MSRENT_IA32_S_CET_SHSTK,
	MSRENT_IA32_PL0_SSP_ALIGNMENT,
	MSRENT_IA32_PL0_SSP_CANONICAL,
	MSRENT_IA32_PL1_SSP_ALIGNMENT,
	MSRENT_IA32_PL1_SSP_CANONICAL,
	MSRENT_IA32_PL2_SSP_ALIGNMENT,
	MSRENT_IA32_PL2_SSP_CANONICAL,
	MSRENT_IA32_PL3_SSP_ALIGNMENT,
	MSRENT_IA32_PL3_SSP_CANONICAL,
	MSRENT_LSTAR,
	MSRENT_CSTAR,
	MSRENT_SYSCALL_MASK,
	MSRENT_FS_BASE,
	MSRENT_GS_BASE,
	MSRENT_KERNEL_GS_BASE,
	MSRENT_TSC_AUX_RDPID,
	MSRENT_TSC_AUX_RDTSCP,
	MSRENT_GUEST_SSP,
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
