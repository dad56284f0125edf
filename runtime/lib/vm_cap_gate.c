// SPDX-License-Identifier: MIT
/* The VM-capability scenario (see vm_cap_gate.h). */
#include <stdio.h>
#include <string.h>

#include "host_batch.h"
#include "rules.h"
#include "vm_cap_gate.h"

#define result(g, ...)							\
	scenario_emit((g)->result, (g)->result_opaque, (g)->entry,	\
		      __VA_ARGS__)

/* KVM_ENABLE_CAP on the VM; 0 or -errno.  The hook hears of a success. */
static int cap_set(struct vm_cap_gate *g, struct kvm_vm *vm, bool on)
{
	int r = __vm_enable_cap(vm, msr_vm_caps[g->e->vm_cap].cap, on);

	if (!r && g->cap_set)
		g->cap_set(g->e->vm_cap, on, g->hook_opaque);
	return r;
}

/* One guest RDMSR of the entry: false if the run failed. */
static bool guest_read(struct vm_cap_gate *g, struct kvm_vcpu *vcpu,
		       struct plan_run *run, struct guest_slot *out)
{
	guest_plan_clear(g->plan);
	guest_plan_add(g->plan, GUEST_OP_RDMSR, g->e->index, 0, 0);
	guest_plan_run(vcpu, g->plan, g->timeout_ms, g->plan_hooks, run);
	if (run->ok)
		*out = g->plan->slots[0];
	return run->ok;
}

/* What a guest RDMSR gave, for messages: "vector 13" or the value. */
static const char *read_text(const struct guest_slot *s, char *buf,
			     size_t len)
{
	if (s->vector)
		snprintf(buf, len, "vector %u", s->vector);
	else
		snprintf(buf, len, "0x%016llx", (unsigned long long)s->got);
	return buf;
}

static void host_read(struct vm_cap_gate *g, struct kvm_vcpu *vcpu,
		      const char *cap)
{
	struct step st = { .op = OP_HOST_GET, .reserved = -1, .bit = -1 };
	struct host_item hi = { .e = g->e, .s = &st };
	char got[64];

	host_batch_run(vcpu, &hi, 1, g->lie, g->hook_opaque);
	if (hi.a.ret)
		snprintf(got, sizeof(got), "failed: %s", strerror(-hi.a.ret));
	else
		snprintf(got, sizeof(got), "got 0x%016llx",
			 (unsigned long long)hi.a.value);
	result(g, CHECK_HOST_GET_CAP_OFF, !hi.a.ret && hi.a.value == g->value,
	       hi.a.ret != 0, g->value,
	       hi.a.ret ? (uint64_t)-hi.a.ret : hi.a.value,
	       "KVM_GET_MSRS(0x%x) with KVM_CAP_%s disabled: wanted "
	       "0x%016llx, %s", g->e->index, cap,
	       (unsigned long long)g->value, got);
}

/* KVM_ENABLE_CAP failed: the check that needed it fails. */
static void cap_failed(struct vm_cap_gate *g, enum check_id check,
		       const char *cap, bool on, int r)
{
	result(g, check, false, true, on ? g->value : GP_VECTOR, -r,
	       "KVM_ENABLE_CAP(KVM_CAP_%s, %d) failed: %s", cap, on,
	       strerror(-r));
}

bool vm_cap_gate_run(struct vm_cap_gate *g, struct kvm_vm *vm,
		     struct kvm_vcpu *vcpu, struct plan_run *run)
{
	const char *cap = msr_vm_caps[g->e->vm_cap].name;
	struct guest_slot s;
	char got[64];
	bool ran;
	int r;

	run->ok = true;
	r = cap_set(g, vm, false);
	if (r) {
		cap_failed(g, CHECK_RDMSR_CAP_OFF_GP, cap, false, r);
		return true;
	}
	ran = guest_read(g, vcpu, run, &s);
	if (ran) {
		result(g, CHECK_RDMSR_CAP_OFF_GP, s.vector == GP_VECTOR, false,
		       GP_VECTOR, s.vector, "RDMSR(0x%x) with KVM_CAP_%s "
		       "disabled: wanted vector %u, got %s%s", g->e->index,
		       cap, GP_VECTOR, read_text(&s, got, sizeof(got)),
		       s.vector ? "" : " without a fault");
		host_read(g, vcpu, cap);
	}
	/* Enabled again whatever happened: later checks read the MSR. */
	r = cap_set(g, vm, true);
	if (!ran)
		return false;
	if (r) {
		cap_failed(g, CHECK_RDMSR_CAP_ON, cap, true, r);
		return true;
	}
	if (!guest_read(g, vcpu, run, &s))
		return false;
	result(g, CHECK_RDMSR_CAP_ON, !s.vector && s.got == g->value,
	       s.vector != 0, g->value, s.vector ? s.vector : s.got,
	       "RDMSR(0x%x) with KVM_CAP_%s enabled again: wanted 0x%016llx, "
	       "got %s", g->e->index, cap, (unsigned long long)g->value,
	       read_text(&s, got, sizeof(got)));
	return true;
}
