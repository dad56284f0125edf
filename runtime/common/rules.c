// SPDX-License-Identifier: MIT
/*
 * Expectation rules (see rules.h).  Freestanding: the guest links this too.
 *
 * Behaviour follows the upstream KVM selftest msrs_test, with deliberate
 * differences:
 *  - a guest on the unsupported path reports the reset value to the host
 *    rather than 0: what KVM_GET_MSRS must show for an MSR nobody wrote.
 *    Upstream's entries with a non-zero reset (MISC_ENABLE, CR_PAT) are
 *    always-emulated, so they never take that path and nothing changes;
 *  - a WRMSR that should have faulted but did not is undone, so one wrong
 *    answer from KVM does not cascade into the next checks;
 *  - when the vCPU has the primary feature but KVM does not (only possible
 *    with a CPUID KVM does not support), the host writes nothing, so the
 *    guest's "reads the host's reset value" check is skipped;
 *  - the featureless vCPU loses every registry feature not marked `keep`,
 *    where upstream clears each entry's primary feature but LM and NONE:
 *    the same set as long as every feature is some entry's primary;
 *  - "AMD-compatible" is not a rule here but data: the vendors of each
 *    truncation quirk (AMD and Hygon for AMD_DROPS_HIGH32).
 */
#include "rules.h"

uint64_t rules_readback(const struct msr_entry *e, enum vendor v,
			uint64_t written)
{
	uint64_t val = written;
	unsigned int q;

	for (q = 0; q < NR_QUIRKS; q++) {
		const struct msr_quirk *quirk = &msr_quirks[q];

		if ((e->quirks & (1u << q)) && (quirk->vendors & VENDOR_BIT(v)))
			val &= quirk->keep_mask;
	}
	return val;
}

bool rules_has_primary(const struct msr_entry *e, feature_mask_t m)
{
	return m & FEATURE_BIT(e->features[0]);
}

bool rules_has_secondary(const struct msr_entry *e, feature_mask_t m)
{
	unsigned int i;

	for (i = 1; i < e->nr_features; i++) {
		if (m & FEATURE_BIT(e->features[i]))
			return true;
	}
	return false;
}

bool rules_has_any(const struct msr_entry *e, feature_mask_t m)
{
	return rules_has_primary(e, m) || rules_has_secondary(e, m);
}

bool rules_supported_path(const struct msr_entry *e,
			  const struct rules_ctx *c)
{
	return rules_has_primary(e, c->vcpu);
}

/*
 * A reserved value faults unless the MSR exists for the vCPU (through any
 * of its features) and the vendor truncates the value into a legal one: an
 * AMD-compatible vCPU with only RDPID, or only RDTSCP, still has TSC_AUX and
 * drops bits 63:32 rather than raising #GP.
 */
bool rules_reserved_faults(const struct msr_entry *e,
			   const struct rules_ctx *c, unsigned int i)
{
	uint64_t val = e->reserved[i].value;

	return !rules_has_any(e, c->vcpu) ||
	       rules_readback(e, c->vendor, val) == val;
}

bool rules_in_save_list(const struct msr_entry *e, feature_mask_t kvm)
{
	return rules_has_any(e, kvm);
}

void rules_save_list_step(const struct msr_entry *e,
			  const struct rules_ctx *c, struct step *out)
{
	*out = (struct step){ .check = CHECK_SAVE_LIST, .reserved = -1 };
	if (e->save_list_exempt) {
		out->op = OP_SKIP;
		out->skip = SKIP_SAVE_LIST_EXEMPT;
		return;
	}
	out->op = OP_SAVE_LIST;
	out->want = rules_in_save_list(e, c->kvm);
}

bool rules_host_checks_apply(const struct msr_entry *e,
			     const struct rules_ctx *c)
{
	return rules_has_primary(e, c->kvm);
}

bool rules_kvm_reg_present(const struct msr_entry *e,
			   const struct rules_ctx *c)
{
	return rules_has_primary(e, c->vcpu);
}

feature_mask_t rules_cleared_features(void)
{
	feature_mask_t m = 0;
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		if (!msr_features[f].keep)
			m |= FEATURE_BIT(f);
	}
	return m;
}

static struct step *add(struct step *s, enum step_op op, enum check_id check)
{
	*s = (struct step){ .op = op, .check = check, .reserved = -1 };
	return s;
}

static struct step *add_skip(struct step *s, enum check_id check,
			     enum skip_reason why)
{
	add(s, OP_SKIP, check)->skip = why;
	return s;
}

static struct step *add_rdmsr(struct step *s, enum check_id check,
			      uint64_t want)
{
	add(s, OP_RDMSR, check)->want = want;
	return s;
}

static struct step *add_wrmsr(struct step *s, enum check_id check,
			      uint64_t value, int8_t want_fault)
{
	add(s, OP_WRMSR, check);
	s->value = value;
	s->want_fault = want_fault;
	/* Undo a write that should have faulted; see the file comment. */
	s->restore = want_fault != 0;
	return s;
}

static int main_steps(const struct msr_entry *e, const struct rules_ctx *c,
		      struct step *out)
{
	struct step *s = out;

	if (rules_supported_path(e, c)) {
		add_rdmsr(s++, CHECK_RDMSR_RESET, e->reset);
		add_wrmsr(s++, CHECK_WRMSR, e->write, 0);
		add_rdmsr(s++, CHECK_RDMSR_WRITE,
			  rules_readback(e, c->vendor, e->write));
		return s - out;
	}

	/* KVM's ignore_msrs answers reads with 0 and drops writes. */
	if (c->ignore_msrs) {
		add_skip(s++, CHECK_RDMSR_GP, SKIP_IGNORE_MSRS);
		add_skip(s++, CHECK_WRMSR_GP, SKIP_IGNORE_MSRS);
		return s - out;
	}

	/*
	 * With only a secondary feature the MSR exists, so RDMSR works.  The
	 * write value is legal too, unless it sets bits that belong to the
	 * primary feature (CET's SHSTK_EN vs ENDBR_EN).
	 */
	if (rules_has_secondary(e, c->vcpu)) {
		add_skip(s++, CHECK_RDMSR_GP, SKIP_SECONDARY);
		if (e->write_needs_primary)
			add_wrmsr(s++, CHECK_WRMSR_GP, e->write, GP_VECTOR);
		else
			add_skip(s++, CHECK_WRMSR_GP, SKIP_SECONDARY);
		return s - out;
	}

	add(s, OP_RDMSR, CHECK_RDMSR_GP)->want_fault = GP_VECTOR;
	s++;
	add_wrmsr(s++, CHECK_WRMSR_GP, e->write, GP_VECTOR);
	return s - out;
}

static int after_host_steps(const struct msr_entry *e,
			    const struct rules_ctx *c, struct step *out)
{
	struct step *s = out;
	unsigned int i;

	if (rules_supported_path(e, c)) {
		if (rules_host_checks_apply(e, c))
			add_rdmsr(s++, CHECK_RDMSR_HOST_RESET, e->reset);
		else
			add_skip(s++, CHECK_RDMSR_HOST_RESET,
				 SKIP_HOST_DID_NOT_WRITE);
	}

	for (i = 0; i < e->nr_reserved; i++) {
		uint64_t val = e->reserved[i].value;

		if (c->ignore_msrs) {
			add_skip(s, CHECK_WRMSR_RESERVED_GP, SKIP_IGNORE_MSRS);
		} else if (rules_reserved_faults(e, c, i)) {
			add_wrmsr(s, CHECK_WRMSR_RESERVED_GP, val, GP_VECTOR);
		} else {
			add_wrmsr(s, CHECK_WRMSR_TRUNCATED, val, 0)->reserved = i;
			s++;
			add_rdmsr(s, CHECK_RDMSR_TRUNCATED,
				  rules_readback(e, c->vendor, val));
			s->reserved = i;
			s++;
			add_wrmsr(s++, CHECK_WRMSR_RESTORE, e->reset, 0);
			add_rdmsr(s, CHECK_RDMSR_RESTORE,
				  rules_readback(e, c->vendor, e->reset));
		}
		s->reserved = i;
		s++;
	}
	return s - out;
}

int rules_guest_steps(const struct msr_entry *e, const struct rules_ctx *c,
		      enum guest_phase phase, struct step *out)
{
	if (phase == PHASE_MAIN)
		return main_steps(e, c, out);
	return after_host_steps(e, c, out);
}

uint64_t rules_sync_value(const struct msr_entry *e,
			  const struct rules_ctx *c, enum guest_phase phase)
{
	if (phase == PHASE_MAIN && rules_supported_path(e, c))
		return rules_readback(e, c->vendor, e->write);
	return e->reset;
}

int rules_host_steps(const struct msr_entry *e, const struct rules_ctx *c,
		     uint64_t guest_val, struct step *out)
{
	struct step *s = out;

	if (!rules_host_checks_apply(e, c)) {
		add_skip(s++, CHECK_HOST_GET, SKIP_KVM_LACKS_PRIMARY);
		return s - out;
	}

	add(s++, OP_HOST_GET, CHECK_HOST_GET)->want = guest_val;
	add(s, OP_HOST_SET, CHECK_HOST_SET)->value = e->reset;
	s++;
	add(s++, OP_HOST_GET, CHECK_HOST_GET_RESET)->want = e->reset;
	if (c->has_one_reg)
		add(s++, OP_HOST_GET_REG, CHECK_HOST_GET_REG)->want = e->reset;
	return s - out;
}

int rules_kvm_reg_steps(const struct msr_entry *e, const struct rules_ctx *c,
			struct step *out)
{
	struct step *s = out;
	unsigned int i;

	if (!c->use_one_reg) {
		add_skip(s++, CHECK_REG_LIST, SKIP_NOT_ONE_REG_PASS);
		return s - out;
	}

	if (!rules_kvm_reg_present(e, c)) {
		add(s++, OP_REG_LIST, CHECK_REG_LIST)->want = 0;
		add(s, OP_REG_GET, CHECK_REG_GET_ABSENT)->want_fault =
			RULES_EINVAL;
		s++;
		/* Any write must fail, even of a value that would be legal. */
		add(s, OP_REG_SET, CHECK_REG_SET_ABSENT)->want_fault = -1;
		s++;
		return s - out;
	}

	add(s++, OP_REG_LIST, CHECK_REG_LIST)->want = 1;
	add(s++, OP_REG_GET, CHECK_REG_GET_RESET)->want = e->reset;
	add(s, OP_REG_SET, CHECK_REG_SET_WRITE)->value = e->write;
	s++;
	add(s++, OP_REG_GET, CHECK_REG_GET_WRITE)->want = e->write;
	for (i = 0; i < e->nr_reserved; i++) {
		add(s, OP_REG_SET, CHECK_REG_SET_RESERVED);
		s->value = e->reserved[i].value;
		s->want_fault = -1;
		s->reserved = i;
		s++;
	}
	return s - out;
}
