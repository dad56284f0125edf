/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
/*
 * One plan function per entry: the step builders of runtime/common/steps.h
 * that make up the entry's checks, chosen by the entry's data
 * (gen/msrgen/model.py, Msr.step_builders).  A change of an entry's class
 * shows here as a change of its function.
 */
#include "steps.h"

/* tests/gen/ok_minimal/msrs.toml: [[msr]] IA32_CR_PAT */
static void plan_ia32_cr_pat(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

const msr_plan_fn msr_plans[NR_MSR_ENTRIES] = {
	[MSRENT_IA32_CR_PAT] = plan_ia32_cr_pat,
};
