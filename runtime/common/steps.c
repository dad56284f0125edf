// SPDX-License-Identifier: MIT
/* Step builders (see steps.h). */
#include "steps.h"

static void add(struct plan_ctx *p, enum stage st, const struct step *s)
{
	p->add(p, st, s);
}

static struct step step(enum step_op op, enum check_id check)
{
	return (struct step){ .op = op, .check = check, .reserved = -1,
			      .bit = -1 };
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
	if (s.restore)
		s.want = rules_reset(p->e, p->c);
	add(p, st, &s);
}

/* One step of a sweep: counted when it passes, reported with its bit. */
static void add_bit(struct plan_ctx *p, enum step_op op, enum check_id check,
		    unsigned int bit, uint64_t value, uint64_t want,
		    int8_t want_fault)
{
	struct step s = step(op, check);

	s.bit = bit;
	s.aggregate = true;
	s.value = value;
	s.want = want;
	s.want_fault = want_fault;
	s.restore = op == OP_WRMSR && want_fault != 0;
	if (s.restore)
		s.want = rules_reset(p->e, p->c);
	add(p, STAGE_AFTER, &s);
}

/*
 * What kvm.ignore_msrs does to a #GP of the given failure class: nothing
 * to an invalid ([I]) access, turns an unsupported ([U]) one into a read of
 * 0 or a dropped write, and makes an unclassified one uncheckable.
 */
enum gp_fate {
	GP_EXPECTED,
	GP_IGNORED,
	GP_SKIPPED,
};

static enum gp_fate gp_fate(const struct rules_ctx *c, unsigned int failure)
{
	if (!c->ignore_msrs || failure == FAILURE_INVALID)
		return GP_EXPECTED;
	return failure == FAILURE_UNSUPPORTED ? GP_IGNORED : GP_SKIPPED;
}

/* A WRMSR that must #GP (check), or be dropped under ignore_msrs. */
static void add_wrmsr_gp(struct plan_ctx *p, enum stage st,
			 enum check_id check, uint64_t value,
			 unsigned int failure, int reserved)
{
	switch (gp_fate(p->c, failure)) {
	case GP_EXPECTED:
		add_wrmsr(p, st, check, value, GP_VECTOR, reserved);
		break;
	case GP_IGNORED:
		add_wrmsr(p, st, CHECK_WRMSR_IGNORED, value, 0, reserved);
		break;
	default:
		add_skip(p, st, check, SKIP_IGNORE_MSRS, reserved);
		break;
	}
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

/*
 * How the host writes the MSR: through ONE_REG in the one-reg pass, except
 * on a twin, whose state writes go through KVM_SET_MSRS (batched): its
 * twin made the ONE_REG writes of the same configuration.
 */
static enum step_op host_set_op(const struct rules_ctx *c)
{
	return c->use_one_reg && rules_host_probes(c) ? OP_HOST_SET_REG :
							OP_HOST_SET;
}

/* The vCPU lacks the MSR (no primary feature): RDMSR and WRMSR #GP. */
static void rw_unsupported(struct plan_ctx *p, enum stage st)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	enum gp_fate fate = gp_fate(c, e->failure);

	/* KVM's ignore_msrs answers reads with 0 and drops writes. */
	if (fate == GP_SKIPPED) {
		add_skip(p, st, CHECK_RDMSR_GP, SKIP_IGNORE_MSRS, -1);
		add_skip(p, st, CHECK_WRMSR_GP, SKIP_IGNORE_MSRS, -1);
		return;
	}

	/*
	 * With only a secondary feature the MSR exists, so RDMSR works.  The
	 * write value is legal too, unless it sets bits that belong to the
	 * primary feature (CET's SHSTK_EN vs ENDBR_EN): an invalid value.
	 */
	if (rules_has_secondary(e, c->vcpu)) {
		add_skip(p, st, CHECK_RDMSR_GP, SKIP_SECONDARY, -1);
		if (e->write_needs_primary)
			add_wrmsr_gp(p, st, CHECK_WRMSR_GP, e->write,
				     e->reserved_failure, -1);
		else
			add_skip(p, st, CHECK_WRMSR_GP, SKIP_SECONDARY, -1);
		return;
	}

	if (fate == GP_IGNORED) {
		add_rdmsr(p, st, CHECK_RDMSR_IGNORED, 0, 0, -1);
		add_wrmsr(p, st, CHECK_WRMSR_IGNORED, e->write, 0, -1);
		return;
	}
	add_rdmsr(p, st, CHECK_RDMSR_GP, 0, GP_VECTOR, -1);
	add_wrmsr(p, st, CHECK_WRMSR_GP, e->write, GP_VECTOR, -1);
}

/* After the host's write: the guest reads the reset value it wrote. */
static void read_host_reset(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;

	if (!rules_supported_path(e, c))
		return;
	if (rules_host_checks_apply(e, c))
		add_rdmsr(p, STAGE_AFTER, CHECK_RDMSR_HOST_RESET,
			  rules_reset(e, c), 0, -1);
	else
		add_skip(p, STAGE_AFTER, CHECK_RDMSR_HOST_RESET,
			 SKIP_HOST_DID_NOT_WRITE, -1);
}

/*
 * The supported path of a writable MSR: the reset value, the write, its
 * read-back; in the one-reg pass only the write (the host reads it).
 */
static void write_and_read(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	bool reads = rules_guest_reads(c);

	if (reads)
		add_rdmsr(p, STAGE_MAIN, CHECK_RDMSR_RESET, rules_reset(e, c),
			  0, -1);
	add_wrmsr(p, STAGE_MAIN, CHECK_WRMSR, e->write, 0, -1);
	if (reads)
		add_rdmsr(p, STAGE_MAIN, CHECK_RDMSR_WRITE,
			  rules_readback(e, c, e->write), 0, -1);
}

void plan_rw(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_MAIN;

	if (p->pass_scope)
		return;
	if (rules_supported_path(e, c))
		write_and_read(p);
	else if (rules_guest_probes(c))
		rw_unsupported(p, st);
	read_host_reset(p);
}

void plan_read_only(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	struct step s;

	if (p->pass_scope)
		return;
	if (!rules_supported_path(e, c)) {
		if (rules_guest_probes(c))
			rw_unsupported(p, STAGE_MAIN);
		return;
	}
	if (rules_guest_reads(c))
		add_rdmsr(p, STAGE_MAIN, CHECK_RDMSR_RESET, rules_reset(e, c),
			  0, -1);
	if (rules_guest_probes(c))
		add_wrmsr_gp(p, STAGE_MAIN, CHECK_WRMSR_RO_GP, e->write,
			     e->reserved_failure, -1);
	read_host_reset(p);
	/* (The one-reg pass goes on with vCPUs that ran: no "before".) */
	if (!rules_host_checks_apply(e, c) || !rules_host_probes(c) ||
	    c->use_one_reg)
		return;
	/* Read-only to the guest; the host may set it before the first run. */
	s = step(host_set_op(c), CHECK_HOST_SET_PRE);
	s.value = rules_reset(e, c);
	s.want_fault = e->host_write == HOST_WRITE_FAILS ? -1 : 0;
	add(p, STAGE_PRE, &s);
}

void plan_write_only(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_MAIN;

	if (p->pass_scope || !rules_guest_reads(c))
		return;
	if (!rules_supported_path(e, c)) {
		if (rules_guest_probes(c))
			rw_unsupported(p, st);
		return;
	}
	/* KVM has no read handler: an unknown-MSR ([U]) read. */
	if (rules_guest_probes(c) &&
	    gp_fate(c, FAILURE_UNSUPPORTED) == GP_IGNORED)
		add_rdmsr(p, st, CHECK_RDMSR_IGNORED, 0, 0, -1);
	else if (rules_guest_probes(c))
		add_rdmsr(p, st, CHECK_RDMSR_WO_GP, 0, GP_VECTOR, -1);
	add_wrmsr(p, st, CHECK_WRMSR_ZERO, 0, 0, -1);
	add_wrmsr(p, st, CHECK_WRMSR, e->write, 0, -1);
}

void plan_vm_scope(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_MAIN;

	if (p->pass_scope)
		return;
	if (!rules_supported_path(e, c)) {
		if (rules_guest_probes(c))
			rw_unsupported(p, st);
		return;
	}
	if (p->vm_first) {
		write_and_read(p);
	} else if (rules_guest_reads(c)) {
		/* Another vCPU ran first and wrote it: one value per VM. */
		add_rdmsr(p, st, CHECK_RDMSR_VM_SCOPE,
			  rules_readback(e, c, e->write), 0, -1);
	}
}

/*
 * The vCPU lacks the MSR but KVM lists it: host accesses get KVM's
 * relaxation for [U] (read 0, write 0) and fail for [I].
 */
static void host_unsupported(struct plan_ctx *p, enum stage st)
{
	const struct msr_entry *e = p->e;
	bool u = rules_host_absent(e, p->c) == ABSENT_ZERO;
	struct step s;

	if (st != STAGE_MAIN_HOST || !rules_host_probes(p->c))
		return;
	s = step(OP_HOST_GET, CHECK_HOST_GET_UNSUP);
	s.want = 0;
	s.want_fault = u ? 0 : -1;
	add(p, st, &s);
	/* The one-reg pass: ONE_REG answers as KVM_GET_MSRS does. */
	if (p->c->use_one_reg) {
		s.op = OP_HOST_GET_REG;
		add(p, st, &s);
	}
	s = step(host_set_op(p->c), CHECK_HOST_SET_UNSUP_ZERO);
	s.value = 0;
	s.want_fault = u ? 0 : -1;
	add(p, st, &s);
	s = step(host_set_op(p->c), CHECK_HOST_SET_UNSUP);
	s.value = e->write ? e->write : 1;
	s.want_fault = -1;
	add(p, st, &s);
}

/*
 * The host stage that leaves the reset value behind: the one-reg pass has
 * no guest probes after the host's write, so its round trip is made once.
 */
static enum stage last_host_stage(const struct rules_ctx *c)
{
	return c->use_one_reg ? STAGE_MAIN_HOST : STAGE_AFTER_HOST;
}

/* The host's checks after a guest stage that left guest_val. */
static void host_steps(struct plan_ctx *p, enum stage st, uint64_t guest_val)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	bool vm_scope = e->scope == SCOPE_VM;
	struct step s;

	if (!rules_host_checks_apply(e, c)) {
		add_skip(p, st, CHECK_HOST_GET, SKIP_KVM_LACKS_PRIMARY, -1);
		return;
	}
	if (!rules_supported_path(e, c) &&
	    rules_host_absent(e, c) != ABSENT_FULL) {
		host_unsupported(p, st);
		return;
	}

	s = step(OP_HOST_GET, CHECK_HOST_GET);
	s.want = guest_val;
	add(p, st, &s);
	/*
	 * One value per VM: the others still read it, so only the last vCPU's
	 * last host stage writes the reset value back.
	 */
	if (vm_scope && !(p->vm_last && st == last_host_stage(c)))
		return;
	/* A write that must fail changes no state: a probe. */
	if (e->host_write == HOST_WRITE_FAILS && !rules_host_probes(c))
		return;
	/*
	 * The vCPU has run: another value must be refused (the write of the
	 * reset value that follows puts it back if KVM took it).
	 */
	if (e->immutable && st == STAGE_MAIN_HOST && rules_host_probes(c)) {
		s = step(host_set_op(c), CHECK_HOST_SET_IMMUTABLE);
		s.value = rules_other_value(rules_reset(e, c));
		s.want_fault = -1;
		add(p, st, &s);
	}
	s = step(host_set_op(c), CHECK_HOST_SET);
	s.value = rules_reset(e, c);
	s.want_fault = e->host_write == HOST_WRITE_FAILS ? -1 : 0;
	add(p, st, &s);
	s = step(OP_HOST_GET, CHECK_HOST_GET_RESET);
	s.want = rules_reset(e, c);
	add(p, st, &s);
	/* ONE_REG reads what KVM_GET_MSRS read: the one-reg pass checks. */
	if (c->use_one_reg && rules_host_probes(c)) {
		s = step(OP_HOST_GET_REG, CHECK_HOST_GET_REG);
		s.want = rules_reset(e, c);
		add(p, st, &s);
	}
}

void plan_host_roundtrip(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	uint64_t main = rules_sync_value(e, c, STAGE_MAIN);
	uint64_t after = rules_sync_value(e, c, STAGE_AFTER);

	if (p->pass_scope)
		return;
	/* A VM-scoped value stays what the first vCPU wrote until the end. */
	if (e->scope == SCOPE_VM && rules_supported_path(e, c))
		main = after = rules_readback(e, c, e->write);
	host_steps(p, STAGE_MAIN_HOST, main);
	if (last_host_stage(c) == STAGE_AFTER_HOST)
		host_steps(p, STAGE_AFTER_HOST, after);
}

void plan_reserved(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	const enum stage st = STAGE_AFTER;
	/* Absent, a write fails as the MSR does; present, as a bad value. */
	unsigned int failure = rules_has_any(e, c->vcpu) ? e->reserved_failure :
							   e->failure;
	unsigned int i;

	if (p->pass_scope || !rules_guest_probes(c))
		return;
	for (i = 0; i < e->nr_reserved; i++) {
		uint64_t val = e->reserved[i].value;

		if (gp_fate(c, failure) != GP_EXPECTED) {
			add_wrmsr_gp(p, st, CHECK_WRMSR_RESERVED_GP, val,
				     failure, i);
		} else if (rules_reserved_faults(e, c, i)) {
			add_wrmsr(p, st, CHECK_WRMSR_RESERVED_GP, val,
				  GP_VECTOR, i);
		} else {
			add_wrmsr(p, st, CHECK_WRMSR_TRUNCATED, val, 0, i);
			add_rdmsr(p, st, CHECK_RDMSR_TRUNCATED,
				  rules_readback(e, c, val), 0, i);
			add_wrmsr(p, st, CHECK_WRMSR_RESTORE,
				  rules_reset(e, c), 0, -1);
			add_rdmsr(p, st, CHECK_RDMSR_RESTORE,
				  rules_readback(e, c, rules_reset(e, c)), 0,
				  i);
		}
	}
}

/* Write a probe, read it back, write the reset value back. */
static void probe_accepted(struct plan_ctx *p, enum check_id check,
			   uint64_t value)
{
	add_wrmsr(p, STAGE_AFTER, check, value, 0, -1);
	add_rdmsr(p, STAGE_AFTER, check, rules_readback(p->e, p->c, value), 0,
		  -1);
	add_wrmsr(p, STAGE_AFTER, check, rules_reset(p->e, p->c), 0, -1);
}

void plan_canonical(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;

	if (p->pass_scope || !rules_supported_path(e, c) ||
	    !rules_guest_probes(c))
		return;
	probe_accepted(p, CHECK_CANONICAL_48, MSR_CANONICAL_48);
	/*
	 * KVM checks MSR addresses at the width it supports (LA57 or not),
	 * whatever the guest's CR4.LA57 or CPUID say.
	 */
	if (rules_canonical_57_ok(c))
		probe_accepted(p, CHECK_CANONICAL_57, MSR_CANONICAL_57);
	else
		add_wrmsr(p, STAGE_AFTER, CHECK_CANONICAL_57, MSR_CANONICAL_57,
			  GP_VECTOR, -1);
}

void plan_sweep(struct plan_ctx *p)
{
	const struct msr_entry *e = p->e;
	const struct rules_ctx *c = p->c;
	enum gp_fate fate = gp_fate(c, e->reserved_failure);
	unsigned int bit;

	if (p->pass_scope || !rules_supported_path(e, c) ||
	    !rules_guest_probes(c))
		return;
	for (bit = 0; bit < 64; bit++) {
		uint64_t mask = (uint64_t)1 << bit;
		uint64_t v = rules_reset(e, c) ^ mask;

		if (e->sweep_skip & mask)
			continue;
		if ((e->reserved_bits & mask) && fate == GP_SKIPPED)
			continue;
		if ((e->reserved_bits & mask) && fate == GP_IGNORED) {
			add_bit(p, OP_WRMSR, CHECK_SWEEP_RESERVED, bit, v, 0, 0);
			add_bit(p, OP_WRMSR, CHECK_SWEEP_RESERVED, bit,
				rules_reset(e, c), 0, 0);
		} else if ((e->reserved_bits & mask) &&
			   rules_value_faults(e, c, v)) {
			add_bit(p, OP_WRMSR, CHECK_SWEEP_RESERVED, bit, v, 0,
				GP_VECTOR);
		} else {
			add_bit(p, OP_WRMSR, CHECK_SWEEP_ACCEPTED, bit, v, 0, 0);
			add_bit(p, OP_RDMSR, CHECK_SWEEP_ACCEPTED, bit, 0,
				rules_readback(e, c, v), 0);
			add_bit(p, OP_WRMSR, CHECK_SWEEP_ACCEPTED, bit,
				rules_reset(e, c), 0, 0);
		}
	}
	if ((e->reserved_bits & ~e->sweep_skip) && fate == GP_SKIPPED)
		add_skip(p, STAGE_AFTER, CHECK_SWEEP_RESERVED, SKIP_IGNORE_MSRS,
			 -1);
}

void plan_never(struct plan_ctx *p)
{
	if (p->pass_scope)
		return;
	/* No vCPU has it, however its CPUID looks. */
	if (rules_guest_probes(p->c))
		rw_unsupported(p, STAGE_MAIN);
	host_unsupported(p, STAGE_MAIN_HOST);
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
	s.want = rules_reset(e, c);
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
