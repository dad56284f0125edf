/* SPDX-License-Identifier: MIT */
/*
 * Guest plans on the host side: a list of slots (guest_abi.h) built here,
 * copied into the vCPU's plan area, run by the guest's interpreter, and
 * read back.  The guest's memory is the guest's: everything read back is
 * checked before use, and a plan that does not come back whole (a hang, an
 * unexpected exception or exit, a slot the guest changed where it must
 * not) ends in a failure that names the slot it happened at.
 */
#ifndef MSRCHECK_GUEST_PLAN_H
#define MSRCHECK_GUEST_PLAN_H

#include <stdbool.h>

#include "kvm_util.h"

struct guest_plan {
	struct guest_slot *slots;	/* the host's copy; observations too */
	int *owner;			/* per slot: the caller's tag, or -1 */
	unsigned int n, cap, owner_cap;
};

/* Optional test hooks on the guest's copy of the slots (teeth suite). */
typedef void (*guest_slots_fn)(struct kvm_vcpu *vcpu, struct guest_slot *s,
			       unsigned int n, void *opaque);
struct guest_plan_hooks {
	guest_slots_fn written;		/* after the host wrote them */
	guest_slots_fn ran;		/* after the guest ran them */
	void *opaque;
};

/* How a plan run ended. */
struct plan_run {
	bool ok;		/* every slot ran, observations are valid */
	int failed_slot;	/* the slot the guest stopped at, -1: unknown */
	char what[640];		/* what went wrong */
};

/* "RDMSR", "WRMSR", ... as guest_ops.def names them. */
const char *guest_op_name(unsigned int op);
/* A testing aid that makes the guest fail on purpose (--fault). */
bool guest_op_is_fault(unsigned int op);
/* "slot 12: WRMSR(0x277, 0x0000000007070707)" for messages. */
void guest_slot_describe(const struct guest_slot *s, unsigned int i,
			 char *buf, size_t len);

void guest_plan_clear(struct guest_plan *p);
void guest_plan_free(struct guest_plan *p);
/* Appends a slot; returns its position. */
unsigned int guest_plan_add(struct guest_plan *p, enum guest_op op,
			    uint32_t index, uint64_t value, int owner);
/*
 * Runs the plan on the vCPU (in several runs if it exceeds the plan area;
 * never between a WRMSR and its RESTORE) and copies the observations into
 * p->slots.  An empty plan is one run that only reports back.
 */
void guest_plan_run(struct kvm_vcpu *vcpu, struct guest_plan *p,
		    unsigned int timeout_ms,
		    const struct guest_plan_hooks *hooks,
		    struct plan_run *out);

#endif
