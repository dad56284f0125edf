/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#ifndef MSRCHECK_MSR_TABLE_H
#define MSRCHECK_MSR_TABLE_H

#include <stddef.h>	/* NULL; a freestanding header, fine in the guest */

#include "registry.h"
#include "checks.h"

/*
 * The longest entry name, "NAME" or "NAME/label" with its slash, without
 * the NUL: the generator rejects longer ones (ENTRY_NAME_MAX in
 * gen/msrgen/model.py).  Size name buffers MSR_ENTRY_NAME_MAX + 1.
 */
#define MSR_ENTRY_NAME_MAX 48

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

_Static_assert(NR_FEATURES <= 64, "feature_mask_t has one bit per feature");
_Static_assert(NR_QUIRKS <= 32, "msr_entry.quirks has one bit per quirk");
_Static_assert(NR_MSR_ENTRIES <= 65536, "struct deviation holds entry ids in 16 bits");

extern const struct msr_feature msr_features[NR_FEATURES];
extern const struct msr_quirk msr_quirks[NR_QUIRKS];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];
extern const uint64_t msr_noncanonical;

#endif
