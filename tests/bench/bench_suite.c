// SPDX-License-Identifier: MIT
/*
 * Benchmark (not a test): runs the whole suite several times in-process
 * and prints the median wall time, then KVM_RUN calls, host MSR ioctls and
 * userspace exits per entry for one run.  `ninja -C build benchmark` or
 * `meson test -C build --benchmark`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "suite.h"

#define RUNS 9

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static struct kvm_stats per_entry[RUNS][NR_MSR_ENTRIES];
	FILE *null = fopen("/dev/null", "w");
	double times[RUNS], t0;
	struct kvm_stats total = { 0 };
	unsigned int r, i;
	int runs = argc > 1 ? atoi(argv[1]) : RUNS;

	if (runs < 1 || runs > RUNS)
		runs = RUNS;
	for (r = 0; r < (unsigned int)runs; r++) {
		struct suite_opts o = {
			.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
			.fault_entry = -1,
			.entry_stats = per_entry[r],
		};
		struct report rep;
		int ret;

		report_init(&rep, null, true, false);
		t0 = now();
		ret = suite_run(&o, &rep);
		times[r] = now() - t0;
		report_free(&rep);
		if (ret == 77) {
			printf("benchmark skipped: no usable /dev/kvm\n");
			return 0;
		}
	}
	qsort(times, runs, sizeof(times[0]), cmp_double);
	printf("full suite, %d runs: median %.1f ms (min %.1f, max %.1f)\n",
	       runs, times[runs / 2] * 1e3, times[0] * 1e3,
	       times[runs - 1] * 1e3);

	printf("\n%-26s %9s %11s %7s\n", "entry (one run)", "KVM_RUN",
	       "MSR ioctls", "exits");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct kvm_stats *s = &per_entry[0][i];
		char name[64];

		printf("%-26s %9lu %11lu %7lu\n",
		       entry_name(&msr_entries[i], name, sizeof(name)),
		       s->kvm_runs, s->msr_ioctls, s->exits);
		total.kvm_runs += s->kvm_runs;
		total.msr_ioctls += s->msr_ioctls;
		total.exits += s->exits;
	}
	printf("%-26s %9lu %11lu %7lu\n", "total", total.kvm_runs,
	       total.msr_ioctls, total.exits);
	return 0;
}
