// SPDX-License-Identifier: MIT
/*
 * The worlds and the lies of the teeth suite (see teeth.h), as data.
 *
 * Every world runs on the runner's pinned host (teeth.c): an AMD vendor in
 * each vCPU's CPUID and in the host's facts, and only the kept registry
 * features (LM, NONE) on every vCPU and in KVM's supported set, so that the
 * expected messages do not depend on the machine.  Selections avoid the
 * entries whose results depend on the vendor or the KVM flavour
 * (SYSENTER_ESP/EIP, MISC_ENABLE).
 */
#include <errno.h>
#include <string.h>

#include "msr_filter.h"
#include "teeth.h"
#include "x86.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Architectural indices; the registry names the same ones. */
#define MSR_KVM_WALL_CLOCK	0x00000011u
#define MSR_TSC			0x00000010u
#define MSR_TSC_ADJUST		0x0000003bu
#define MSR_UCODE_WRITE		0x00000079u
#define MSR_PLATFORM_INFO	0x000000ceu
#define MSR_MTRRCAP		0x000000feu
#define MSR_CR_PAT		0x00000277u
#define MSR_PL0_SSP		0x000006a4u
#define MSR_LSTAR		0xc0000082u
#define MSR_SYSCALL_MASK	0xc0000084u
#define MSR_TSC_AUX		0xc0000103u
#define MSR_K7_HWCR		0xc0010015u

#define RW (KVM_MSR_FILTER_READ | KVM_MSR_FILTER_WRITE)

/* A legal PAT (every entry write-back) that is not the reset value. */
#define BOGUS_PAT	0x0606060606060606ull
#define PAT_RESET	0x0007040600070406ull
/* What a KVM that forgot to zero GUEST_SSP at reset might show. */
#define BOGUS_SSP	0x00007ffdeadbe000ull
/* K7_HWCR bits the sweep writes alone: one reserved, one accepted. */
#define HWCR_RESERVED_BIT	63
#define HWCR_MCSTATUSWREN	18

static bool is_read(const struct kvm_run *run)
{
	return run->exit_reason == KVM_EXIT_X86_RDMSR;
}

static bool is_write_of(const struct kvm_run *run, uint32_t index)
{
	return run->exit_reason == KVM_EXIT_X86_WRMSR &&
	       run->msr.index == index;
}

static bool is_read_of(const struct kvm_run *run, uint32_t index)
{
	return is_read(run) && run->msr.index == index;
}

/* The ioctl is about this architectural MSR (not a KVM register). */
/* The host's write of an MSR, through KVM_SET_MSRS or KVM_SET_ONE_REG. */
static bool is_host_set(const struct host_access *a)
{
	return a->op == OP_HOST_SET || a->op == OP_HOST_SET_REG;
}

static bool is_msr(const struct host_access *a, uint32_t index)
{
	return a->e->kind == MSR_KIND_MSR && a->e->index == index;
}

/* 48-bit canonical: bits 63:47 all equal. */
static bool canonical(uint64_t v)
{
	return (uint64_t)((int64_t)(v << 16) >> 16) == v;
}

/*
 * The honest userspace: hand the guest's access to KVM's own state.  The
 * host ioctls are not filtered, so they reach the very state the guest's
 * access would have, and whatever KVM refuses is a #GP.  KVM is laxer with
 * some host-initiated accesses than with the guest's; the passthrough
 * world's clean baseline shows it is not for the MSRs it takes.
 */
static void forward_to_kvm(struct kvm_vcpu *vcpu, struct kvm_run *run)
{
	uint64_t val = 0;

	if (is_read(run)) {
		run->msr.error = !!__vcpu_get_msr(vcpu, run->msr.index, &val);
		run->msr.data = val;
	} else {
		run->msr.error = !!__vcpu_set_msr(vcpu, run->msr.index,
						  run->msr.data);
	}
}

/*
 * World "passthrough": KVM's filter takes every guest access to CR_PAT,
 * LSTAR, SYSCALL_MASK, MTRRCAP (read-only), UCODE_WRITE (write-only) and
 * K7_HWCR (swept bit by bit) to userspace, which hands it straight back to
 * KVM.  Lies twist single answers.  IA32_PL0_SSP/canonical (unsupported
 * path, native KVM) is the fourth, untouched, neighbour of the first three;
 * the other three are a selection of their own (sel_access).
 */
static const uint32_t passthrough_msrs[] = {
	MSR_CR_PAT, MSR_LSTAR, MSR_SYSCALL_MASK, MSR_MTRRCAP, MSR_UCODE_WRITE,
	MSR_K7_HWCR,
};

static void passthrough_vm(struct teeth *t, struct kvm_vm *vm)
{
	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_FILTER);
	vm_deny_msrs(vm, passthrough_msrs, ARRAY_SIZE(passthrough_msrs), RW);
}

static bool passthrough_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			     struct kvm_run *run)
{
	forward_to_kvm(vcpu, run);
	return true;
}

static const struct teeth_world passthrough = {
	.name = "passthrough",
	.doc = "MSR filter sends guest CR_PAT/LSTAR/SYSCALL_MASK/MTRRCAP/"
	       "UCODE_WRITE/K7_HWCR accesses to userspace, which forwards "
	       "them to KVM",
	.hooks = {
		.vm_created = passthrough_vm,
		.msr_exit = passthrough_exit,
	},
};

/* The vCPUs that are not featureless get a feature back in their CPUID. */
static void give_full_vcpus(unsigned int vcpu, struct kvm_cpuid2 *cpuid,
			    unsigned int feature)
{
	if (!suite_vcpus[vcpu].featureless)
		cpuid2_set_features(cpuid, fs_of(feature));
}

/* KVM's filter sends every guest access to one MSR to userspace. */
static void filter_to_userspace(struct kvm_vm *vm, uint32_t msr)
{
	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_FILTER);
	vm_deny_msrs(vm, &msr, 1, RW);
}

/*
 * World "tsc-offset": userspace couples IA32_TSC and IA32_TSC_ADJUST as
 * upstream KVM does, on top of KVM's TSC (this KVM does not couple them).
 * KVM's filter sends every guest access to both MSRs to userspace; val[]
 * is a vCPU's TSC_ADJUST, saved[] what its TSC is ahead of KVM's.  A write
 * of TSC_ADJUST moves the TSC by its change; a write of the TSC moves
 * TSC_ADJUST by the TSC's change.  The pinned host lacks TSC_ADJUST, so
 * the host checks skip: userspace alone owns the register.
 */
static void tsc_offset_vm(struct teeth *t, struct kvm_vm *vm)
{
	static const uint32_t msrs[] = { MSR_TSC, MSR_TSC_ADJUST };

	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_FILTER);
	vm_deny_msrs(vm, msrs, 2, RW);
}

/* What the guest's TSC reads now: KVM's TSC and the coupled offset. */
static uint64_t tsc_now(struct teeth *t, struct kvm_vcpu *vcpu)
{
	uint64_t tsc = 0;

	TEST_ASSERT(!__vcpu_get_msr(vcpu, MSR_TSC, &tsc),
		    "KVM_GET_MSRS(TSC) failed");
	return tsc + t->saved[vcpu->id];
}

static bool tsc_offset_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			    struct kvm_run *run)
{
	unsigned int v = vcpu->id;
	uint64_t delta;

	if (is_read_of(run, MSR_TSC)) {
		run->msr.data = tsc_now(t, vcpu);
	} else if (is_write_of(run, MSR_TSC)) {
		delta = run->msr.data - tsc_now(t, vcpu);
		t->saved[v] += delta;
		t->val[v] += delta;
	} else if (is_read_of(run, MSR_TSC_ADJUST)) {
		run->msr.data = t->val[v];
	} else if (is_write_of(run, MSR_TSC_ADJUST)) {
		t->saved[v] += run->msr.data - t->val[v];
		t->val[v] = run->msr.data;
	} else {
		return false;
	}
	return true;
}

static const struct teeth_world tsc_offset = {
	.name = "tsc-offset",
	.doc = "MSR filter sends guest TSC and TSC_ADJUST accesses to "
	       "userspace, which couples them on top of KVM's TSC",
	.hooks = {
		.vm_created = tsc_offset_vm,
		.msr_exit = tsc_offset_exit,
	},
};

/* KVM lie: a guest write of TSC_ADJUST does not move the TSC. */
static bool adjust_leaves_tsc(struct teeth *t, struct kvm_vcpu *vcpu,
			      struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC_ADJUST))
		return false;
	t->val[vcpu->id] = run->msr.data;
	return true;
}

/*
 * KVM lie: a guest write of the TSC moves TSC_ADJUST by the change but
 * leaves the TSC where it was.
 */
static bool tsc_write_dropped(struct teeth *t, struct kvm_vcpu *vcpu,
			      struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC))
		return false;
	t->val[vcpu->id] += run->msr.data - tsc_now(t, vcpu);
	return true;
}

/* KVM lie: a guest write of the TSC does not move TSC_ADJUST. */
static bool tsc_leaves_adjust(struct teeth *t, struct kvm_vcpu *vcpu,
			      struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC))
		return false;
	t->saved[vcpu->id] += run->msr.data - tsc_now(t, vcpu);
	return true;
}

/*
 * World "platform-info-cap": userspace answers the guest's reads of
 * PLATFORM_INFO as upstream KVM does under KVM_CAP_MSR_PLATFORM_INFO: #GP
 * while the suite has the capability disabled, else KVM's own value (the
 * host's read, which no filter or capability touches).  KVM's filter
 * sends the reads to userspace before KVM looks at the capability, so
 * userspace alone decides.
 */
static void platform_info_vm(struct teeth *t, struct kvm_vm *vm)
{
	static const uint32_t msrs[] = { MSR_PLATFORM_INFO };

	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_FILTER);
	vm_deny_msrs(vm, msrs, 1, KVM_MSR_FILTER_READ);
}

static void platform_info_cap(struct teeth *t, unsigned int vm_cap, bool on)
{
	t->cap_off = !on;
}

static bool platform_info_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			       struct kvm_run *run)
{
	if (!is_read_of(run, MSR_PLATFORM_INFO))
		return false;
	if (t->cap_off)
		run->msr.error = 1;
	else
		TEST_ASSERT(!__vcpu_get_msr(vcpu, MSR_PLATFORM_INFO,
					    (uint64_t *)&run->msr.data),
			    "KVM_GET_MSRS(PLATFORM_INFO) failed");
	return true;
}

static const struct teeth_world platform_info_cap_world = {
	.name = "platform-info-cap",
	.doc = "MSR filter sends guest PLATFORM_INFO reads to userspace, "
	       "which faults them while KVM_CAP_MSR_PLATFORM_INFO is disabled",
	.hooks = {
		.vm_created = platform_info_vm,
		.vm_cap_set = platform_info_cap,
		.msr_exit = platform_info_exit,
	},
};

/* KVM lie: the guest reads PLATFORM_INFO with the capability disabled. */
static bool cap_off_reads(struct teeth *t, struct kvm_vcpu *vcpu,
			  struct kvm_run *run)
{
	bool off = t->cap_off;

	t->cap_off = false;
	platform_info_exit(t, vcpu, run);
	t->cap_off = off;
	return is_read_of(run, MSR_PLATFORM_INFO);
}

/* KVM lie: enabling the capability again does not take effect. */
static void cap_stays_off(struct teeth *t, unsigned int vm_cap, bool on)
{
	t->cap_off = true;
}

/* ioctl lie: KVM_GET_MSRS(PLATFORM_INFO) fails with the capability off. */
static bool cap_off_host_refused(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_GET || !is_msr(a, MSR_PLATFORM_INFO) ||
	    !t->cap_off)
		return false;
	a->ret = -EINVAL;
	return true;
}

/*
 * World "tsc-aux": userspace implements TSC_AUX, the one way to reach the
 * truncating path on this host (KVM lacks RDPID and RDTSCP).  The vCPUs that
 * are not featureless claim RDTSCP in CPUID (RDPID would not do: this KVM
 * hides the leaf 7 bits it does not support from the guest even when
 * userspace sets them, while RDTSCP's bit gets through).  KVM's filter sends
 * every guest access to userspace, which answers as an AMD CPU: the MSR
 * exists with RDTSCP or RDPID, else #GP, and a write drops bits 63:32.  The
 * pinned host lacks both features and does not list TSC_AUX, so the host
 * checks skip: userspace alone owns the register.
 */
static void tsc_aux_cpuid(struct teeth *t, unsigned int vcpu,
			  struct kvm_cpuid2 *cpuid)
{
	give_full_vcpus(vcpu, cpuid, FEAT_RDTSCP);
}

static void tsc_aux_vm(struct teeth *t, struct kvm_vm *vm)
{
	filter_to_userspace(vm, MSR_TSC_AUX);
}

static bool tsc_aux_exists(const struct teeth *t,
			   const struct kvm_vcpu *vcpu)
{
	return fs_has(t->cpuid[vcpu->id], FEAT_RDPID) ||
	       fs_has(t->cpuid[vcpu->id], FEAT_RDTSCP);
}

static bool tsc_aux_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			 struct kvm_run *run)
{
	if (!tsc_aux_exists(t, vcpu))
		run->msr.error = 1;
	else if (is_read(run))
		run->msr.data = t->val[vcpu->id];
	else
		t->val[vcpu->id] = (uint32_t)run->msr.data;
	return true;
}

static const struct teeth_world tsc_aux = {
	.name = "tsc-aux",
	.doc = "userspace implements TSC_AUX with AMD semantics; vCPUs 0-1 "
	       "claim RDTSCP",
	.hooks = {
		.adjust_cpuid = tsc_aux_cpuid,
		.vm_created = tsc_aux_vm,
		.msr_exit = tsc_aux_exit,
	},
};

/*
 * World "guest-ssp": the KVM-defined GUEST_SSP register, present.  KVM here
 * lacks SHSTK and cannot be made to list a register it does not have, so
 * the host_access hook answers the ONE_REG ioctls as a KVM with shadow
 * stacks would: listed, reset 0, canonical values only, and only on a vCPU
 * whose CPUID has the entry's feature (vCPU 2 gets KVM's real answers:
 * absent).  Every lie of this world is therefore an ioctl-level lie.
 *
 * This KVM hides SHSTK from the guest even when userspace sets it, which
 * the guest-cpuid check would rightly report, so the host's view of
 * GUEST_SSP is keyed on RDTSCP, which vCPUs 0 and 1 claim and do get: the
 * ONE_REG checks look at the vCPU's CPUID only, never at what the feature
 * means, and the guest never runs for a KVM register.
 */
static void ssp_cpuid(struct teeth *t, unsigned int vcpu,
		      struct kvm_cpuid2 *cpuid)
{
	if (!suite_vcpus[vcpu].featureless)
		cpuid2_set_features(cpuid, fs_of(FEAT_RDTSCP));
}

static void ssp_entry(struct teeth *t, unsigned int id, struct msr_entry *e)
{
	static const uint16_t rdtscp[] = { FEAT_RDTSCP };

	if (id == MSRENT_GUEST_SSP) {
		e->features = rdtscp;
		e->nr_features = 1;
	}
}

static bool is_ssp(const struct host_access *a)
{
	return a->e->kind == MSR_KIND_KVM_REG;
}

static bool ssp_present(const struct teeth *t, const struct host_access *a)
{
	return is_ssp(a) && fs_has(t->cpuid[a->vcpu], a->e->features[0]);
}

static bool ssp_access(struct teeth *t, struct host_access *a)
{
	if (!ssp_present(t, a))
		return false;
	switch (a->op) {
	case OP_REG_LIST:
		a->ret = 1;
		break;
	case OP_REG_GET:
		a->value = t->val[a->vcpu];
		a->ret = 0;
		break;
	case OP_REG_SET:
		if (!canonical(a->value)) {
			a->ret = -EINVAL;
			break;
		}
		t->val[a->vcpu] = a->value;
		a->ret = 0;
		break;
	default:
		return false;
	}
	return true;
}

static const struct teeth_world guest_ssp = {
	.name = "guest-ssp",
	.doc = "the host_access hook plays a KVM with GUEST_SSP for vCPUs 0-1 "
	       "(keyed on RDTSCP)",
	.hooks = {
		.adjust_cpuid = ssp_cpuid,
		.adjust_entry = ssp_entry,
		.host_access = ssp_access,
	},
};

/*
 * World "ignore-msrs": the suite believes kvm.ignore_msrs=Y, and userspace
 * makes KVM behave so, as tests/robust/ignore_msrs does: with
 * KVM_MSR_EXIT_REASON_UNKNOWN, exactly the guest accesses KVM fails as
 * "unsupported" exit to userspace, which reads 0 and drops writes; the
 * "invalid" ones still #GP inside KVM.  IA32_PL0_SSP/canonical (no vCPU
 * has SHSTK: "unsupported") is answered so; TSC_AUX/rdtscp (no vCPU has
 * RDTSCP or RDPID: "invalid") and CR_PAT are not.
 */
static void ignore_msrs_host(struct teeth *t, struct kvm_host *h)
{
	h->ignore_msrs = true;
}

static void ignore_msrs_vm(struct teeth *t, struct kvm_vm *vm)
{
	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_UNKNOWN);
}

static bool ignore_msrs_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			     struct kvm_run *run)
{
	if (is_read(run))
		run->msr.data = 0;
	return true;
}

static const struct teeth_world ignore_msrs = {
	.name = "ignore-msrs",
	.doc = "the suite assumes kvm.ignore_msrs=Y; KVM's \"unsupported\" "
	       "guest accesses exit to userspace, which reads 0 and drops "
	       "writes",
	.hooks = {
		.adjust_host = ignore_msrs_host,
		.vm_created = ignore_msrs_vm,
		.msr_exit = ignore_msrs_exit,
	},
};

/*
 * World "kvmclock": the VM-scoped KVM_WALL_CLOCK with more than one vCPU
 * that has it.  The pinned CPUID drops the PV feature KVM_CLOCKSOURCE; the
 * full vCPUs get it back (every KVM supports kvmclock), so vCPU 0 writes
 * the MSR and vCPUs 1 and 4 (4 does not enforce PV CPUID) read it.  The
 * pinned host still lacks the feature, so the host checks skip.  KVM's
 * filter sends every guest access to userspace, which forwards it to KVM
 * where the vCPU has the MSR and raises #GP where it does not: forwarding
 * would not do there, as KVM lets the host read an advertised MSR the vCPU
 * lacks (it reads 0).
 */
static void kvmclock_cpuid(struct teeth *t, unsigned int vcpu,
			   struct kvm_cpuid2 *cpuid)
{
	give_full_vcpus(vcpu, cpuid, FEAT_KVM_CLOCKSOURCE);
}

static void kvmclock_vm(struct teeth *t, struct kvm_vm *vm)
{
	filter_to_userspace(vm, MSR_KVM_WALL_CLOCK);
}

/* KVM's PV gate: the CPUID bit counts only where PV CPUID is enforced. */
static bool wall_clock_exists(const struct teeth *t,
			      const struct kvm_vcpu *vcpu)
{
	return fs_has(t->cpuid[vcpu->id], FEAT_KVM_CLOCKSOURCE) ||
	       !suite_vcpus[vcpu->id].pv_enforced ||
	       !vcpu->vm->host->has_enforce_pv;
}

static bool kvmclock_exit(struct teeth *t, struct kvm_vcpu *vcpu,
			  struct kvm_run *run)
{
	if (wall_clock_exists(t, vcpu))
		forward_to_kvm(vcpu, run);
	else
		run->msr.error = 1;
	return true;
}

static const struct teeth_world kvmclock = {
	.name = "kvmclock",
	.doc = "vCPUs 0-1 claim KVM_CLOCKSOURCE; MSR filter sends guest "
	       "KVM_WALL_CLOCK accesses to userspace, which forwards them to "
	       "KVM",
	.hooks = {
		.adjust_cpuid = kvmclock_cpuid,
		.vm_created = kvmclock_vm,
		.msr_exit = kvmclock_exit,
	},
};

/*
 * World "shstk-unsup": a KVM with shadow stacks whose vCPUs lack SHSTK,
 * the case of KVM's host relaxation for an advertised MSR: KVM_GET_MSRS
 * of IA32_PL0_SSP reads 0, KVM_SET_MSRS of 0 works, any other value
 * fails.  KVM here lacks SHSTK, so the host's facts claim it and list the
 * MSR, and the host_access hook gives the relaxed answers (every lie of
 * this world is an ioctl lie).  No vCPU's CPUID has SHSTK: KVM itself
 * answers the guest with #GP, as it would.
 */
static void shstk_unsup_host(struct teeth *t, struct kvm_host *h)
{
	fs_add(&h->features, FEAT_SHSTK);
	teeth_list_msr(h, MSR_PL0_SSP);
}

static bool shstk_unsup_access(struct teeth *t, struct host_access *a)
{
	if (!is_msr(a, MSR_PL0_SSP))
		return false;
	/* Through KVM_GET_MSRS or ONE_REG alike. */
	if (a->op == OP_HOST_GET || a->op == OP_HOST_GET_REG) {
		a->value = 0;
		a->ret = 0;
		return true;
	}
	/* A non-zero write fails, as it does on this KVM: keep its answer. */
	if (is_host_set(a) && !a->value) {
		a->ret = 0;
		return true;
	}
	return false;
}

static const struct teeth_world shstk_unsup = {
	.name = "shstk-unsup",
	.doc = "KVM claims SHSTK and lists PL0_SSP; the host_access hook "
	       "gives its relaxed answers for vCPUs without SHSTK",
	.hooks = {
		.adjust_host = shstk_unsup_host,
		.host_access = shstk_unsup_access,
	},
};

/* ------------------------------------------------------------------ */
/* Lies in the passthrough world.                                      */

/* Table lie: the save/restore list KVM gave the host lacks CR_PAT. */
static void unlist_pat(struct teeth *t, struct kvm_host *h)
{
	teeth_unlist_msr(h, MSR_CR_PAT);
}

/* Table lie: KVM_GET_SUPPORTED_CPUID claims shadow stacks. */
static void claim_shstk(struct teeth *t, struct kvm_host *h)
{
	fs_add(&h->features, FEAT_SHSTK);
}

/*
 * Not a lie but the pinned host's truth for that lie: the host's accesses
 * to PL0_SSP fail, as on a KVM without shadow stacks (this one).  A KVM
 * that has them would give its relaxed answers to a vCPU without SHSTK,
 * and the row would fail on such a host only.
 */
static bool pl0_ssp_absent(struct teeth *t, struct host_access *a)
{
	if (!is_msr(a, MSR_PL0_SSP) || a->ret ||
	    (a->op != OP_HOST_GET && a->op != OP_HOST_GET_REG &&
	     !is_host_set(a)))
		return false;
	if (a->op != OP_HOST_SET && a->op != OP_HOST_SET_REG)
		a->value = 0;
	a->ret = -EINVAL;
	return true;
}

/*
 * Table lie: the host's record of what it gave vCPU 1 (KVM_SET_CPUID2) has
 * a feature too many: KVM seems to have dropped it.
 */
static void believe_rdtscp_set(struct teeth *t, struct kvm_vm *vm)
{
	/* (The suite's scenario VMs may not have vCPU 1.) */
	if (vm->vcpus[1])
		fs_add(&vm->vcpus[1]->features, FEAT_RDTSCP);
}

/*
 * Table lie: the host's record of what KVM applied to vCPU 1
 * (KVM_GET_CPUID2) has a feature too many, which the guest never sees.
 */
static void believe_rdtscp_applied(struct teeth *t, struct kvm_vm *vm)
{
	if (vm->vcpus[1])
		fs_add(&vm->vcpus[1]->applied_features, FEAT_RDTSCP);
}

/* Table lie: KVM's save/restore list has an index no registry row names. */
static void list_unknown_msr(struct teeth *t, struct kvm_host *h)
{
	teeth_list_msr(h, 0x4d534700);
}

/*
 * KVM lie: KVM hands the guest's RDMSR of CR_PAT to userspace, which never
 * asked for it: the filter stays, the exit handler goes.  LSTAR and
 * SYSCALL_MASK go back to native KVM.
 */
static void pat_exit_unhandled(struct teeth *t, struct kvm_vm *vm)
{
	static const uint32_t pat = MSR_CR_PAT;

	vm_deny_msrs(vm, &pat, 1, KVM_MSR_FILTER_READ);
	vm->msr_exit = NULL;
}

/* KVM lie: the first RDMSR of CR_PAT on each vCPU is not the reset value. */
static bool pat_reset_forgotten(struct teeth *t, struct kvm_vcpu *vcpu,
				struct kvm_run *run)
{
	if (!is_read_of(run, MSR_CR_PAT) || t->flag[vcpu->id])
		return false;
	t->flag[vcpu->id] = true;
	run->msr.data = BOGUS_PAT;
	return true;
}

/*
 * KVM lies, KVM alone: its filter denies the guest's RDMSR (or WRMSR) of
 * CR_PAT with user-space exits off, so KVM itself raises #GP where the MSR
 * must work.  The other MSRs go back to native KVM.
 */
static void pat_deny(struct kvm_vm *vm, uint32_t access)
{
	static const uint32_t pat = MSR_CR_PAT;

	vm_set_msr_exits(vm, 0);
	vm_deny_msrs(vm, &pat, 1, access);
}

static void pat_read_denied(struct teeth *t, struct kvm_vm *vm)
{
	pat_deny(vm, KVM_MSR_FILTER_READ);
}

static void pat_write_denied(struct teeth *t, struct kvm_vm *vm)
{
	pat_deny(vm, KVM_MSR_FILTER_WRITE);
}

/* KVM lie: RDMSR of LSTAR drops bits 63:32 (an AMD quirk, misapplied). */
static bool lstar_read_truncated(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	if (!is_read_of(run, MSR_LSTAR))
		return false;
	forward_to_kvm(vcpu, run);
	run->msr.data = (uint32_t)run->msr.data;
	return true;
}

/* KVM lie: WRMSR of CR_PAT succeeds and changes nothing. */
static bool pat_write_swallowed(struct teeth *t, struct kvm_vcpu *vcpu,
				struct kvm_run *run)
{
	return is_write_of(run, MSR_CR_PAT);
}

/*
 * KVM lie: the guest's WRMSR of CR_PAT lands in a per-vCPU buffer that
 * answers the next RDMSR and is then dropped; it never reaches the state
 * KVM_GET_MSRS reads, so the guest is happy and the host is not.
 */
static bool pat_write_buffered(struct teeth *t, struct kvm_vcpu *vcpu,
			       struct kvm_run *run)
{
	unsigned int id = vcpu->id;

	if (is_write_of(run, MSR_CR_PAT)) {
		t->saved[id] = run->msr.data;
		t->flag[id] = true;
		return true;
	}
	if (!is_read_of(run, MSR_CR_PAT) || !t->flag[id])
		return false;
	run->msr.data = t->saved[id];
	t->flag[id] = false;
	return true;
}

/*
 * KVM lie: the guest's RDMSR of CR_PAT is answered from a copy of its own
 * last WRMSR, which the host's KVM_SET_MSRS / KVM_SET_ONE_REG never
 * updates: the guest does not see the host's write.
 */
static bool pat_guest_copy_stale(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	unsigned int id = vcpu->id;

	if (is_write_of(run, MSR_CR_PAT)) {
		forward_to_kvm(vcpu, run);
		t->saved[id] = run->msr.data;
		t->flag[id] = !run->msr.error;
		return true;
	}
	if (!is_read_of(run, MSR_CR_PAT) || !t->flag[id])
		return false;
	run->msr.data = t->saved[id];
	return true;
}

/* KVM lie: a non-canonical WRMSR of LSTAR succeeds (and is dropped). */
static bool lstar_noncanonical_accepted(struct teeth *t,
					struct kvm_vcpu *vcpu,
					struct kvm_run *run)
{
	return is_write_of(run, MSR_LSTAR) && !canonical(run->msr.data);
}

/*
 * KVM lie: WRMSR of a kernel-half LSTAR (bit 63 set, canonical) #GPs, as
 * if KVM took "canonical" for "below 2^47".
 */
static bool lstar_kernel_half_gp(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	if (!is_write_of(run, MSR_LSTAR) || !(run->msr.data >> 63) ||
	    !canonical(run->msr.data))
		return false;
	run->msr.error = 1;
	return true;
}

/*
 * KVM lie: KVM has LA57 backwards for the 57-bit canonical probe: with it,
 * the write #GPs; without it, the write succeeds (and is dropped).  Either
 * way the answer is the wrong one for this host.
 */
static bool lstar_la57_inverted(struct teeth *t, struct kvm_vcpu *vcpu,
				struct kvm_run *run)
{
	if (!is_write_of(run, MSR_LSTAR) || run->msr.data != MSR_CANONICAL_57)
		return false;
	run->msr.error = vcpu->vm->host->la57;
	return true;
}

/* KVM lie: WRMSR of read-only MTRRCAP succeeds (and is dropped). */
static bool mtrrcap_write_accepted(struct teeth *t, struct kvm_vcpu *vcpu,
				   struct kvm_run *run)
{
	return is_write_of(run, MSR_MTRRCAP);
}

/*
 * ioctl lie: before the vCPU first runs, the host's write of read-only
 * MTRRCAP reports success (KVM keeps its value).  A vCPU has run once the
 * runner wrote it a plan.
 */
static void mark_ran(struct teeth *t, struct kvm_vcpu *vcpu,
		     struct guest_slot *g, unsigned int n)
{
	t->flag[vcpu->id] = true;
}

static bool mtrrcap_early_set_accepted(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_MTRRCAP) ||
	    t->flag[a->vcpu])
		return false;
	a->ret = 0;
	return true;
}

/* KVM lie: RDMSR of write-only UCODE_WRITE reads 0 instead of #GP. */
static bool ucode_write_readable(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	if (!is_read_of(run, MSR_UCODE_WRITE))
		return false;
	run->msr.data = 0;
	return true;
}

/* KVM lie: WRMSR(UCODE_WRITE, 0), the legal no-op, #GPs. */
static bool ucode_write_zero_gp(struct teeth *t, struct kvm_vcpu *vcpu,
				struct kvm_run *run)
{
	if (!is_write_of(run, MSR_UCODE_WRITE) || run->msr.data)
		return false;
	run->msr.error = 1;
	return true;
}

/* The sweep's write of this K7_HWCR bit alone over the reset value (0). */
static bool is_hwcr_bit_write(const struct kvm_run *run, unsigned int bit)
{
	return is_write_of(run, MSR_K7_HWCR) &&
	       run->msr.data == (uint64_t)1 << bit;
}

/* KVM lie: K7_HWCR takes reserved bit 63 written alone (and drops it). */
static bool hwcr_reserved_bit_accepted(struct teeth *t, struct kvm_vcpu *vcpu,
				       struct kvm_run *run)
{
	return is_hwcr_bit_write(run, HWCR_RESERVED_BIT);
}

/* KVM lie: K7_HWCR rejects McStatusWrEn (bit 18) written alone. */
static bool hwcr_mcstatuswren_gp(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	if (!is_hwcr_bit_write(run, HWCR_MCSTATUSWREN))
		return false;
	run->msr.error = 1;
	return true;
}

/*
 * ioctl lie: after the vCPU ran, KVM refuses the host's change of
 * PLATFORM_INFO (an immutable feature MSR) but reports it done.
 */
static bool platform_info_changed(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_PLATFORM_INFO) || !a->ret)
		return false;
	a->ret = 0;
	return true;
}

/*
 * The restoring lies tell a VM being restored by what happens before its
 * vCPUs first run (mark_ran sets flag[]); saved[] marks a vCPU whose
 * CR_PAT the host wrote before that.
 */

/* ioctl lie: the restoring write of CR_PAT works but reports EINVAL. */
static bool pat_restore_refused(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_CR_PAT) || t->flag[a->vcpu])
		return false;
	a->ret = -EINVAL;
	return true;
}

/* ioctl lie: before the first run, KVM_GET_MSRS(CR_PAT) gives the reset. */
static bool pat_restore_unread(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_GET || !is_msr(a, MSR_CR_PAT) ||
	    t->flag[a->vcpu] || a->ret)
		return false;
	a->value = PAT_RESET;
	return true;
}

/*
 * KVM lie: the guest of a restored VM reads CR_PAT's reset value, as if
 * the value the host restored never reached it.
 */
static bool pat_restore_note(struct teeth *t, struct host_access *a)
{
	if (is_host_set(a) && is_msr(a, MSR_CR_PAT) && !t->flag[a->vcpu])
		t->saved[a->vcpu] = 1;
	return false;
}

static bool pat_restore_lost(struct teeth *t, struct kvm_vcpu *vcpu,
			     struct kvm_run *run)
{
	if (!is_read_of(run, MSR_CR_PAT) || !t->saved[vcpu->id])
		return false;
	t->saved[vcpu->id] = 0;
	run->msr.data = PAT_RESET;
	return true;
}

/* ioctl lie: the host's write of CR_PAT is applied but reported failed. */
static bool pat_set_fails(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_CR_PAT))
		return false;
	a->ret = -EINVAL;
	return true;
}

/*
 * ioctl lie: KVM_GET_MSRS of CR_PAT answers from a cache that the host's
 * write does not update: the read after a host write is stale.
 */
static bool pat_get_stale(struct teeth *t, struct host_access *a)
{
	unsigned int v = a->vcpu;

	if (!is_msr(a, MSR_CR_PAT))
		return false;
	if (is_host_set(a))
		t->flag[v] = true;
	if (a->op != OP_HOST_GET)
		return false;
	if (!t->flag[v]) {
		t->saved[v] = a->value;
		return false;
	}
	a->value = t->saved[v];
	t->flag[v] = false;
	return true;
}

/* ioctl lie: KVM_GET_ONE_REG of the CR_PAT MSR returns only bits 31:0. */
static bool pat_reg_truncated(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_GET_REG || !is_msr(a, MSR_CR_PAT))
		return false;
	a->value = (uint32_t)a->value;
	return true;
}

/*
 * Guest-memory lie: the guest's observation of CR_PAT's reset value is
 * overwritten in guest memory after the run, as a broken guest would.
 */
static void pat_result_corrupted(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct guest_slot *g, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (g[i].op == GUEST_OP_RDMSR && g[i].index == MSR_CR_PAT &&
		    g[i].got == PAT_RESET)
			g[i].got = BOGUS_PAT;
	}
}

/*
 * Guest-memory lie: the value of the guest's WRMSR of CR_PAT is changed
 * in guest memory before the run, as a guest scribbling over its plan
 * would: the guest writes something the host never asked for.
 */
static void pat_plan_corrupted(struct teeth *t, struct kvm_vcpu *vcpu,
			       struct guest_slot *g, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (g[i].op == GUEST_OP_WRMSR && g[i].index == MSR_CR_PAT)
			g[i].value = BOGUS_PAT;
	}
}

/* Table lie: the host's copy of the registry has a wrong PAT reset. */
static void host_table_pat(struct teeth *t, unsigned int id,
			   struct msr_entry *e)
{
	if (id == MSRENT_IA32_CR_PAT_SEED)
		e->reset = BOGUS_PAT;
}

/* Table lie: the host's registry says INIT resets PAT (upstream keeps it). */
static void host_table_pat_init(struct teeth *t, unsigned int id,
				struct msr_entry *e)
{
	if (id == MSRENT_IA32_CR_PAT_SEED)
		e->init = INIT_RESET;
}

/*
 * ioctl lie: KVM_GET_MSRS of CR_PAT never shows the guest's value, only
 * the reset value, as if the guest's write were lost before the host looks.
 */
static bool pat_guest_value_hidden(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_GET || !is_msr(a, MSR_CR_PAT) || a->ret ||
	    a->value != 0x07070707)
		return false;
	a->value = PAT_RESET;
	return true;
}

/* ------------------------------------------------------------------ */
/* Lies in the tsc-aux world: each twists one answer of the emulation. */

/* KVM lie: Intel's rule on an AMD vCPU: bits 63:32 set is a #GP. */
static bool tsc_aux_high_gp(struct teeth *t, struct kvm_vcpu *vcpu,
			    struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC_AUX) || !tsc_aux_exists(t, vcpu) ||
	    !(run->msr.data >> 32))
		return false;
	run->msr.error = 1;
	return true;
}

/* KVM lie: the AMD vCPU's write keeps bits 63:32. */
static bool tsc_aux_keeps_high(struct teeth *t, struct kvm_vcpu *vcpu,
			       struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC_AUX) || !tsc_aux_exists(t, vcpu))
		return false;
	t->val[vcpu->id] = run->msr.data;
	return true;
}

/*
 * KVM lie: the truncating write leaves a #GP pending, delivered on the
 * next WRMSR (which still takes effect).
 */
static bool tsc_aux_late_gp(struct teeth *t, struct kvm_vcpu *vcpu,
			    struct kvm_run *run)
{
	unsigned int id = vcpu->id;

	if (!is_write_of(run, MSR_TSC_AUX) || !tsc_aux_exists(t, vcpu))
		return false;
	tsc_aux_exit(t, vcpu, run);
	run->msr.error = t->flag[id];
	t->flag[id] = run->msr.data >> 32;
	return true;
}

/* KVM lie: WRMSR(TSC_AUX, 0) succeeds and changes nothing. */
static bool tsc_aux_clear_swallowed(struct teeth *t, struct kvm_vcpu *vcpu,
				    struct kvm_run *run)
{
	return is_write_of(run, MSR_TSC_AUX) && tsc_aux_exists(t, vcpu) &&
	       !run->msr.data;
}

/* KVM lie: RDMSR skips the CPUID check: no #GP without RDPID/RDTSCP. */
static bool tsc_aux_read_unchecked(struct teeth *t, struct kvm_vcpu *vcpu,
				   struct kvm_run *run)
{
	if (!is_read_of(run, MSR_TSC_AUX) || tsc_aux_exists(t, vcpu))
		return false;
	run->msr.data = t->val[vcpu->id];
	return true;
}

/*
 * KVM lie: WRMSR skips the CPUID check (only the width check remains): a
 * featureless vCPU can write a 32-bit value.
 */
static bool tsc_aux_write_unchecked(struct teeth *t, struct kvm_vcpu *vcpu,
				    struct kvm_run *run)
{
	if (!is_write_of(run, MSR_TSC_AUX) || tsc_aux_exists(t, vcpu) ||
	    run->msr.data >> 32)
		return false;
	t->val[vcpu->id] = run->msr.data;
	return true;
}

/* ------------------------------------------------------------------ */
/* Lies in the guest-ssp world (all ioctl-level; see the world).        */

/* GUEST_SSP is missing from KVM_GET_REG_LIST though the vCPU has it. */
static bool ssp_unlisted(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_LIST || !ssp_present(t, a))
		return false;
	a->ret = 0;
	return true;
}

/* GUEST_SSP is not zeroed at reset: garbage until first written. */
static bool ssp_reset_garbage(struct teeth *t, struct host_access *a)
{
	if (!ssp_present(t, a))
		return false;
	if (a->op == OP_REG_SET)
		t->flag[a->vcpu] = true;
	if (a->op != OP_REG_GET || t->flag[a->vcpu])
		return false;
	a->value = BOGUS_SSP;
	a->ret = 0;
	return true;
}

/* KVM_SET_ONE_REG of a legal SSP takes effect but reports EINVAL. */
static bool ssp_set_fails(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_SET || !ssp_present(t, a) || !canonical(a->value))
		return false;
	ssp_access(t, a);
	a->ret = -EINVAL;
	return true;
}

/* KVM_SET_ONE_REG of a legal SSP succeeds and changes nothing. */
static bool ssp_set_swallowed(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_SET || !ssp_present(t, a) || !canonical(a->value))
		return false;
	a->ret = 0;
	return true;
}

/* KVM_SET_ONE_REG accepts a non-canonical SSP. */
static bool ssp_noncanonical_accepted(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_SET || !ssp_present(t, a) || canonical(a->value))
		return false;
	t->val[a->vcpu] = a->value;
	a->ret = 0;
	return true;
}

/* KVM_GET_ONE_REG of GUEST_SSP works on a vCPU without SHSTK. */
static bool ssp_absent_readable(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_GET || !is_ssp(a) || ssp_present(t, a))
		return false;
	a->value = 0;
	a->ret = 0;
	return true;
}

/* KVM_SET_ONE_REG of GUEST_SSP works on a vCPU without SHSTK. */
static bool ssp_absent_writable(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_REG_SET || !is_ssp(a) || ssp_present(t, a))
		return false;
	a->ret = 0;
	return true;
}

/* ------------------------------------------------------------------ */
/* Lies in the ignore-msrs, kvmclock and shstk-unsup worlds.           */

/* KVM lie: an ignored RDMSR of PL0_SSP reads garbage, not 0. */
static bool ignored_read_garbage(struct teeth *t, struct kvm_vcpu *vcpu,
				 struct kvm_run *run)
{
	if (!is_read_of(run, MSR_PL0_SSP))
		return false;
	run->msr.data = BOGUS_SSP;
	return true;
}

/* KVM lie: an ignored WRMSR of PL0_SSP #GPs after all. */
static bool ignored_write_gp(struct teeth *t, struct kvm_vcpu *vcpu,
			     struct kvm_run *run)
{
	if (!is_write_of(run, MSR_PL0_SSP))
		return false;
	run->msr.error = 1;
	return true;
}

/*
 * KVM lie: KVM_WALL_CLOCK is per vCPU: each vCPU reads what it wrote
 * itself (0 if nothing), not what another vCPU wrote.  KVM still decides
 * which vCPUs have the MSR.
 */
static bool wall_clock_per_vcpu(struct teeth *t, struct kvm_vcpu *vcpu,
				struct kvm_run *run)
{
	if (!wall_clock_exists(t, vcpu))
		return false;
	if (is_read(run)) {
		run->msr.data = t->val[vcpu->id];
		return true;
	}
	forward_to_kvm(vcpu, run);
	if (!run->msr.error)
		t->val[vcpu->id] = run->msr.data;
	return true;
}

/* ioctl lie: KVM_GET_MSRS of the absent PL0_SSP reads garbage, not 0. */
static bool unsup_get_garbage(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_GET || !is_msr(a, MSR_PL0_SSP))
		return false;
	a->value = BOGUS_SSP;
	a->ret = 0;
	return true;
}

/* ioctl lie: the host's write of 0 to the absent PL0_SSP fails. */
static bool unsup_zero_refused(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_PL0_SSP) || a->value)
		return false;
	a->ret = -EINVAL;
	return true;
}

/* ioctl lie: the host's non-zero write to the absent PL0_SSP succeeds. */
static bool unsup_value_accepted(struct teeth *t, struct host_access *a)
{
	if (!is_host_set(a) || !is_msr(a, MSR_PL0_SSP) || !a->value)
		return false;
	a->ret = 0;
	return true;
}

/* ------------------------------------------------------------------ */
/* The table.                                                           */

static const char *const sel_passthrough[] = {
	"IA32_CR_PAT/seed", "LSTAR", "SYSCALL_MASK", "IA32_PL0_SSP/canonical", NULL,
};
static const char *const sel_platform_info[] = {
	"PLATFORM_INFO", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_tsc_aux[] = {
	"TSC_AUX/rdtscp", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_ssp[] = {
	"GUEST_SSP", "IA32_CR_PAT/seed", NULL,
};
/* Read-only, write-only and swept: each lie's entry and two neighbours. */
static const char *const sel_access[] = {
	"IA32_MTRRCAP", "IA32_UCODE_WRITE", "K7_HWCR", NULL,
};
static const char *const sel_ignore_msrs[] = {
	"IA32_PL0_SSP/canonical", "TSC_AUX/rdtscp", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_tsc_offset[] = {
	"IA32_TSC_ADJUST", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_kvmclock[] = {
	"KVM_WALL_CLOCK", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_shstk_unsup[] = {
	"IA32_PL0_SSP/canonical", "IA32_CR_PAT/seed", NULL,
};

#define C(x) CHECK_BIT(CHECK_##x)

const struct lie lies[] = {
	/* passthrough world */
	{
		.name = "pat-unlisted", .level = LIE_TABLE,
		.fakes = "KVM_GET_MSR_INDEX_LIST without CR_PAT",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_SAVE_LIST,
		.detail = "KVM_GET_MSR_INDEX_LIST: wanted listed (KVM supports "
			  "NONE), got not listed",
		.hooks.adjust_host = unlist_pat,
	},
	{
		.name = "shstk-claimed", .level = LIE_TABLE,
		.fakes = "KVM_GET_SUPPORTED_CPUID claims SHSTK",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_SAVE_LIST,
		/*
		 * The host ioctls now expect KVM's relaxed answers for an
		 * advertised MSR the vCPU lacks, from a KVM without it.
		 */
		.also = C(HOST_GET_UNSUP) | C(HOST_SET_UNSUP_ZERO),
		.detail = "KVM_GET_MSR_INDEX_LIST: wanted listed (KVM supports "
			  "SHSTK), got not listed",
		.hooks = {
			.adjust_host = claim_shstk,
			.host_access = pl0_ssp_absent,
		},
	},
	{
		.name = "cpuid-belief", .level = LIE_TABLE,
		.fakes = "the host thinks it gave vCPU 1 RDTSCP",
		.world = &passthrough, .select = sel_passthrough,
		.entry = REPORT_NO_ENTRY, .check = CHECK_CPUID_KEPT,
		.detail = "RDTSCP: KVM_SET_CPUID2 set it, KVM_GET_CPUID2 gives "
			  "it cleared",
		.hooks.vm_created = believe_rdtscp_set,
	},
	{
		.name = "cpuid-applied", .level = LIE_TABLE,
		.fakes = "the host thinks KVM applied RDTSCP to vCPU 1",
		.world = &passthrough, .select = sel_passthrough,
		.entry = REPORT_NO_ENTRY, .check = CHECK_GUEST_CPUID,
		/* What KVM applied is no longer what the host set. */
		.also = C(CPUID_KEPT),
		/* The lists also hold the features this KVM keeps anyway. */
		.detail = "CPUID in the guest: wanted AMD {*RDTSCP*}, "
			  "got AMD {*}",
		.hooks.vm_created = believe_rdtscp_applied,
	},
	{
		.name = "platform-info-changed", .level = LIE_IOCTL,
		.fakes = "after a run, the host's change of PLATFORM_INFO is refused but reported done",
		.world = &passthrough, .select = sel_platform_info,
		.entry = MSRENT_PLATFORM_INFO, .check = CHECK_HOST_SET_IMMUTABLE,
		.detail = "KVM_SET_*(0xce, 0x0000000000000000): wanted failure, "
			  "got success",
		.hooks.host_access = platform_info_changed,
	},
	{
		.name = "unknown-msr-listed", .level = LIE_TABLE,
		.fakes = "KVM_GET_MSR_INDEX_LIST lists an MSR the registry does not know",
		.world = &passthrough, .select = sel_passthrough,
		.entry = REPORT_NO_ENTRY, .check = CHECK_INDEX_LIST,
		.detail = "MSR 0x4d534700: KVM lists it, and the registry "
			  "neither tests it nor says why not",
		.hooks.adjust_host = list_unknown_msr,
	},
	{
		.name = "pat-exit-unhandled", .level = LIE_KVM,
		.fakes = "KVM exits to userspace for RDMSR(CR_PAT)",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RUN,
		.detail = "KVM_EXIT_X86_RDMSR (29) MSR 0x277 with no handler",
		.hooks.vm_created = pat_exit_unhandled,
	},
	{
		.name = "pat-reset-forgotten", .level = LIE_KVM,
		.fakes = "first RDMSR(CR_PAT) returns a wrong reset value",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_RESET,
		/*
		 * The one-reg pass's first read is of the host's write; a
		 * restored VM's, of the restored value.
		 */
		.also = C(RDMSR_HOST_RESET) | C(RESTORE_GUEST),
		.detail = "RDMSR(0x277): wanted 0x0007040600070406, "
			  "got 0x0606060606060606",
		.hooks.msr_exit = pat_reset_forgotten,
	},
	{
		.name = "pat-read-denied", .level = LIE_KVM,
		.fakes = "KVM's filter: RDMSR(CR_PAT) raises #GP",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_RESET,
		/* Every guest read of CR_PAT faults. */
		.also = C(RDMSR_WRITE) | C(RDMSR_HOST_RESET) | C(RESTORE_GUEST),
		.detail = "RDMSR(0x277): wanted 0x0007040600070406, got #GP",
		.hooks.vm_created = pat_read_denied,
	},
	{
		.name = "pat-write-denied", .level = LIE_KVM,
		.fakes = "KVM's filter: WRMSR(CR_PAT) raises #GP",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_WRMSR,
		/* The value never arrives: neither side reads it back. */
		.also = C(RDMSR_WRITE) | C(HOST_GET) | C(INIT_KEEP),
		.detail = "WRMSR(0x277, 0x0000000007070707): wanted no fault, "
			  "got #GP",
		.hooks.vm_created = pat_write_denied,
	},
	{
		.name = "lstar-read-truncated", .level = LIE_KVM,
		.fakes = "RDMSR(LSTAR) drops bits 63:32",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_LSTAR, .check = CHECK_RDMSR_WRITE,
		/*
		 * The canonical probes read LSTAR back too; the 57-bit one
		 * only where KVM has LA57 (elsewhere it must #GP).
		 */
		.also = C(CANONICAL_48) | C(RESTORE_GUEST),
		.also_la57 = C(CANONICAL_57),
		.detail = "RDMSR(0xc0000082): wanted 0x0000123456789000, "
			  "got 0x0000000056789000",
		.hooks.msr_exit = lstar_read_truncated,
	},
	{
		.name = "pat-write-swallowed", .level = LIE_KVM,
		.fakes = "WRMSR(CR_PAT) succeeds and changes nothing",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_WRITE,
		.also = C(HOST_GET) | C(INIT_KEEP),
		.detail = "RDMSR(0x277): wanted 0x0000000007070707, "
			  "got 0x0007040600070406",
		.hooks.msr_exit = pat_write_swallowed,
	},
	{
		.name = "pat-write-buffered", .level = LIE_KVM,
		.fakes = "the guest's WRMSR(CR_PAT) never reaches KVM_GET_MSRS",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_GET,
		/*
		 * The one-reg pass reads the guest's value back only after the
		 * host's write: the buffered one comes back instead.
		 */
		.also = C(RDMSR_HOST_RESET) | C(INIT_KEEP),
		.detail = "KVM_GET_MSRS(0x277): wanted 0x0000000007070707, "
			  "got 0x0007040600070406",
		.hooks.msr_exit = pat_write_buffered,
	},
	{
		.name = "pat-set-fails", .level = LIE_IOCTL,
		.fakes = "the host's CR_PAT write works but reports EINVAL",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_SET,
		/* The restoring write is one of the host's writes too. */
		.also = C(RESTORE_SET),
		.detail = "KVM_SET_MSRS(0x277, 0x0007040600070406): wanted "
			  "success, got EINVAL",
		.hooks.host_access = pat_set_fails,
	},
	{
		.name = "pat-get-stale", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS(CR_PAT) ignores the host's write",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_GET_RESET,
		/* So does the read of the restored value. */
		.also = C(RESTORE_GET),
		.detail = "KVM_GET_MSRS(0x277): wanted 0x0007040600070406, "
			  "got 0x0000000007070707",
		.hooks.host_access = pat_get_stale,
	},
	{
		.name = "pat-init-claimed-reset", .level = LIE_TABLE,
		.fakes = "the host's registry says INIT resets CR_PAT",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_INIT_RESET,
		.detail = "KVM_GET_MSRS(0x277) after an INIT: wanted the reset "
			  "value 0x0007040600070406, got 0x0000000007070707",
		.hooks.adjust_entry = host_table_pat_init,
	},
	{
		.name = "pat-guest-value-hidden", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS(CR_PAT) shows the reset value, never the guest's",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_INIT_KEEP,
		/* The host's read after the guest's write is hidden too. */
		.also = C(HOST_GET),
		.detail = "KVM_GET_MSRS(0x277) after an INIT: wanted the guest's "
			  "0x0000000007070707, got 0x0007040600070406",
		.hooks.host_access = pat_guest_value_hidden,
	},
	{
		.name = "pat-restore-refused", .level = LIE_IOCTL,
		.fakes = "the write that restores CR_PAT into a new VM works but reports EINVAL",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RESTORE_SET,
		.detail = "(0x277, saved 0x0000000007070707) before the first "
			  "run: failed",
		.hooks.plan_written = mark_ran,
		.hooks.host_access = pat_restore_refused,
	},
	{
		.name = "pat-restore-unread", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS of a restored VM's CR_PAT gives the reset value",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RESTORE_GET,
		.detail = "KVM_GET_MSRS(0x277) of the new VM: wanted the saved "
			  "0x0000000007070707, got 0x0007040600070406",
		.hooks.plan_written = mark_ran,
		.hooks.host_access = pat_restore_unread,
	},
	{
		.name = "pat-restore-lost", .level = LIE_KVM,
		.fakes = "the guest of a restored VM does not see the restored CR_PAT",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RESTORE_GUEST,
		.detail = "RDMSR(0x277) in the new VM: wanted the saved "
			  "0x0000000007070707, got 0x0007040600070406",
		.hooks.plan_written = mark_ran,
		.hooks.host_access = pat_restore_note,
		.hooks.msr_exit = pat_restore_lost,
	},
	{
		.name = "pat-reg-truncated", .level = LIE_IOCTL,
		.fakes = "KVM_GET_ONE_REG(CR_PAT) returns bits 31:0 only",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_GET_REG,
		.detail = "KVM_GET_ONE_REG(MSR 0x277): wanted "
			  "0x0007040600070406, got 0x0000000000070406",
		.hooks.host_access = pat_reg_truncated,
	},
	{
		.name = "pat-guest-copy-stale", .level = LIE_KVM,
		.fakes = "the guest does not see the host's CR_PAT write",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_HOST_RESET,
		.detail = "RDMSR(0x277): wanted 0x0007040600070406, "
			  "got 0x0000000007070707",
		.hooks.msr_exit = pat_guest_copy_stale,
	},
	{
		.name = "lstar-noncanonical-accepted", .level = LIE_KVM,
		.fakes = "a non-canonical WRMSR(LSTAR) does not #GP",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_LSTAR, .check = CHECK_WRMSR_RESERVED_GP,
		/*
		 * The 57-bit probe is not canonical at 48 bits either: it is
		 * accepted and dropped, wrong with LA57 (it reads back 0) and
		 * without (it must #GP).
		 */
		.also = C(CANONICAL_57),
		.detail = "WRMSR(0xc0000082, non-canonical 0xaaaaaaaaaaaaaaaa):"
			  " wanted #GP, got no fault",
		.hooks.msr_exit = lstar_noncanonical_accepted,
	},
	{
		.name = "lstar-kernel-half-gp", .level = LIE_KVM,
		.fakes = "WRMSR(LSTAR) of a canonical kernel address #GPs",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_LSTAR, .check = CHECK_CANONICAL_48,
		.detail = "WRMSR(0xc0000082, 0xffff800000000000): wanted no "
			  "fault, got #GP",
		.hooks.msr_exit = lstar_kernel_half_gp,
	},
	{
		.name = "lstar-la57-inverted", .level = LIE_KVM,
		.fakes = "WRMSR(LSTAR) of a 57-bit address: the wrong answer "
			 "for this host's LA57",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_LSTAR, .check = CHECK_CANONICAL_57,
		/* With LA57 "wanted no fault, got #GP", else the reverse. */
		.detail = "WRMSR(0xc0000082, 0x00ff800000000000): wanted ",
		.hooks.msr_exit = lstar_la57_inverted,
	},
	{
		.name = "guest-result-corrupted", .level = LIE_GUEST_MEM,
		.fakes = "the guest's observation of CR_PAT is overwritten",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_RESET,
		/* Both reads of the reset value come back wrong. */
		.also = C(RDMSR_HOST_RESET),
		.detail = "RDMSR(0x277): wanted 0x0007040600070406, "
			  "got 0x0606060606060606",
		.hooks.guest_ran = pat_result_corrupted,
	},
	{
		.name = "guest-plan-corrupted", .level = LIE_GUEST_MEM,
		.fakes = "the guest's plan has another CR_PAT write value",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RUN,
		.detail = "the guest's copy of plan slot",
		.hooks.plan_written = pat_plan_corrupted,
	},
	{
		.name = "host-table-pat-reset", .level = LIE_TABLE,
		.fakes = "the host's registry copy has a wrong CR_PAT reset",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_RDMSR_RESET,
		/*
		 * The host alone judges: it wants its (wrong) reset value
		 * from the guest's first read, and then writes that value
		 * back itself, so the later checks agree with it.
		 */
		.detail = "RDMSR(0x277): wanted 0x0606060606060606, "
			  "got 0x0007040600070406",
		.hooks.adjust_entry = host_table_pat,
	},

	/* passthrough world, read-only, write-only and swept entries */
	{
		.name = "mtrrcap-write-accepted", .level = LIE_KVM,
		.fakes = "WRMSR(MTRRCAP), a read-only MSR, succeeds",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_IA32_MTRRCAP, .check = CHECK_WRMSR_RO_GP,
		.detail = "WRMSR(0xfe, 0x0000000000000508): wanted #GP, "
			  "got no fault",
		.hooks.msr_exit = mtrrcap_write_accepted,
	},
	{
		.name = "mtrrcap-early-set-accepted", .level = LIE_IOCTL,
		.fakes = "before the first run, the host's MTRRCAP write "
			 "reports success",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_IA32_MTRRCAP, .check = CHECK_HOST_SET_PRE,
		.detail = "KVM_SET_MSRS(0xfe, 0x0000000000000508): wanted "
			  "failure, got success",
		.hooks = {
			.plan_written = mark_ran,
			.host_access = mtrrcap_early_set_accepted,
		},
	},
	{
		.name = "ucode-write-readable", .level = LIE_KVM,
		.fakes = "RDMSR(UCODE_WRITE), a write-only MSR, reads 0",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_IA32_UCODE_WRITE, .check = CHECK_RDMSR_WO_GP,
		.detail = "RDMSR(0x79): wanted #GP, got no fault (the MSR was "
			  "readable)",
		.hooks.msr_exit = ucode_write_readable,
	},
	{
		.name = "ucode-write-zero-gp", .level = LIE_KVM,
		.fakes = "WRMSR(UCODE_WRITE, 0) #GPs",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_IA32_UCODE_WRITE, .check = CHECK_WRMSR_ZERO,
		.detail = "WRMSR(0x79, 0x0000000000000000): wanted no fault, "
			  "got #GP",
		.hooks.msr_exit = ucode_write_zero_gp,
	},
	{
		.name = "hwcr-reserved-bit-accepted", .level = LIE_KVM,
		.fakes = "WRMSR(K7_HWCR) of reserved bit 63 alone succeeds",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_K7_HWCR, .check = CHECK_SWEEP_RESERVED,
		.detail = "bit 63: WRMSR(0xc0010015, 0x8000000000000000): "
			  "wanted #GP, got no fault",
		.hooks.msr_exit = hwcr_reserved_bit_accepted,
	},
	{
		.name = "hwcr-mcstatuswren-gp", .level = LIE_KVM,
		.fakes = "WRMSR(K7_HWCR) of McStatusWrEn (bit 18) alone #GPs",
		.world = &passthrough, .select = sel_access,
		.entry = MSRENT_K7_HWCR, .check = CHECK_SWEEP_ACCEPTED,
		.detail = "bit 18: WRMSR(0xc0010015, 0x0000000000040000): "
			  "wanted no fault, got #GP",
		.hooks.msr_exit = hwcr_mcstatuswren_gp,
	},

	/* ignore-msrs world */
	{
		.name = "ignored-read-garbage", .level = LIE_KVM,
		.fakes = "ignore_msrs: RDMSR(PL0_SSP) without SHSTK reads "
			 "garbage",
		.world = &ignore_msrs, .select = sel_ignore_msrs,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_RDMSR_IGNORED,
		.detail = "RDMSR(0x6a4): wanted 0x0000000000000000, "
			  "got 0x00007ffdeadbe000",
		.hooks.msr_exit = ignored_read_garbage,
	},
	{
		.name = "ignored-write-gp", .level = LIE_KVM,
		.fakes = "ignore_msrs: WRMSR(PL0_SSP) without SHSTK #GPs",
		.world = &ignore_msrs, .select = sel_ignore_msrs,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_WRMSR_IGNORED,
		.detail = "WRMSR(0x6a4, 0x0000123456789000): wanted no fault, "
			  "got #GP",
		.hooks.msr_exit = ignored_write_gp,
	},

	/* kvmclock world */
	{
		.name = "wall-clock-per-vcpu", .level = LIE_KVM,
		.fakes = "KVM_WALL_CLOCK holds one value per vCPU, not per VM",
		.world = &kvmclock, .select = sel_kvmclock,
		.entry = MSRENT_KVM_WALL_CLOCK, .check = CHECK_RDMSR_VM_SCOPE,
		.detail = "RDMSR(0x11): wanted 0x0000000000080000, "
			  "got 0x0000000000000000",
		.hooks.msr_exit = wall_clock_per_vcpu,
	},

	/* tsc-offset world */
	{
		.name = "adjust-leaves-tsc", .level = LIE_KVM,
		.fakes = "a guest write of TSC_ADJUST does not move the TSC",
		.world = &tsc_offset, .select = sel_tsc_offset,
		.entry = MSRENT_IA32_TSC_ADJUST,
		.check = CHECK_TSC_FOLLOWS_ADJUST,
		.detail = "wanted RDMSR(TSC) to move by that (+ at most "
			  "0x400000000), RDMSR(TSC) moved by 0x*",
		.hooks.msr_exit = adjust_leaves_tsc,
	},
	{
		.name = "tsc-leaves-adjust", .level = LIE_KVM,
		.fakes = "a guest write of the TSC does not move TSC_ADJUST",
		.world = &tsc_offset, .select = sel_tsc_offset,
		.entry = MSRENT_IA32_TSC_ADJUST,
		.check = CHECK_ADJUST_FOLLOWS_TSC,
		.detail = "TSC_ADJUST moved by 0x0",
		.hooks.msr_exit = tsc_leaves_adjust,
	},
	{
		.name = "tsc-write-dropped", .level = LIE_KVM,
		.fakes = "a guest write of the TSC moves TSC_ADJUST but not the "
			 "TSC",
		.world = &tsc_offset, .select = sel_tsc_offset,
		.entry = MSRENT_IA32_TSC_ADJUST,
		.check = CHECK_TSC_WRITTEN,
		.detail = "WRMSR(TSC, 0x1000000000000000): wanted RDMSR(TSC) to "
			  "give that plus at most 0x400000000, got 0x*",
		.hooks.msr_exit = tsc_write_dropped,
	},

	/* platform-info-cap world */
	{
		.name = "cap-off-reads", .level = LIE_KVM,
		.fakes = "the guest reads PLATFORM_INFO while "
			 "KVM_CAP_MSR_PLATFORM_INFO is disabled",
		.world = &platform_info_cap_world, .select = sel_platform_info,
		.entry = MSRENT_PLATFORM_INFO,
		.check = CHECK_RDMSR_CAP_OFF_GP,
		.detail = "RDMSR(0xce) with KVM_CAP_MSR_PLATFORM_INFO disabled: "
			  "wanted vector 13, got 0x* without a fault",
		.hooks.msr_exit = cap_off_reads,
	},
	{
		.name = "cap-stays-off", .level = LIE_KVM,
		.fakes = "enabling KVM_CAP_MSR_PLATFORM_INFO again leaves "
			 "PLATFORM_INFO's guest reads faulting",
		.world = &platform_info_cap_world, .select = sel_platform_info,
		.entry = MSRENT_PLATFORM_INFO,
		.check = CHECK_RDMSR_CAP_ON,
		.detail = "RDMSR(0xce) with KVM_CAP_MSR_PLATFORM_INFO enabled "
			  "again: wanted 0x*, got vector 13",
		.hooks.vm_cap_set = cap_stays_off,
	},
	{
		.name = "cap-off-host-refused", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS(PLATFORM_INFO) fails while "
			 "KVM_CAP_MSR_PLATFORM_INFO is disabled",
		.world = &platform_info_cap_world, .select = sel_platform_info,
		.entry = MSRENT_PLATFORM_INFO,
		.check = CHECK_HOST_GET_CAP_OFF,
		.detail = "KVM_GET_MSRS(0xce) with KVM_CAP_MSR_PLATFORM_INFO "
			  "disabled: wanted 0x*, failed: Invalid argument",
		.hooks.host_access = cap_off_host_refused,
	},

	/* shstk-unsup world */
	{
		.name = "unsup-get-garbage", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS(PL0_SSP) of a vCPU without SHSTK reads "
			 "garbage",
		.world = &shstk_unsup, .select = sel_shstk_unsup,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_HOST_GET_UNSUP,
		.detail = "KVM_GET_MSRS(0x6a4): wanted 0x0000000000000000, "
			  "got 0x00007ffdeadbe000",
		.hooks.host_access = unsup_get_garbage,
	},
	{
		.name = "unsup-zero-refused", .level = LIE_IOCTL,
		.fakes = "the host's write of 0 to PL0_SSP of a vCPU without "
			 "SHSTK fails",
		.world = &shstk_unsup, .select = sel_shstk_unsup,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_HOST_SET_UNSUP_ZERO,
		.detail = "KVM_SET_MSRS(0x6a4, 0x0000000000000000): wanted "
			  "success, got EINVAL",
		.hooks.host_access = unsup_zero_refused,
	},
	{
		.name = "unsup-value-accepted", .level = LIE_IOCTL,
		.fakes = "the host's non-zero write to PL0_SSP of a vCPU "
			 "without SHSTK succeeds",
		.world = &shstk_unsup, .select = sel_shstk_unsup,
		.entry = MSRENT_IA32_PL0_SSP_CANONICAL,
		.check = CHECK_HOST_SET_UNSUP,
		.detail = "KVM_SET_MSRS(0x6a4, 0x0000123456789000): wanted "
			  "failure, got success",
		.hooks.host_access = unsup_value_accepted,
	},

	/* tsc-aux world */
	{
		.name = "tsc-aux-high-gp", .level = LIE_KVM,
		.fakes = "AMD vCPU: WRMSR(TSC_AUX) with bits 63:32 set #GPs",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_WRMSR_TRUNCATED,
		/* Nothing was written, so the truncated value is missing. */
		.also = C(RDMSR_TRUNCATED),
		.detail = "WRMSR(0xc0000103, reserved 0xaaaa5555aaaa5555): "
			  "wanted no fault, got #GP",
		.hooks.msr_exit = tsc_aux_high_gp,
	},
	{
		.name = "tsc-aux-keeps-high", .level = LIE_KVM,
		.fakes = "AMD vCPU: WRMSR(TSC_AUX) keeps bits 63:32",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_RDMSR_TRUNCATED,
		.detail = "RDMSR(0xc0000103): wanted 0x00000000aaaa5555, "
			  "got 0xaaaa5555aaaa5555",
		.hooks.msr_exit = tsc_aux_keeps_high,
	},
	{
		.name = "tsc-aux-late-gp", .level = LIE_KVM,
		.fakes = "the WRMSR after a truncating one #GPs",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_WRMSR_RESTORE,
		.detail = "WRMSR(0xc0000103, 0x0000000000000000): wanted no "
			  "fault, got #GP",
		.hooks.msr_exit = tsc_aux_late_gp,
	},
	{
		.name = "tsc-aux-clear-swallowed", .level = LIE_KVM,
		.fakes = "WRMSR(TSC_AUX, 0) changes nothing",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_RDMSR_RESTORE,
		.detail = "RDMSR(0xc0000103): wanted 0x0000000000000000, "
			  "got 0x00000000aaaa5555",
		.hooks.msr_exit = tsc_aux_clear_swallowed,
	},
	{
		.name = "tsc-aux-read-unchecked", .level = LIE_KVM,
		.fakes = "RDMSR(TSC_AUX) works without RDPID/RDTSCP",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_RDMSR_GP,
		.detail = "RDMSR(0xc0000103): wanted #GP, got no fault "
			  "(the MSR was readable)",
		.hooks.msr_exit = tsc_aux_read_unchecked,
	},
	{
		.name = "tsc-aux-write-unchecked", .level = LIE_KVM,
		.fakes = "WRMSR(TSC_AUX) works without RDPID/RDTSCP",
		.world = &tsc_aux, .select = sel_tsc_aux,
		.entry = MSRENT_TSC_AUX_RDTSCP, .check = CHECK_WRMSR_GP,
		.detail = "WRMSR(0xc0000103, 0x0000000012345678): wanted #GP, "
			  "got no fault",
		.hooks.msr_exit = tsc_aux_write_unchecked,
	},

	/* guest-ssp world */
	{
		.name = "ssp-unlisted", .level = LIE_IOCTL,
		.fakes = "KVM_GET_REG_LIST omits a present GUEST_SSP",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_LIST,
		.detail = "KVM_GET_REG_LIST: wanted KVM reg 0x0 listed, "
			  "got not listed",
		.hooks.host_access = ssp_unlisted,
	},
	{
		.name = "ssp-reset-garbage", .level = LIE_IOCTL,
		.fakes = "GUEST_SSP is not zeroed at reset",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_GET_RESET,
		.detail = "KVM_GET_ONE_REG(KVM reg 0x0): wanted "
			  "0x0000000000000000, got 0x00007ffdeadbe000",
		.hooks.host_access = ssp_reset_garbage,
	},
	{
		.name = "ssp-set-fails", .level = LIE_IOCTL,
		.fakes = "KVM_SET_ONE_REG(GUEST_SSP) works but reports EINVAL",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_SET_WRITE,
		.detail = "KVM_SET_ONE_REG(KVM reg 0x0, 0x0000123456789000): "
			  "wanted success, got EINVAL",
		.hooks.host_access = ssp_set_fails,
	},
	{
		.name = "ssp-set-swallowed", .level = LIE_IOCTL,
		.fakes = "KVM_SET_ONE_REG(GUEST_SSP) changes nothing",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_GET_WRITE,
		.detail = "KVM_GET_ONE_REG(KVM reg 0x0): wanted "
			  "0x0000123456789000, got 0x0000000000000000",
		.hooks.host_access = ssp_set_swallowed,
	},
	{
		.name = "ssp-noncanonical-accepted", .level = LIE_IOCTL,
		.fakes = "KVM_SET_ONE_REG(GUEST_SSP) takes a non-canonical SSP",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_SET_RESERVED,
		.detail = "KVM_SET_ONE_REG(KVM reg 0x0, 0xaaaaaaaaaaaaaaaa): "
			  "wanted failure, got success",
		.hooks.host_access = ssp_noncanonical_accepted,
	},
	{
		.name = "ssp-absent-readable", .level = LIE_IOCTL,
		.fakes = "KVM_GET_ONE_REG(GUEST_SSP) works without SHSTK",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_GET_ABSENT,
		.detail = "KVM_GET_ONE_REG(KVM reg 0x0): wanted EINVAL, got "
			  "success",
		.hooks.host_access = ssp_absent_readable,
	},
	{
		.name = "ssp-absent-writable", .level = LIE_IOCTL,
		.fakes = "KVM_SET_ONE_REG(GUEST_SSP) works without SHSTK",
		.world = &guest_ssp, .select = sel_ssp,
		.entry = MSRENT_GUEST_SSP, .check = CHECK_REG_SET_ABSENT,
		.detail = "KVM_SET_ONE_REG(KVM reg 0x0, 0x0000000000000000): "
			  "wanted failure, got success",
		.hooks.host_access = ssp_absent_writable,
	},
};

const unsigned int nr_lies = ARRAY_SIZE(lies);
