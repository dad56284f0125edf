/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "msr_table.h"
/* The KVM_CAP_ numbers of vm_cap_gate: the kernel ABI's. */
#include "kvm_compat.h"

const struct vendor_info vendor_info[NR_VENDORS] = {
	[VENDOR_INTEL] = { "intel", "Intel", "GenuineIntel" },
	[VENDOR_AMD] = { "amd", "AMD", "AuthenticAMD" },
	[VENDOR_HYGON] = { "hygon", "Hygon", "HygonGenuine" },
	[VENDOR_OTHER] = { "other", "other", "" },
};

const char *const msr_kind_names[NR_MSR_KIND_VALUES] = {
	[MSR_KIND_MSR] = "msr",
	[MSR_KIND_KVM_REG] = "kvm_reg",
};

const char *const reserved_origin_names[NR_RESERVED_VALUES] = {
	[RESERVED_LISTED] = "reserved",
	[RESERVED_NONCANONICAL] = "non-canonical",
	[RESERVED_BITS] = "reserved-bits",
};

const char *const cpuid_reg_names[NR_CPUID_VALUES] = {
	[CPUID_EAX] = "eax",
	[CPUID_EBX] = "ebx",
	[CPUID_ECX] = "ecx",
	[CPUID_EDX] = "edx",
};

const char *const feature_source_names[NR_SOURCE_VALUES] = {
	[SOURCE_CPUID] = "cpuid",
	[SOURCE_MCG_CAP] = "mcg_cap",
	[SOURCE_MSR] = "msr",
};

const char *const msr_access_names[NR_ACCESS_VALUES] = {
	[ACCESS_RW] = "rw",
	[ACCESS_RO] = "ro",
	[ACCESS_WO] = "wo",
	[ACCESS_NONE] = "none",
};

const char *const failure_class_names[NR_FAILURE_VALUES] = {
	[FAILURE_UNKNOWN] = "unknown",
	[FAILURE_UNSUPPORTED] = "unsupported",
	[FAILURE_INVALID] = "invalid",
};

const char *const msr_scope_names[NR_SCOPE_VALUES] = {
	[SCOPE_VCPU] = "vcpu",
	[SCOPE_VM] = "vm",
};

const char *const host_write_names[NR_HOST_WRITE_VALUES] = {
	[HOST_WRITE_ANY] = "any",
	[HOST_WRITE_FAILS] = "fails",
};

const char *const init_effect_names[NR_INIT_VALUES] = {
	[INIT_NONE] = "none",
	[INIT_KEEP] = "keep",
	[INIT_RESET] = "reset",
};

const char *const host_absent_names[NR_HOST_ABSENT_VALUES] = {
	[HOST_ABSENT_CLASS] = "class",
	[HOST_ABSENT_ZERO] = "zero",
	[HOST_ABSENT_FAILS] = "fails",
	[HOST_ABSENT_FULL] = "full",
};

const char *const save_list_rule_names[NR_SAVE_LIST_VALUES] = {
	[SAVE_LIST_FEATURES] = "features",
	[SAVE_LIST_ALWAYS] = "always",
};

/* Nothing listed: one zeroed element keeps the array valid C11. */
const struct msr_not_tested msr_not_tested[] = {
	{ 0, NULL, NULL },
};
const unsigned int nr_msr_not_tested = 0;

const struct msr_feature msr_features[NR_FEATURES] = {
	/* tests/gen/ok_small/msrs.toml: [feature.ALPHA] */
	/* a doc comment that tries to close * / the comment, / * open another, or hide\u202e text\x00 with\x1b[8m escapes */
	[FEAT_ALPHA] = {
		.name = "ALPHA",
		.leaf = 0x00000007,
		.subleaf = 0x00000000,
		.reg = CPUID_EBX,
		.bit = 0,
		.keep = "kept: \"quoted\", back\\slash, tab\tend, what?\? no trigraph",
		.source = SOURCE_CPUID,
		.msr = 0x00000000,
		.pv = false,
	},
	/* tests/gen/ok_small/msrs.toml: [feature.BETA] */
	[FEAT_BETA] = {
		.name = "BETA",
		.leaf = 0x80000001,
		.subleaf = 0x00000000,
		.reg = CPUID_EDX,
		.bit = 5,
		.keep = NULL,
		.source = SOURCE_CPUID,
		.msr = 0x00000000,
		.pv = false,
	},
	/* tests/gen/ok_small/msrs.toml: [feature.GAMMA] */
	[FEAT_GAMMA] = {
		.name = "GAMMA",
		.leaf = 0x0000000d,
		.subleaf = 0x00000001,
		.reg = CPUID_EAX,
		.bit = 31,
		.keep = NULL,
		.source = SOURCE_CPUID,
		.msr = 0x00000000,
		.pv = false,
	},
	/* tests/gen/ok_small/msrs.toml: [feature.PV] */
	[FEAT_PV] = {
		.name = "PV",
		.leaf = 0x40000001,
		.subleaf = 0x00000000,
		.reg = CPUID_EAX,
		.bit = 3,
		.keep = NULL,
		.source = SOURCE_CPUID,
		.msr = 0x00000000,
		.pv = false,
	},
};

const struct msr_quirk msr_quirks[NR_QUIRKS] = {
	/* tests/gen/ok_small/msrs.toml: [quirk.HIGH_DROPPED] */
	/* ref: APM vol. 2, 1.2.3 */
	[QUIRK_HIGH_DROPPED] = {
		.name = "HIGH_DROPPED",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.host_vendors = 0,
		.keep_mask = 0x00000000ffffffffull,
		.why = "drops bits 63:32",
	},
	/* tests/gen/ok_small/msrs.toml: [quirk.LOW48] */
	[QUIRK_LOW48] = {
		.name = "LOW48",
		.vendors = VENDOR_BIT(VENDOR_INTEL),
		.host_vendors = 0,
		.keep_mask = 0x0000ffffffffffffull,
		.why = "keeps 48 bits — für Tests",
	},
};

#ifndef KVM_CAP_MSR_PLATFORM_INFO
#error "tests/gen/ok_small/msrs.toml: [[msr]] FOO: vm_cap_gate: KVM_CAP_MSR_PLATFORM_INFO is defined by neither <linux/kvm.h> nor runtime/common/kvm_compat.h: add it to kvm_compat.h with the kernel ABI's value"
#endif
const struct msr_vm_cap msr_vm_caps[NR_VM_CAPS] = {
	[VM_CAP_NONE] = { NULL, 0 },
	[VM_CAP_MSR_PLATFORM_INFO] = { "MSR_PLATFORM_INFO", KVM_CAP_MSR_PLATFORM_INFO },
};

const struct msr_entry msr_entries[NR_MSR_ENTRIES] = {
	/* tests/gen/ok_small/msrs.toml: [[msr]] FOO */
	[MSRENT_FOO] = {
		.name = "FOO",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0x00000010,
		.kind = MSR_KIND_MSR,
		.nr_features = 1,
		.features = (const uint16_t[]){ FEAT_ALPHA },
		.class_name = "rw",
		.write_needs_primary = false,
		.canonical = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000001234ull,
		.reserved_bits = 0x0000000000000000ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = true,
		.init = INIT_KEEP,
		.couples_tsc = false,
		.vm_cap = VM_CAP_MSR_PLATFORM_INFO,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0x00000010,
		.nr_reserved = 0,
		.reserved = NULL,
		.nr_quirks = 0,
		.quirks = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/one */
	[MSRENT_BAR_ONE] = {
		.name = "BAR",
		.label = "one",
		.save_list_exempt = NULL,
		.index = 0x00000020,
		.kind = MSR_KIND_MSR,
		.nr_features = 2,
		.features = (const uint16_t[]){ FEAT_BETA, FEAT_GAMMA },
		.class_name = "rw reserved",
		.write_needs_primary = true,
		.canonical = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000000004ull,
		.reserved_bits = 0x0000000000000000ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = false,
		.init = INIT_NONE,
		.couples_tsc = false,
		.vm_cap = VM_CAP_NONE,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0x00000020,
		.nr_reserved = 1,
		.reserved = (const struct msr_reserved[]){
			{ .value = 0x00000000000003c0ull, .origin = RESERVED_LISTED },
		},
		.nr_quirks = 0,
		.quirks = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/two */
	[MSRENT_BAR_TWO] = {
		.name = "BAR",
		.label = "two",
		.save_list_exempt = NULL,
		.index = 0x00000020,
		.kind = MSR_KIND_MSR,
		.nr_features = 2,
		.features = (const uint16_t[]){ FEAT_GAMMA, FEAT_BETA },
		.class_name = "rw reserved",
		.write_needs_primary = true,
		.canonical = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000000001ull,
		.reserved_bits = 0x0000000000000000ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = false,
		.init = INIT_NONE,
		.couples_tsc = false,
		.vm_cap = VM_CAP_NONE,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0x00000020,
		.nr_reserved = 1,
		.reserved = (const struct msr_reserved[]){
			{ .value = 0x00000000000003c0ull, .origin = RESERVED_LISTED },
		},
		.nr_quirks = 0,
		.quirks = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BASE */
	/* ref: SDM vol. 4, table 2-2 */
	[MSRENT_BASE] = {
		.name = "BASE",
		.label = NULL,
		.save_list_exempt = "state travels in \"SREGS\"",
		.index = 0xc0000100,
		.kind = MSR_KIND_MSR,
		.nr_features = 1,
		.features = (const uint16_t[]){ FEAT_BETA },
		.class_name = "rw canonical",
		.write_needs_primary = false,
		.canonical = true,
		.reset = 0x0000000000000000ull,
		.write = 0x0000123456789000ull,
		.reserved_bits = 0x0000000000000000ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = false,
		.init = INIT_NONE,
		.couples_tsc = false,
		.vm_cap = VM_CAP_NONE,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0xc0000100,
		.nr_reserved = 1,
		.reserved = (const struct msr_reserved[]){
			{ .value = 0xdeadbeef00000000ull, .origin = RESERVED_NONCANONICAL },
		},
		.nr_quirks = 0,
		.quirks = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BITS */
	[MSRENT_BITS] = {
		.name = "BITS",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0xc0000200,
		.kind = MSR_KIND_MSR,
		.nr_features = 4,
		.features = (const uint16_t[]){ FEAT_ALPHA, FEAT_BETA, FEAT_GAMMA, FEAT_PV },
		.class_name = "rw reserved quirks",
		.write_needs_primary = false,
		.canonical = false,
		.reset = 0x0000000000000001ull,
		.write = 0x0000000000000003ull,
		.reserved_bits = 0x000000000000ff00ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = false,
		.init = INIT_NONE,
		.couples_tsc = false,
		.vm_cap = VM_CAP_NONE,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0xc0000200,
		.nr_reserved = 3,
		.reserved = (const struct msr_reserved[]){
			{ .value = 0x8000000000000000ull, .origin = RESERVED_LISTED },
			{ .value = 0x0000000000010000ull, .origin = RESERVED_LISTED },
			{ .value = 0x000000000000ff03ull, .origin = RESERVED_BITS },
		},
		.nr_quirks = 2,
		.quirks = (const uint16_t[]){ QUIRK_HIGH_DROPPED, QUIRK_LOW48 },
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] PV_REG */
	[MSRENT_PV_REG] = {
		.name = "PV_REG",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0x00000002,
		.kind = MSR_KIND_KVM_REG,
		.nr_features = 1,
		.features = (const uint16_t[]){ FEAT_PV },
		.class_name = "kvm-reg",
		.write_needs_primary = false,
		.canonical = true,
		.reset = 0x0000000000000000ull,
		.write = 0x0000123456789000ull,
		.reserved_bits = 0x0000000000000000ull,
		.access = ACCESS_RW,
		.ignored_bits = 0x0000000000000000ull,
		.fixed_bits = 0x0000000000000000ull,
		.fixed_value = 0x0000000000000000ull,
		.sweep = false,
		.sweep_skip = 0x0000000000000000ull,
		.failure = FAILURE_UNKNOWN,
		.reserved_failure = FAILURE_UNKNOWN,
		.host_absent = HOST_ABSENT_CLASS,
		.save_list = SAVE_LIST_FEATURES,
		.feature_msr = false,
		.immutable = false,
		.init = INIT_NONE,
		.couples_tsc = false,
		.vm_cap = VM_CAP_NONE,
		.has_reset_bsp = false,
		.reset_bsp = 0x0000000000000000ull,
		.has_reset_svm = false,
		.reset_svm = 0x0000000000000000ull,
		.host_write = HOST_WRITE_ANY,
		.scope = SCOPE_VCPU,
		.isolate = false,
		.register_index = 0x00000002,
		.nr_reserved = 1,
		.reserved = (const struct msr_reserved[]){
			{ .value = 0xdeadbeef00000000ull, .origin = RESERVED_NONCANONICAL },
		},
		.nr_quirks = 0,
		.quirks = NULL,
	},
};
