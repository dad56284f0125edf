/* SPDX-License-Identifier: MIT */
/*
 * Types of the tables gen/msrgen generates from registry/msrs.toml.
 *
 * Shared by the host runtime and the guest, which both compile the generated
 * msr_table.c: keep it free of pointers to host-only code and of anything the
 * freestanding guest cannot build.
 */
#ifndef MSRCHECK_REGISTRY_H
#define MSRCHECK_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

enum cpuid_reg {
	CPUID_EAX,
	CPUID_EBX,
	CPUID_ECX,
	CPUID_EDX,
};

/* The guest's CPUID vendor, which in this suite is always the host's. */
enum vendor {
	VENDOR_INTEL,
	VENDOR_AMD,
	VENDOR_HYGON,
	VENDOR_OTHER,
	NR_VENDORS,
};

#define VENDOR_BIT(v) (1u << (v))

enum msr_kind {
	MSR_KIND_MSR,		/* reached with RDMSR/WRMSR and the MSR ioctls */
	MSR_KIND_KVM_REG,	/* KVM-defined, reached only with ONE_REG */
};

/* Bit i stands for msr_features[i]. */
typedef uint64_t feature_mask_t;
#define FEATURE_BIT(id) ((feature_mask_t)1 << (id))

struct msr_feature {
	const char *name;
	uint32_t leaf;
	uint32_t subleaf;
	uint8_t reg;		/* enum cpuid_reg */
	uint8_t bit;
	/* Why the featureless vCPU keeps this feature, or NULL. */
	const char *keep;
};

struct msr_quirk {
	const char *name;
	uint32_t vendors;	/* VENDOR_BIT() mask */
	uint64_t keep_mask;	/* bits a WRMSR keeps; the rest read back 0 */
	const char *why;
};

/* Where a reserved value comes from, for messages. */
enum reserved_origin {
	RESERVED_LISTED,	/* `reserved = [...]` */
	RESERVED_NONCANONICAL,	/* `canonical = true` */
	RESERVED_BITS,		/* `write | reserved_bits` */
};

struct msr_reserved {
	uint64_t value;
	uint8_t origin;		/* enum reserved_origin */
};

#define MSR_MAX_FEATURES 4
#define MSR_MAX_RESERVED 6

struct msr_entry {
	const char *name;	/* kernel name without MSR_ */
	const char *label;	/* NULL unless the MSR has several entries */
	const char *save_list_exempt;	/* reason, or NULL */
	uint32_t index;
	uint8_t kind;		/* enum msr_kind */
	uint8_t nr_features;
	/* Feature ids, any of which makes the MSR exist; [0] is primary. */
	uint8_t features[MSR_MAX_FEATURES];
	bool canonical;
	bool write_needs_primary;
	uint64_t reset;
	uint64_t write;
	uint64_t reserved_bits;
	uint8_t nr_reserved;
	struct msr_reserved reserved[MSR_MAX_RESERVED];
	uint32_t quirks;	/* bit i stands for msr_quirks[i] */
};

#endif
