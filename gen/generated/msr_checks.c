/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
#include "entry_checks.h"

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_CS */
static void check_ia32_sysenter_cs(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_SYSENTER_CS]);
}

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_ESP */
static void check_ia32_sysenter_esp(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_SYSENTER_ESP]);
}

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_EIP */
static void check_ia32_sysenter_eip(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_SYSENTER_EIP]);
}

/* registry/msrs.toml: [[msr]] IA32_MISC_ENABLE */
static void check_ia32_misc_enable(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_MISC_ENABLE]);
}

/* registry/msrs.toml: [[msr]] IA32_CR_PAT */
static void check_ia32_cr_pat(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_CR_PAT]);
}

/* registry/msrs.toml: [[msr]] IA32_U_CET/ibt */
static void check_ia32_u_cet_ibt(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_U_CET_IBT]);
}

/* registry/msrs.toml: [[msr]] IA32_U_CET/shstk */
static void check_ia32_u_cet_shstk(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_U_CET_SHSTK]);
}

/* registry/msrs.toml: [[msr]] IA32_S_CET/ibt */
static void check_ia32_s_cet_ibt(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_S_CET_IBT]);
}

/* registry/msrs.toml: [[msr]] IA32_S_CET/shstk */
static void check_ia32_s_cet_shstk(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_S_CET_SHSTK]);
}

/* registry/msrs.toml: [[msr]] IA32_PL0_SSP/alignment */
static void check_ia32_pl0_ssp_alignment(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL0_SSP_ALIGNMENT]);
}

/* registry/msrs.toml: [[msr]] IA32_PL0_SSP/canonical */
static void check_ia32_pl0_ssp_canonical(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL0_SSP_CANONICAL]);
}

/* registry/msrs.toml: [[msr]] IA32_PL1_SSP/alignment */
static void check_ia32_pl1_ssp_alignment(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL1_SSP_ALIGNMENT]);
}

/* registry/msrs.toml: [[msr]] IA32_PL1_SSP/canonical */
static void check_ia32_pl1_ssp_canonical(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL1_SSP_CANONICAL]);
}

/* registry/msrs.toml: [[msr]] IA32_PL2_SSP/alignment */
static void check_ia32_pl2_ssp_alignment(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL2_SSP_ALIGNMENT]);
}

/* registry/msrs.toml: [[msr]] IA32_PL2_SSP/canonical */
static void check_ia32_pl2_ssp_canonical(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL2_SSP_CANONICAL]);
}

/* registry/msrs.toml: [[msr]] IA32_PL3_SSP/alignment */
static void check_ia32_pl3_ssp_alignment(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL3_SSP_ALIGNMENT]);
}

/* registry/msrs.toml: [[msr]] IA32_PL3_SSP/canonical */
static void check_ia32_pl3_ssp_canonical(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_IA32_PL3_SSP_CANONICAL]);
}

/* registry/msrs.toml: [[msr]] LSTAR */
static void check_lstar(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_LSTAR]);
}

/* registry/msrs.toml: [[msr]] CSTAR */
static void check_cstar(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_CSTAR]);
}

/* registry/msrs.toml: [[msr]] SYSCALL_MASK */
static void check_syscall_mask(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_SYSCALL_MASK]);
}

/* registry/msrs.toml: [[msr]] FS_BASE */
static void check_fs_base(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_FS_BASE]);
}

/* registry/msrs.toml: [[msr]] GS_BASE */
static void check_gs_base(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_GS_BASE]);
}

/* registry/msrs.toml: [[msr]] KERNEL_GS_BASE */
static void check_kernel_gs_base(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_KERNEL_GS_BASE]);
}

/* registry/msrs.toml: [[msr]] TSC_AUX/rdpid */
static void check_tsc_aux_rdpid(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_TSC_AUX_RDPID]);
}

/* registry/msrs.toml: [[msr]] TSC_AUX/rdtscp */
static void check_tsc_aux_rdtscp(struct suite *s)
{
	suite_check_msr(s, &msr_entries[MSRENT_TSC_AUX_RDTSCP]);
}

/* registry/msrs.toml: [[msr]] GUEST_SSP */
static void check_guest_ssp(struct suite *s)
{
	suite_check_kvm_reg(s, &msr_entries[MSRENT_GUEST_SSP]);
}

const msr_check_fn msr_checks[NR_MSR_ENTRIES] = {
	[MSRENT_IA32_SYSENTER_CS] = check_ia32_sysenter_cs,
	[MSRENT_IA32_SYSENTER_ESP] = check_ia32_sysenter_esp,
	[MSRENT_IA32_SYSENTER_EIP] = check_ia32_sysenter_eip,
	[MSRENT_IA32_MISC_ENABLE] = check_ia32_misc_enable,
	[MSRENT_IA32_CR_PAT] = check_ia32_cr_pat,
	[MSRENT_IA32_U_CET_IBT] = check_ia32_u_cet_ibt,
	[MSRENT_IA32_U_CET_SHSTK] = check_ia32_u_cet_shstk,
	[MSRENT_IA32_S_CET_IBT] = check_ia32_s_cet_ibt,
	[MSRENT_IA32_S_CET_SHSTK] = check_ia32_s_cet_shstk,
	[MSRENT_IA32_PL0_SSP_ALIGNMENT] = check_ia32_pl0_ssp_alignment,
	[MSRENT_IA32_PL0_SSP_CANONICAL] = check_ia32_pl0_ssp_canonical,
	[MSRENT_IA32_PL1_SSP_ALIGNMENT] = check_ia32_pl1_ssp_alignment,
	[MSRENT_IA32_PL1_SSP_CANONICAL] = check_ia32_pl1_ssp_canonical,
	[MSRENT_IA32_PL2_SSP_ALIGNMENT] = check_ia32_pl2_ssp_alignment,
	[MSRENT_IA32_PL2_SSP_CANONICAL] = check_ia32_pl2_ssp_canonical,
	[MSRENT_IA32_PL3_SSP_ALIGNMENT] = check_ia32_pl3_ssp_alignment,
	[MSRENT_IA32_PL3_SSP_CANONICAL] = check_ia32_pl3_ssp_canonical,
	[MSRENT_LSTAR] = check_lstar,
	[MSRENT_CSTAR] = check_cstar,
	[MSRENT_SYSCALL_MASK] = check_syscall_mask,
	[MSRENT_FS_BASE] = check_fs_base,
	[MSRENT_GS_BASE] = check_gs_base,
	[MSRENT_KERNEL_GS_BASE] = check_kernel_gs_base,
	[MSRENT_TSC_AUX_RDPID] = check_tsc_aux_rdpid,
	[MSRENT_TSC_AUX_RDTSCP] = check_tsc_aux_rdtscp,
	[MSRENT_GUEST_SSP] = check_guest_ssp,
};
