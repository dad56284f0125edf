// SPDX-License-Identifier: MIT
/* The save/restore round trip (see round_trip.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "round_trip.h"
#include "test_assert.h"
#include "x86.h"

bool round_trip_write(struct round_trip *rt, struct kvm_vcpu *a,
		      struct plan_run *run)
{
	unsigned int i;

	guest_plan_clear(rt->plan);
	for (i = 0; i < rt->n; i++)
		guest_plan_add(rt->plan, GUEST_OP_WRMSR, rt->items[i].e->index,
			       rt->items[i].e->write, i);
	guest_plan_run(a, rt->plan, rt->timeout_ms, rt->plan_hooks, run);
	return run->ok;
}

/* Runs one host op on every item: rank 0, value per item. */
static void host_all(struct round_trip *rt, struct kvm_vcpu *vcpu,
		     enum step_op op, struct host_item *hi, struct step *steps)
{
	unsigned int i;

	for (i = 0; i < rt->n; i++) {
		steps[i] = (struct step){ .op = op, .reserved = -1, .bit = -1,
					  .value = rt->items[i].saved.value };
		hi[i] = (struct host_item){ .e = rt->items[i].e,
					    .s = &steps[i] };
	}
	host_batch_run(vcpu, hi, rt->n, rt->lie, rt->lie_opaque);
}

void round_trip_save(struct round_trip *rt, struct kvm_vcpu *a)
{
	struct host_item *hi = xzalloc((rt->n + 1) * sizeof(*hi));
	struct step *steps = xzalloc((rt->n + 1) * sizeof(*steps));
	unsigned int i;

	host_all(rt, a, OP_HOST_GET, hi, steps);
	for (i = 0; i < rt->n; i++)
		rt->items[i].saved = hi[i].a;
	free(hi);
	free(steps);
}

void scenario_emit(round_trip_result_fn fn, void *opaque, unsigned int entry,
		   enum check_id check, bool ok, bool got_fault,
		   uint64_t want, uint64_t got, const char *fmt, ...)
{
	struct check_result res = {
		.check = check,
		.status = ok ? RESULT_PASS : RESULT_FAIL,
		.comparable = true,
		.got_fault = got_fault,
		.want = want,
		.got = got,
	};
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res.detail, sizeof(res.detail), fmt, ap);
	va_end(ap);
	fn(entry, &res, opaque);
}

/* Item i's result. */
#define emit(rt, i, ...)						\
	scenario_emit((rt)->result, (rt)->result_opaque,		\
		      (rt)->items[i].entry, __VA_ARGS__)

void round_trip_init(struct round_trip *rt, struct kvm_vcpu *vcpu)
{
	struct host_item *hi = xzalloc((rt->n + 1) * sizeof(*hi));
	struct step *steps = xzalloc((rt->n + 1) * sizeof(*steps));
	int r = __vcpu_init(vcpu);
	unsigned int i;

	/* After a failed INIT there is nothing to read. */
	if (!r)
		host_all(rt, vcpu, OP_HOST_GET, hi, steps);
	for (i = 0; i < rt->n; i++) {
		const struct round_trip_item *it = &rt->items[i];
		const struct host_access *a = &hi[i].a;
		enum check_id check = it->e->init == INIT_KEEP ? CHECK_INIT_KEEP :
						       CHECK_INIT_RESET;

		if (r) {
			emit(rt, i, check, false, true, it->after_init, -r,
			     "the INIT (KVM_SET_VCPU_EVENTS, KVM_GET_MP_STATE) "
			     "failed: errno %d", -r);
			continue;
		}
		emit(rt, i, check, !a->ret && a->value == it->after_init,
		     a->ret != 0, it->after_init,
		     a->ret ? (uint64_t)-a->ret : a->value,
		     "KVM_GET_MSRS(0x%x) after an INIT: wanted %s 0x%016llx, "
		     "got %s0x%016llx", it->e->index,
		     it->e->init == INIT_KEEP ? "the guest's" : "the reset value",
		     (unsigned long long)it->after_init,
		     a->ret ? "an error, " : "",
		     (unsigned long long)(a->ret ? (uint64_t)-a->ret :
					  a->value));
	}
	free(hi);
	free(steps);
}

bool round_trip_restore(struct round_trip *rt, struct kvm_vcpu *b,
			struct plan_run *run)
{
	struct host_item *hi = xzalloc((rt->n + 1) * sizeof(*hi));
	struct step *steps = xzalloc((rt->n + 1) * sizeof(*steps));
	const char *set = rt->use_one_reg ? "KVM_SET_ONE_REG" : "KVM_SET_MSRS";
	unsigned int i;

	host_all(rt, b, rt->use_one_reg ? OP_HOST_SET_REG : OP_HOST_SET, hi,
		 steps);
	for (i = 0; i < rt->n; i++) {
		const struct host_access *a = &hi[i].a;
		uint64_t v = rt->items[i].saved.value;

		emit(rt, i, CHECK_RESTORE_SET, !a->ret, a->ret != 0, 0,
		     -a->ret, "%s(0x%x, saved 0x%016llx) before the first "
		     "run: %s", set, rt->items[i].e->index,
		     (unsigned long long)v, a->ret ? "failed" : "success");
	}

	host_all(rt, b, OP_HOST_GET, hi, steps);
	for (i = 0; i < rt->n; i++) {
		const struct host_access *a = &hi[i].a;
		uint64_t v = rt->items[i].saved.value;

		emit(rt, i, CHECK_RESTORE_GET, !a->ret && a->value == v,
		     a->ret != 0, v, a->ret ? (uint64_t)-a->ret : a->value,
		     "KVM_GET_MSRS(0x%x) of the new VM: wanted the saved "
		     "0x%016llx, got %s0x%016llx", rt->items[i].e->index,
		     (unsigned long long)v, a->ret ? "an error, " : "",
		     (unsigned long long)(a->ret ? (uint64_t)-a->ret :
					  a->value));
	}
	free(hi);
	free(steps);

	guest_plan_clear(rt->plan);
	for (i = 0; i < rt->n; i++)
		guest_plan_add(rt->plan, GUEST_OP_RDMSR, rt->items[i].e->index,
			       0, i);
	guest_plan_run(b, rt->plan, rt->timeout_ms, rt->plan_hooks, run);
	if (!run->ok)
		return false;
	for (i = 0; i < rt->n; i++) {
		const struct guest_slot *g = &rt->plan->slots[i];
		uint64_t v = rt->items[i].saved.value;

		emit(rt, i, CHECK_RESTORE_GUEST, !g->vector && g->got == v,
		     g->vector != 0, v, g->vector ? g->vector : g->got,
		     "RDMSR(0x%x) in the new VM: wanted the saved "
		     "0x%016llx, got %s0x%016llx", rt->items[i].e->index,
		     (unsigned long long)v, g->vector ? "vector " : "",
		     (unsigned long long)(g->vector ? g->vector : g->got));
	}
	return true;
}
