/* SPDX-License-Identifier: MIT */
/*
 * The TSC coupling scenario: in the guest, IA32_TSC_ADJUST and IA32_TSC
 * move together.  The guest reads the TSC, adds RULES_TSC_STEP to
 * TSC_ADJUST and reads the TSC again (tsc-follows-adjust), then writes
 * RULES_TSC_TARGET to the TSC and reads it (tsc-written) and TSC_ADJUST
 * (adjust-follows-tsc),
 * and puts TSC_ADJUST back.  One guest run; the windows are the rules'
 * (rules_tsc_follows_adjust, rules_adjust_follows_tsc).
 */
#ifndef MSRCHECK_TSC_COUPLING_H
#define MSRCHECK_TSC_COUPLING_H

#include "guest_plan.h"
#include "round_trip.h"

struct tsc_coupling {
	unsigned int entry;		/* the IA32_TSC_ADJUST entry */
	const struct msr_entry *e;
	uint64_t reset;			/* its value before: the reset value */
	unsigned int timeout_ms;
	const struct guest_plan_hooks *plan_hooks;
	struct guest_plan *plan;	/* scratch */
	round_trip_result_fn result;
	void *result_opaque;
};

/* false if the guest run failed (run->what says how). */
bool tsc_coupling_run(struct tsc_coupling *tc, struct kvm_vcpu *vcpu,
		      struct plan_run *run);

#endif
