/* SPDX-License-Identifier: MIT */
/*
 * Step builders: the hand-written pieces an entry's plan is made of.  The
 * generator picks them from the entry's data and emits one plan function
 * per entry (gen/generated/msr_plans.c) that calls them in order; each
 * builder asks the rules (rules.h) what KVM must do and adds the steps that
 * check it to the stages they belong to.  Pure: no KVM, no I/O.
 *
 * The stages of a segment, per vCPU, alternate guest and host:
 *   STAGE_MAIN        guest: reset value, write, read back (or #GP)
 *   STAGE_MAIN_HOST   host: sees the guest's value, writes the reset value
 *   STAGE_AFTER       guest: sees the host's write; reserved values,
 *                     canonical probes, the per-bit sweep
 *   STAGE_AFTER_HOST  host: the same round trip again
 * STAGE_PASS holds the host checks made once per pass and entry, not per
 * vCPU (the save/restore list), and STAGE_PRE the host's checks on each
 * vCPU before it first runs (a read-only MSR is still host-writable).
 */
#ifndef MSRCHECK_STEPS_H
#define MSRCHECK_STEPS_H

#include <stdbool.h>

#include "rules.h"

enum stage {
	STAGE_PASS,
	STAGE_PRE,
	STAGE_MAIN,
	STAGE_MAIN_HOST,
	STAGE_AFTER,
	STAGE_AFTER_HOST,
	NR_STAGES,
};

/* The per-vCPU stages, in the order they run. */
#define FIRST_VCPU_STAGE STAGE_MAIN
#define NR_VCPU_STAGES (NR_STAGES - FIRST_VCPU_STAGE)

static inline bool stage_is_guest(unsigned int st)
{
	return st == STAGE_MAIN || st == STAGE_AFTER;
}

struct plan_ctx;

/* Where builders put their steps: the caller's storage. */
typedef void (*step_sink_fn)(struct plan_ctx *p, enum stage st,
			     const struct step *s);

struct plan_ctx {
	const struct msr_entry *e;
	const struct rules_ctx *c;
	/*
	 * true: the call made once per pass and entry (only STAGE_PASS steps;
	 * c->vcpu is empty); false: the call for one vCPU.
	 */
	bool pass_scope;
	/*
	 * A VM-scoped entry: this vCPU is the first of the VM's vCPUs that
	 * have the MSR (it writes it) and the last (the host restores it).
	 */
	bool vm_first, vm_last;
	step_sink_fn add;
	void *opaque;		/* the sink's */
};

typedef void (*msr_plan_fn)(struct plan_ctx *p);
/* Generated: the plan function of every entry. */
extern const msr_plan_fn msr_plans[NR_MSR_ENTRIES];

/* KVM_GET_MSR_INDEX_LIST agrees with CPUID (a skip if exempt). */
void plan_save_list(struct plan_ctx *p);
/*
 * The guest's RDMSR/WRMSR: reset value, write, read back on the supported
 * path, #GP on the unsupported one; after the host's write, its value.
 */
void plan_rw(struct plan_ctx *p);
/* The host's KVM_GET_MSRS, KVM_SET_MSRS (or ONE_REG) after each stage. */
void plan_host_roundtrip(struct plan_ctx *p);
/* A read-only MSR: RDMSR as plan_rw, WRMSR #GP; the host may write it. */
void plan_read_only(struct plan_ctx *p);
/* A write-only MSR: RDMSR #GP, WRMSR of 0 and of the write value work. */
void plan_write_only(struct plan_ctx *p);
/* An MSR no vCPU of the suite has: #GP, and host accesses fail. */
void plan_never(struct plan_ctx *p);
/* A VM-scoped MSR: one vCPU writes it, the others read what it wrote. */
void plan_vm_scope(struct plan_ctx *p);
/* Reserved values: #GP, or written truncated where the vendor drops bits. */
void plan_reserved(struct plan_ctx *p);
/* An address: a 48-bit and a 57-bit canonical probe (LA57 decides). */
void plan_canonical(struct plan_ctx *p);
/* Every bit written alone: reserved bits #GP, the others read back. */
void plan_sweep(struct plan_ctx *p);
/* A KVM-defined register: KVM_GET_REG_LIST and ONE_REG only. */
void plan_kvm_reg(struct plan_ctx *p);

#endif
