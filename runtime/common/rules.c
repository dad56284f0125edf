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

uint64_t rules_readback(const struct msr_entry *e, enum vendor v,
			uint64_t written)
{
	uint64_t val = written;
	unsigned int q;

	for (q = 0; q < e->nr_quirks; q++) {
		const struct msr_quirk *quirk = &msr_quirks[e->quirks[q]];

		if (quirk->vendors & VENDOR_BIT(v))
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
bool rules_reserved_faults(const struct msr_entry *e,
			   const struct rules_ctx *c, unsigned int i)
{
	uint64_t val = e->reserved[i].value;

	return !rules_has_any(e, c->vcpu) ||
	       rules_readback(e, c->vendor, val) == val;
}

bool rules_in_save_list(const struct msr_entry *e, struct feature_set kvm)
{
	return rules_has_any(e, kvm);
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
	if (guest_stage == STAGE_MAIN && rules_supported_path(e, c))
		return rules_readback(e, c->vendor, e->write);
	return e->reset;
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
