/* SPDX-License-Identifier: MIT */
/*
 * The expectation rules: given a registry entry and what the vCPU and KVM
 * support, which checks run and what each must see.  Pure functions, no KVM
 * and no I/O, compiled into both the host runtime and the guest so the two
 * sides can never disagree; tests/oracle exercises them for vendors and CPUID
 * combinations the test host does not have.
 *
 * The rules produce "steps": the guest executes its steps with RDMSR/WRMSR,
 * the host executes its steps with the MSR and ONE_REG ioctls.
 */
#ifndef MSRCHECK_RULES_H
#define MSRCHECK_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "checks.h"
#include "msr_table.h"

#define GP_VECTOR 13

/* Linux errno the ONE_REG checks expect; the guest build has no errno.h. */
#define RULES_EINVAL 22

/* The two guest runs per entry and vCPU, each ending in a host check. */
enum guest_phase {
	PHASE_MAIN,		/* reset value, write, read back (or #GP) */
	PHASE_AFTER_HOST,	/* host's write visible; reserved values */
	NR_PHASES,
};

enum step_op {
	OP_SKIP,		/* the check does not apply; see skip */
	/* guest */
	OP_RDMSR,
	OP_WRMSR,
	/* host, on the vCPU */
	OP_HOST_GET,		/* KVM_GET_MSRS */
	OP_HOST_SET,		/* KVM_SET_MSRS, or KVM_SET_ONE_REG in the ONE_REG pass */
	OP_HOST_GET_REG,	/* KVM_GET_ONE_REG of the MSR */
	OP_REG_LIST,		/* KVM_GET_REG_LIST; want = 1 if listed */
	OP_REG_GET,		/* KVM_GET_ONE_REG of a KVM-defined register */
	OP_REG_SET,		/* KVM_SET_ONE_REG of a KVM-defined register */
	OP_SAVE_LIST,		/* KVM_GET_MSR_INDEX_LIST; want = 1 if listed */
};

enum skip_reason {
	SKIP_NONE,
	SKIP_IGNORE_MSRS,	/* kvm.ignore_msrs=Y hides the #GP */
	SKIP_SECONDARY,		/* a secondary feature makes the MSR exist */
	SKIP_KVM_LACKS_PRIMARY,	/* host checks need KVM to support it */
	SKIP_HOST_DID_NOT_WRITE,	/* follows SKIP_KVM_LACKS_PRIMARY */
	SKIP_SAVE_LIST_EXEMPT,	/* registry: save_list_exempt */
	SKIP_NOT_ONE_REG_PASS,	/* KVM-defined registers need ONE_REG */
	NR_SKIP_REASONS,
};

struct step {
	uint8_t op;		/* enum step_op */
	uint8_t check;		/* enum check_id */
	uint8_t skip;		/* enum skip_reason, for OP_SKIP */
	/*
	 * Guest steps: the exception vector wanted (0: none).  Host steps: 0
	 * if the ioctl must succeed, else the errno wanted (or -1: any).
	 */
	int8_t want_fault;
	/* Which msr_entry.reserved[] value the step is about, or -1. */
	int8_t reserved;
	/* A WRMSR that should have faulted but did not: write reset back. */
	bool restore;
	uint64_t value;		/* value written */
	uint64_t want;		/* value a read must give */
};

#define RULES_MAX_STEPS 32

/* What decides the expectations of one entry on one vCPU. */
struct rules_ctx {
	uint8_t vendor;		/* enum vendor of the guest CPUID */
	bool ignore_msrs;	/* kvm.ignore_msrs */
	bool has_one_reg;	/* KVM_CAP_ONE_REG */
	bool use_one_reg;	/* this pass writes through ONE_REG */
	feature_mask_t vcpu;	/* registry features in the vCPU's CPUID */
	feature_mask_t kvm;	/* registry features KVM supports */
};

uint64_t rules_readback(const struct msr_entry *e, enum vendor v,
			uint64_t written);

bool rules_has_primary(const struct msr_entry *e, feature_mask_t m);
bool rules_has_secondary(const struct msr_entry *e, feature_mask_t m);
bool rules_has_any(const struct msr_entry *e, feature_mask_t m);

/* The guest takes the supported path iff its CPUID has the primary feature. */
bool rules_supported_path(const struct msr_entry *e,
			  const struct rules_ctx *c);
/* The reserved value i must #GP (else it is written truncated). */
bool rules_reserved_faults(const struct msr_entry *e,
			   const struct rules_ctx *c, unsigned int i);
/* KVM_GET_MSR_INDEX_LIST must list the MSR. */
bool rules_in_save_list(const struct msr_entry *e, feature_mask_t kvm);
/* The save/restore-list check of an entry (a skip if it is exempt). */
void rules_save_list_step(const struct msr_entry *e,
			  const struct rules_ctx *c, struct step *out);
/* The host-side MSR checks run (KVM supports the primary feature). */
bool rules_host_checks_apply(const struct msr_entry *e,
			     const struct rules_ctx *c);
/* KVM_GET_REG_LIST must list the KVM-defined register. */
bool rules_kvm_reg_present(const struct msr_entry *e,
			   const struct rules_ctx *c);

/* Features the featureless vCPU loses: every registry feature not kept. */
feature_mask_t rules_cleared_features(void);

/* Steps the guest runs in a phase; returns how many were written. */
int rules_guest_steps(const struct msr_entry *e, const struct rules_ctx *c,
		      enum guest_phase phase, struct step *out);
/* The value the host must find after the guest's phase. */
uint64_t rules_sync_value(const struct msr_entry *e,
			  const struct rules_ctx *c, enum guest_phase phase);
/* Host steps after a guest phase that left guest_val in the MSR. */
int rules_host_steps(const struct msr_entry *e, const struct rules_ctx *c,
		     uint64_t guest_val, struct step *out);
/* Host steps for a KVM-defined register (kind kvm_reg) on one vCPU. */
int rules_kvm_reg_steps(const struct msr_entry *e, const struct rules_ctx *c,
			struct step *out);

#endif
