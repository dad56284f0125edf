/* SPDX-License-Identifier: MIT */
/*
 * Generated from registry/msrs.toml by gen/msrgen -- do not edit.
 * Regenerate with: ninja -C build regen
 */
/*
 * One plan function per entry: the step builders of runtime/common/steps.h
 * that make up the entry's checks, chosen by the entry's data
 * (gen/msrgen/model.py, Msr.step_builders).  A change of an entry's class
 * shows here as a change of its function.
 */
#include "steps.h"

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_CS */
static void plan_ia32_sysenter_cs(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_ESP */
static void plan_ia32_sysenter_esp(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_SYSENTER_EIP */
static void plan_ia32_sysenter_eip(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MISC_ENABLE */
static void plan_ia32_misc_enable(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_CR_PAT */
static void plan_ia32_cr_pat(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_U_CET/ibt */
static void plan_ia32_u_cet_ibt(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_U_CET/shstk */
static void plan_ia32_u_cet_shstk(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_S_CET/ibt */
static void plan_ia32_s_cet_ibt(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_S_CET/shstk */
static void plan_ia32_s_cet_shstk(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL0_SSP/alignment */
static void plan_ia32_pl0_ssp_alignment(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL0_SSP/canonical */
static void plan_ia32_pl0_ssp_canonical(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL1_SSP/alignment */
static void plan_ia32_pl1_ssp_alignment(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL1_SSP/canonical */
static void plan_ia32_pl1_ssp_canonical(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL2_SSP/alignment */
static void plan_ia32_pl2_ssp_alignment(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL2_SSP/canonical */
static void plan_ia32_pl2_ssp_canonical(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL3_SSP/alignment */
static void plan_ia32_pl3_ssp_alignment(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PL3_SSP/canonical */
static void plan_ia32_pl3_ssp_canonical(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] LSTAR */
static void plan_lstar(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] CSTAR */
static void plan_cstar(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] SYSCALL_MASK */
static void plan_syscall_mask(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] FS_BASE */
static void plan_fs_base(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] GS_BASE */
static void plan_gs_base(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] KERNEL_GS_BASE */
static void plan_kernel_gs_base(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] TSC_AUX/rdpid */
static void plan_tsc_aux_rdpid(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] TSC_AUX/rdtscp */
static void plan_tsc_aux_rdtscp(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] GUEST_SSP */
static void plan_guest_ssp(struct plan_ctx *p)
{
	plan_kvm_reg(p);
}

const msr_plan_fn msr_plans[NR_MSR_ENTRIES] = {
	[MSRENT_IA32_SYSENTER_CS] = plan_ia32_sysenter_cs,
	[MSRENT_IA32_SYSENTER_ESP] = plan_ia32_sysenter_esp,
	[MSRENT_IA32_SYSENTER_EIP] = plan_ia32_sysenter_eip,
	[MSRENT_IA32_MISC_ENABLE] = plan_ia32_misc_enable,
	[MSRENT_IA32_CR_PAT] = plan_ia32_cr_pat,
	[MSRENT_IA32_U_CET_IBT] = plan_ia32_u_cet_ibt,
	[MSRENT_IA32_U_CET_SHSTK] = plan_ia32_u_cet_shstk,
	[MSRENT_IA32_S_CET_IBT] = plan_ia32_s_cet_ibt,
	[MSRENT_IA32_S_CET_SHSTK] = plan_ia32_s_cet_shstk,
	[MSRENT_IA32_PL0_SSP_ALIGNMENT] = plan_ia32_pl0_ssp_alignment,
	[MSRENT_IA32_PL0_SSP_CANONICAL] = plan_ia32_pl0_ssp_canonical,
	[MSRENT_IA32_PL1_SSP_ALIGNMENT] = plan_ia32_pl1_ssp_alignment,
	[MSRENT_IA32_PL1_SSP_CANONICAL] = plan_ia32_pl1_ssp_canonical,
	[MSRENT_IA32_PL2_SSP_ALIGNMENT] = plan_ia32_pl2_ssp_alignment,
	[MSRENT_IA32_PL2_SSP_CANONICAL] = plan_ia32_pl2_ssp_canonical,
	[MSRENT_IA32_PL3_SSP_ALIGNMENT] = plan_ia32_pl3_ssp_alignment,
	[MSRENT_IA32_PL3_SSP_CANONICAL] = plan_ia32_pl3_ssp_canonical,
	[MSRENT_LSTAR] = plan_lstar,
	[MSRENT_CSTAR] = plan_cstar,
	[MSRENT_SYSCALL_MASK] = plan_syscall_mask,
	[MSRENT_FS_BASE] = plan_fs_base,
	[MSRENT_GS_BASE] = plan_gs_base,
	[MSRENT_KERNEL_GS_BASE] = plan_kernel_gs_base,
	[MSRENT_TSC_AUX_RDPID] = plan_tsc_aux_rdpid,
	[MSRENT_TSC_AUX_RDTSCP] = plan_tsc_aux_rdtscp,
	[MSRENT_GUEST_SSP] = plan_guest_ssp,
};
