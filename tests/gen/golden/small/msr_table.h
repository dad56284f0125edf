/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#ifndef MSRCHECK_MSR_TABLE_H
#define MSRCHECK_MSR_TABLE_H

#include <stddef.h>	/* NULL */

#include "registry.h"
#include "checks.h"

/* CPU vendors: the guest's CPUID vendor picks the vendor rules. */
enum vendor {
	VENDOR_INTEL,
	VENDOR_AMD,
	VENDOR_HYGON,
	VENDOR_OTHER,
	NR_VENDORS,
};

#define VENDOR_BIT(v) (1u << (v))
_Static_assert(NR_VENDORS <= 32, "a vendor mask is 32 bits");

/* how the MSR is reached */
enum msr_kind {
	MSR_KIND_MSR,
	MSR_KIND_KVM_REG,
	NR_MSR_KIND_VALUES,
};
extern const char *const msr_kind_names[NR_MSR_KIND_VALUES];

/* where a reserved value comes from */
enum reserved_origin {
	RESERVED_LISTED,
	RESERVED_NONCANONICAL,
	RESERVED_BITS,
	NR_RESERVED_VALUES,
};
extern const char *const reserved_origin_names[NR_RESERVED_VALUES];

/* a CPUID output register */
enum cpuid_reg {
	CPUID_EAX,
	CPUID_EBX,
	CPUID_ECX,
	CPUID_EDX,
	NR_CPUID_VALUES,
};
extern const char *const cpuid_reg_names[NR_CPUID_VALUES];

/* where a feature's presence comes from */
enum feature_source {
	SOURCE_CPUID,
	SOURCE_MCG_CAP,
	SOURCE_MSR,
	NR_SOURCE_VALUES,
};
extern const char *const feature_source_names[NR_SOURCE_VALUES];

/* what the guest's RDMSR/WRMSR may do */
enum msr_access {
	ACCESS_RW,
	ACCESS_RO,
	ACCESS_WO,
	ACCESS_NONE,
	NR_ACCESS_VALUES,
};
extern const char *const msr_access_names[NR_ACCESS_VALUES];

/* KVM's failure class: [U] unsupported, [I] invalid */
enum failure_class {
	FAILURE_UNKNOWN,
	FAILURE_UNSUPPORTED,
	FAILURE_INVALID,
	NR_FAILURE_VALUES,
};
extern const char *const failure_class_names[NR_FAILURE_VALUES];

/* whose the MSR's value is */
enum msr_scope {
	SCOPE_VCPU,
	SCOPE_VM,
	NR_SCOPE_VALUES,
};
extern const char *const msr_scope_names[NR_SCOPE_VALUES];

/* what the host's write does */
enum host_write {
	HOST_WRITE_ANY,
	HOST_WRITE_FAILS,
	NR_HOST_WRITE_VALUES,
};
extern const char *const host_write_names[NR_HOST_WRITE_VALUES];

/* what an INIT does to the value */
enum init_effect {
	INIT_NONE,
	INIT_KEEP,
	INIT_RESET,
	NR_INIT_VALUES,
};
extern const char *const init_effect_names[NR_INIT_VALUES];

/* host accesses when the vCPU lacks the MSR */
enum host_absent {
	HOST_ABSENT_CLASS,
	HOST_ABSENT_ZERO,
	HOST_ABSENT_FAILS,
	HOST_ABSENT_FULL,
	NR_HOST_ABSENT_VALUES,
};
extern const char *const host_absent_names[NR_HOST_ABSENT_VALUES];

/* when KVM_GET_MSR_INDEX_LIST lists the MSR */
enum save_list_rule {
	SAVE_LIST_FEATURES,
	SAVE_LIST_ALWAYS,
	NR_SAVE_LIST_VALUES,
};
extern const char *const save_list_rule_names[NR_SAVE_LIST_VALUES];

/*
 * The longest entry name, "NAME" or "NAME/label" with its slash, without
 * the NUL: the generator rejects longer ones (ENTRY_NAME_MAX in
 * gen/msrgen/model.py).  Size name buffers MSR_ENTRY_NAME_MAX + 1.
 */
#define MSR_ENTRY_NAME_MAX 48

enum msr_feature_id {
	FEAT_ALPHA,	/* CPUID.0x00000007.0:EBX[0] */
	FEAT_BETA,	/* CPUID.0x80000001.0:EDX[5] */
	FEAT_GAMMA,	/* CPUID.0x0000000d.1:EAX[31] */
	FEAT_PV,	/* CPUID.0x40000001.0:EAX[3] */
	NR_FEATURES,
};

enum msr_quirk_id {
	QUIRK_HIGH_DROPPED,
	QUIRK_LOW48,
	NR_QUIRKS,
};

/* VM capabilities that gate an entry (vm_cap_gate); VM_CAP_NONE: none. */
enum vm_cap_id {
	VM_CAP_NONE,
	VM_CAP_MSR_PLATFORM_INFO,
	NR_VM_CAPS,
};

struct msr_vm_cap {
	const char *name;	/* without KVM_CAP_, as --hide-cap takes it */
	unsigned int cap;	/* the KVM_CAP_ number */
};
extern const struct msr_vm_cap msr_vm_caps[NR_VM_CAPS];

enum msr_entry_id {
	MSRENT_FOO,
	MSRENT_BAR_ONE,
	MSRENT_BAR_TWO,
	MSRENT_BASE,
	MSRENT_BITS,
	MSRENT_PV_REG,
	NR_MSR_ENTRIES,
};

/* Names of the enums above, indexed by them. */
struct vendor_info {
	const char *name;	/* as the registry writes it: "amd" */
	const char *display;	/* as messages write it: "AMD" */
	const char *cpuid;	/* CPUID leaf 0 vendor string, "" for other */
};
extern const struct vendor_info vendor_info[NR_VENDORS];

/* The probes of every canonical entry (registry top level). */
#define MSR_CANONICAL_48 0xffff800000000000ull
#define MSR_CANONICAL_57 0x00ff800000000000ull
/* Machine-check banks each vCPU gets (KVM_X86_SETUP_MCE). */
#define MSR_MCE_BANKS 4

/* MSRs KVM lists that no entry tests, with the reason ([[not_tested]]). */
struct msr_not_tested {
	uint32_t index;
	const char *name;
	const char *why;
};
extern const struct msr_not_tested msr_not_tested[];
extern const unsigned int nr_msr_not_tested;

extern const struct msr_feature msr_features[NR_FEATURES];
extern const struct msr_quirk msr_quirks[NR_QUIRKS];
extern const struct msr_entry msr_entries[NR_MSR_ENTRIES];

#endif
