// SPDX-License-Identifier: MIT
/*
 * The stagger schedule and the segments (runtime/common/schedule.c),
 * without KVM: for every vCPU count and stage count the suite could use,
 * every stage of every vCPU runs exactly once and in order, and between two
 * stages of one vCPU some other vCPU runs a guest (the two properties of
 * the upstream scenario); idle runs stay rare.
 */
#include <stdint.h>
#include <string.h>

#include "schedule.h"
#include "unit.h"

static bool check(unsigned int nv, unsigned int ns, unsigned int *idles,
		  char *why, size_t len)
{
	struct sched_event ev[SCHED_MAX_EVENTS(8, 8)];
	unsigned int next[8] = { 0 }, n, i, v;
	bool other_ran[8] = { false };

	n = schedule_stages(nv, ns, ev);
	*idles = 0;
	for (i = 0; i < n; i++) {
		v = ev[i].vcpu;
		if (v >= nv) {
			snprintf(why, len, "event %u names vCPU %u", i, v);
			return false;
		}
		if (ev[i].idle) {
			++*idles;
		} else {
			if (ev[i].stage != next[v]) {
				snprintf(why, len, "vCPU %u ran stage %u, "
					 "wanted %u", v, ev[i].stage, next[v]);
				return false;
			}
			if (next[v] && !other_ran[v] && nv > 1) {
				snprintf(why, len, "vCPU %u stage %u follows "
					 "its stage %u with no other vCPU run "
					 "between", v, next[v], next[v] - 1);
				return false;
			}
			next[v]++;
			other_ran[v] = false;
		}
		/* A guest run: an idle one, or an even stage. */
		if (ev[i].idle || !(ev[i].stage & 1)) {
			unsigned int w;

			for (w = 0; w < nv; w++)
				other_ran[w] |= w != v;
		}
	}
	for (v = 0; v < nv; v++) {
		if (next[v] != ns) {
			snprintf(why, len, "vCPU %u ran %u of %u stages", v,
				 next[v], ns);
			return false;
		}
	}
	return true;
}

static void test_schedules(void)
{
	unsigned int nv, ns, idles;
	char why[128];

	for (nv = 1; nv <= 8; nv++) {
		for (ns = 1; ns <= 8; ns++) {
			bool ok;

			why[0] = '\0';
			ok = check(nv, ns, &idles, why, sizeof(why));
			unit_ok(ok, "schedule %u vCPUs x %u stages: %s (%u "
				"idle runs)", nv, ns, ok ? "every property "
				"holds" : why, idles);
		}
	}
	/* The suite's case: three vCPUs, four stages, one idle run. */
	check(3, 4, &idles, why, sizeof(why));
	unit_ok(idles == 1, "3 vCPUs x 4 stages need 1 idle run, got %u",
		idles);
}

static void test_segments(void)
{
	const uint8_t kinds[] = { 0, 0, 0, 0, 1, 0, 0, 0, 0 };
	const uint32_t idx[] = { 0x10, 0x6a0, 0x6a0, 0x20, 0x6a0, 0x6a0, 0x10,
				 0x11, 0x4b564d00 };
	const bool none[9] = { false }, iso[9] = { [7] = true, [8] = true };
	const unsigned int want[] = { 0, 0, 1, 0, 0, 2, 1 };
	const unsigned int want_iso[] = { 0, 0, 1, 0, 0, 2, 1, 3, 4 };
	unsigned int seg[9], n;

	n = plan_segments(kinds, idx, none, 7, seg);
	unit_ok(n == 3 && !memcmp(seg, want, sizeof(want)),
		"segments: the k-th entry of a register goes to segment k, "
		"kinds apart (got %u segments: %u %u %u %u %u %u %u)", n,
		seg[0], seg[1], seg[2], seg[3], seg[4], seg[5], seg[6]);
	n = plan_segments(kinds, idx, iso, 9, seg);
	unit_ok(n == 5 && !memcmp(seg, want_iso, sizeof(want_iso)),
		"segments: an isolated entry gets a segment of its own, after "
		"the shared ones (got %u segments: ... %u %u)", n, seg[7],
		seg[8]);
	n = plan_segments(kinds, idx, none, 0, seg);
	unit_ok(n == 0, "segments: no entries, no segments (got %u)", n);
}

int main(void)
{
	printf("TAP version 13\n");
	test_schedules();
	test_segments();
	return unit_done();
}
