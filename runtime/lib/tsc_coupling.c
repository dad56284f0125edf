// SPDX-License-Identifier: MIT
/* The TSC coupling scenario (see tsc_coupling.h). */
#include <stdio.h>

#include "tsc_coupling.h"

#define MSR_TSC 0x10

/* The plan's slots, in order. */
enum {
	TSC_BEFORE,		/* RDMSR(TSC) */
	ADJUST_STEP,		/* WRMSR(TSC_ADJUST, reset + STEP) */
	TSC_AFTER,		/* RDMSR(TSC) */
	TSC_WRITE,		/* WRMSR(TSC, TARGET) */
	TSC_WRITTEN,		/* RDMSR(TSC) */
	ADJUST_AFTER,		/* RDMSR(TSC_ADJUST) */
	ADJUST_BACK,		/* WRMSR(TSC_ADJUST, reset) */
	NR_SLOTS,
};

/* Times vary from run to run: the verdict is what compares (want 1). */
static void result(struct tsc_coupling *tc, enum check_id check, bool ok,
		   const char *detail)
{
	scenario_emit(tc->result, tc->result_opaque, tc->entry, check, ok,
		      false, 1, ok, "%s", detail);
}

/* The slots ran without an exception, or the message says which did not. */
static bool clean(const struct guest_slot *g, unsigned int from,
		  unsigned int to, char *why, size_t len)
{
	for (; from <= to; from++) {
		if (g[from].vector) {
			snprintf(why, len, "%s(0x%x) raised vector %u",
				 guest_op_name(g[from].op), g[from].index,
				 g[from].vector);
			return false;
		}
	}
	return true;
}

bool tsc_coupling_run(struct tsc_coupling *tc, struct kvm_vcpu *vcpu,
		      struct plan_run *run)
{
	uint32_t adj = tc->e->index;
	const struct guest_slot *g;
	char why[160], msg[640];
	bool ok;

	guest_plan_clear(tc->plan);
	guest_plan_add(tc->plan, GUEST_OP_RDMSR, MSR_TSC, 0, TSC_BEFORE);
	guest_plan_add(tc->plan, GUEST_OP_WRMSR, adj,
		       tc->reset + RULES_TSC_STEP, ADJUST_STEP);
	guest_plan_add(tc->plan, GUEST_OP_RDMSR, MSR_TSC, 0, TSC_AFTER);
	guest_plan_add(tc->plan, GUEST_OP_WRMSR, MSR_TSC, RULES_TSC_TARGET,
		       TSC_WRITE);
	guest_plan_add(tc->plan, GUEST_OP_RDMSR, MSR_TSC, 0, TSC_WRITTEN);
	guest_plan_add(tc->plan, GUEST_OP_RDMSR, adj, 0, ADJUST_AFTER);
	guest_plan_add(tc->plan, GUEST_OP_WRMSR, adj, tc->reset, ADJUST_BACK);
	guest_plan_run(vcpu, tc->plan, tc->timeout_ms, tc->plan_hooks, run);
	if (!run->ok)
		return false;
	g = tc->plan->slots;

	/* Each check: its slots ran clean (else why says which did not). */
	ok = clean(g, TSC_BEFORE, TSC_AFTER, why, sizeof(why));
	if (ok) {
		snprintf(why, sizeof(why), "RDMSR(TSC) moved by 0x%llx",
			 (unsigned long long)(g[TSC_AFTER].got -
					      g[TSC_BEFORE].got));
		ok = rules_tsc_follows_adjust(g[TSC_BEFORE].got,
					      g[TSC_AFTER].got);
	}
	snprintf(msg, sizeof(msg), "WRMSR(0x%x, +0x%llx): wanted RDMSR(TSC) "
		 "to move by that (+ at most 0x%llx), %s", adj,
		 (unsigned long long)RULES_TSC_STEP,
		 (unsigned long long)RULES_TSC_SLACK, why);
	result(tc, CHECK_TSC_FOLLOWS_ADJUST, ok, msg);

	ok = clean(g, TSC_WRITE, TSC_WRITTEN, why, sizeof(why));
	if (ok) {
		snprintf(why, sizeof(why), "got 0x%016llx",
			 (unsigned long long)g[TSC_WRITTEN].got);
		ok = rules_tsc_written(g[TSC_WRITTEN].got);
	}
	snprintf(msg, sizeof(msg), "WRMSR(TSC, 0x%llx): wanted RDMSR(TSC) "
		 "to give that plus at most 0x%llx, %s",
		 (unsigned long long)RULES_TSC_TARGET,
		 (unsigned long long)RULES_TSC_SLACK, why);
	result(tc, CHECK_TSC_WRITTEN, ok, msg);

	ok = clean(g, TSC_WRITE, ADJUST_AFTER, why, sizeof(why));
	if (ok) {
		snprintf(why, sizeof(why), "TSC_ADJUST moved by 0x%llx",
			 (unsigned long long)(g[ADJUST_AFTER].got -
					      tc->reset - RULES_TSC_STEP));
		ok = rules_adjust_follows_tsc(tc->reset + RULES_TSC_STEP,
					      g[TSC_AFTER].got,
					      g[ADJUST_AFTER].got);
	}
	snprintf(msg, sizeof(msg), "WRMSR(TSC, 0x%llx) after RDMSR(TSC) gave "
		 "0x%llx: wanted TSC_ADJUST to move by the TSC's change (at "
		 "most 0x%llx, less at most 0x%llx), %s",
		 (unsigned long long)RULES_TSC_TARGET,
		 (unsigned long long)g[TSC_AFTER].got,
		 (unsigned long long)(RULES_TSC_TARGET - g[TSC_AFTER].got),
		 (unsigned long long)RULES_TSC_SLACK, why);
	result(tc, CHECK_ADJUST_FOLLOWS_TSC, ok, msg);
	return true;
}
