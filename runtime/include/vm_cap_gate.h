/* SPDX-License-Identifier: MIT */
/*
 * The VM-capability scenario: an MSR whose guest reads a VM capability
 * gates (vm_cap_gate; KVM_CAP_MSR_PLATFORM_INFO gates PLATFORM_INFO).
 * The host disables the capability (KVM_ENABLE_CAP, args[0] = 0): the
 * guest's RDMSR must raise #GP (rdmsr-cap-off-gp) while the host's
 * KVM_GET_MSRS still reads the value (host-get-cap-off); the host enables
 * it again and the guest's RDMSR reads the value (rdmsr-cap-on).  What
 * the value is, is the rules' (rules_reset).
 */
#ifndef MSRCHECK_VM_CAP_GATE_H
#define MSRCHECK_VM_CAP_GATE_H

#include "guest_plan.h"
#include "round_trip.h"

/* A test hook: the capability was just set (on) or cleared. */
typedef void (*vm_cap_set_fn)(unsigned int vm_cap, bool on, void *opaque);

struct vm_cap_gate {
	unsigned int entry;		/* the gated entry */
	const struct msr_entry *e;
	uint64_t value;			/* what reads give: the reset value */
	unsigned int timeout_ms;
	const struct guest_plan_hooks *plan_hooks;
	host_access_fn lie;		/* test hook on the host's read */
	vm_cap_set_fn cap_set;		/* test hook on the toggles */
	void *hook_opaque;
	struct guest_plan *plan;	/* scratch */
	round_trip_result_fn result;
	void *result_opaque;
};

/*
 * The scenario on one vCPU of vm; false if a guest run failed (run->what
 * says how).  The capability is enabled again whatever happened.
 */
bool vm_cap_gate_run(struct vm_cap_gate *g, struct kvm_vm *vm,
		     struct kvm_vcpu *vcpu, struct plan_run *run);

#endif
