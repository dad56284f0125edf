/* SPDX-License-Identifier: MIT */
/*
 * The conformance suite: the scenario of the upstream msrs_test, run for
 * every registry entry, reporting every check instead of stopping at the
 * first mismatch.
 *
 * Per pass (MSR ioctls, then ONE_REG): one VM with three vCPUs run from this
 * one task; vCPUs 0 and 1 get KVM's supported CPUID, vCPU 2 loses every
 * registry feature that is not kept (LM, NONE).  Per entry: the save/restore
 * list check, then each vCPU runs the guest's main phase, the host checks,
 * each vCPU runs the after-host phase, the host checks again.
 */
#ifndef MSRCHECK_SUITE_H
#define MSRCHECK_SUITE_H

#include <stdbool.h>

#include "entry_checks.h"
#include "kvm_util.h"
#include "report.h"
#include "step_results.h"

#define SUITE_NR_VCPUS 3
#define SUITE_DEFAULT_TIMEOUT_MS 5000

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
	/*
	 * After each VM and its vCPUs exist, before any runs: e.g. take MSRs
	 * to userspace, or patch the guest's table (vm_guest_entries()).
	 */
	void (*vm_created)(struct kvm_vm *vm, void *opaque);
	/* The host's view of an entry, before its checks run. */
	void (*adjust_entry)(unsigned int id, struct msr_entry *e,
			     void *opaque);
	/* What a host MSR/ONE_REG ioctl returned. */
	host_access_fn host_access;
	void *opaque;
};

struct suite_opts {
	const char *device;		/* default KVM_DEFAULT_DEVICE */
	bool tap;
	bool verbose;
	const char *const *patterns;	/* entry globs; none: every entry */
	unsigned int nr_patterns;
	unsigned int timeout_ms;	/* per vCPU run */
	uint32_t hidden_caps;		/* 1u << enum kvm_cap_id */
	const char *flavour;		/* override the detected KVM flavour */
	/* Robustness tests: make this vCPU fault on this entry. */
	enum guest_fault fault;
	unsigned int fault_vcpu;
	int fault_entry;		/* enum msr_entry_id, -1: none */
	const struct suite_hooks *hooks;
	/* If set, KVM work per entry is added here (the benchmark). */
	struct kvm_stats *entry_stats;	/* [NR_MSR_ENTRIES] */
};

struct suite {
	const struct suite_opts *opts;
	struct kvm_host host;
	struct report *report;
	enum suite_pass pass;
	struct kvm_vm *vm;
	bool vm_broken;		/* a run failed: rebuild before the next entry */
	unsigned int entry;	/* enum msr_entry_id being checked */
	bool cpuid_checked[SUITE_NR_VCPUS];
};

/* Glob-selects entries ("TSC_AUX*", "IA32_PL?_SSP/canonical"). */
bool suite_entry_selected(const struct suite_opts *o, const struct msr_entry *e);

/*
 * Runs the suite and reports into rep (initialised by the caller).
 * Returns 0 (all passed), 1 (a check failed), 2 (error), 77 (skipped).
 */
int suite_run(const struct suite_opts *o, struct report *rep);

#endif
