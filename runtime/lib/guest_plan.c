// SPDX-License-Identifier: MIT
/* Guest plans: build, run, read back (see guest_plan.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest_plan.h"
#include "judge.h"

const char *guest_op_name(unsigned int op)
{
	static const char *const names[NR_GUEST_OPS] = {
#define GUEST_OP(name, doc) [GUEST_OP_##name] = #name,
#include "guest_ops.def"
#undef GUEST_OP
	};

	return op < NR_GUEST_OPS ? names[op] : "?";
}

bool guest_op_is_fault(unsigned int op)
{
	return op == GUEST_OP_HANG || op == GUEST_OP_UD ||
	       op == GUEST_OP_TRIPLE || op == GUEST_OP_BAD_PORT;
}

void guest_slot_describe(const struct guest_slot *s, unsigned int i,
			 char *buf, size_t len)
{
	switch (s->op) {
	case GUEST_OP_RDMSR:
		snprintf(buf, len, "slot %u: RDMSR(0x%x)", i, s->index);
		break;
	case GUEST_OP_WRMSR:
	case GUEST_OP_RESTORE:
		snprintf(buf, len, "slot %u: %s(0x%x, 0x%016llx)", i,
			 guest_op_name(s->op), s->index,
			 (unsigned long long)s->value);
		break;
	default:
		snprintf(buf, len, "slot %u: %s", i, guest_op_name(s->op));
		break;
	}
}

void guest_plan_clear(struct guest_plan *p)
{
	p->n = 0;
}

void guest_plan_free(struct guest_plan *p)
{
	free(p->slots);
	free(p->owner);
	memset(p, 0, sizeof(*p));
}

unsigned int guest_plan_add(struct guest_plan *p, enum guest_op op,
			    uint32_t index, uint64_t value, int owner)
{
	xgrow(&p->slots, &p->cap, p->n + 1, sizeof(p->slots[0]));
	xgrow(&p->owner, &p->owner_cap, p->n + 1, sizeof(p->owner[0]));
	p->slots[p->n] = (struct guest_slot){
		.index = index,
		.op = op,
		.vector = GUEST_NOT_RUN,
		.value = value,
	};
	p->owner[p->n] = owner;
	return p->n++;
}

static uint64_t plan_gva(const struct kvm_vcpu *vcpu)
{
	return GUEST_PLAN_GPA + (uint64_t)vcpu->id * GUEST_PLAN_SIZE;
}

/* The slot a guest register points at, or -1. */
static int slot_of(const struct kvm_vcpu *vcpu, uint64_t reg,
		   unsigned int first, unsigned int n)
{
	uint64_t base = plan_gva(vcpu);

	if (reg < base || (reg - base) % SLOT_SIZE ||
	    (reg - base) / SLOT_SIZE >= n)
		return -1;
	return first + (reg - base) / SLOT_SIZE;
}

static int slot_of_regs(struct kvm_vcpu *vcpu, unsigned int first,
			unsigned int n)
{
	struct kvm_regs regs;

	if (__vcpu_get_regs(vcpu, &regs))
		return -1;
	return slot_of(vcpu, regs.rsi, first, n);
}

static void describe_frame(const struct guest_exception_frame *f, char *buf,
			   size_t len)
{
	char vb[16];

	snprintf(buf, len, "unexpected %s (error code 0x%llx) in the guest at "
		 "RIP=0x%llx RSP=0x%llx RAX=0x%llx RCX=0x%llx RDX=0x%llx",
		 vector_name(f->vector, vb, sizeof(vb)),
		 (unsigned long long)f->error_code,
		 (unsigned long long)f->rip, (unsigned long long)f->rsp,
		 (unsigned long long)f->rax, (unsigned long long)f->rcx,
		 (unsigned long long)f->rdx);
}

/*
 * The observations of a finished chunk: the fields the host wrote must be
 * as it wrote them, every slot must have run (a RESTORE may stay unrun),
 * and a vector must be an exception vector.
 */
static bool read_back(struct guest_plan *p, const struct guest_slot *g,
		      unsigned int first, unsigned int n, struct plan_run *out)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct guest_slot *h = &p->slots[first + i];
		const struct guest_slot *s = &g[i];
		bool may_skip = h->op == GUEST_OP_RESTORE;

		if (s->index != h->index || s->op != h->op ||
		    s->value != h->value) {
			snprintf(out->what, sizeof(out->what), "the guest's "
				 "copy of plan slot %u changed (op %u index "
				 "0x%x value 0x%llx, host wrote op %u index "
				 "0x%x value 0x%llx)", first + i, s->op,
				 s->index, (unsigned long long)s->value, h->op,
				 h->index, (unsigned long long)h->value);
			out->failed_slot = first + i;
			return false;
		}
		if ((s->vector >= 32 && s->vector != GUEST_NOT_RUN) ||
		    (s->vector == GUEST_NOT_RUN && !may_skip)) {
			snprintf(out->what, sizeof(out->what), "plan slot %u "
				 "came back with vector 0x%x, which is %s",
				 first + i, s->vector,
				 s->vector == GUEST_NOT_RUN ? "\"not run\"" :
				 "no exception vector");
			out->failed_slot = first + i;
			return false;
		}
		h->vector = s->vector;
		h->got = s->got;
		kvm_stats.guest_ops++;
		if (s->vector && s->vector != GUEST_NOT_RUN)
			kvm_stats.guest_faults++;
		else if (h->op == GUEST_OP_RDMSR && !s->vector)
			kvm_stats.guest_rdmsr++;
		else if ((h->op == GUEST_OP_WRMSR || h->op == GUEST_OP_RESTORE) &&
			 !s->vector)
			kvm_stats.guest_wrmsr++;
	}
	return true;
}

/* Runs slots [first, first + n) as one plan. */
static bool run_chunk(struct kvm_vcpu *vcpu, struct guest_plan *p,
		      unsigned int first, unsigned int n,
		      unsigned int timeout_ms,
		      const struct guest_plan_hooks *hooks,
		      struct plan_run *out)
{
	struct guest_slot *g = vm_gpa(vcpu->vm, plan_gva(vcpu));
	struct guest_mailbox *mb = vcpu_mailbox(vcpu);
	struct run_result res;

	memcpy(g, &p->slots[first], n * sizeof(*g));
	g[n] = (struct guest_slot){ .op = GUEST_OP_END };
	mb->plan = plan_gva(vcpu);
	mb->ucall = 0;
	if (hooks && hooks->written)
		hooks->written(vcpu, g, n, hooks->opaque);

	vcpu_run(vcpu, timeout_ms, &res);
	if (res.status != RUN_UCALL) {
		snprintf(out->what, sizeof(out->what), "%s", res.what);
		out->failed_slot = slot_of_regs(vcpu, first, n);
		return false;
	}
	switch (res.ucall) {
	case UCALL_SYNC:
		break;
	case UCALL_EXCEPTION:
		describe_frame(&mb->frame, out->what, sizeof(out->what));
		out->failed_slot = slot_of(vcpu, mb->frame.rsi, first, n);
		return false;
	case UCALL_BAD_OP:
		out->failed_slot = slot_of_regs(vcpu, first, n);
		snprintf(out->what, sizeof(out->what), "the guest met an "
			 "opcode it lacks at plan slot %d", out->failed_slot);
		return false;
	default:
		snprintf(out->what, sizeof(out->what), "unknown ucall %u",
			 res.ucall);
		return false;
	}
	kvm_stats.plan_runs++;
	if (hooks && hooks->ran)
		hooks->ran(vcpu, g, n, hooks->opaque);
	return read_back(p, g, first, n, out);
}

void guest_plan_run(struct kvm_vcpu *vcpu, struct guest_plan *p,
		    unsigned int timeout_ms,
		    const struct guest_plan_hooks *hooks,
		    struct plan_run *out)
{
	const unsigned int max = GUEST_PLAN_SLOTS - 1;	/* one for END */
	unsigned int first = 0;

	*out = (struct plan_run){ .ok = true, .failed_slot = -1 };
	do {
		unsigned int n = p->n - first;

		if (n > max) {
			n = max;
			/* A RESTORE needs the slot before it in its run. */
			while (n > 1 &&
			       p->slots[first + n].op == GUEST_OP_RESTORE)
				n--;
		}
		if (!run_chunk(vcpu, p, first, n, timeout_ms, hooks, out)) {
			out->ok = false;
			return;
		}
		first += n;
	} while (first < p->n);
}
