// SPDX-License-Identifier: MIT
/*
 * What --draft measures beyond the probe (see probe.h): each of the 64
 * bits written alone over the reset value, as the registry's sweep does,
 * a write value that is accepted as a whole, and whether a feature MSR is
 * immutable once the vCPU ran.  All on a fresh full vCPU that is not the
 * bootstrap one (vCPU 1), whose value is the registry's `reset`.
 *
 * One guest run per bit: a bit that stops the guest, or that cannot be
 * written back, costs only itself, and the next bit gets a fresh vCPU.
 */
#include <string.h>

#include "guest_plan.h"
#include "probe.h"
#include "rules.h"
#include "x86.h"

struct sweeper {
	struct kvm_host *h;
	struct probe *p;
	struct kvm_vm *vm;
	struct kvm_vcpu *vcpu;
	struct guest_plan plan;
};

static void fresh_vcpu(struct sweeper *s)
{
	struct suite_vcpu_setup su;

	kvm_vm_free(s->vm);
	s->vm = vm_create(s->h);
	s->vcpu = suite_add_vcpu(s->vm, SWEEP_VCPU, NULL, &su);
}

/* Runs the plan; false if the guest did not come back. */
static bool run_plan(struct sweeper *s)
{
	struct plan_run run;

	guest_plan_run(s->vcpu, &s->plan, s->p->opts.timeout_ms, NULL, &run);
	return run.ok;
}

static void plan_op(struct sweeper *s, enum guest_op op, uint64_t value)
{
	guest_plan_add(&s->plan, op, s->p->opts.index, value, -1);
}

/* The guest writes v, reads, writes base back and reads again. */
static bool write_and_back(struct sweeper *s, uint64_t v, uint64_t base)
{
	guest_plan_clear(&s->plan);
	plan_op(s, GUEST_OP_WRMSR, v);
	plan_op(s, GUEST_OP_RDMSR, 0);
	plan_op(s, GUEST_OP_WRMSR, base);
	plan_op(s, GUEST_OP_RDMSR, 0);
	return run_plan(s);
}

/* The MSR holds base again (as the guest reads it). */
static bool is_back(const struct sweeper *s, uint64_t base)
{
	const struct guest_slot *r = &s->plan.slots[3];

	return !r->vector && r->got == base;
}

/*
 * A bit the guest's write left unchanged: ignored if the host can flip
 * it (the value is state, the guest's writes drop it), fixed if the
 * host's write leaves it too.  Leaves base in the MSR, or returns false.
 */
static bool host_flips(struct sweeper *s, uint64_t v, uint64_t base,
		       bool *flips)
{
	uint32_t index = s->p->opts.index;
	uint64_t got = 0;

	*flips = !__vcpu_set_msr(s->vcpu, index, v) &&
		 !__vcpu_get_msr(s->vcpu, index, &got) && got == v;
	return !__vcpu_set_msr(s->vcpu, index, base) &&
	       !__vcpu_get_msr(s->vcpu, index, &got) && got == base;
}

static void sweep_bit(struct sweeper *s, unsigned int b)
{
	struct probe_sweep *sw = &s->p->sweep;
	uint64_t v = sw->base ^ (1ull << b);
	const struct guest_slot *w, *r;
	bool flips, back;

	if (!write_and_back(s, v, sw->base)) {
		sw->bit[b] = BIT_NOT_RUN;
		fresh_vcpu(s);
		return;
	}
	w = &s->plan.slots[0];
	r = &s->plan.slots[1];
	back = is_back(s, sw->base);
	if (w->vector) {
		sw->bit[b] = BIT_FAULTS;
	} else if (!r->vector && r->got == v) {
		sw->bit[b] = BIT_STICKS;
	} else if (!r->vector && r->got == sw->base && back) {
		back = host_flips(s, v, sw->base, &flips);
		sw->bit[b] = flips ? BIT_IGNORED : BIT_FIXED;
	} else {
		sw->bit[b] = BIT_OTHERS;
	}
	if (!back) {
		sw->no_way_back |= 1ull << b;
		fresh_vcpu(s);
	}
}

/* The guest's write of v is accepted, and so is the read after it. */
static bool try_write(struct sweeper *s, uint64_t v)
{
	bool ok = write_and_back(s, v, s->p->sweep.base);

	if (ok && !s->plan.slots[0].vector && !s->plan.slots[1].vector) {
		if (!is_back(s, s->p->sweep.base))
			fresh_vcpu(s);
		return true;
	}
	fresh_vcpu(s);
	return false;
}

/*
 * A write value for the draft: the first --write value the guest took,
 * else every bit that sticks flipped at once, else the lowest one alone,
 * else every bit the guest may write without effect.
 */
static void pick_write(struct sweeper *s)
{
	struct probe_sweep *sw = &s->p->sweep;
	const struct probe_path *g = &s->p->vcpu[SWEEP_VCPU].guest;
	uint64_t sticks = 0, accepted = 0;
	unsigned int i, b;

	for (i = 1; i <= s->p->opts.nr_writes; i++) {
		if (probe_ok(&g->writes[i].write) &&
		    try_write(s, g->writes[i].value)) {
			sw->write = g->writes[i].value;
			sw->has_write = true;
			return;
		}
	}
	for (b = 0; b < 64; b++) {
		if (sw->no_way_back & (1ull << b))
			continue;
		if (sw->bit[b] == BIT_STICKS)
			sticks |= 1ull << b;
		if (sw->bit[b] == BIT_IGNORED || sw->bit[b] == BIT_FIXED)
			accepted |= 1ull << b;
	}
	if (sticks && try_write(s, sw->base ^ sticks)) {
		sw->write = sw->base ^ sticks;
		sw->has_write = true;
	} else if (sticks) {
		b = __builtin_ctzll(sticks);
		sw->write = sw->base ^ (1ull << b);
		sw->has_write = true;
	} else if (accepted && try_write(s, sw->base ^ accepted)) {
		sw->write = sw->base ^ accepted;
		sw->has_write = true;
	}
}

/*
 * KVM refuses the host's change of an immutable feature MSR once the vCPU
 * ran (kvm_is_immutable_feature_msr), and takes its own value back.
 */
static void check_immutable(struct sweeper *s)
{
	struct probe_sweep *sw = &s->p->sweep;
	uint32_t index = s->p->opts.index;
	uint64_t other = rules_other_value(sw->base);

	fresh_vcpu(s);
	guest_plan_clear(&s->plan);
	plan_op(s, GUEST_OP_RDMSR, 0);
	if (!run_plan(s))
		return;
	sw->immutable = __vcpu_set_msr(s->vcpu, index, other) &&
			!__vcpu_set_msr(s->vcpu, index, sw->base);
}

void probe_sweep(struct kvm_host *h, struct probe *p)
{
	struct sweeper s = { .h = h, .p = p };
	struct probe_sweep *sw = &p->sweep;
	unsigned int b;

	memset(sw, 0, sizeof(*sw));
	fresh_vcpu(&s);
	guest_plan_add(&s.plan, GUEST_OP_RDMSR, p->opts.index, 0, -1);
	if (run_plan(&s) && !s.plan.slots[0].vector) {
		sw->ran = true;
		sw->base = s.plan.slots[0].got;
		for (b = 0; b < 64; b++)
			sweep_bit(&s, b);
		pick_write(&s);
		if (p->feature_listed)
			check_immutable(&s);
	}
	kvm_vm_free(s.vm);
	guest_plan_free(&s.plan);
}
