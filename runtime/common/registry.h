/* SPDX-License-Identifier: MIT */
/*
 * Types of the tables gen/msrgen generates from registry/msrs.toml.  The
 * enums those tables use (vendor, kind, reserved origin, CPUID register,
 * features, quirks, entries) are generated too, into msr_table.h, from the
 * one definition in gen/msrgen/model.py.
 *
 * Host-only: the guest knows nothing of the registry.
 */
#ifndef MSRCHECK_REGISTRY_H
#define MSRCHECK_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

struct msr_feature {
	const char *name;
	uint8_t source;		/* enum feature_source */
	uint32_t leaf;		/* SOURCE_CPUID */
	uint32_t subleaf;
	uint8_t reg;		/* enum cpuid_reg */
	uint8_t bit;		/* of the CPUID register, MCG_CAP or the MSR */
	uint32_t msr;		/* SOURCE_MSR: the MSR whose bit it is */
	/* A KVM PV bit: a gate only with KVM_CAP_ENFORCE_PV_FEATURE_CPUID. */
	bool pv;
	/* Why the featureless vCPU keeps this feature, or NULL. */
	const char *keep;
};

struct msr_quirk {
	const char *name;
	uint32_t vendors;	/* VENDOR_BIT() mask of guest CPUID vendors */
	uint32_t host_vendors;	/* ... and of host vendors; 0: any host */
	uint64_t keep_mask;	/* bits a WRMSR keeps; the rest read back 0 */
	const char *why;
};

struct msr_reserved {
	uint64_t value;
	uint8_t origin;		/* enum reserved_origin */
};

/* Lists are pointer + count into the generated tables: no fixed limits. */
struct msr_entry {
	const char *name;	/* kernel name without MSR_ */
	const char *label;	/* NULL unless the MSR has several entries */
	const char *save_list_exempt;	/* reason, or NULL */
	uint32_t index;
	uint8_t kind;		/* enum msr_kind */
	const char *class_name;	/* "rw canonical", for reports */
	bool write_needs_primary;
	bool canonical;		/* an address: the canonical probes apply */
	uint64_t reset;
	uint64_t write;		/* for a read-only MSR without one: reset */
	uint64_t reserved_bits;	/* bits that must #GP (the sweep's) */
	uint8_t access;		/* enum msr_access */
	/* Readback: ignored bits keep their value, fixed bits read fixed_value. */
	uint64_t ignored_bits;
	uint64_t fixed_bits;
	uint64_t fixed_value;
	bool sweep;		/* write each bit alone */
	uint64_t sweep_skip;	/* bits the sweep leaves alone */
	uint8_t failure;	/* enum failure_class when the vCPU lacks it */
	uint8_t reserved_failure;	/* ... of reserved values and bits */
	uint8_t host_absent;	/* enum host_absent */
	uint8_t save_list;	/* enum save_list_rule */
	bool feature_msr;	/* fresh value: KVM's feature value */
	bool immutable;		/* the host cannot change it after a run */
	uint8_t init;		/* enum init_effect: what an INIT does */
	bool couples_tsc;	/* IA32_TSC_ADJUST: coupled with the TSC */
	uint8_t vm_cap;		/* enum vm_cap_id gating guest reads */
	bool has_reset_bsp;	/* vCPU 0 (the BSP) has reset_bsp */
	uint64_t reset_bsp;
	bool has_reset_svm;	/* AMD and Hygon hosts (SVM) reset it to: */
	uint64_t reset_svm;
	uint8_t host_write;	/* enum host_write */
	uint8_t scope;		/* enum msr_scope */
	bool isolate;		/* runs in a segment of its own */
	/* index of the register KVM keeps it in (same_register_as) */
	uint32_t register_index;
	/* Feature ids, any of which makes the MSR exist; [0] is primary. */
	unsigned int nr_features;
	const uint16_t *features;
	unsigned int nr_reserved;
	const struct msr_reserved *reserved;
	unsigned int nr_quirks;
	const uint16_t *quirks;	/* enum msr_quirk_id */
};

#endif
