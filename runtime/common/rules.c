// SPDX-License-Identifier: MIT
/*
 * Expectation rules (see rules.h).
 *
 * Behaviour follows the upstream KVM selftest msrs_test, with deliberate
 * differences:
 *  - a guest on the unsupported path leaves the reset value for the host
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
#include "steps.h"

bool rules_quirk_applies(const struct msr_quirk *q, const struct rules_ctx *c)
{
	return (q->vendors & VENDOR_BIT(c->vendor)) &&
	       (!q->host_vendors || (q->host_vendors & VENDOR_BIT(c->host_vendor)));
}

uint64_t rules_other_value(uint64_t v)
{
	return v ? 0 : 1;
}

bool rules_round_trips(const struct msr_entry *e, const struct rules_ctx *c,
		       bool listed)
{
	return listed && e->kind == MSR_KIND_MSR && e->access == ACCESS_RW &&
	       e->scope == SCOPE_VCPU && e->host_write == HOST_WRITE_ANY &&
	       !c->twin && rules_supported_path(e, c) &&
	       rules_host_checks_apply(e, c);
}

bool rules_init_checked(const struct msr_entry *e, const struct rules_ctx *c)
{
	return e->init != INIT_NONE && e->kind == MSR_KIND_MSR &&
	       e->access == ACCESS_RW && e->scope == SCOPE_VCPU && !c->twin &&
	       rules_supported_path(e, c) && rules_host_checks_apply(e, c);
}

uint64_t rules_after_init(const struct msr_entry *e, const struct rules_ctx *c)
{
	return e->init == INIT_KEEP ? rules_readback(e, c, e->write) :
				      rules_reset(e, c);
}

bool rules_tsc_coupling_checked(const struct msr_entry *e,
				const struct rules_ctx *c)
{
	return e->couples_tsc && e->kind == MSR_KIND_MSR &&
	       e->access == ACCESS_RW && e->scope == SCOPE_VCPU && !c->twin &&
	       !c->use_one_reg && rules_supported_path(e, c);
}

bool rules_vm_cap_gate_checked(const struct msr_entry *e,
			       const struct rules_ctx *c)
{
	return e->vm_cap != VM_CAP_NONE && e->kind == MSR_KIND_MSR &&
	       (e->access == ACCESS_RW || e->access == ACCESS_RO) &&
	       !c->twin && !c->use_one_reg && rules_supported_path(e, c);
}

bool rules_tsc_follows_adjust(uint64_t before, uint64_t after)
{
	uint64_t moved = after - before;	/* modulo 2^64, as the TSC */

	return moved >= RULES_TSC_STEP &&
	       moved <= RULES_TSC_STEP + RULES_TSC_SLACK;
}

bool rules_adjust_follows_tsc(uint64_t adjust_before, uint64_t tsc_before,
			      uint64_t adjust_after)
{
	/* The TSC at the write is tsc_before plus the time since. */
	uint64_t most = RULES_TSC_TARGET - tsc_before;
	uint64_t moved = adjust_after - adjust_before;

	return moved <= most && most - moved <= RULES_TSC_SLACK;
}

bool rules_tsc_written(uint64_t got)
{
	/* The TSC runs on from the written value. */
	return got - RULES_TSC_TARGET <= RULES_TSC_SLACK;
}

bool rules_guest_reads(const struct rules_ctx *c)
{
	return !c->use_one_reg;
}

bool rules_guest_probes(const struct rules_ctx *c)
{
	return !c->use_one_reg && !c->twin;
}

bool rules_host_probes(const struct rules_ctx *c)
{
	return !c->twin;
}

struct feature_set rules_relevant_features(const struct msr_entry *e)
{
	struct feature_set m = { { 0 } };
	unsigned int f;

	for (f = 0; f < e->nr_features; f++)
		fs_add(&m, e->features[f]);
	for (f = 0; f < NR_FEATURES && e->kind == MSR_KIND_MSR; f++) {
		if (msr_features[f].source != SOURCE_CPUID &&
		    rules_gate_msr(&msr_features[f]) == e->index)
			fs_add(&m, f);
	}
	return m;
}

bool rules_same_config(const struct msr_entry *e, const struct rules_ctx *a,
		       const struct rules_ctx *b)
{
	struct feature_set rel = rules_relevant_features(e);

	return fs_equal(fs_and(a->vcpu, rel), fs_and(b->vcpu, rel)) &&
	       (!e->nr_quirks || a->vendor == b->vendor) &&
	       (!e->has_reset_bsp || a->bsp == b->bsp);
}

bool rules_host_is_svm(const struct rules_ctx *c)
{
	return c->host_vendor == VENDOR_AMD || c->host_vendor == VENDOR_HYGON;
}

uint32_t rules_gate_msr(const struct msr_feature *f)
{
	if (f->source == SOURCE_MCG_CAP)
		return MSR_MCG_CAP;
	return f->source == SOURCE_MSR ? f->msr : 0;
}

uint64_t rules_reset(const struct msr_entry *e, const struct rules_ctx *c)
{
	uint64_t val = e->reset;
	unsigned int f;

	if (e->kind != MSR_KIND_MSR)
		return val;
	/* STUFF_FEATURE_MSRS: a fresh vCPU holds KVM's own value. */
	if (e->feature_msr)
		val = c->feature_value;
	if (e->has_reset_svm && rules_host_is_svm(c))
		val = e->reset_svm;
	if (e->has_reset_bsp && c->bsp)
		val = e->reset_bsp;
	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];

		if (feat->source != SOURCE_CPUID &&
		    rules_gate_msr(feat) == e->index && !fs_has(c->vcpu, f))
			val &= ~((uint64_t)1 << feat->bit);
	}
	return val;
}

uint64_t rules_readback(const struct msr_entry *e, const struct rules_ctx *c,
			uint64_t written)
{
	uint64_t val = (written & ~e->ignored_bits) |
		       (rules_reset(e, c) & e->ignored_bits);
	unsigned int q;

	val = (val & ~e->fixed_bits) | (e->fixed_value & e->fixed_bits);
	for (q = 0; q < e->nr_quirks; q++) {
		const struct msr_quirk *quirk = &msr_quirks[e->quirks[q]];

		if (rules_quirk_applies(quirk, c))
			val &= quirk->keep_mask;
	}
	return val;
}

bool rules_has_primary(const struct msr_entry *e, struct feature_set m)
{
	return fs_has(m, e->features[0]);
}

bool rules_has_secondary(const struct msr_entry *e, struct feature_set m)
{
	unsigned int i;

	for (i = 1; i < e->nr_features; i++) {
		if (fs_has(m, e->features[i]))
			return true;
	}
	return false;
}

bool rules_has_any(const struct msr_entry *e, struct feature_set m)
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
bool rules_value_faults(const struct msr_entry *e, const struct rules_ctx *c,
			uint64_t value)
{
	uint64_t kept = value;
	unsigned int q;

	/* Only a vendor quirk can make a bad value legal, by dropping bits. */
	for (q = 0; q < e->nr_quirks; q++) {
		const struct msr_quirk *quirk = &msr_quirks[e->quirks[q]];

		if (rules_quirk_applies(quirk, c))
			kept &= quirk->keep_mask;
	}
	return !rules_has_any(e, c->vcpu) || kept == value;
}

bool rules_reserved_faults(const struct msr_entry *e,
			   const struct rules_ctx *c, unsigned int i)
{
	return rules_value_faults(e, c, e->reserved[i].value);
}

bool rules_advertised(const struct msr_entry *e, const struct rules_ctx *c)
{
	return !e->save_list_exempt && rules_in_save_list(e, c->kvm);
}

enum host_absent_mode rules_host_absent(const struct msr_entry *e,
					const struct rules_ctx *c)
{
	switch (e->host_absent) {
	case HOST_ABSENT_ZERO:
		return ABSENT_ZERO;
	case HOST_ABSENT_FAILS:
		return ABSENT_FAILS;
	case HOST_ABSENT_FULL:
		return ABSENT_FULL;
	default:
		break;
	}
	/* KVM's failure class decides; an unclassified MSR is checked whole. */
	if (e->failure == FAILURE_UNSUPPORTED)
		return rules_advertised(e, c) ? ABSENT_ZERO : ABSENT_FAILS;
	return e->failure == FAILURE_INVALID ? ABSENT_FAILS : ABSENT_FULL;
}

bool rules_canonical_57_ok(const struct rules_ctx *c)
{
	return c->la57;
}

bool rules_in_save_list(const struct msr_entry *e, struct feature_set kvm)
{
	if (e->access == ACCESS_NONE)
		return false;
	/* KVM's emulated MSRs are listed whatever CPUID says. */
	return e->save_list == SAVE_LIST_ALWAYS || rules_has_any(e, kvm);
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

uint64_t rules_sync_value(const struct msr_entry *e,
			  const struct rules_ctx *c, unsigned int guest_stage)
{
	if (guest_stage == STAGE_MAIN && rules_supported_path(e, c) &&
	    e->access == ACCESS_RW)
		return rules_readback(e, c, e->write);
	return rules_reset(e, c);
}

struct feature_set rules_cleared_features(void)
{
	struct feature_set m = { { 0 } };
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		if (!msr_features[f].keep)
			fs_add(&m, f);
	}
	return m;
}
