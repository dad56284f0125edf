// SPDX-License-Identifier: MIT
/*
 * The TSC coupling scenario's windows (runtime/common/rules.c), without
 * KVM: the TSC must move by the TSC_ADJUST step plus at most the slack,
 * never less, also across the 64-bit wrap; TSC_ADJUST must move by the
 * TSC write's change, which the time since the TSC read makes at most
 * the slack smaller; after the TSC write, RDMSR(TSC) gives what was
 * written plus at most the slack.
 */
#include "rules.h"
#include "unit.h"

int main(void)
{
	const uint64_t step = RULES_TSC_STEP, slack = RULES_TSC_SLACK;
	const uint64_t target = RULES_TSC_TARGET, t = 0x1234567890ull;

	unit_ok(rules_tsc_follows_adjust(t, t + step),
		"the TSC moved by exactly the step");
	unit_ok(rules_tsc_follows_adjust(t, t + step + slack),
		"... plus the whole slack");
	unit_ok(!rules_tsc_follows_adjust(t, t + step + slack + 1),
		"... plus more than the slack: no");
	unit_ok(!rules_tsc_follows_adjust(t, t + 0x5000),
		"the TSC moved only by the time that passed: no");
	unit_ok(!rules_tsc_follows_adjust(t, t + step - 1),
		"less than the step: no");
	unit_ok(rules_tsc_follows_adjust(~0ull - 5, ~0ull - 5 + step + 100),
		"across the 64-bit wrap");

	unit_ok(rules_adjust_follows_tsc(step, t, step + (target - t)),
		"TSC_ADJUST moved by the TSC write's change");
	unit_ok(rules_adjust_follows_tsc(step, t, step + (target - t) - slack),
		"... less the time since the read, up to the slack");
	unit_ok(!rules_adjust_follows_tsc(step, t,
					  step + (target - t) - slack - 1),
		"... less more than the slack: no");
	unit_ok(!rules_adjust_follows_tsc(step, t, step + (target - t) + 1),
		"more than the change: no");
	unit_ok(!rules_adjust_follows_tsc(step, t, step),
		"TSC_ADJUST did not move: no");

	unit_ok(rules_tsc_written(target + 0x5000),
		"RDMSR(TSC) after the write: the value plus the time since");
	unit_ok(rules_tsc_written(target + slack), "... up to the slack");
	unit_ok(!rules_tsc_written(target + slack + 1),
		"... more than the slack: no");
	unit_ok(!rules_tsc_written(target - 1), "less than written: no");
	unit_ok(!rules_tsc_written(t), "the write was dropped: no");
	return unit_done();
}
