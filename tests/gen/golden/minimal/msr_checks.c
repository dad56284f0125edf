/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "entry_checks.h"

/* tests/gen/ok_minimal/msrs.toml: [[msr]] IA32_CR_PAT */
static void check_ia32_cr_pat(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_CR_PAT]);
}

const msr_check_fn msr_checks[NR_MSR_ENTRIES] = {
	[MSRENT_IA32_CR_PAT] = check_ia32_cr_pat,
};
