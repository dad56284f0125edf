/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
/*
 * One plan function per entry: the step builders of runtime/common/steps.h
 * that make up the entry's checks, chosen by the entry's data
 * (gen/msrgen/model.py, Msr.step_builders).  A change of an entry's class
 * shows here as a change of its function.
 */
#include "steps.h"

/* tests/gen/ok_small/msrs.toml: [[msr]] FOO */
static void plan_foo(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/one */
static void plan_bar_one(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/two */
static void plan_bar_two(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BASE */
static void plan_base(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] BITS */
static void plan_bits(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* tests/gen/ok_small/msrs.toml: [[msr]] PV_REG */
static void plan_pv_reg(struct plan_ctx *p)
{
	plan_kvm_reg(p);
}

const msr_plan_fn msr_plans[NR_MSR_ENTRIES] = {
	[MSRENT_FOO] = plan_foo,
	[MSRENT_BAR_ONE] = plan_bar_one,
	[MSRENT_BAR_TWO] = plan_bar_two,
	[MSRENT_BASE] = plan_base,
	[MSRENT_BITS] = plan_bits,
	[MSRENT_PV_REG] = plan_pv_reg,
};
