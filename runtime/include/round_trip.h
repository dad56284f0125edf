/* SPDX-License-Identifier: MIT */
/*
 * The save/restore round trip, as a VMM migrates or snapshots a vCPU: the
 * guest of VM A leaves its values in the MSRs; the host saves them with
 * one KVM_GET_MSRS; it writes them into the same vCPU of a new VM B before
 * B first runs (one KVM_SET_MSRS, or KVM_SET_ONE_REG for each); then B's
 * KVM_GET_MSRS and B's guest must see exactly A's values.  What takes part
 * is the rules' decision (rules_round_trips); this runs and judges it.
 */
#ifndef MSRCHECK_ROUND_TRIP_H
#define MSRCHECK_ROUND_TRIP_H

#include "guest_plan.h"
#include "host_batch.h"
#include "result.h"

struct round_trip_item {
	unsigned int entry;		/* enum msr_entry_id, for results */
	const struct msr_entry *e;
	struct host_access saved;	/* A's KVM_GET_MSRS of it */
	uint64_t after_init;		/* the INIT scenario's expectation */
};

typedef void (*round_trip_result_fn)(unsigned int entry,
				     struct check_result *res, void *opaque);

/*
 * A host-side scenario's result (round trip, INIT, TSC coupling, VM
 * capability): a pass or a failure with compared values, its text from
 * fmt, handed to fn.
 */
void scenario_emit(round_trip_result_fn fn, void *opaque, unsigned int entry,
		   enum check_id check, bool ok, bool got_fault,
		   uint64_t want, uint64_t got, const char *fmt, ...)
	__attribute__((format(printf, 9, 10)));

struct round_trip {
	struct round_trip_item *items;
	unsigned int n;
	bool use_one_reg;		/* B is written with KVM_SET_ONE_REG */
	unsigned int timeout_ms;
	const struct guest_plan_hooks *plan_hooks;
	host_access_fn lie;		/* test hook on every host access */
	void *lie_opaque;
	struct guest_plan *plan;	/* scratch */
	round_trip_result_fn result;
	void *result_opaque;
};

/*
 * A's guest writes each item's write value; false if the run failed
 * (run->what says how).
 */
bool round_trip_write(struct round_trip *rt, struct kvm_vcpu *a,
		      struct plan_run *run);
/* The host saves A's values: KVM_GET_MSRS. */
void round_trip_save(struct round_trip *rt, struct kvm_vcpu *a);
/*
 * Into B, not yet run: the host's writes (restore-set), its reads
 * (restore-get) and the guest's (restore-guest) are judged against the
 * saved values; false if B's guest run failed.
 */
bool round_trip_restore(struct round_trip *rt, struct kvm_vcpu *b,
			struct plan_run *run);

/*
 * The INIT scenario, after round_trip_write on a VM with the in-kernel
 * LAPIC: an INIT, then the host's reads against after_init (init-keep or
 * init-reset).
 */
void round_trip_init(struct round_trip *rt, struct kvm_vcpu *vcpu);

#endif
