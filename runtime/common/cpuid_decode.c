// SPDX-License-Identifier: MIT
/* See cpuid_decode.h.  Freestanding: the guest links this too. */
#include "cpuid_decode.h"

uint32_t *cpuid_feature_reg(struct cpuid_leaf *l, unsigned int f)
{
	switch (msr_features[f].reg) {
	case CPUID_EAX:
		return &l->eax;
	case CPUID_EBX:
		return &l->ebx;
	case CPUID_ECX:
		return &l->ecx;
	default:
		return &l->edx;
	}
}

feature_mask_t cpuid_features(cpuid_lookup_fn lookup, void *ctx)
{
	feature_mask_t m = 0;
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		struct cpuid_leaf l;

		if (!lookup(ctx, feat->leaf, feat->subleaf, &l))
			continue;
		if (*cpuid_feature_reg(&l, f) & (1u << feat->bit))
			m |= FEATURE_BIT(f);
	}
	return m;
}

static uint32_t le32(const char *s)
{
	return (uint32_t)(unsigned char)s[0] |
	       (uint32_t)(unsigned char)s[1] << 8 |
	       (uint32_t)(unsigned char)s[2] << 16 |
	       (uint32_t)(unsigned char)s[3] << 24;
}

static bool vendor_is(const struct cpuid_leaf *l, const char *s)
{
	/* The 12-byte vendor string is EBX, EDX, ECX, in that order. */
	return l->ebx == le32(s) && l->edx == le32(s + 4) &&
	       l->ecx == le32(s + 8);
}

enum vendor cpuid_vendor(const struct cpuid_leaf *leaf0)
{
	if (vendor_is(leaf0, "GenuineIntel"))
		return VENDOR_INTEL;
	if (vendor_is(leaf0, "AuthenticAMD"))
		return VENDOR_AMD;
	if (vendor_is(leaf0, "HygonGenuine"))
		return VENDOR_HYGON;
	return VENDOR_OTHER;
}
