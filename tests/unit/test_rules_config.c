// SPDX-License-Identifier: MIT
/*
 * When two vCPUs look the same to an entry (runtime/common/rules.c,
 * rules_same_config), so that the later one, a twin, skips the probes the
 * earlier one made.  Without KVM: the registry's real features on made-up
 * entries.  Features the entry does not name never tell vCPUs apart; its
 * own features, the features gated by a bit of its MSR, the vendor (only if
 * a quirk could tell) and BSP-ness (only if its reset value depends on it)
 * do.
 */
#include "rules.h"
#include "unit.h"

static struct rules_ctx ctx(enum vendor v, bool bsp, unsigned int f1,
			    unsigned int f2)
{
	struct rules_ctx c = { .vendor = v, .bsp = bsp };

	fs_add(&c.vcpu, f1);
	fs_add(&c.vcpu, f2);
	return c;
}

int main(void)
{
	static const uint16_t lm[] = { FEAT_LM };
	static const uint16_t none[] = { FEAT_NONE };
	static const uint16_t x2apic[] = { FEAT_X2APIC, FEAT_NONE };
	static const uint16_t quirk[] = { 0 };
	struct msr_entry plain = { .name = "PLAIN", .kind = MSR_KIND_MSR,
				   .nr_features = 1, .features = lm };
	struct msr_entry gated = { .name = "GATE", .kind = MSR_KIND_MSR,
				   .index = msr_features[FEAT_CPUID_FAULT].msr,
				   .nr_features = 1, .features = none };
	struct msr_entry apic = { .name = "APIC", .kind = MSR_KIND_MSR,
				  .nr_features = 2, .features = x2apic,
				  .has_reset_bsp = true };
	struct msr_entry quirky = plain;
	struct rules_ctx a, b;

	quirky.nr_quirks = 1;
	quirky.quirks = quirk;

	a = ctx(VENDOR_INTEL, true, FEAT_LM, FEAT_X2APIC);
	b = ctx(VENDOR_AMD, false, FEAT_LM, FEAT_NONE);
	unit_ok(rules_same_config(&plain, &a, &b),
		"features, vendor and BSP the entry does not care about: twins");
	unit_ok(!rules_same_config(&quirky, &a, &b),
		"a vendor quirk: other vendors are not twins");
	b.vendor = VENDOR_INTEL;
	unit_ok(rules_same_config(&quirky, &a, &b),
		"a vendor quirk, the same vendor: twins");

	b = ctx(VENDOR_INTEL, true, FEAT_NONE, FEAT_X2APIC);
	unit_ok(!rules_same_config(&plain, &a, &b),
		"one has the entry's feature, the other not: not twins");

	a = ctx(VENDOR_INTEL, true, FEAT_NONE, FEAT_CPUID_FAULT);
	b = ctx(VENDOR_INTEL, true, FEAT_NONE, FEAT_LM);
	unit_ok(!rules_same_config(&gated, &a, &b),
		"a feature gated by a bit of the entry's MSR tells them apart");
	unit_ok(rules_same_config(&plain, &(struct rules_ctx){ 0 },
				  &(struct rules_ctx){ 0 }),
		"two vCPUs without features: twins");

	a = ctx(VENDOR_INTEL, true, FEAT_NONE, FEAT_X2APIC);
	b = ctx(VENDOR_INTEL, false, FEAT_NONE, FEAT_X2APIC);
	unit_ok(!rules_same_config(&apic, &a, &b),
		"a BSP-dependent reset value: the BSP and another vCPU differ");
	b.bsp = true;
	unit_ok(rules_same_config(&apic, &a, &b),
		"a BSP-dependent reset value, both BSP-like: twins");
	b = ctx(VENDOR_INTEL, true, FEAT_NONE, FEAT_LM);
	unit_ok(!rules_same_config(&apic, &a, &b),
		"a secondary feature tells them apart too");
	return unit_done();
}
