/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "entry_checks.h"

/* tests/gen/ok_small/msrs.toml: [[msr]] FOO */
static void check_foo(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_FOO]);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/one */
static void check_bar_one(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_BAR_ONE]);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/two */
static void check_bar_two(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_BAR_TWO]);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BASE */
static void check_base(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_BASE]);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BITS */
static void check_bits(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_BITS]);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] PV_REG */
static void check_pv_reg(struct suite *s)
{
	suite_check_kvm_reg(s, &msr_entries[MSRENT_PV_REG]);
}

const msr_check_fn msr_checks[NR_MSR_ENTRIES] = {
	[MSRENT_FOO] = check_foo,
	[MSRENT_BAR_ONE] = check_bar_one,
	[MSRENT_BAR_TWO] = check_bar_two,
	[MSRENT_BASE] = check_base,
	[MSRENT_BITS] = check_bits,
	[MSRENT_PV_REG] = check_pv_reg,
};
