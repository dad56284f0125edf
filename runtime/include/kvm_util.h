/* SPDX-License-Identifier: MIT */
/*
 * Host side of KVM: the /dev/kvm facts the suite needs, VMs and vCPUs.
 * Written in the KVM selftests idiom: the prefix names the object
 * (kvm_, vm_, vcpu_), the verb comes last, and __x() returns the raw
 * result where x() asserts success.
 */
#ifndef MSRCHECK_KVM_UTIL_H
#define MSRCHECK_KVM_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "feature_set.h"
#include "guest_abi.h"
#include "kvm_compat.h"
#include "test_assert.h"

#define KVM_DEFAULT_DEVICE "/dev/kvm"

/* Capabilities the suite uses; a test can hide them (--hide-cap). */
enum kvm_cap_id {
	CAP_ONE_REG,
	CAP_X86_USER_SPACE_MSR,
	CAP_X86_MSR_FILTER,
	CAP_SPLIT_IRQCHIP,	/* the in-kernel LAPIC alone: the INIT scenario */
	NR_CAPS,
};

/*
 * The registry's VM capabilities (enum vm_cap_id, vm_cap_gate) are hidden
 * with the bits after those.
 */
#define HIDDEN_VM_CAP(id)	(1u << (NR_CAPS + (id)))
_Static_assert(NR_CAPS + NR_VM_CAPS <= 32, "hidden caps fit 32 bits");

/* What /dev/kvm offers, gathered once. */
struct kvm_host {
	int fd;
	const char *device;
	int api_version;
	bool caps[NR_CAPS];
	bool vm_caps[NR_VM_CAPS];	/* KVM_CHECK_EXTENSION of each */
	struct kvm_cpuid2 *supported_cpuid;
	struct feature_set features;	/* registry features KVM supports */
	enum vendor vendor;		/* of KVM_GET_SUPPORTED_CPUID leaf 0 */
	uint32_t *msr_list;		/* KVM_GET_MSR_INDEX_LIST */
	unsigned int nr_msrs;
	bool ignore_msrs;		/* kvm.ignore_msrs */
	bool force_emulation;		/* kvm.force_emulation_prefix */
	const char *flavour;		/* loaded vendor module, e.g. kvm_pvm */
	bool la57;			/* KVM_GET_SUPPORTED_CPUID has LA57 */
	bool has_mce;			/* KVM_CAP_MCE */
	uint64_t mce_cap;		/* KVM_X86_GET_MCE_CAP_SUPPORTED */
	bool has_enforce_pv;		/* KVM_CAP_ENFORCE_PV_FEATURE_CPUID */
	uint32_t *feature_msrs;		/* KVM_GET_MSR_FEATURE_INDEX_LIST */
	unsigned int nr_feature_msrs;
};

enum kvm_open_status {
	KVM_OPEN_OK,
	KVM_OPEN_SKIP,		/* no device, no permission: skip the suite */
	KVM_OPEN_ERROR,		/* a device that is not a usable KVM */
};

/*
 * The device $MSRCHECK_KVM_DEVICE names, else KVM_DEFAULT_DEVICE; NULL,
 * with why, if it is set but empty (an error, not a skip).
 */
const char *kvm_device_from_env(char *why, size_t len);

/*
 * $MSRCHECK_TEST_API_VERSION (the robustness tests): the KVM API version
 * to act as if KVM spoke, a decimal number from 0 to
 * KVM_TEST_API_VERSION_MAX; *version -1 if it is unset.  -1, with why, if
 * it is malformed.
 */
#define KVM_TEST_API_VERSION_MAX 65535
int kvm_test_api_version(int *version, char *why, size_t len);

/*
 * Opens and probes the device; on failure why says what and why (control
 * characters of the device's name escaped).
 */
enum kvm_open_status kvm_host_open(struct kvm_host *h, const char *device,
				   uint32_t hidden_caps, char *why,
				   size_t why_len);
void kvm_host_close(struct kvm_host *h);
const char *kvm_cap_name(enum kvm_cap_id cap);
/* The index is in the list of n MSR indices. */
bool msr_list_has(const uint32_t *list, unsigned int n, uint32_t index);
/* KVM_GET_MSR_INDEX_LIST (save/restore) has the index. */
bool kvm_host_lists_msr(const struct kvm_host *h, uint32_t index);
/* KVM_GET_MSR_FEATURE_INDEX_LIST has the index. */
bool kvm_host_lists_feature_msr(const struct kvm_host *h, uint32_t index);
/* KVM_GET_MSRS on /dev/kvm of a feature MSR: 0 or -errno. */
int kvm_get_feature_msr(const struct kvm_host *h, uint32_t index,
			uint64_t *val);

struct kvm_vm;
struct kvm_vcpu;

/*
 * Called on KVM_EXIT_X86_RDMSR/WRMSR (the teeth suite lets userspace take
 * MSRs to make KVM lie).  Fill run->msr.data / run->msr.error.
 */
typedef void (*msr_exit_fn)(struct kvm_vcpu *vcpu, struct kvm_run *run,
			    void *opaque);

struct kvm_vcpu {
	struct kvm_vm *vm;
	unsigned int id;
	int fd;
	struct kvm_run *run;
	size_t run_size;
	struct kvm_cpuid2 *cpuid;	/* what KVM_SET_CPUID2 got */
	struct feature_set features;	/* registry features in cpuid */
	/*
	 * What KVM_GET_CPUID2 then returns: upstream KVM gives back what it
	 * got; a KVM flavour that rewrites CPUID shows it here.
	 */
	struct kvm_cpuid2 *applied;
	struct feature_set applied_features;
};

struct kvm_vm {
	struct kvm_host *host;
	int fd;
	uint8_t *mem;			/* guest physical 0 */
	unsigned int nr_vcpus;
	struct kvm_vcpu *vcpus[GUEST_MAX_VCPUS];
	msr_exit_fn msr_exit;
	void *msr_exit_opaque;
};

/* A VM with guest memory, page tables, descriptor tables and the image. */
struct kvm_vm *vm_create(struct kvm_host *h);
/* Adds a vCPU in 64-bit mode at the image's entry with the given CPUID. */
struct kvm_vcpu *vm_add_vcpu(struct kvm_vm *vm,
			     const struct kvm_cpuid2 *cpuid);
/*
 * The vCPU with this id (an index of vm->vcpus[]): a VM may leave ids out;
 * nr_vcpus is then one past the highest, and the gaps are NULL.
 */
struct kvm_vcpu *vm_add_vcpu_id(struct kvm_vm *vm, unsigned int id,
				const struct kvm_cpuid2 *cpuid);
void kvm_vm_free(struct kvm_vm *vm);

static inline void *vm_gpa(struct kvm_vm *vm, uint64_t gpa)
{
	return vm->mem + gpa;
}

static inline struct guest_mailbox *vcpu_mailbox(struct kvm_vcpu *vcpu)
{
	return vm_gpa(vcpu->vm, GUEST_MAILBOX_GPA +
				vcpu->id * GUEST_MAILBOX_SIZE);
}

int __vm_ioctl(struct kvm_vm *vm, unsigned long cmd, void *arg);
/* KVM_ENABLE_CAP on the VM, args[0] = arg0: 0 or -errno. */
int __vm_enable_cap(struct kvm_vm *vm, uint32_t cap, uint64_t arg0);
int __vcpu_ioctl(struct kvm_vcpu *vcpu, unsigned long cmd, void *arg);
#define vcpu_ioctl(vcpu, cmd, arg)					\
	TEST_ASSERT_IOCTL(__vcpu_ioctl(vcpu, cmd, arg), #cmd)
#define vm_ioctl(vm, cmd, arg)						\
	TEST_ASSERT_IOCTL(__vm_ioctl(vm, cmd, arg), #cmd)

/* How a vCPU run ended. */
enum run_status {
	RUN_UCALL,		/* the guest called the host */
	RUN_HANG,		/* the watchdog fired */
	RUN_BAD_EXIT,		/* an exit the runtime does not expect */
};

struct run_result {
	enum run_status status;
	unsigned int ucall;	/* UCALL_*, for RUN_UCALL */
	unsigned int kvm_runs;	/* KVM_RUN calls it took */
	char what[512];		/* for RUN_HANG/RUN_BAD_EXIT: exit, RIP, regs */
};

/*
 * Runs the vCPU until the guest calls the host, bounded by timeout_ms of
 * wall time.  MSR exits go to vm->msr_exit.
 */
void vcpu_run(struct kvm_vcpu *vcpu, unsigned int timeout_ms,
	      struct run_result *res);
/* Appends "RIP=... RSP=..." and the general registers to buf. */
void vcpu_describe_regs(struct kvm_vcpu *vcpu, char *buf, size_t len);
/* KVM_GET_REGS; 0 or -errno. */
int __vcpu_get_regs(struct kvm_vcpu *vcpu, struct kvm_regs *regs);

/* What the suite asked of KVM: the benchmark's counts, and its floor. */
struct kvm_stats {
	unsigned long kvm_runs;
	unsigned long exits;		/* KVM_RUN returns */
	unsigned long plan_runs;	/* guest plans run to their END */
	unsigned long msr_ioctls;	/* host MSR/ONE_REG/list ioctls */
	unsigned long msr_ioctl_msrs;	/* MSRs those ioctls carried */
	unsigned long vms;		/* VMs created */
	unsigned long vcpus;		/* vCPUs created */
	unsigned long guest_ops;	/* plan slots run */
	unsigned long guest_rdmsr;	/* RDMSR that did not fault */
	unsigned long guest_wrmsr;	/* WRMSR that did not fault */
	unsigned long guest_faults;	/* RDMSR/WRMSR that faulted */
};
extern struct kvm_stats kvm_stats;

#endif
