/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/msrs.toml by gen/msrgen -- do not edit.
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

_Static_assert(NR_FEATURES <= 64, "feature_mask_t has one bit per feature");
_Static_assert(NR_QUIRKS <= 32, "msr_entry.quirks has one bit per quirk");
_Static_assert(NR_MSR_ENTRIES <= 65536, "struct deviation holds entry ids in 16 bits");

extern const struct msr_feature msr_features[NR_FEATURES];
/* No quirks: one zeroed element keeps the array valid C11. */
extern const struct msr_quirk msr_quirks[1];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];
extern const uint64_t msr_noncanonical;

#endif
