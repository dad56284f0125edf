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

/* registry/msrs.toml: [[msr]] P5_MC_ADDR */
static void plan_p5_mc_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] P5_MC_TYPE */
static void plan_p5_mc_type(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_WALL_CLOCK */
static void plan_kvm_wall_clock(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_vm_scope(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_SYSTEM_TIME */
static void plan_kvm_system_time(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_PLATFORM_ID */
static void plan_ia32_platform_id(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_APICBASE */
static void plan_ia32_apicbase(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] EBL_CR_POWERON */
static void plan_ebl_cr_poweron(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] EBC_FREQUENCY_ID */
static void plan_ebc_frequency_id(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] SMI_COUNT */
static void plan_smi_count(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_TSC_ADJUST */
static void plan_ia32_tsc_adjust(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_SPEC_CTRL */
static void plan_ia32_spec_ctrl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_PRED_CMD */
static void plan_ia32_pred_cmd(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_write_only(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_UCODE_WRITE */
static void plan_ia32_ucode_write(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_write_only(p);
}

/* registry/msrs.toml: [[msr]] IA32_UCODE_REV */
static void plan_ia32_ucode_rev(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] FSB_FREQ */
static void plan_fsb_freq(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] PLATFORM_INFO */
static void plan_platform_info(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_UMWAIT_CONTROL */
static void plan_ia32_umwait_control(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRRCAP */
static void plan_ia32_mtrrcap(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_ARCH_CAPABILITIES */
static void plan_ia32_arch_capabilities(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_FLUSH_CMD */
static void plan_ia32_flush_cmd(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_write_only(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] BBL_CR_CTL3 */
static void plan_bbl_cr_ctl3(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_TSX_CTRL */
static void plan_ia32_tsx_ctrl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] MISC_FEATURES_ENABLES */
static void plan_misc_features_enables(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

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

/* registry/msrs.toml: [[msr]] IA32_MCG_CAP */
static void plan_ia32_mcg_cap(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MCG_STATUS */
static void plan_ia32_mcg_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MCG_CTL */
static void plan_ia32_mcg_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_PERF_STATUS */
static void plan_ia32_perf_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_PERF_CTL */
static void plan_ia32_perf_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
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

/* registry/msrs.toml: [[msr]] IA32_XFD */
static void plan_ia32_xfd(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_XFD_ERR */
static void plan_ia32_xfd_err(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_DEBUGCTL */
static void plan_ia32_debugctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] LASTBRANCHFROMIP */
static void plan_lastbranchfromip(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] LASTBRANCHTOIP */
static void plan_lastbranchtoip(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] LASTINTFROMIP */
static void plan_lastintfromip(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] LASTINTTOIP */
static void plan_lastinttoip(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_POWER_CTL */
static void plan_ia32_power_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE0 */
static void plan_ia32_mtrr_physbase0(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK0 */
static void plan_ia32_mtrr_physmask0(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE1 */
static void plan_ia32_mtrr_physbase1(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK1 */
static void plan_ia32_mtrr_physmask1(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE2 */
static void plan_ia32_mtrr_physbase2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK2 */
static void plan_ia32_mtrr_physmask2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE3 */
static void plan_ia32_mtrr_physbase3(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK3 */
static void plan_ia32_mtrr_physmask3(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE4 */
static void plan_ia32_mtrr_physbase4(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK4 */
static void plan_ia32_mtrr_physmask4(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE5 */
static void plan_ia32_mtrr_physbase5(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK5 */
static void plan_ia32_mtrr_physmask5(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE6 */
static void plan_ia32_mtrr_physbase6(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK6 */
static void plan_ia32_mtrr_physmask6(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSBASE7 */
static void plan_ia32_mtrr_physbase7(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_PHYSMASK7 */
static void plan_ia32_mtrr_physmask7(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX64K_00000 */
static void plan_ia32_mtrr_fix64k_00000(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX16K_80000 */
static void plan_ia32_mtrr_fix16k_80000(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX16K_A0000 */
static void plan_ia32_mtrr_fix16k_a0000(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_0 */
static void plan_ia32_mtrr_fix4k_0(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_1 */
static void plan_ia32_mtrr_fix4k_1(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_2 */
static void plan_ia32_mtrr_fix4k_2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_3 */
static void plan_ia32_mtrr_fix4k_3(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_4 */
static void plan_ia32_mtrr_fix4k_4(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_5 */
static void plan_ia32_mtrr_fix4k_5(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_6 */
static void plan_ia32_mtrr_fix4k_6(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_FIX4K_7 */
static void plan_ia32_mtrr_fix4k_7(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_CR_PAT/encodings */
static void plan_ia32_cr_pat_encodings(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] IA32_CR_PAT/seed */
static void plan_ia32_cr_pat_seed(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC0_CTL2 */
static void plan_ia32_mc0_ctl2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC1_CTL2 */
static void plan_ia32_mc1_ctl2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC2_CTL2 */
static void plan_ia32_mc2_ctl2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC3_CTL2 */
static void plan_ia32_mc3_ctl2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MTRR_DEF_TYPE */
static void plan_ia32_mtrr_def_type(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] IA32_PERF_CAPABILITIES */
static void plan_ia32_perf_capabilities(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC0_CTL */
static void plan_ia32_mc0_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC0_STATUS */
static void plan_ia32_mc0_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC0_ADDR */
static void plan_ia32_mc0_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC0_MISC */
static void plan_ia32_mc0_misc(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC1_CTL */
static void plan_ia32_mc1_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC1_STATUS */
static void plan_ia32_mc1_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC1_ADDR */
static void plan_ia32_mc1_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC1_MISC */
static void plan_ia32_mc1_misc(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC2_CTL */
static void plan_ia32_mc2_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC2_STATUS */
static void plan_ia32_mc2_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC2_ADDR */
static void plan_ia32_mc2_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC2_MISC */
static void plan_ia32_mc2_misc(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC3_CTL */
static void plan_ia32_mc3_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC3_STATUS */
static void plan_ia32_mc3_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC3_ADDR */
static void plan_ia32_mc3_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MC3_MISC */
static void plan_ia32_mc3_misc(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_MCG_EXT_CTL */
static void plan_ia32_mcg_ext_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] RAPL_POWER_UNIT */
static void plan_rapl_power_unit(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] PKG_ENERGY_STATUS */
static void plan_pkg_energy_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] DRAM_ENERGY_STATUS */
static void plan_dram_energy_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] PP0_ENERGY_STATUS */
static void plan_pp0_energy_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] PP1_ENERGY_STATUS */
static void plan_pp1_energy_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
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

/* registry/msrs.toml: [[msr]] IA32_INT_SSP_TAB */
static void plan_ia32_int_ssp_tab(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] IA32_TSC_DEADLINE */
static void plan_ia32_tsc_deadline(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] IA32_PKRS */
static void plan_ia32_pkrs(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] X2APIC_APIC_ID */
static void plan_x2apic_apic_id(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] X2APIC_TPR */
static void plan_x2apic_tpr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] X2APIC_EOI */
static void plan_x2apic_eoi(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] X2APIC_ICR */
static void plan_x2apic_icr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] X2APIC_SELF_IPI */
static void plan_x2apic_self_ipi(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] IA32_BNDCFGS */
static void plan_ia32_bndcfgs(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_canonical(p);
}

/* registry/msrs.toml: [[msr]] IA32_XSS */
static void plan_ia32_xss(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] HV_X64_GUEST_OS_ID */
static void plan_hv_x64_guest_os_id(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] UNKNOWN_474F4F00 */
static void plan_unknown_474f4f00(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] KVM_WALL_CLOCK_NEW */
static void plan_kvm_wall_clock_new(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_vm_scope(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_SYSTEM_TIME_NEW */
static void plan_kvm_system_time_new(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_ASYNC_PF_EN */
static void plan_kvm_async_pf_en(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] KVM_STEAL_TIME */
static void plan_kvm_steal_time(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] KVM_PV_EOI_EN */
static void plan_kvm_pv_eoi_en(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] KVM_POLL_CONTROL */
static void plan_kvm_poll_control(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] KVM_ASYNC_PF_INT */
static void plan_kvm_async_pf_int(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_ASYNC_PF_ACK */
static void plan_kvm_async_pf_ack(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] KVM_MIGRATION_CONTROL */
static void plan_kvm_migration_control(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] KVM_PV_RESERVED_09 */
static void plan_kvm_pv_reserved_09(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_never(p);
}

/* registry/msrs.toml: [[msr]] EFER */
static void plan_efer(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] STAR */
static void plan_star(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
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

/* registry/msrs.toml: [[msr]] AMD64_TSC_RATIO */
static void plan_amd64_tsc_ratio(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] AMD64_SYSCFG */
static void plan_amd64_syscfg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] K7_HWCR */
static void plan_k7_hwcr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
	plan_sweep(p);
}

/* registry/msrs.toml: [[msr]] K7_CLK_CTL */
static void plan_k7_clk_ctl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_NB_CFG */
static void plan_amd64_nb_cfg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_PATCH_LOADER */
static void plan_amd64_patch_loader(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_write_only(p);
}

/* registry/msrs.toml: [[msr]] K8_INT_PENDING_MSG */
static void plan_k8_int_pending_msg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] FAM10H_MMIO_CONF_BASE */
static void plan_fam10h_mmio_conf_base(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] K8_TSEG_ADDR */
static void plan_k8_tseg_addr(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] K8_TSEG_MASK */
static void plan_k8_tseg_mask(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_read_only(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] VM_HSAVE_PA */
static void plan_vm_hsave_pa(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_VIRT_SPEC_CTRL */
static void plan_amd64_virt_spec_ctrl(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
	plan_reserved(p);
}

/* registry/msrs.toml: [[msr]] AMD64_OSVW_ID_LENGTH */
static void plan_amd64_osvw_id_length(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_OSVW_STATUS */
static void plan_amd64_osvw_status(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_DC_CFG */
static void plan_amd64_dc_cfg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_TW_CFG */
static void plan_amd64_tw_cfg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] AMD64_BU_CFG2 */
static void plan_amd64_bu_cfg2(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] F15H_EX_CFG */
static void plan_f15h_ex_cfg(struct plan_ctx *p)
{
	plan_save_list(p);
	plan_rw(p);
	plan_host_roundtrip(p);
}

/* registry/msrs.toml: [[msr]] GUEST_SSP */
static void plan_guest_ssp(struct plan_ctx *p)
{
	plan_kvm_reg(p);
}

const msr_plan_fn msr_plans[NR_MSR_ENTRIES] = {
	[MSRENT_P5_MC_ADDR] = plan_p5_mc_addr,
	[MSRENT_P5_MC_TYPE] = plan_p5_mc_type,
	[MSRENT_KVM_WALL_CLOCK] = plan_kvm_wall_clock,
	[MSRENT_KVM_SYSTEM_TIME] = plan_kvm_system_time,
	[MSRENT_IA32_PLATFORM_ID] = plan_ia32_platform_id,
	[MSRENT_IA32_APICBASE] = plan_ia32_apicbase,
	[MSRENT_EBL_CR_POWERON] = plan_ebl_cr_poweron,
	[MSRENT_EBC_FREQUENCY_ID] = plan_ebc_frequency_id,
	[MSRENT_SMI_COUNT] = plan_smi_count,
	[MSRENT_IA32_TSC_ADJUST] = plan_ia32_tsc_adjust,
	[MSRENT_IA32_SPEC_CTRL] = plan_ia32_spec_ctrl,
	[MSRENT_IA32_PRED_CMD] = plan_ia32_pred_cmd,
	[MSRENT_IA32_UCODE_WRITE] = plan_ia32_ucode_write,
	[MSRENT_IA32_UCODE_REV] = plan_ia32_ucode_rev,
	[MSRENT_FSB_FREQ] = plan_fsb_freq,
	[MSRENT_PLATFORM_INFO] = plan_platform_info,
	[MSRENT_IA32_UMWAIT_CONTROL] = plan_ia32_umwait_control,
	[MSRENT_IA32_MTRRCAP] = plan_ia32_mtrrcap,
	[MSRENT_IA32_ARCH_CAPABILITIES] = plan_ia32_arch_capabilities,
	[MSRENT_IA32_FLUSH_CMD] = plan_ia32_flush_cmd,
	[MSRENT_BBL_CR_CTL3] = plan_bbl_cr_ctl3,
	[MSRENT_IA32_TSX_CTRL] = plan_ia32_tsx_ctrl,
	[MSRENT_MISC_FEATURES_ENABLES] = plan_misc_features_enables,
	[MSRENT_IA32_SYSENTER_CS] = plan_ia32_sysenter_cs,
	[MSRENT_IA32_SYSENTER_ESP] = plan_ia32_sysenter_esp,
	[MSRENT_IA32_SYSENTER_EIP] = plan_ia32_sysenter_eip,
	[MSRENT_IA32_MCG_CAP] = plan_ia32_mcg_cap,
	[MSRENT_IA32_MCG_STATUS] = plan_ia32_mcg_status,
	[MSRENT_IA32_MCG_CTL] = plan_ia32_mcg_ctl,
	[MSRENT_IA32_PERF_STATUS] = plan_ia32_perf_status,
	[MSRENT_IA32_PERF_CTL] = plan_ia32_perf_ctl,
	[MSRENT_IA32_MISC_ENABLE] = plan_ia32_misc_enable,
	[MSRENT_IA32_XFD] = plan_ia32_xfd,
	[MSRENT_IA32_XFD_ERR] = plan_ia32_xfd_err,
	[MSRENT_IA32_DEBUGCTL] = plan_ia32_debugctl,
	[MSRENT_LASTBRANCHFROMIP] = plan_lastbranchfromip,
	[MSRENT_LASTBRANCHTOIP] = plan_lastbranchtoip,
	[MSRENT_LASTINTFROMIP] = plan_lastintfromip,
	[MSRENT_LASTINTTOIP] = plan_lastinttoip,
	[MSRENT_IA32_POWER_CTL] = plan_ia32_power_ctl,
	[MSRENT_IA32_MTRR_PHYSBASE0] = plan_ia32_mtrr_physbase0,
	[MSRENT_IA32_MTRR_PHYSMASK0] = plan_ia32_mtrr_physmask0,
	[MSRENT_IA32_MTRR_PHYSBASE1] = plan_ia32_mtrr_physbase1,
	[MSRENT_IA32_MTRR_PHYSMASK1] = plan_ia32_mtrr_physmask1,
	[MSRENT_IA32_MTRR_PHYSBASE2] = plan_ia32_mtrr_physbase2,
	[MSRENT_IA32_MTRR_PHYSMASK2] = plan_ia32_mtrr_physmask2,
	[MSRENT_IA32_MTRR_PHYSBASE3] = plan_ia32_mtrr_physbase3,
	[MSRENT_IA32_MTRR_PHYSMASK3] = plan_ia32_mtrr_physmask3,
	[MSRENT_IA32_MTRR_PHYSBASE4] = plan_ia32_mtrr_physbase4,
	[MSRENT_IA32_MTRR_PHYSMASK4] = plan_ia32_mtrr_physmask4,
	[MSRENT_IA32_MTRR_PHYSBASE5] = plan_ia32_mtrr_physbase5,
	[MSRENT_IA32_MTRR_PHYSMASK5] = plan_ia32_mtrr_physmask5,
	[MSRENT_IA32_MTRR_PHYSBASE6] = plan_ia32_mtrr_physbase6,
	[MSRENT_IA32_MTRR_PHYSMASK6] = plan_ia32_mtrr_physmask6,
	[MSRENT_IA32_MTRR_PHYSBASE7] = plan_ia32_mtrr_physbase7,
	[MSRENT_IA32_MTRR_PHYSMASK7] = plan_ia32_mtrr_physmask7,
	[MSRENT_IA32_MTRR_FIX64K_00000] = plan_ia32_mtrr_fix64k_00000,
	[MSRENT_IA32_MTRR_FIX16K_80000] = plan_ia32_mtrr_fix16k_80000,
	[MSRENT_IA32_MTRR_FIX16K_A0000] = plan_ia32_mtrr_fix16k_a0000,
	[MSRENT_IA32_MTRR_FIX4K_0] = plan_ia32_mtrr_fix4k_0,
	[MSRENT_IA32_MTRR_FIX4K_1] = plan_ia32_mtrr_fix4k_1,
	[MSRENT_IA32_MTRR_FIX4K_2] = plan_ia32_mtrr_fix4k_2,
	[MSRENT_IA32_MTRR_FIX4K_3] = plan_ia32_mtrr_fix4k_3,
	[MSRENT_IA32_MTRR_FIX4K_4] = plan_ia32_mtrr_fix4k_4,
	[MSRENT_IA32_MTRR_FIX4K_5] = plan_ia32_mtrr_fix4k_5,
	[MSRENT_IA32_MTRR_FIX4K_6] = plan_ia32_mtrr_fix4k_6,
	[MSRENT_IA32_MTRR_FIX4K_7] = plan_ia32_mtrr_fix4k_7,
	[MSRENT_IA32_CR_PAT_ENCODINGS] = plan_ia32_cr_pat_encodings,
	[MSRENT_IA32_CR_PAT_SEED] = plan_ia32_cr_pat_seed,
	[MSRENT_IA32_MC0_CTL2] = plan_ia32_mc0_ctl2,
	[MSRENT_IA32_MC1_CTL2] = plan_ia32_mc1_ctl2,
	[MSRENT_IA32_MC2_CTL2] = plan_ia32_mc2_ctl2,
	[MSRENT_IA32_MC3_CTL2] = plan_ia32_mc3_ctl2,
	[MSRENT_IA32_MTRR_DEF_TYPE] = plan_ia32_mtrr_def_type,
	[MSRENT_IA32_PERF_CAPABILITIES] = plan_ia32_perf_capabilities,
	[MSRENT_IA32_MC0_CTL] = plan_ia32_mc0_ctl,
	[MSRENT_IA32_MC0_STATUS] = plan_ia32_mc0_status,
	[MSRENT_IA32_MC0_ADDR] = plan_ia32_mc0_addr,
	[MSRENT_IA32_MC0_MISC] = plan_ia32_mc0_misc,
	[MSRENT_IA32_MC1_CTL] = plan_ia32_mc1_ctl,
	[MSRENT_IA32_MC1_STATUS] = plan_ia32_mc1_status,
	[MSRENT_IA32_MC1_ADDR] = plan_ia32_mc1_addr,
	[MSRENT_IA32_MC1_MISC] = plan_ia32_mc1_misc,
	[MSRENT_IA32_MC2_CTL] = plan_ia32_mc2_ctl,
	[MSRENT_IA32_MC2_STATUS] = plan_ia32_mc2_status,
	[MSRENT_IA32_MC2_ADDR] = plan_ia32_mc2_addr,
	[MSRENT_IA32_MC2_MISC] = plan_ia32_mc2_misc,
	[MSRENT_IA32_MC3_CTL] = plan_ia32_mc3_ctl,
	[MSRENT_IA32_MC3_STATUS] = plan_ia32_mc3_status,
	[MSRENT_IA32_MC3_ADDR] = plan_ia32_mc3_addr,
	[MSRENT_IA32_MC3_MISC] = plan_ia32_mc3_misc,
	[MSRENT_IA32_MCG_EXT_CTL] = plan_ia32_mcg_ext_ctl,
	[MSRENT_RAPL_POWER_UNIT] = plan_rapl_power_unit,
	[MSRENT_PKG_ENERGY_STATUS] = plan_pkg_energy_status,
	[MSRENT_DRAM_ENERGY_STATUS] = plan_dram_energy_status,
	[MSRENT_PP0_ENERGY_STATUS] = plan_pp0_energy_status,
	[MSRENT_PP1_ENERGY_STATUS] = plan_pp1_energy_status,
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
	[MSRENT_IA32_INT_SSP_TAB] = plan_ia32_int_ssp_tab,
	[MSRENT_IA32_TSC_DEADLINE] = plan_ia32_tsc_deadline,
	[MSRENT_IA32_PKRS] = plan_ia32_pkrs,
	[MSRENT_X2APIC_APIC_ID] = plan_x2apic_apic_id,
	[MSRENT_X2APIC_TPR] = plan_x2apic_tpr,
	[MSRENT_X2APIC_EOI] = plan_x2apic_eoi,
	[MSRENT_X2APIC_ICR] = plan_x2apic_icr,
	[MSRENT_X2APIC_SELF_IPI] = plan_x2apic_self_ipi,
	[MSRENT_IA32_BNDCFGS] = plan_ia32_bndcfgs,
	[MSRENT_IA32_XSS] = plan_ia32_xss,
	[MSRENT_HV_X64_GUEST_OS_ID] = plan_hv_x64_guest_os_id,
	[MSRENT_UNKNOWN_474F4F00] = plan_unknown_474f4f00,
	[MSRENT_KVM_WALL_CLOCK_NEW] = plan_kvm_wall_clock_new,
	[MSRENT_KVM_SYSTEM_TIME_NEW] = plan_kvm_system_time_new,
	[MSRENT_KVM_ASYNC_PF_EN] = plan_kvm_async_pf_en,
	[MSRENT_KVM_STEAL_TIME] = plan_kvm_steal_time,
	[MSRENT_KVM_PV_EOI_EN] = plan_kvm_pv_eoi_en,
	[MSRENT_KVM_POLL_CONTROL] = plan_kvm_poll_control,
	[MSRENT_KVM_ASYNC_PF_INT] = plan_kvm_async_pf_int,
	[MSRENT_KVM_ASYNC_PF_ACK] = plan_kvm_async_pf_ack,
	[MSRENT_KVM_MIGRATION_CONTROL] = plan_kvm_migration_control,
	[MSRENT_KVM_PV_RESERVED_09] = plan_kvm_pv_reserved_09,
	[MSRENT_EFER] = plan_efer,
	[MSRENT_STAR] = plan_star,
	[MSRENT_LSTAR] = plan_lstar,
	[MSRENT_CSTAR] = plan_cstar,
	[MSRENT_SYSCALL_MASK] = plan_syscall_mask,
	[MSRENT_FS_BASE] = plan_fs_base,
	[MSRENT_GS_BASE] = plan_gs_base,
	[MSRENT_KERNEL_GS_BASE] = plan_kernel_gs_base,
	[MSRENT_TSC_AUX_RDPID] = plan_tsc_aux_rdpid,
	[MSRENT_TSC_AUX_RDTSCP] = plan_tsc_aux_rdtscp,
	[MSRENT_AMD64_TSC_RATIO] = plan_amd64_tsc_ratio,
	[MSRENT_AMD64_SYSCFG] = plan_amd64_syscfg,
	[MSRENT_K7_HWCR] = plan_k7_hwcr,
	[MSRENT_K7_CLK_CTL] = plan_k7_clk_ctl,
	[MSRENT_AMD64_NB_CFG] = plan_amd64_nb_cfg,
	[MSRENT_AMD64_PATCH_LOADER] = plan_amd64_patch_loader,
	[MSRENT_K8_INT_PENDING_MSG] = plan_k8_int_pending_msg,
	[MSRENT_FAM10H_MMIO_CONF_BASE] = plan_fam10h_mmio_conf_base,
	[MSRENT_K8_TSEG_ADDR] = plan_k8_tseg_addr,
	[MSRENT_K8_TSEG_MASK] = plan_k8_tseg_mask,
	[MSRENT_VM_HSAVE_PA] = plan_vm_hsave_pa,
	[MSRENT_AMD64_VIRT_SPEC_CTRL] = plan_amd64_virt_spec_ctrl,
	[MSRENT_AMD64_OSVW_ID_LENGTH] = plan_amd64_osvw_id_length,
	[MSRENT_AMD64_OSVW_STATUS] = plan_amd64_osvw_status,
	[MSRENT_AMD64_DC_CFG] = plan_amd64_dc_cfg,
	[MSRENT_AMD64_TW_CFG] = plan_amd64_tw_cfg,
	[MSRENT_AMD64_BU_CFG2] = plan_amd64_bu_cfg2,
	[MSRENT_F15H_EX_CFG] = plan_f15h_ex_cfg,
	[MSRENT_GUEST_SSP] = plan_guest_ssp,
};
