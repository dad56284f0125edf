// SPDX-License-Identifier: MIT
/*
 * Hostile guest memory: after a guest run, random bytes over the guest's
 * result slots, as a guest that scribbles over its plan area would leave
 * them.  Each scribble starts at a slot of an entry's MSR access (so there
 * is an entry to blame) and runs for a random number of bytes past it.
 * Half the guest runs are hit (the segments' stages and the round trip's
 * runs alike), over whole-registry suite runs, until 500 were: no crash,
 * no sanitizer report, and every hit run is a `run` failure of the entry
 * whose slot was hit, in order; no other run fails.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"
#include "suite_tap.h"

#define HITS 500
#define STR(x) #x
#define XSTR(x) STR(x)

/* The MSR index of the slot each hit started at, in order. */
static uint32_t hit_index[HITS];
static unsigned int nr_hits;
/* xorshift64: fixed seed, the same scribbles on every run. */
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t random64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* An MSR a registry entry names (the TSC scenario also reads IA32_TSC). */
static bool registry_msr(uint32_t index)
{
	unsigned int i;

	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		if (msr_entries[i].kind == MSR_KIND_MSR &&
		    msr_entries[i].index == index)
			return true;
	}
	return false;
}

/* A slot of an entry's MSR access, in any pass or scenario. */
static bool entry_slot(const struct guest_slot *s)
{
	return (s->op == GUEST_OP_RDMSR || s->op == GUEST_OP_WRMSR ||
		s->op == GUEST_OP_RESTORE || s->op == GUEST_OP_RDMSR_FEP ||
		s->op == GUEST_OP_WRMSR_FEP) && registry_msr(s->index);
}

static void scribble(struct kvm_vcpu *vcpu, struct guest_slot *g,
		     unsigned int n, void *opaque)
{
	unsigned int i, k, candidates = 0;
	struct guest_slot before;
	size_t len;
	unsigned char *p;

	for (i = 0; i < n; i++)
		candidates += entry_slot(&g[i]);
	if (!candidates || nr_hits == HITS || random64() & 1)
		return;
	k = random64() % candidates;
	for (i = 0; !entry_slot(&g[i]) || k--; i++)
		;
	before = g[i];
	/* From slot i to anywhere up to the end of the results. */
	len = 1 + random64() % ((n - i) * sizeof(*g));
	for (p = (unsigned char *)&g[i]; len--; p++)
		*p = random64();
	/*
	 * Random bytes may leave what the host wrote intact (a short scribble
	 * over the vector and the value read); the slot must change
	 * visibly, or the run is not hit.
	 */
	if (g[i].index == before.index && g[i].op == before.op &&
	    g[i].value == before.value)
		g[i].value = ~before.value;
	hit_index[nr_hits++] = before.index;
}

static int failures;

static void expect(bool ok, const char *what, const char *line)
{
	if (ok)
		return;
	printf("FAIL: %s\n  %s\n", what, line ? line : "");
	failures++;
}

/* One suite run of the whole registry; returns its TAP. */
static char *run_suite(int *ret)
{
	static const struct suite_hooks hooks = { .guest_ran = scribble };
	const struct suite_opts o = {
		.tap = true,
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
		.hooks = &hooks,
	};

	return suite_tap(&o, ret);
}

/*
 * Every "run" failure of the TAP, from hit number *next on: it must name
 * the entry of that hit's MSR and say the slot changed.
 */
static void check_run_failures(char *tap, unsigned int *next)
{
	char *line, *save;

	for (line = strtok_r(tap, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[MSR_ENTRY_NAME_MAX + 1];
		unsigned int index;

		if (strncmp(line, "not ok", 6) || !strstr(line, " run: "))
			continue;
		expect(*next < nr_hits, "a run failed that was not hit", line);
		if (*next >= nr_hits)
			continue;
		expect(sscanf(line, "not ok %*u - %" XSTR(MSR_ENTRY_NAME_MAX)
			      "s (0x%x) vcpu", name, &index) == 2 &&
		       index == hit_index[*next],
		       "the run failure does not name the entry hit", line);
		expect(strstr(line, "the guest's copy of plan slot") != NULL,
		       "the run failure does not say the slot changed", line);
		++*next;
	}
}

int main(void)
{
	unsigned int suites = 0, checked = 0;
	char *tap;
	int ret;

	if (access("/dev/kvm", R_OK | W_OK)) {
		printf("SKIP: no usable /dev/kvm\n");
		return 77;
	}
	while (nr_hits < HITS && suites < 50 && !failures) {
		unsigned int before = nr_hits;

		tap = run_suite(&ret);
		suites++;
		expect(nr_hits == before || ret == 1,
		       "runs failed, and the suite's status is not 1", NULL);
		check_run_failures(tap, &checked);
		expect(checked == nr_hits, "a hit run did not fail", NULL);
		free(tap);
	}
	expect(nr_hits == HITS, "fewer hits than wanted", NULL);
	if (failures)
		return 1;
	printf("PASS: %u guest runs with random bytes over their results, in "
	       "%u suite runs: each a run failure of the entry hit\n", nr_hits,
	       suites);
	return 0;
}
