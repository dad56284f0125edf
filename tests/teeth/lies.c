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
#define MSR_CR_PAT		0x00000277u
#define MSR_PL0_SSP		0x000006a4u
#define MSR_LSTAR		0xc0000082u
#define MSR_SYSCALL_MASK	0xc0000084u
#define MSR_TSC_AUX		0xc0000103u

#define RW (KVM_MSR_FILTER_READ | KVM_MSR_FILTER_WRITE)

/* A legal PAT (every entry write-back) that is not the reset value. */
#define BOGUS_PAT	0x0606060606060606ull
#define PAT_RESET	0x0007040600070406ull
/* What a KVM that forgot to zero GUEST_SSP at reset might show. */
#define BOGUS_SSP	0x00007ffdeadbe000ull

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
 * LSTAR and SYSCALL_MASK to userspace, which hands it straight back to KVM.
 * Lies twist single answers.  IA32_PL0_SSP/canonical (unsupported path,
 * native KVM) is the fourth, untouched, neighbour.
 */
static const uint32_t passthrough_msrs[] = {
	MSR_CR_PAT, MSR_LSTAR, MSR_SYSCALL_MASK,
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
	.doc = "MSR filter sends guest CR_PAT/LSTAR/SYSCALL_MASK accesses to "
	       "userspace, which forwards them to KVM",
	.hooks = {
		.vm_created = passthrough_vm,
		.msr_exit = passthrough_exit,
	},
};

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
	if (!suite_vcpus[vcpu].featureless)
		cpuid2_set_features(cpuid, fs_of(FEAT_RDTSCP));
}

static void tsc_aux_vm(struct teeth *t, struct kvm_vm *vm)
{
	static const uint32_t tsc_aux = MSR_TSC_AUX;

	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_FILTER);
	vm_deny_msrs(vm, &tsc_aux, 1, RW);
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
	    (a->op != OP_HOST_GET && a->op != OP_HOST_SET))
		return false;
	if (a->op == OP_HOST_GET)
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
	fs_add(&vm->vcpus[1]->features, FEAT_RDTSCP);
}

/*
 * Table lie: the host's record of what KVM applied to vCPU 1
 * (KVM_GET_CPUID2) has a feature too many, which the guest never sees.
 */
static void believe_rdtscp_applied(struct teeth *t, struct kvm_vm *vm)
{
	fs_add(&vm->vcpus[1]->applied_features, FEAT_RDTSCP);
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

/* ioctl lie: the host's write of CR_PAT is applied but reported failed. */
static bool pat_set_fails(struct teeth *t, struct host_access *a)
{
	if (a->op != OP_HOST_SET || !is_msr(a, MSR_CR_PAT))
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
	if (a->op == OP_HOST_SET)
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
/* The table.                                                           */

static const char *const sel_passthrough[] = {
	"IA32_CR_PAT/seed", "LSTAR", "SYSCALL_MASK", "IA32_PL0_SSP/canonical", NULL,
};
static const char *const sel_tsc_aux[] = {
	"TSC_AUX/rdtscp", "IA32_CR_PAT/seed", NULL,
};
static const char *const sel_ssp[] = {
	"GUEST_SSP", "IA32_CR_PAT/seed", NULL,
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
		.also = C(RDMSR_WRITE) | C(RDMSR_HOST_RESET),
		.detail = "RDMSR(0x277): wanted 0x0007040600070406, got #GP",
		.hooks.vm_created = pat_read_denied,
	},
	{
		.name = "pat-write-denied", .level = LIE_KVM,
		.fakes = "KVM's filter: WRMSR(CR_PAT) raises #GP",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_WRMSR,
		/* The value never arrives: neither side reads it back. */
		.also = C(RDMSR_WRITE) | C(HOST_GET),
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
		.also = C(CANONICAL_48),
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
		.also = C(HOST_GET),
		.detail = "RDMSR(0x277): wanted 0x0000000007070707, "
			  "got 0x0007040600070406",
		.hooks.msr_exit = pat_write_swallowed,
	},
	{
		.name = "pat-write-buffered", .level = LIE_KVM,
		.fakes = "the guest's WRMSR(CR_PAT) never reaches KVM_GET_MSRS",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_GET,
		.detail = "KVM_GET_MSRS(0x277): wanted 0x0000000007070707, "
			  "got 0x0007040600070406",
		.hooks.msr_exit = pat_write_buffered,
	},
	{
		.name = "pat-set-fails", .level = LIE_IOCTL,
		.fakes = "the host's CR_PAT write works but reports EINVAL",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_SET,
		.detail = "KVM_SET_MSRS(0x277, 0x0007040600070406): wanted "
			  "success, got EINVAL",
		.hooks.host_access = pat_set_fails,
	},
	{
		.name = "pat-get-stale", .level = LIE_IOCTL,
		.fakes = "KVM_GET_MSRS(CR_PAT) ignores the host's write",
		.world = &passthrough, .select = sel_passthrough,
		.entry = MSRENT_IA32_CR_PAT_SEED, .check = CHECK_HOST_GET_RESET,
		.detail = "KVM_GET_MSRS(0x277): wanted 0x0007040600070406, "
			  "got 0x0000000007070707",
		.hooks.host_access = pat_get_stale,
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
