/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/deviations.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "deviations.h"
#include "msr_table.h"

const struct deviation deviations[] = {
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_MISC_ENABLE rdmsr-reset */
	{
		.flavour = "kvm_pvm",
		.vendors = 0,
		.entry = MSRENT_IA32_MISC_ENABLE,
		.feature = NULL,
		.check = CHECK_RDMSR_RESET,
		.want = 0x0000000000001800ull,
		.got = 0x0000000000000001ull,
		.why = "kvm_pvm resets MISC_ENABLE to FAST_STRING only; upstream KVM resets it to BTS_UNAVAIL|PEBS_UNAVAIL",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_MISC_ENABLE wrmsr-reserved-gp */
	{
		.flavour = "kvm_pvm",
		.vendors = 0,
		.entry = MSRENT_IA32_MISC_ENABLE,
		.feature = NULL,
		.check = CHECK_WRMSR_RESERVED_GP,
		.want = 0x000000000000000dull,
		.got = 0x0000000000000000ull,
		.why = "kvm_pvm lets the guest change BTS_UNAVAIL and PEBS_UNAVAIL, which upstream KVM keeps read-only (#GP)",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_SYSENTER_ESP rdmsr-write */
	{
		.flavour = "kvm_pvm",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.entry = MSRENT_IA32_SYSENTER_ESP,
		.feature = NULL,
		.check = CHECK_RDMSR_WRITE,
		.want = 0x0000000056789000ull,
		.got = 0x0000123456789000ull,
		.why = "kvm_pvm keeps bits 63:32 of SYSENTER_ESP for an AMD-vendor guest; upstream KVM (SVM) drops them like AMD hardware",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_SYSENTER_ESP host-get */
	{
		.flavour = "kvm_pvm",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.entry = MSRENT_IA32_SYSENTER_ESP,
		.feature = NULL,
		.check = CHECK_HOST_GET,
		.want = 0x0000000056789000ull,
		.got = 0x0000123456789000ull,
		.why = "KVM_GET_MSRS shows the same untruncated SYSENTER_ESP the guest wrote (see rdmsr-write)",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_SYSENTER_EIP rdmsr-write */
	{
		.flavour = "kvm_pvm",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.entry = MSRENT_IA32_SYSENTER_EIP,
		.feature = NULL,
		.check = CHECK_RDMSR_WRITE,
		.want = 0x0000000056789000ull,
		.got = 0x0000123456789000ull,
		.why = "kvm_pvm keeps bits 63:32 of SYSENTER_EIP for an AMD-vendor guest; upstream KVM (SVM) drops them like AMD hardware",
	},
	/* registry/deviations.toml: [[deviation]] kvm_pvm IA32_SYSENTER_EIP host-get */
	{
		.flavour = "kvm_pvm",
		.vendors = VENDOR_BIT(VENDOR_AMD) | VENDOR_BIT(VENDOR_HYGON),
		.entry = MSRENT_IA32_SYSENTER_EIP,
		.feature = NULL,
		.check = CHECK_HOST_GET,
		.want = 0x0000000056789000ull,
		.got = 0x0000123456789000ull,
		.why = "KVM_GET_MSRS shows the same untruncated SYSENTER_EIP the guest wrote (see rdmsr-write)",
	},
};

const unsigned int nr_deviations = 6;
