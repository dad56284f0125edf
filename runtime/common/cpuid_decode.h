/* SPDX-License-Identifier: MIT */
/*
 * Reading registry features and the vendor out of CPUID, the same way on
 * both sides: the host from the CPUID table it gives a vCPU, the guest with
 * the CPUID instruction.
 */
#ifndef MSRCHECK_CPUID_DECODE_H
#define MSRCHECK_CPUID_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "msr_table.h"

struct cpuid_leaf {
	uint32_t eax, ebx, ecx, edx;
};

/* Fills *out with leaf/subleaf; false if the leaf does not exist. */
typedef bool (*cpuid_lookup_fn)(void *ctx, uint32_t leaf, uint32_t subleaf,
				struct cpuid_leaf *out);

feature_mask_t cpuid_features(cpuid_lookup_fn lookup, void *ctx);
/* The vendor of a CPUID leaf 0. */
enum vendor cpuid_vendor(const struct cpuid_leaf *leaf0);
/* The register of a leaf that holds feature f. */
uint32_t *cpuid_feature_reg(struct cpuid_leaf *l, unsigned int f);

#endif
