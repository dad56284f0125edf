/* SPDX-License-Identifier: MIT */
/*
 * The host's steps of one vCPU stage, batched: every entry's first host
 * step, then every entry's second, and so on, with consecutive
 * KVM_GET_MSRS (or KVM_SET_MSRS) steps merged into one ioctl.  Entries of
 * one segment are independent and name distinct MSRs, so the order across
 * entries does not matter; within an entry it is kept.  When KVM stops a
 * batch at an MSR it refuses, that MSR fails and the batch goes on after it.
 */
#ifndef MSRCHECK_HOST_BATCH_H
#define MSRCHECK_HOST_BATCH_H

#include <stdbool.h>

#include "judge.h"
#include "kvm_util.h"

struct host_item {
	const struct msr_entry *e;
	const struct step *s;
	unsigned int rank;	/* the step's position among its entry's */
	struct host_access a;	/* what happened (filled in) */
};

/*
 * Runs the items on the vCPU and fills in each item's access.  lie, if
 * set, sees and may change every access right after it happened, in
 * execution order.
 */
void host_batch_run(struct kvm_vcpu *vcpu, struct host_item *items,
		    unsigned int n, host_access_fn lie, void *opaque);

#endif
