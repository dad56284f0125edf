/* SPDX-License-Identifier: MIT */
/*
 * The conformance suite: the scenario of the upstream msrs_test, run for
 * every registry entry, reporting every check instead of stopping at the
 * first mismatch.
 *
 * Host plans, guest executes, host judges.  Per pass (MSR ioctls, then
 * ONE_REG) one VM whose vCPUs (suite_vcpus[]) run from this one task,
 * unpinned: two with KVM's supported CPUID, one that loses every registry
 * feature that is not kept (LM, NONE), one whose CPUID vendor is the other
 * vendor family's, and one featureless vCPU that does not enforce KVM's PV
 * CPUID (so its PV MSRs exist anyway).  The selected entries are cut into
 * segments
 * (entries of one segment name distinct MSRs, so they cannot disturb each
 * other); for each segment the host asks every entry's plan function
 * (msr_plans[], generated) for its steps, per vCPU and stage, then runs the
 * stages in the stagger schedule (schedule.h): the guest runs a whole
 * stage of every entry as one plan, the host batches its ioctls, and every
 * observation is judged on the host against the steps' expectations.
 */
#ifndef MSRCHECK_SUITE_H
#define MSRCHECK_SUITE_H

#include <stdbool.h>

#include "guest_plan.h"
#include "judge.h"
#include "kvm_util.h"
#include "report.h"

#define SUITE_NR_VCPUS 5
#define SUITE_DEFAULT_TIMEOUT_MS 5000

/* How one vCPU of the suite's VM is set up. */
struct vcpu_config {
	const char *name;
	bool featureless;	/* loses every registry feature not kept */
	bool other_vendor;	/* CPUID vendor of the other vendor family */
	bool pv_enforced;	/* KVM_CAP_ENFORCE_PV_FEATURE_CPUID enabled */
};

extern const struct vcpu_config suite_vcpus[SUITE_NR_VCPUS];

/* The vCPU runs the entry at all (else its paths show "-"). */
bool vcpu_relevant(const struct vcpu_config *cfg, const struct msr_entry *e);

struct suite_hooks;

/* What setting up one of suite_vcpus[] gave the vCPU. */
struct suite_vcpu_setup {
	bool pv_enforced;		/* KVM_CAP_ENFORCE_PV_FEATURE_CPUID is on */
	struct feature_set gates;	/* features from MCG_CAP and gate MSRs */
};

/*
 * Adds suite_vcpus[i], with id i, to vm exactly as the suite's VMs have it
 * (msrcheck probe measures on the same vCPUs): its CPUID (hooks may be
 * NULL), PV CPUID enforcement, MCE and the gates, before any run.
 */
struct kvm_vcpu *suite_add_vcpu(struct kvm_vm *vm, unsigned int i,
				const struct suite_hooks *hooks,
				struct suite_vcpu_setup *su);
/* The registry features the vCPU has: its applied CPUID, PV and gates. */
struct feature_set suite_vcpu_features(const struct kvm_vcpu *vcpu,
					const struct suite_vcpu_setup *su);

/*
 * Ways for a test to change what the suite sees (the teeth suite makes KVM
 * lie with these).  All optional.
 */
struct suite_hooks {
	/* After the host facts are read: e.g. drop an MSR from the list. */
	void (*adjust_host)(struct kvm_host *h, void *opaque);
	/* Before KVM_SET_CPUID2 of each vCPU. */
	void (*adjust_cpuid)(unsigned int vcpu, struct kvm_cpuid2 *cpuid,
			     void *opaque);
	/* After each VM and its vCPUs exist, before any runs. */
	void (*vm_created)(struct kvm_vm *vm, void *opaque);
	/* The host's view of an entry, before its checks are planned. */
	void (*adjust_entry)(unsigned int id, struct msr_entry *e,
			     void *opaque);
	/* What a host MSR/ONE_REG ioctl returned. */
	host_access_fn host_access;
	/* A registry VM capability (enum vm_cap_id) was set or cleared. */
	void (*vm_cap_set)(unsigned int vm_cap, bool on, void *opaque);
	/* The guest's copy of a plan: before it runs, and after it ran. */
	guest_slots_fn plan_written;
	guest_slots_fn guest_ran;
	void *opaque;
};

/* What one entry cost, for the benchmark. */
struct entry_stats {
	unsigned long runs;		/* guest runs it had operations in */
	unsigned long guest_ops;	/* guest plan operations */
	unsigned long host_ops;		/* host steps that made an ioctl */
};

struct suite_opts {
	const char *device;		/* default KVM_DEFAULT_DEVICE */
	bool tap;
	bool verbose;
	const char *const *patterns;	/* entry globs; none: every entry */
	unsigned int nr_patterns;
	unsigned int timeout_ms;	/* per vCPU run */
	uint32_t hidden_caps;		/* 1u << enum kvm_cap_id */
	/*
	 * CPUID features to behave as if KVM_GET_SUPPORTED_CPUID reported
	 * them: the full vCPUs get them, and the checks expect them.
	 */
	struct feature_set pretend;
	const char *flavour;		/* override the detected KVM flavour */
	/*
	 * Robustness tests: this vCPU runs this guest op (HANG, UD, TRIPLE,
	 * BAD_PORT) first in the entry's plan; GUEST_OP_END: none.
	 */
	enum guest_op fault;
	unsigned int fault_vcpu;
	int fault_entry;		/* enum msr_entry_id, -1: none */
	const struct suite_hooks *hooks;
	/* If set, per-entry costs are added here (the benchmark). */
	struct entry_stats *entry_stats;	/* [NR_MSR_ENTRIES] */
};

/* Glob-selects entries ("TSC_AUX*", "IA32_PL?_SSP/canonical"). */
bool suite_entry_selected(const struct suite_opts *o, const struct msr_entry *e);

/*
 * Runs the suite and reports into rep (initialised by the caller).
 * Returns 0 (all passed), 1 (a check failed), 2 (error), 77 (skipped).
 */
int suite_run(const struct suite_opts *o, struct report *rep);

#endif
