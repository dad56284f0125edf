// SPDX-License-Identifier: MIT
/* See cpuid_decode.h. */
#include <string.h>

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

struct feature_set cpuid_features(cpuid_lookup_fn lookup, void *ctx)
{
	struct feature_set m = { { 0 } };
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		struct cpuid_leaf l;

		if (feat->source != SOURCE_CPUID ||
		    !lookup(ctx, feat->leaf, feat->subleaf, &l))
			continue;
		if (*cpuid_feature_reg(&l, f) & (1u << feat->bit))
			fs_add(&m, f);
	}
	return m;
}

uint32_t cpuid_range_base(uint32_t leaf)
{
	if (leaf >= 0x80000000u)
		return 0x80000000u;
	if (leaf >= 0x40000000u)
		return 0x40000000u;
	return 0;
}

enum vendor cpuid_vendor(const struct cpuid_leaf *leaf0)
{
	char s[13];
	unsigned int v;

	/* The 12-byte vendor string is EBX, EDX, ECX, in that order. */
	memcpy(s, &leaf0->ebx, 4);
	memcpy(s + 4, &leaf0->edx, 4);
	memcpy(s + 8, &leaf0->ecx, 4);
	s[12] = '\0';
	for (v = 0; v < NR_VENDORS; v++) {
		if (vendor_info[v].cpuid[0] && !strcmp(s, vendor_info[v].cpuid))
			return v;
	}
	return VENDOR_OTHER;
}
