/* SPDX-License-Identifier: MIT */
/*
 * Judging: a step (what the rules want) and what happened (the guest's
 * observation, or what a host ioctl returned) become one check result, in
 * the selftests' message style: the operation spelled as the instruction
 * or ioctl, the index in hex, want before got.
 */
#ifndef MSRCHECK_JUDGE_H
#define MSRCHECK_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"
#include "rules.h"

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

/*
 * Whether passing results get their text too (TAP and verbose reports
 * print every result; the plain report only failures, so the judge leaves
 * a passing result's detail empty: formatting thousands of lines nobody
 * reads is a good part of a run's user time).  Default: yes.
 */
void judge_set_pass_details(bool on);

/* A step the rules skip: the reason in words. */
void judge_skip(const struct msr_entry *e, const struct rules_ctx *c,
		const struct step *s, struct check_result *out);
/* A guest RDMSR/WRMSR step against the slot's vector and value. */
void judge_guest(const struct msr_entry *e, const struct step *s,
		 unsigned int vector, uint64_t got, struct check_result *out);
/* A host step against what its ioctl returned. */
void judge_host(const struct msr_entry *e, const struct step *s,
		const struct host_access *a, struct check_result *out);
/* The save/restore-list step against the host's list. */
void judge_save_list(const struct msr_entry *e, const struct step *s,
		     bool listed, struct check_result *out);
/* Why a step was skipped, in words. */
void skip_reason_text(enum skip_reason why, const struct msr_entry *e,
		      const struct rules_ctx *c, char *buf, size_t len);
/* "#GP", "#UD", "no fault", "vector 33". */
const char *vector_name(unsigned int vector, char *buf, size_t len);

#endif
