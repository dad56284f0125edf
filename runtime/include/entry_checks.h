/* SPDX-License-Identifier: MIT */
/*
 * The per-entry check functions gen/msrgen emits (msr_checks.c): each is a
 * thin wrapper that hands its registry entry to the hand-written checker for
 * the entry's kind.  The suite calls them through msr_checks[].
 */
#ifndef MSRCHECK_ENTRY_CHECKS_H
#define MSRCHECK_ENTRY_CHECKS_H

#include "msr_table.h"

struct suite;

typedef void (*msr_check_fn)(struct suite *s);

/* RDMSR/WRMSR in the guest plus the host's MSR ioctls. */
void suite_check_msr(struct suite *s, const struct msr_entry *e);
/* KVM-defined register: ONE_REG and KVM_GET_REG_LIST only. */
void suite_check_kvm_reg(struct suite *s, const struct msr_entry *e);

extern const msr_check_fn msr_checks[NR_MSR_ENTRIES];

#endif
