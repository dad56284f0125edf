// SPDX-License-Identifier: MIT
/*
 * Guest plans (runtime/lib/guest_plan.c) on real KVM: a plan longer than
 * the plan area runs in several runs and never splits a WRMSR from its
 * RESTORE; RESTORE runs only after a clean write; and a plan that does not
 * come back whole (a changed slot, a bad vector, an exception, an opcode
 * the guest lacks, random bytes over the slots) fails and names the slot.
 */
#include <stdlib.h>
#include <string.h>

#include "guest_plan.h"
#include "kvm_unit.h"

static int corrupt_slot = -1;
static bool corrupt_vector, randomize;

static void written(struct kvm_vcpu *vcpu, struct guest_slot *g,
		    unsigned int n, void *opaque)
{
	if (corrupt_slot >= 0 && !corrupt_vector)
		g[corrupt_slot].value ^= 1;
}

static void ran(struct kvm_vcpu *vcpu, struct guest_slot *g, unsigned int n,
		void *opaque)
{
	unsigned int i;

	if (corrupt_slot >= 0 && corrupt_vector)
		g[corrupt_slot].vector = 0x80;
	if (randomize) {
		for (i = 0; i < n * sizeof(*g); i++)
			((unsigned char *)g)[i] = rand();
	}
}

static const struct guest_plan_hooks hooks = { written, ran, NULL };

int main(void)
{
	struct kvm_host h;
	struct kvm_vcpu *vcpu = unit_vcpu(&h);
	const unsigned int max = GUEST_PLAN_SLOTS - 1;
	struct guest_plan p = { 0 };
	struct plan_run r;
	unsigned long before;
	unsigned int i, bad, split;
	bool named;

	/* Longer than the plan area, with a WRMSR+RESTORE on the border. */
	for (i = 0; i < max - 1; i++)
		guest_plan_add(&p, GUEST_OP_RDMSR, MSR_CR_PAT, 0, i);
	guest_plan_add(&p, GUEST_OP_WRMSR, NO_SUCH_MSR, 5, -1);
	guest_plan_add(&p, GUEST_OP_RESTORE, NO_SUCH_MSR, 0, -1);
	guest_plan_add(&p, GUEST_OP_WRMSR, MSR_KERNEL_GS_BASE, 0x1000, -1);
	guest_plan_add(&p, GUEST_OP_RESTORE, MSR_KERNEL_GS_BASE, 0, -1);
	guest_plan_add(&p, GUEST_OP_RDMSR, MSR_KERNEL_GS_BASE, 0, -1);
	before = kvm_stats.plan_runs;
	guest_plan_run(vcpu, &p, 5000, NULL, &r);
	for (i = 0, bad = 0; i < max - 1; i++)
		bad += p.slots[i].vector || p.slots[i].got != PAT_RESET;
	unit_ok(r.ok && !bad, "%u slots ran, every RDMSR read CR_PAT's reset "
		"(%s)", p.n, r.ok ? "ok" : r.what);
	unit_ok(kvm_stats.plan_runs - before == 2, "the plan took two runs "
		"(%lu)", kvm_stats.plan_runs - before);
	split = max - 1;
	unit_ok(p.slots[split].vector == 13 &&
		p.slots[split + 1].vector == GUEST_NOT_RUN,
		"a faulting WRMSR's RESTORE stays unrun, across the border "
		"(vectors %u, 0x%x)", p.slots[split].vector,
		p.slots[split + 1].vector);
	unit_ok(!p.slots[split + 2].vector && !p.slots[split + 3].vector &&
		!p.slots[split + 4].got, "a clean WRMSR's RESTORE runs: "
		"KERNEL_GS_BASE back to 0 (0x%llx)",
		(unsigned long long)p.slots[split + 4].got);

	/* Failures name their slot. */
	guest_plan_clear(&p);
	for (i = 0; i < 8; i++)
		guest_plan_add(&p, GUEST_OP_RDMSR, MSR_CR_PAT, 0, i);
	corrupt_slot = 3;
	guest_plan_run(vcpu, &p, 5000, &hooks, &r);
	unit_ok(!r.ok && r.failed_slot == 3 && strstr(r.what, "changed"),
		"a slot the guest's copy changed fails at it (%d: %s)",
		r.failed_slot, r.what);
	corrupt_vector = true;
	corrupt_slot = 2;
	guest_plan_run(vcpu, &p, 5000, &hooks, &r);
	unit_ok(!r.ok && r.failed_slot == 2 && strstr(r.what, "vector 0x80"),
		"a slot with a bad vector fails at it (%d: %s)", r.failed_slot,
		r.what);
	corrupt_slot = -1;

	guest_plan_clear(&p);
	for (i = 0; i < 8; i++)
		guest_plan_add(&p, i == 5 ? GUEST_OP_UD : GUEST_OP_RDMSR,
			       MSR_CR_PAT, 0, i);
	guest_plan_run(vcpu, &p, 5000, NULL, &r);
	unit_ok(!r.ok && r.failed_slot == 5 && strstr(r.what, "unexpected"),
		"an unexpected exception fails at its slot (%d: %s)",
		r.failed_slot, r.what);

	/* The vCPU stays in the exception handler: a fresh one. */
	vcpu = vm_add_vcpu(vcpu->vm, h.supported_cpuid);
	guest_plan_clear(&p);
	for (i = 0; i < 8; i++)
		guest_plan_add(&p, GUEST_OP_RDMSR, MSR_CR_PAT, 0, i);
	p.slots[4].op = 0xee;
	guest_plan_run(vcpu, &p, 5000, NULL, &r);
	unit_ok(!r.ok && r.failed_slot == 4, "an opcode the guest lacks fails "
		"at its slot (%d: %s)", r.failed_slot, r.what);

	/* Hostile guest memory: random bytes over the slots, 500 times. */
	vcpu = vm_add_vcpu(vcpu->vm, h.supported_cpuid);
	guest_plan_clear(&p);
	for (i = 0; i < 16; i++)
		guest_plan_add(&p, GUEST_OP_RDMSR, MSR_CR_PAT, 0, i);
	randomize = true;
	srand(1);
	for (i = 0, named = true; i < 500; i++) {
		guest_plan_run(vcpu, &p, 5000, &hooks, &r);
		named &= !r.ok && r.failed_slot >= 0 && r.failed_slot < 16;
	}
	unit_ok(named, "500 runs with random bytes over the results: every "
		"one fails and names a slot");

	guest_plan_free(&p);
	kvm_vm_free(vcpu->vm);
	kvm_host_close(&h);
	return unit_done();
}
