// SPDX-License-Identifier: MIT
/* The stagger schedule (see schedule.h). */
#include <stdint.h>
#include <string.h>

#include "schedule.h"

static bool is_guest(unsigned int stage)
{
	return !(stage & 1);
}

unsigned int schedule_stages(unsigned int nr_vcpus, unsigned int nr_stages,
			     struct sched_event *out)
{
	/* Per vCPU: another vCPU ran a guest since its last stage. */
	bool others_ran[64];
	unsigned int slot, n = 0, v;

	if (nr_vcpus > 64)
		nr_vcpus = 64;
	memset(others_ran, 0, sizeof(others_ran));
	for (slot = 0; slot + 1 < nr_stages + nr_vcpus; slot++) {
		for (v = nr_vcpus; v-- > 0;) {
			unsigned int k, w;

			if (slot < v || slot - v >= nr_stages)
				continue;
			k = slot - v;
			/*
			 * The first stage needs nothing before it; any other
			 * needs another vCPU's run since this vCPU's last.
			 */
			if (k && !others_ran[v] && nr_vcpus > 1) {
				w = (v + 1) % nr_vcpus;
				out[n++] = (struct sched_event){ w, 0, true };
				for (unsigned int u = 0; u < nr_vcpus; u++)
					others_ran[u] |= u != w;
			}
			out[n++] = (struct sched_event){ v, k, false };
			others_ran[v] = false;
			if (is_guest(k)) {
				for (w = 0; w < nr_vcpus; w++)
					others_ran[w] |= w != v;
			}
		}
	}
	return n;
}

unsigned int plan_segments(const uint8_t *kinds, const uint32_t *indices,
			   const bool *isolate, unsigned int n,
			   unsigned int *seg)
{
	unsigned int i, j, nr = 0;

	for (i = 0; i < n; i++) {
		if (isolate[i])
			continue;
		seg[i] = 0;
		for (j = 0; j < i; j++) {
			if (!isolate[j] && kinds[j] == kinds[i] &&
			    indices[j] == indices[i])
				seg[i]++;
		}
		if (seg[i] + 1 > nr)
			nr = seg[i] + 1;
	}
	for (i = 0; i < n; i++) {
		if (isolate[i])
			seg[i] = nr++;
	}
	return nr;
}
