/* SPDX-License-Identifier: MIT */
/*
 * The order in which the vCPUs of one task run their stages.
 *
 * Each vCPU has the same sequence of stages, guest and host alternating
 * (guest first).  Two properties of the upstream scenario must hold for
 * every vCPU: its MSR state survives other vCPUs running before the host
 * reads it (a guest stage, then another vCPU's guest run, then the host
 * stage), and the host's write survives other vCPUs running before the
 * guest reads it (a host stage, another vCPU's run, then the guest stage).
 *
 * The schedule staggers the vCPUs: stage k of vCPU i runs in slot k + i,
 * and within a slot the higher vCPU goes first, so vCPU i-1 runs its next
 * guest stage between vCPU i's guest stage and its host stage.  Where no
 * other vCPU would run in between (the last vCPU's last stage), an idle run
 * of another vCPU, with an empty plan, is put in.  Pure and tested without
 * KVM (tests/unit).
 */
#ifndef MSRCHECK_SCHEDULE_H
#define MSRCHECK_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

struct sched_event {
	unsigned int vcpu;
	unsigned int stage;	/* 0 .. nr_stages-1; even: guest, odd: host */
	bool idle;		/* an empty guest run of vcpu, not a stage */
};

/* At most this many events for nr_vcpus x nr_stages. */
#define SCHED_MAX_EVENTS(nr_vcpus, nr_stages) \
	((nr_vcpus) * (nr_stages) + (nr_vcpus) * (nr_stages))

/* Writes the events in order; returns how many. */
unsigned int schedule_stages(unsigned int nr_vcpus, unsigned int nr_stages,
			     struct sched_event *out);

/*
 * Segments: entries that name the same register (same kind and register
 * index: the MSR's own, or the one KVM keeps it with) must
 * not share a segment, since each leaves its own values behind; otherwise
 * entries share as much as they can.  seg[i] becomes the segment of entry
 * i: the number of earlier entries with the same register, or, for an
 * isolated entry (one whose MSR interacts with others), a segment of its
 * own after all the shared ones.  Returns the number of segments.
 */
unsigned int plan_segments(const uint8_t *kinds, const uint32_t *indices,
			   const bool *isolate, unsigned int n,
			   unsigned int *seg);

#endif
