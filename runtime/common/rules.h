/* SPDX-License-Identifier: MIT */
/*
 * The expectation rules: given a registry entry and what the vCPU and KVM
 * support, what KVM must do.  Pure functions, no KVM and no I/O; the step
 * builders (steps.h) turn them into checks, and tests/oracle exercises
 * both for vendors and CPUID combinations the test host does not have.
 * Host-only: the guest runs plans and judges nothing.
 */
#ifndef MSRCHECK_RULES_H
#define MSRCHECK_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "checks.h"
#include "feature_set.h"
#include "msr_table.h"

#define GP_VECTOR 13

/* Linux errno the ONE_REG checks expect (kept free of errno.h). */
#define RULES_EINVAL 22

enum step_op {
#define STEP_OP(id, side) OP_##id,
#include "step_ops.def"
#undef STEP_OP
	NR_STEP_OPS,
};

enum skip_reason {
#define SKIP(id, name) SKIP_##id,
#include "skips.def"
#undef SKIP
	NR_SKIP_REASONS,
};

/* One check to make: what to do and what must come of it. */
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
	int16_t reserved;
	/* The bit a sweep step writes alone, or -1. */
	int8_t bit;
	/*
	 * A WRMSR that should have faulted but did not: write back `want`,
	 * the vCPU's reset value.
	 */
	bool restore;
	/*
	 * One of many steps of one check (a sweep): passing steps are counted
	 * into one result, each failing one is reported with its bit.
	 */
	bool aggregate;
	uint64_t value;		/* value written */
	uint64_t want;		/* value a read must give; see restore */
};

/* What decides the expectations of one entry on one vCPU. */
struct rules_ctx {
	uint8_t vendor;		/* enum vendor of the guest CPUID */
	uint8_t host_vendor;	/* enum vendor of the host (KVM's module) */
	bool la57;		/* KVM supports LA57: 57-bit canonical checks */
	bool bsp;		/* the bootstrap vCPU (vCPU 0) */
	/* KVM's value of a feature MSR (system fd), for entries that are. */
	uint64_t feature_value;
	bool ignore_msrs;	/* kvm.ignore_msrs */
	bool use_one_reg;	/* this pass writes through ONE_REG */
	/*
	 * An earlier vCPU of the suite has this one's configuration, as far
	 * as the entry can tell (rules_same_config).
	 */
	bool twin;
	/*
	 * Registry features the vCPU has, whatever their source (its CPUID,
	 * its MCG_CAP, another MSR); a PV bit counts as present when the vCPU
	 * does not enforce PV CPUID.
	 */
	struct feature_set vcpu;
	struct feature_set kvm;	/* registry features KVM supports */
};

/* The MSR a non-CPUID feature is a bit of (MCG_CAP for source mcg_cap). */
#define MSR_MCG_CAP 0x179
uint32_t rules_gate_msr(const struct msr_feature *f);
/* The host's KVM is the SVM module (an AMD or Hygon host). */
bool rules_host_is_svm(const struct rules_ctx *c);
/*
 * The MSR's value on a fresh vCPU: the registry's reset value (KVM's
 * feature value for a feature MSR, the SVM module's where it has its own,
 * the bootstrap vCPU's where it differs), less the
 * gate bits of features the vCPU lacks when the MSR is their gate (the
 * featureless vCPU's MCG_CAP has no MCG_CTL_P, its PLATFORM_INFO no
 * CPUID-faulting bit: the suite clears them before the vCPU runs).
 */
uint64_t rules_reset(const struct msr_entry *e, const struct rules_ctx *c);
/*
 * What RDMSR returns after a WRMSR of `written` over the reset value: the
 * entry's ignored bits keep the reset value, its fixed bits read as fixed,
 * and the vendor quirks that apply drop bits.
 */
uint64_t rules_readback(const struct msr_entry *e, const struct rules_ctx *c,
			uint64_t written);
/* A quirk applies to this guest vendor on this host vendor. */
bool rules_quirk_applies(const struct msr_quirk *q, const struct rules_ctx *c);

bool rules_has_primary(const struct msr_entry *e, struct feature_set m);
bool rules_has_secondary(const struct msr_entry *e, struct feature_set m);
bool rules_has_any(const struct msr_entry *e, struct feature_set m);

/*
 * Where the guest's own checks run.  What a guest access does depends on
 * the vCPU's configuration, not on how the host later reads or writes the
 * MSR, so: the msrs pass runs them all; the one-reg pass (about the host's
 * side through ONE_REG) has the guest only write the value the host then
 * reads and read back the host's write; a twin vCPU (the configuration of
 * an earlier one) repeats the reads and writes, since each vCPU's state
 * must survive the others' runs, but not the probes its twin made: reserved
 * values, canonical widths, the sweep, the #GP of an absent MSR.  The same
 * holds for the host: a twin's host reads and writes the state (the guest's
 * value, the reset value), but makes none of the host's probes (ONE_REG
 * reads, accesses that must fail, accesses to an absent MSR, writes before
 * the first run).
 */
bool rules_guest_reads(const struct rules_ctx *c);
/*
 * The TSC coupling scenario checks the entry on this vCPU: IA32_TSC_ADJUST
 * the vCPU has, in the msrs pass, not on a twin.  The scenario adds
 * RULES_TSC_STEP to TSC_ADJUST (the TSC must follow), then writes
 * RULES_TSC_TARGET to the TSC (TSC_ADJUST must follow).  Time passes
 * between the accesses: RULES_TSC_SLACK cycles of it are allowed.
 */
#define RULES_TSC_STEP		(1ull << 40)
#define RULES_TSC_TARGET	(1ull << 60)
#define RULES_TSC_SLACK		(1ull << 34)
bool rules_tsc_coupling_checked(const struct msr_entry *e,
				const struct rules_ctx *c);
/* RDMSR(TSC) went from before to after across TSC_ADJUST += STEP. */
bool rules_tsc_follows_adjust(uint64_t before, uint64_t after);
/*
 * TSC_ADJUST went from adjust_before to adjust_after across a TSC write
 * of RULES_TSC_TARGET made after the TSC read tsc_before.
 */
bool rules_adjust_follows_tsc(uint64_t adjust_before, uint64_t tsc_before,
			      uint64_t adjust_after);
/* RDMSR(TSC) gave got right after a WRMSR of RULES_TSC_TARGET. */
bool rules_tsc_written(uint64_t got);
/*
 * The VM-capability scenario checks the entry on this vCPU: a readable
 * MSR the vCPU has whose guest reads a VM capability gates, in the msrs
 * pass, not on a twin.  With the capability disabled KVM fails the guest's
 * read as invalid ([I]: #GP even with kvm.ignore_msrs) and lets the host's
 * through; the value is rules_reset's either way.
 */
bool rules_vm_cap_gate_checked(const struct msr_entry *e,
			       const struct rules_ctx *c);
/*
 * The INIT scenario checks the entry on this vCPU: the registry says what
 * INIT does to it, the guest writes it and the host reads it; not on a
 * twin.
 */
bool rules_init_checked(const struct msr_entry *e, const struct rules_ctx *c);
/* What the host reads after the guest wrote `write` and an INIT came. */
uint64_t rules_after_init(const struct msr_entry *e, const struct rules_ctx *c);
/*
 * The entry takes part in the save/restore round trip on this vCPU: a
 * writable per-vCPU MSR that KVM lists, the vCPU has and the host may
 * write; not on a twin (its values are its twin's).
 */
bool rules_round_trips(const struct msr_entry *e, const struct rules_ctx *c,
		       bool listed);
/* A value other than v, for writes that must be refused: 0, or 1 for 0. */
uint64_t rules_other_value(uint64_t v);
bool rules_guest_probes(const struct rules_ctx *c);
bool rules_host_probes(const struct rules_ctx *c);
/*
 * The features that decide an entry's checks: its own and those whose
 * gate bit lives in its MSR (PLATFORM_INFO.31 for CPUID_FAULT).
 */
struct feature_set rules_relevant_features(const struct msr_entry *e);
/*
 * Two vCPUs decide the same for the entry: the same relevant features,
 * the same vendor if a quirk could tell, the same BSP-ness if its reset
 * value depends on it.
 */
bool rules_same_config(const struct msr_entry *e, const struct rules_ctx *a,
		       const struct rules_ctx *b);

/* The guest takes the supported path iff its CPUID has the primary feature. */
bool rules_supported_path(const struct msr_entry *e,
			  const struct rules_ctx *c);
/* The reserved value i must #GP (else it is written truncated). */
bool rules_reserved_faults(const struct msr_entry *e,
			   const struct rules_ctx *c, unsigned int i);
/* A write of `value` (reserved bits set) must #GP, else it is truncated. */
bool rules_value_faults(const struct msr_entry *e, const struct rules_ctx *c,
			uint64_t value);
/*
 * KVM advertises the MSR (KVM_GET_MSR_INDEX_LIST): its host accesses get
 * the [U] relaxation when the vCPU lacks it.
 */
bool rules_advertised(const struct msr_entry *e, const struct rules_ctx *c);
/* What the host's accesses do when the vCPU lacks the MSR. */
enum host_absent_mode {
	ABSENT_FULL,	/* as if it had it (host accesses skip the gate) */
	ABSENT_ZERO,	/* read 0, write 0 only ([U], advertised) */
	ABSENT_FAILS,	/* every access fails ([I], or not advertised) */
};
enum host_absent_mode rules_host_absent(const struct msr_entry *e,
					const struct rules_ctx *c);
/* A value canonical at 57 bits but not 48 is writable (KVM has LA57). */
bool rules_canonical_57_ok(const struct rules_ctx *c);
/* KVM_GET_MSR_INDEX_LIST must list the MSR. */
bool rules_in_save_list(const struct msr_entry *e, struct feature_set kvm);
/* The host-side MSR checks run (KVM supports the primary feature). */
bool rules_host_checks_apply(const struct msr_entry *e,
			     const struct rules_ctx *c);
/* KVM_GET_REG_LIST must list the KVM-defined register. */
bool rules_kvm_reg_present(const struct msr_entry *e,
			   const struct rules_ctx *c);
/*
 * The value the MSR holds after the guest's stage (STAGE_MAIN or
 * STAGE_AFTER): what the host's KVM_GET_MSRS must then see.
 */
uint64_t rules_sync_value(const struct msr_entry *e,
			  const struct rules_ctx *c, unsigned int guest_stage);

/* Features the featureless vCPU loses: every registry feature not kept. */
struct feature_set rules_cleared_features(void);

#endif
