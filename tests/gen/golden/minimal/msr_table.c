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

const char *const msr_kind_names[NR_MSR_KINDS] = {
	[MSR_KIND_MSR] = "msr",
	[MSR_KIND_KVM_REG] = "kvm_reg",
};

const char *const reserved_origin_names[NR_RESERVED_ORIGINS] = {
	[RESERVED_LISTED] = "reserved",
	[RESERVED_NONCANONICAL] = "non-canonical",
	[RESERVED_BITS] = "reserved-bits",
};

const struct msr_feature msr_features[NR_FEATURES] = {
	/* tests/gen/ok_minimal/msrs.toml: [feature.NONE] */
	[FEAT_NONE] = {
		.name = "NONE",
		.leaf = 0x00000001,
		.subleaf = 0x00000000,
		.reg = CPUID_ECX,
		.bit = 31,
		.keep = NULL,
	},
};

/* No quirks: one zeroed element keeps the array valid C11. */
const struct msr_quirk msr_quirks[1] = {
	{ .name = NULL },
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
		.write_needs_primary = false,
		.reset = 0x0007040600070406ull,
		.write = 0x0000000007070707ull,
		.nr_reserved = 0,
		.reserved = NULL,
		.nr_quirks = 0,
		.quirks = NULL,
	},
};
