/* SPDX-License-Identifier: MIT */
/*
 * Reading registry features and the vendor out of CPUID data: the CPUID
 * table the host gives a vCPU, or the leaves the guest's plan read.
 */
#ifndef MSRCHECK_CPUID_DECODE_H
#define MSRCHECK_CPUID_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "feature_set.h"

struct cpuid_leaf {
	uint32_t eax, ebx, ecx, edx;
};

/* Fills *out with leaf/subleaf; false if the leaf does not exist. */
typedef bool (*cpuid_lookup_fn)(void *ctx, uint32_t leaf, uint32_t subleaf,
				struct cpuid_leaf *out);

struct feature_set cpuid_features(cpuid_lookup_fn lookup, void *ctx);
/* The vendor of a CPUID leaf 0. */
enum vendor cpuid_vendor(const struct cpuid_leaf *leaf0);
/*
 * The first leaf of the range leaf is in (0, 0x4000_0000 for the
 * hypervisor's, 0x8000_0000 for the extended): its EAX is the range's
 * highest leaf.
 */
uint32_t cpuid_range_base(uint32_t leaf);
/* The register of a leaf that holds feature f. */
uint32_t *cpuid_feature_reg(struct cpuid_leaf *l, unsigned int f);

#endif
