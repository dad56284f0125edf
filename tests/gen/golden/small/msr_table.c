/* SPDX-License-Identifier: MIT */
/*
 * Generated from tests/gen/ok_small/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "msr_table.h"

const uint64_t msr_noncanonical = 0xdeadbeef00000000ull;

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
	},
	/* tests/gen/ok_small/msrs.toml: [feature.BETA] */
	[FEAT_BETA] = {
		.name = "BETA",
		.leaf = 0x80000001,
		.subleaf = 0x00000000,
		.reg = CPUID_EDX,
		.bit = 5,
		.keep = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [feature.GAMMA] */
	[FEAT_GAMMA] = {
		.name = "GAMMA",
		.leaf = 0x0000000d,
		.subleaf = 0x00000001,
		.reg = CPUID_EAX,
		.bit = 31,
		.keep = NULL,
	},
	/* tests/gen/ok_small/msrs.toml: [feature.PV] */
	[FEAT_PV] = {
		.name = "PV",
		.leaf = 0x40000001,
		.subleaf = 0x00000000,
		.reg = CPUID_EAX,
		.bit = 3,
		.keep = NULL,
	},
};

const struct msr_quirk msr_quirks[NR_QUIRKS] = {
	/* tests/gen/ok_small/msrs.toml: [quirk.HIGH_DROPPED] */
	/* ref: APM vol. 2, 1.2.3 */
	[QUIRK_HIGH_DROPPED] = {
		.name = "HIGH_DROPPED",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.keep_mask = 0x00000000ffffffffull,
		.why = "drops bits 63:32",
	},
	/* tests/gen/ok_small/msrs.toml: [quirk.LOW48] */
	[QUIRK_LOW48] = {
		.name = "LOW48",
		.vendors = VENDOR_BIT(VENDOR_INTEL),
		.keep_mask = 0x0000ffffffffffffull,
		.why = "keeps 48 bits — für Tests",
	},
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
		.features = { FEAT_ALPHA },
		.canonical = false,
		.write_needs_primary = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000001234ull,
		.reserved_bits = 0x0000000000000000ull,
		.nr_reserved = 0,
		.quirks = 0,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/one */
	[MSRENT_BAR_ONE] = {
		.name = "BAR",
		.label = "one",
		.save_list_exempt = NULL,
		.index = 0x00000020,
		.kind = MSR_KIND_MSR,
		.nr_features = 2,
		.features = { FEAT_BETA, FEAT_GAMMA },
		.canonical = false,
		.write_needs_primary = true,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000000004ull,
		.reserved_bits = 0x0000000000000000ull,
		.nr_reserved = 1,
		.reserved = {
			{ .value = 0x00000000000003c0ull, .origin = RESERVED_LISTED },
		},
		.quirks = 0,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BAR/two */
	[MSRENT_BAR_TWO] = {
		.name = "BAR",
		.label = "two",
		.save_list_exempt = NULL,
		.index = 0x00000020,
		.kind = MSR_KIND_MSR,
		.nr_features = 2,
		.features = { FEAT_GAMMA, FEAT_BETA },
		.canonical = false,
		.write_needs_primary = true,
		.reset = 0x0000000000000000ull,
		.write = 0x0000000000000001ull,
		.reserved_bits = 0x0000000000000000ull,
		.nr_reserved = 1,
		.reserved = {
			{ .value = 0x00000000000003c0ull, .origin = RESERVED_LISTED },
		},
		.quirks = 0,
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
		.features = { FEAT_BETA },
		.canonical = true,
		.write_needs_primary = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000123456789000ull,
		.reserved_bits = 0x0000000000000000ull,
		.nr_reserved = 1,
		.reserved = {
			{ .value = 0xdeadbeef00000000ull, .origin = RESERVED_NONCANONICAL },
		},
		.quirks = 0,
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] BITS */
	[MSRENT_BITS] = {
		.name = "BITS",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0xc0000200,
		.kind = MSR_KIND_MSR,
		.nr_features = 4,
		.features = { FEAT_ALPHA, FEAT_BETA, FEAT_GAMMA, FEAT_PV },
		.canonical = false,
		.write_needs_primary = false,
		.reset = 0x0000000000000001ull,
		.write = 0x0000000000000003ull,
		.reserved_bits = 0x000000000000ff00ull,
		.nr_reserved = 3,
		.reserved = {
			{ .value = 0x8000000000000000ull, .origin = RESERVED_LISTED },
			{ .value = 0x0000000000010000ull, .origin = RESERVED_LISTED },
			{ .value = 0x000000000000ff03ull, .origin = RESERVED_BITS },
		},
		.quirks = (1u << QUIRK_HIGH_DROPPED) | (1u << QUIRK_LOW48),
	},
	/* tests/gen/ok_small/msrs.toml: [[msr]] PV_REG */
	[MSRENT_PV_REG] = {
		.name = "PV_REG",
		.label = NULL,
		.save_list_exempt = NULL,
		.index = 0x00000002,
		.kind = MSR_KIND_KVM_REG,
		.nr_features = 1,
		.features = { FEAT_PV },
		.canonical = true,
		.write_needs_primary = false,
		.reset = 0x0000000000000000ull,
		.write = 0x0000123456789000ull,
		.reserved_bits = 0x0000000000000000ull,
		.nr_reserved = 1,
		.reserved = {
			{ .value = 0xdeadbeef00000000ull, .origin = RESERVED_NONCANONICAL },
		},
		.quirks = 0,
	},
};
