/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/deviations.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "deviations.h"
#include "msr_table.h"

const struct deviation deviations[] = {
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_MISC_ENABLE rdmsr-reset */
	{
		.flavour = "kvm_pvm",
		.entry = MSRENT_IA32_MISC_ENABLE,
		.check = CHECK_RDMSR_RESET,
		.want = 0x0000000000001800ull,
		.got = 0x0000000000000001ull,
		.why = "kvm_pvm resets MISC_ENABLE to FAST_STRING only; upstream KVM resets it to BTS_UNAVAIL|PEBS_UNAVAIL",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_MISC_ENABLE wrmsr-reserved-gp */
	{
		.flavour = "kvm_pvm",
		.entry = MSRENT_IA32_MISC_ENABLE,
		.check = CHECK_WRMSR_RESERVED_GP,
		.want = 0x000000000000000dull,
		.got = 0x0000000000000000ull,
		.why = "kvm_pvm lets the guest change BTS_UNAVAIL and PEBS_UNAVAIL, which upstream KVM keeps read-only (#GP)",
	},
};

const unsigned int nr_deviations = 2;
