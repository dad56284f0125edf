// SPDX-License-Identifier: MIT
/* Step builders (see steps.h). */
#include "steps.h"

static void add(struct plan_ctx *p, enum stage st, const struct step *s)
{
	p->add(p, st, s);
}

static struct step step(enum step_op op, enum check_id check)
{
	return (struct step){ .op = op, .check = check, .reserved = -1 };
}

static void add_skip(struct plan_ctx *p, enum stage st, enum check_id check,
		     enum skip_reason why, int reserved)
{
	struct step s = step(OP_SKIP, check);

	s.skip = why;
	s.reserved = reserved;
	add(p, st, &s);
}

static void add_rdmsr(struct plan_ctx *p, enum stage st, enum check_id check,
		      uint64_t want, int8_t want_fault, int reserved)
{
	struct step s = step(OP_RDMSR, check);

	s.want = want;
	s.want_fault = want_fault;
	s.reserved = reserved;
	add(p, st, &s);
}

static void add_wrmsr(struct plan_ctx *p, enum stage st, enum check_id check,
		      uint64_t value, int8_t want_fault, int reserved)
{
	struct step s = step(OP_WRMSR, check);

	s.value = value;
	s.want_fault = want_fault;
	s.reserved = reserved;
	/* Undo a write that should have faulted; see rules.c. */
	s.restore = want_fault != 0;
	add(p, st, &s);
}

void plan_save_list(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	struct step s = step(OP_SAVE_LIST, CHECK_SAVE_LIST);

	if (!p->pass_scope)
		return;
	if (e->save_list_exempt) {
		add_skip(p, STAGE_PASS, CHECK_SAVE_LIST, SKIP_SAVE_LIST_EXEMPT,
			 -1);
		return;
	}
	s.want = rules_in_save_list(e, p->c->kvm);
	add(p, STAGE_PASS, &s);
}

static void rw_main(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_MAIN;

	if (rules_supported_path(e, c)) {
		add_rdmsr(p, st, CHECK_RDMSR_RESET, e->reset, 0, -1);
		add_wrmsr(p, st, CHECK_WRMSR, e->write, 0, -1);
		add_rdmsr(p, st, CHECK_RDMSR_WRITE,
			  rules_readback(e, c->vendor, e->write), 0, -1);
		return;
	}

	/* KVM's ignore_msrs answers reads with 0 and drops writes. */
	if (c->ignore_msrs) {
		add_skip(p, st, CHECK_RDMSR_GP, SKIP_IGNORE_MSRS, -1);
		add_skip(p, st, CHECK_WRMSR_GP, SKIP_IGNORE_MSRS, -1);
		return;
	}

	/*
	 * With only a secondary feature the MSR exists, so RDMSR works.  The
	 * write value is legal too, unless it sets bits that belong to the
	 * primary feature (CET's SHSTK_EN vs ENDBR_EN).
	 */
	if (rules_has_secondary(e, c->vcpu)) {
		add_skip(p, st, CHECK_RDMSR_GP, SKIP_SECONDARY, -1);
		if (e->write_needs_primary)
			add_wrmsr(p, st, CHECK_WRMSR_GP, e->write, GP_VECTOR,
				  -1);
		else
			add_skip(p, st, CHECK_WRMSR_GP, SKIP_SECONDARY, -1);
		return;
	}

	add_rdmsr(p, st, CHECK_RDMSR_GP, 0, GP_VECTOR, -1);
	add_wrmsr(p, st, CHECK_WRMSR_GP, e->write, GP_VECTOR, -1);
}

static void rw_after(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;

	if (!rules_supported_path(e, c))
		return;
	if (rules_host_checks_apply(e, c))
		add_rdmsr(p, STAGE_AFTER, CHECK_RDMSR_HOST_RESET, e->reset, 0,
			  -1);
	else
		add_skip(p, STAGE_AFTER, CHECK_RDMSR_HOST_RESET,
			 SKIP_HOST_DID_NOT_WRITE, -1);
}

void plan_rw(struct plan_ctx *p)
{
	if (p->pass_scope)
		return;
	rw_main(p);
	rw_after(p);
}

/* The host's checks after a guest stage that left guest_val. */
static void host_steps(struct plan_ctx *p, enum stage st, uint64_t guest_val)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	struct step s;

	if (!rules_host_checks_apply(e, c)) {
		add_skip(p, st, CHECK_HOST_GET, SKIP_KVM_LACKS_PRIMARY, -1);
		return;
	}

	s = step(OP_HOST_GET, CHECK_HOST_GET);
	s.want = guest_val;
	add(p, st, &s);
	s = step(OP_HOST_SET, CHECK_HOST_SET);
	s.value = e->reset;
	add(p, st, &s);
	s = step(OP_HOST_GET, CHECK_HOST_GET_RESET);
	s.want = e->reset;
	add(p, st, &s);
	if (c->has_one_reg) {
		s = step(OP_HOST_GET_REG, CHECK_HOST_GET_REG);
		s.want = e->reset;
		add(p, st, &s);
	}
}

void plan_host_roundtrip(struct plan_ctx *p)
{
	if (p->pass_scope)
		return;
	host_steps(p, STAGE_MAIN_HOST,
		   rules_sync_value(p->e, p->c, STAGE_MAIN));
	host_steps(p, STAGE_AFTER_HOST,
		   rules_sync_value(p->e, p->c, STAGE_AFTER));
}

void plan_reserved(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_AFTER;
	unsigned int i;

	if (p->pass_scope)
		return;
	for (i = 0; i < e->nr_reserved; i++) {
		uint64_t val = e->reserved[i].value;

		if (c->ignore_msrs) {
			add_skip(p, st, CHECK_WRMSR_RESERVED_GP,
				 SKIP_IGNORE_MSRS, i);
		} else if (rules_reserved_faults(e, c, i)) {
			add_wrmsr(p, st, CHECK_WRMSR_RESERVED_GP, val,
				  GP_VECTOR, i);
		} else {
			add_wrmsr(p, st, CHECK_WRMSR_TRUNCATED, val, 0, i);
			add_rdmsr(p, st, CHECK_RDMSR_TRUNCATED,
				  rules_readback(e, c->vendor, val), 0, i);
			add_wrmsr(p, st, CHECK_WRMSR_RESTORE, e->reset, 0, -1);
			add_rdmsr(p, st, CHECK_RDMSR_RESTORE,
				  rules_readback(e, c->vendor, e->reset), 0, i);
		}
	}
}

void plan_kvm_reg(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_MAIN_HOST;
	struct step s;
	unsigned int i;

	if (p->pass_scope)
		return;
	if (!c->use_one_reg) {
		add_skip(p, st, CHECK_REG_LIST, SKIP_NOT_ONE_REG_PASS, -1);
		return;
	}

	if (!rules_kvm_reg_present(e, c)) {
		s = step(OP_REG_LIST, CHECK_REG_LIST);
		s.want = 0;
		add(p, st, &s);
		s = step(OP_REG_GET, CHECK_REG_GET_ABSENT);
		s.want_fault = RULES_EINVAL;
		add(p, st, &s);
		/* Any write must fail, even of a value that would be legal. */
		s = step(OP_REG_SET, CHECK_REG_SET_ABSENT);
		s.want_fault = -1;
		add(p, st, &s);
		return;
	}

	s = step(OP_REG_LIST, CHECK_REG_LIST);
	s.want = 1;
	add(p, st, &s);
	s = step(OP_REG_GET, CHECK_REG_GET_RESET);
	s.want = e->reset;
	add(p, st, &s);
	s = step(OP_REG_SET, CHECK_REG_SET_WRITE);
	s.value = e->write;
	add(p, st, &s);
	s = step(OP_REG_GET, CHECK_REG_GET_WRITE);
	s.want = e->write;
	add(p, st, &s);
	for (i = 0; i < e->nr_reserved; i++) {
		s = step(OP_REG_SET, CHECK_REG_SET_RESERVED);
		s.value = e->reserved[i].value;
		s.want_fault = -1;
		s.reserved = i;
		add(p, st, &s);
	}
}
