/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
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

_Static_assert(NR_FEATURES <= 64, "feature_mask_t has one bit per feature");
_Static_assert(NR_QUIRKS <= 32, "msr_entry.quirks has one bit per quirk");
_Static_assert(NR_MSR_ENTRIES <= 65536, "struct deviation holds entry ids in 16 bits");

extern const struct msr_feature msr_features[NR_FEATURES];
extern const struct msr_quirk msr_quirks[NR_QUIRKS];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];
extern const uint64_t msr_noncanonical;

#endif
