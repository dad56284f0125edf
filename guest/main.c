// SPDX-License-Identifier: MIT
/*
 * The guest: for the entry the host names in the control block, build this
 * vCPU's steps with the shared rules (from the guest's own CPUID, as a real
 * guest would see it), run them with RDMSR/WRMSR, record every result in the
 * mailbox and hand it to the host at the end of each phase.
 *
 * Keep this path short: on the test host every guest instruction is
 * emulated (~0.4 us each).
 */
#include "cpuid_decode.h"
#include "guest.h"
#include "rules.h"
#include "safe_access.h"

static bool guest_cpuid_lookup(void *ctx, uint32_t leaf, uint32_t subleaf,
			       struct cpuid_leaf *out)
{
	struct cpuid_regs max = cpuid(leaf & 0x80000000u, 0);
	struct cpuid_regs r;

	/* Above the maximum leaf, CPUID returns some other leaf's data. */
	if (leaf > max.eax)
		return false;
	r = cpuid(leaf, subleaf);
	*out = (struct cpuid_leaf){ r.eax, r.ebx, r.ecx, r.edx };
	return true;
}

static struct guest_result *record(struct guest_mailbox *mb,
				   const struct step *s, uint32_t index)
{
	struct guest_result *r;

	if (mb->nr_results >= GUEST_MAX_RESULTS)
		guest_abort(mb, "guest result buffer full");
	r = &mb->results[mb->nr_results++];
	*r = (struct guest_result){
		.check = s->check,
		.op = s->op,
		.skip = s->skip,
		.want_vector = s->want_fault,
		.reserved = s->reserved,
		.value = s->value,
		.want = s->want,
	};
	return r;
}

static void run_step(struct guest_mailbox *mb, const struct msr_entry *e,
		     const struct step *s)
{
	struct guest_result *r = record(mb, s, e->index);
	bool ok;

	switch (s->op) {
	case OP_SKIP:
		r->status = RESULT_SKIP;
		return;
	case OP_RDMSR:
		r->got_vector = rdmsr_safe(e->index, &r->got);
		ok = r->got_vector == r->want_vector &&
		     (r->want_vector || r->got == r->want);
		break;
	case OP_WRMSR:
		r->got_vector = wrmsr_safe(e->index, s->value);
		ok = r->got_vector == r->want_vector;
		if (s->restore && !r->got_vector)
			wrmsr_safe(e->index, e->reset);
		break;
	default:
		guest_abort(mb, "host step in a guest plan");
	}
	r->status = ok ? RESULT_PASS : RESULT_FAIL;
}

static void run_phase(struct guest_mailbox *mb, const struct msr_entry *e,
		      const struct rules_ctx *c, enum guest_phase phase)
{
	struct step steps[RULES_MAX_STEPS];
	int i, n;

	n = rules_guest_steps(e, c, phase, steps);
	for (i = 0; i < n; i++)
		run_step(mb, e, &steps[i]);

	mb->phase = phase;
	mb->sync_value = rules_sync_value(e, c, phase);
	ucall(mb, UCALL_SYNC);
	mb->nr_results = 0;
}

/* Robustness tests ask for these; see enum guest_fault. */
static void make_fault(struct guest_mailbox *mb, enum guest_fault fault)
{
	switch (fault) {
	case GUEST_FAULT_HANG:
		asm volatile("cli");
		for (;;)
			asm volatile("");
	case GUEST_FAULT_UD:
		asm volatile("ud2");
		break;
	case GUEST_FAULT_TRIPLE:
		/*
		 * Wipe the IDT (plain stores, which any emulator runs): the
		 * #UD then finds no gate, nor does the #NP or the #DF after.
		 */
		memset((void *)GUEST_IDT_GPA, 0, 32 * 16);
		asm volatile("ud2");
		break;
	case GUEST_FAULT_BAD_PORT:
		asm volatile("outb %%al, $0x80" : : "a"(0));
		break;
	default:
		break;
	}
}

void guest_main(uint32_t vcpu);

void guest_main(uint32_t vcpu)
{
	volatile struct guest_ctl *ctl = GUEST_CTL;
	struct guest_mailbox *mb = guest_mailbox(vcpu);
	struct cpuid_leaf leaf0;
	struct rules_ctx c = { 0 };

	if (ctl->nr_entries != NR_MSR_ENTRIES)
		guest_abort(mb, "guest and host registry tables differ");

	guest_cpuid_lookup(NULL, 0, 0, &leaf0);
	c.vendor = cpuid_vendor(&leaf0);
	c.vcpu = cpuid_features(guest_cpuid_lookup, NULL);
	mb->vendor = c.vendor;
	mb->features = c.vcpu;
	if (ctl->verbose)
		guest_printf(mb, "CPUID vendor %u, registry feature mask 0x%lx, "
			     "%u entries", c.vendor, c.vcpu, NR_MSR_ENTRIES);

	for (;;) {
		const struct msr_entry *e;

		if (ctl->fault && ctl->fault_vcpu == vcpu)
			make_fault(mb, ctl->fault);

		mb->entry = ctl->entry;
		e = &msr_entries[mb->entry];
		c.ignore_msrs = ctl->ignore_msrs;
		c.kvm = ctl->kvm;

		run_phase(mb, e, &c, PHASE_MAIN);
		run_phase(mb, e, &c, PHASE_AFTER_HOST);
	}
}

void guest_unexpected_exception(struct guest_exception_frame *frame);

void guest_unexpected_exception(struct guest_exception_frame *frame)
{
	/* The stack belongs to the vCPU: GUEST_STACK_GPA + (index+1) * size. */
	uint32_t vcpu = (frame->rsp - GUEST_STACK_GPA - 1) / GUEST_STACK_SIZE;
	struct guest_mailbox *mb = guest_mailbox(vcpu);

	mb->frame = *frame;
	for (;;)
		ucall(mb, UCALL_EXCEPTION);
}
