/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/deviations.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "deviations.h"
#include "msr_table.h"

const struct deviation deviations[] = {
	/* tests/gen/ok_small/deviations.toml: [[deviation]] kvm_test FOO rdmsr-reset */
	{
		.flavour = "kvm_test",
		.vendors = 0,
		.measured_on = VENDOR_BIT(VENDOR_INTEL),
		.entry = MSRENT_FOO,
		.feature = NULL,
		.check = CHECK_RDMSR_RESET,
		.want = 0x0000000000000000ull,
		.got = 0x0000000000000001ull,
		.got_fault = false,
		.why = "a \"made-up\" difference",
	},
	/* tests/gen/ok_small/deviations.toml: [[deviation]] kvm_test BAR/two wrmsr-reserved-gp */
	{
		.flavour = "kvm_test",
		.vendors = 0,
		.measured_on = VENDOR_BIT(VENDOR_INTEL),
		.entry = MSRENT_BAR_TWO,
		.feature = NULL,
		.check = CHECK_WRMSR_RESERVED_GP,
		.want = 0x000000000000000dull,
		.got = 0x0000000000000000ull,
		.got_fault = false,
		.why = "#GP (vector 0xd) wanted, no fault got",
	},
};

const unsigned int nr_deviations = 2;
