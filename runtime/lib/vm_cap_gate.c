// SPDX-License-Identifier: MIT
/* The VM-capability scenario (see vm_cap_gate.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "host_batch.h"
#include "rules.h"
#include "vm_cap_gate.h"

static void result(struct vm_cap_gate *g, enum check_id check, bool ok,
		   bool got_fault, uint64_t want, uint64_t got,
		   const char *detail)
{
	struct check_result res = {
		.check = check,
		.status = ok ? RESULT_PASS : RESULT_FAIL,
		.comparable = true,
		.got_fault = got_fault,
		.want = want,
		.got = got,
	};

	snprintf(res.detail, sizeof(res.detail), "%s", detail);
	g->result(g->entry, &res, g->result_opaque);
}

/* KVM_ENABLE_CAP on the VM; 0 or -errno.  The hook hears of a success. */
static int cap_set(struct vm_cap_gate *g, struct kvm_vm *vm, bool on)
{
	struct kvm_enable_cap c = {
		.cap = msr_vm_caps[g->e->vm_cap].cap,
		.args[0] = on,
	};

	if (__vm_ioctl(vm, KVM_ENABLE_CAP, &c) < 0)
		return -errno;
	if (g->cap_set)
		g->cap_set(g->e->vm_cap, on, g->hook_opaque);
	return 0;
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

static void judge_off(struct vm_cap_gate *g, const char *cap,
		      const struct guest_slot *s)
{
	char msg[320];

	if (s->vector)
		snprintf(msg, sizeof(msg), "RDMSR(0x%x) with KVM_CAP_%s "
			 "disabled: wanted vector %u, got vector %u",
			 g->e->index, cap, GP_VECTOR, s->vector);
	else
		snprintf(msg, sizeof(msg), "RDMSR(0x%x) with KVM_CAP_%s "
			 "disabled: wanted vector %u, got 0x%016llx without "
			 "a fault", g->e->index, cap, GP_VECTOR,
			 (unsigned long long)s->got);
	result(g, CHECK_RDMSR_CAP_OFF_GP, s->vector == GP_VECTOR, false,
	       GP_VECTOR, s->vector, msg);
}

static void host_read(struct vm_cap_gate *g, struct kvm_vcpu *vcpu,
		      const char *cap)
{
	struct step st = { .op = OP_HOST_GET, .reserved = -1, .bit = -1 };
	struct host_item hi = { .e = g->e, .s = &st };
	char msg[320];
	bool ok;

	host_batch_run(vcpu, &hi, 1, g->lie, g->hook_opaque);
	ok = !hi.a.ret && hi.a.value == g->value;
	if (hi.a.ret)
		snprintf(msg, sizeof(msg), "KVM_GET_MSRS(0x%x) with KVM_CAP_%s "
			 "disabled: wanted 0x%016llx, failed: %s",
			 g->e->index, cap, (unsigned long long)g->value,
			 strerror(-hi.a.ret));
	else
		snprintf(msg, sizeof(msg), "KVM_GET_MSRS(0x%x) with KVM_CAP_%s "
			 "disabled: wanted 0x%016llx, got 0x%016llx",
			 g->e->index, cap, (unsigned long long)g->value,
			 (unsigned long long)hi.a.value);
	result(g, CHECK_HOST_GET_CAP_OFF, ok, hi.a.ret != 0, g->value,
	       hi.a.ret ? (uint64_t)-hi.a.ret : hi.a.value, msg);
}

static void judge_on(struct vm_cap_gate *g, const char *cap,
		     const struct guest_slot *s)
{
	char msg[320];

	if (s->vector)
		snprintf(msg, sizeof(msg), "RDMSR(0x%x) with KVM_CAP_%s "
			 "enabled again: wanted 0x%016llx, got vector %u",
			 g->e->index, cap, (unsigned long long)g->value,
			 s->vector);
	else
		snprintf(msg, sizeof(msg), "RDMSR(0x%x) with KVM_CAP_%s "
			 "enabled again: wanted 0x%016llx, got 0x%016llx",
			 g->e->index, cap, (unsigned long long)g->value,
			 (unsigned long long)s->got);
	result(g, CHECK_RDMSR_CAP_ON, !s->vector && s->got == g->value,
	       s->vector != 0, g->value, s->vector ? s->vector : s->got,
	       msg);
}

bool vm_cap_gate_run(struct vm_cap_gate *g, struct kvm_vm *vm,
		     struct kvm_vcpu *vcpu, struct plan_run *run)
{
	const char *cap = msr_vm_caps[g->e->vm_cap].name;
	struct guest_slot s;
	char msg[320];
	bool ran;
	int r;

	run->ok = true;
	r = cap_set(g, vm, false);
	if (r) {
		snprintf(msg, sizeof(msg), "KVM_ENABLE_CAP(KVM_CAP_%s, 0) "
			 "failed: %s", cap, strerror(-r));
		result(g, CHECK_RDMSR_CAP_OFF_GP, false, true, 0, -r, msg);
		return true;
	}
	ran = guest_read(g, vcpu, run, &s);
	if (ran) {
		judge_off(g, cap, &s);
		host_read(g, vcpu, cap);
	}
	r = cap_set(g, vm, true);
	if (!ran)
		return false;
	if (r) {
		snprintf(msg, sizeof(msg), "KVM_ENABLE_CAP(KVM_CAP_%s, 1) "
			 "failed: %s", cap, strerror(-r));
		result(g, CHECK_RDMSR_CAP_ON, false, true, g->value, -r, msg);
		return true;
	}
	if (!guest_read(g, vcpu, run, &s))
		return false;
	judge_on(g, cap, &s);
	return true;
}
