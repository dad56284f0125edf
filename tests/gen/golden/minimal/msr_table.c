/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_minimal/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "msr_table.h"

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
	/* tests/gen/ok_minimal/msrs.toml: [feature.NONE] */
	[FEAT_NONE] = {
		.name = "NONE",
		.leaf = 0x00000001,
		.subleaf = 0x00000000,
		.reg = CPUID_ECX,
		.bit = 31,
		.keep = NULL,
		.source = SOURCE_CPUID,
		.msr = 0x00000000,
		.pv = false,
	},
};

/* No quirks: one zeroed element keeps the array valid C11. */
const struct msr_quirk msr_quirks[1] = {
	{ .name = NULL },
};

const struct msr_vm_cap msr_vm_caps[NR_VM_CAPS] = {
	[VM_CAP_NONE] = { NULL, 0 },
};

const struct msr_entry msr_entries[NR_MSR_ENTRIES] = {
	/* tests/gen/ok_minimal/msrs.toml: [[msr]] IA32_CR_PAT */
	[MSRENT_IA32_CR_PAT] = {
		.name = "IA32_CR_PAT",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0x00000277,
		.kind = MSR_KIND_MSR,
		.nr_features = 1,
		.features = (const uint16_t[]){ FEAT_NONE },
		.class_name = "rw",
		.write_needs_primary = false,
		.canonical = false,
		.reset = 0x0007040600070406ull,
		.write = 0x0000000007070707ull,
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
		.register_index = 0x00000277,
		.nr_reserved = 0,
		.reserved = NULL,
		.nr_quirks = 0,
		.quirks = NULL,
	},
};
