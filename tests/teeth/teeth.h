/* SPDX-License-Identifier: MIT */
/*
 * The teeth suite: make KVM lie on purpose and prove the conformance suite
 * catches every lie, at the right entry, with the right check and message.
 *
 * A "world" is an honest set-up every lie of a group shares (for example:
 * userspace emulates TSC_AUX through an MSR filter, with correct AMD
 * semantics); its baseline run must be clean.  A "lie" is one row of data:
 * a world, an entry selection, the entry and check kind that must fail, the
 * text the failure must carry, and tiny hooks that twist the world.
 *
 * Two levels of lie, named in every row:
 *  - KVM lies: KVM itself answers the guest wrongly, because its MSR filter
 *    denies an access (KVM raises #GP) or hands it to a userspace exit
 *    handler that answers wrongly.  The suite sees a real KVM_RUN.
 *  - table/ioctl lies: where KVM cannot be made to lie (its host ioctls are
 *    never filtered; it cannot list a register it lacks), the host's facts,
 *    the host's registry table, or what a host ioctl returned are changed
 *    through the suite's test hooks;
 *  - guest-memory lies: the guest's plan or its observations are changed in
 *    guest memory, around a run, as a broken or hostile guest would.
 */
#ifndef MSRCHECK_TEETH_H
#define MSRCHECK_TEETH_H

#include <stdbool.h>
#include <stdint.h>

#include "suite.h"

#define CHECK_BIT(c) ((uint64_t)1 << (c))
_Static_assert(NR_CHECKS <= 64, "a lie's check kinds fit a 64-bit mask");

struct teeth;

/*
 * A world's or a lie's hooks; all optional.  The runner calls the world's
 * first, then the lie's, except for the two answering hooks, where the lie
 * goes first and returns true if it answered (a lie usually calls the
 * world's honest answer and then twists it).
 */
struct teeth_hooks {
	void (*adjust_host)(struct teeth *t, struct kvm_host *h);
	void (*adjust_cpuid)(struct teeth *t, unsigned int vcpu,
			     struct kvm_cpuid2 *cpuid);
	void (*vm_created)(struct teeth *t, struct kvm_vm *vm);
	void (*adjust_entry)(struct teeth *t, unsigned int id,
			     struct msr_entry *e);
	/* A KVM_EXIT_X86_RDMSR/WRMSR: fill run->msr.data and .error. */
	bool (*msr_exit)(struct teeth *t, struct kvm_vcpu *vcpu,
			 struct kvm_run *run);
	/* The suite set (on) or cleared a registry VM capability. */
	void (*vm_cap_set)(struct teeth *t, unsigned int vm_cap, bool on);
	/* What a host ioctl returned; false keeps KVM's own answer. */
	bool (*host_access)(struct teeth *t, struct host_access *a);
	/* The guest's copy of a plan, before it runs and after it ran. */
	void (*plan_written)(struct teeth *t, struct kvm_vcpu *vcpu,
			     struct guest_slot *s, unsigned int n);
	void (*guest_ran)(struct teeth *t, struct kvm_vcpu *vcpu,
			  struct guest_slot *s, unsigned int n);
};

struct teeth_world {
	const char *name;
	const char *doc;
	struct teeth_hooks hooks;
};

enum lie_level {
	LIE_KVM,	/* KVM answers the guest wrongly (filter, exits) */
	LIE_TABLE,	/* the host's facts or a registry table are wrong */
	LIE_IOCTL,	/* a host ioctl's result is changed on its way back */
	LIE_GUEST_MEM,	/* the guest's plan or observations are changed */
	NR_LIE_LEVELS,
};

#define LIE_MAX_PATTERNS 4

struct lie {
	const char *name;
	enum lie_level level;
	const char *fakes;		/* the behaviour it fakes, in words */
	const struct teeth_world *world;
	/* Entry globs: the lied-about entry and 1-3 clean neighbours. */
	const char *const *select;
	int entry;		/* enum msr_entry_id, or REPORT_NO_ENTRY */
	enum check_id check;		/* the kind this lie proves */
	/*
	 * Further kinds the lie necessarily breaks at the same entry (a
	 * swallowed write also fails the read-back).  The runner insists the
	 * failed kinds are exactly check plus these, so every row says
	 * precisely what it does.
	 */
	uint64_t also;
	/*
	 * Kinds it breaks as well only where KVM has LA57, which differs
	 * between hosts: a 57-bit canonical address is then a value to read
	 * back rather than a #GP.
	 */
	uint64_t also_la57;
	/*
	 * Must appear in a "not ok" line of the entry and check, after the
	 * check's name; a '*' in it stands for any text (a shell glob).
	 */
	const char *detail;
	struct teeth_hooks hooks;
};

/* Per-run state: reset whenever the suite builds a VM. */
struct teeth {
	const struct teeth_world *world;
	const struct lie *lie;		/* NULL: the world's baseline */
	struct kvm_vm *vm;
	/* Registry features of each vCPU's CPUID (not vcpu->features). */
	struct feature_set cpuid[SUITE_NR_VCPUS];
	/* Per vCPU: a register userspace emulates, and scratch for lies. */
	uint64_t val[SUITE_NR_VCPUS];
	uint64_t saved[SUITE_NR_VCPUS];
	bool flag[SUITE_NR_VCPUS];
	bool cap_off;			/* a world's VM capability, cleared */
};

extern const struct lie lies[];
extern const unsigned int nr_lies;

/* Removes an MSR from the host's copy of KVM_GET_MSR_INDEX_LIST. */
void teeth_unlist_msr(struct kvm_host *h, uint32_t index);
/* Adds an MSR to it, unless it is there already. */
void teeth_list_msr(struct kvm_host *h, uint32_t index);

#endif
