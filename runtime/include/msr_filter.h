/* SPDX-License-Identifier: MIT */
/*
 * Taking guest MSR accesses away from KVM, with KVM's own tools:
 * KVM_X86_SET_MSR_FILTER decides which guest RDMSR/WRMSR KVM refuses, and
 * KVM_CAP_X86_USER_SPACE_MSR decides whether a refused access becomes a #GP
 * (KVM's default) or a KVM_EXIT_X86_RDMSR/WRMSR that vcpu_run() hands to
 * vm->msr_exit.  The teeth suite uses them to make KVM lie on purpose.
 *
 * The filter applies to the guest's accesses only: the host's
 * KVM_{GET,SET}_MSRS and ONE_REG ioctls always reach KVM's own MSR state.
 */
#ifndef MSRCHECK_MSR_FILTER_H
#define MSRCHECK_MSR_FILTER_H

#include <stdint.h>

#include "kvm_util.h"

/* At most this many MSRs per filter: one filter range each. */
#define VM_MSR_FILTER_MAX KVM_MSR_FILTER_MAX_RANGES

/*
 * Which refused guest accesses exit to userspace: a mask of
 * KVM_MSR_EXIT_REASON_{INVAL,UNKNOWN,FILTER}; 0 turns the exits off, so KVM
 * raises #GP itself.  0, or -errno (-EOPNOTSUPP without the capability).
 */
int __vm_set_msr_exits(struct kvm_vm *vm, uint32_t reasons);
void vm_set_msr_exits(struct kvm_vm *vm, uint32_t reasons);

/*
 * Replaces the VM's MSR filter with one that denies the guest the accesses
 * in `access` (KVM_MSR_FILTER_READ and/or KVM_MSR_FILTER_WRITE) to each of
 * the n MSRs and allows everything else; n == 0 removes the filter.
 * 0, or -errno (-EOPNOTSUPP without the capability).
 */
int __vm_deny_msrs(struct kvm_vm *vm, const uint32_t *msrs, unsigned int n,
		   uint32_t access);
void vm_deny_msrs(struct kvm_vm *vm, const uint32_t *msrs, unsigned int n,
		  uint32_t access);

#endif
