/* SPDX-License-Identifier: MIT */
/*
 * Turning steps into reported results: the guest's recorded results, and
 * the host steps, which run here with the MSR and ONE_REG ioctls.
 */
#ifndef MSRCHECK_STEP_RESULTS_H
#define MSRCHECK_STEP_RESULTS_H

#include "kvm_util.h"
#include "report.h"
#include "rules.h"

/* Fills status, detail, want/got and skip_why of out from a guest result. */
void guest_result_describe(const struct msr_entry *e,
			   const struct rules_ctx *c,
			   const struct guest_result *g,
			   struct check_result *out);
/*
 * What one host MSR/ONE_REG access returned.  A test hook may change it,
 * to play a KVM that lies (teeth suite).
 */
struct host_access {
	enum step_op op;	/* OP_HOST_GET ... OP_REG_SET */
	const struct msr_entry *e;
	unsigned int vcpu;
	uint64_t value;		/* value written, or read */
	int ret;		/* 0 or -errno; OP_REG_LIST: 1 if listed */
};

typedef void (*host_access_fn)(struct host_access *a, void *opaque);

/* Runs one host step on the vCPU and fills out the same way. */
void host_step_run(struct kvm_vcpu *vcpu, const struct msr_entry *e,
		   const struct rules_ctx *c, const struct step *s,
		   struct check_result *out, host_access_fn lie, void *opaque);
/* Runs the save/restore-list step against the host's list. */
void save_list_run(const struct kvm_host *h, const struct msr_entry *e,
		   const struct step *s, struct check_result *out);
/* Why a step was skipped, in words. */
void skip_reason_text(enum skip_reason why, const struct msr_entry *e,
		      const struct rules_ctx *c, char *buf, size_t len);
/* "#GP", "#UD", "no fault", "vector 33". */
const char *vector_name(unsigned int vector, char *buf, size_t len);

#endif
