/* SPDX-License-Identifier: MIT */
/* CPUID tables and MSR/ONE_REG access from the host. */
#ifndef MSRCHECK_X86_H
#define MSRCHECK_X86_H

#include <stdbool.h>
#include <stdint.h>

#include "kvm_util.h"

/* KVM_GET_SUPPORTED_CPUID; the caller frees. */
struct kvm_cpuid2 *kvm_get_supported_cpuid(int kvm_fd);
struct kvm_cpuid2 *cpuid_dup(const struct kvm_cpuid2 *c);
/* KVM_GET_CPUID2 of a vCPU; the caller frees. */
struct kvm_cpuid2 *vcpu_get_cpuid(struct kvm_vcpu *vcpu);
struct kvm_cpuid_entry2 *cpuid_find(const struct kvm_cpuid2 *c,
				    uint32_t leaf, uint32_t subleaf);
/* Registry features (of source CPUID) a CPUID table has. */
struct feature_set cpuid2_features(const struct kvm_cpuid2 *c);
/* CPUID.7.0:ECX.LA57: KVM checks MSR addresses at 57 bits. */
bool cpuid2_has_la57(const struct kvm_cpuid2 *c);
/* Registry features KVM supports, of every source. */
struct feature_set kvm_host_features(const struct kvm_host *h);
/* Sets one vCPU's CPUID vendor string ("AuthenticAMD"). */
void cpuid2_set_vendor(struct kvm_cpuid2 *c, enum vendor v);
enum vendor cpuid2_vendor(const struct kvm_cpuid2 *c);
/* Clears (or sets) the bits of the given registry features. */
void cpuid2_clear_features(struct kvm_cpuid2 *c, struct feature_set m);
void cpuid2_set_features(struct kvm_cpuid2 *c, struct feature_set m);

/* Host MSR access; 0 on success, else -errno (or -EIO if KVM stopped). */
int __vcpu_get_msr(struct kvm_vcpu *vcpu, uint32_t index, uint64_t *val);
int __vcpu_set_msr(struct kvm_vcpu *vcpu, uint32_t index, uint64_t val);
/*
 * KVM_GET_MSRS / KVM_SET_MSRS of n MSRs in one ioctl: the number KVM
 * processed (it stops at the first MSR it refuses), or -errno.
 */
int __vcpu_msrs_ioctl(struct kvm_vcpu *vcpu, unsigned long cmd,
		      struct kvm_msrs *msrs);
/* KVM_{GET,SET}_ONE_REG; 0 or -errno. */
int __vcpu_get_reg(struct kvm_vcpu *vcpu, uint64_t id, uint64_t *val);
int __vcpu_set_reg(struct kvm_vcpu *vcpu, uint64_t id, uint64_t val);
/* KVM_GET_REG_LIST: whether id is listed. */
bool vcpu_reg_listed(struct kvm_vcpu *vcpu, uint64_t id);
/* KVM_ENABLE_CAP on the vCPU; 0 or -errno. */
int __vcpu_enable_cap(struct kvm_vcpu *vcpu, uint32_t cap, uint64_t arg0);
/* KVM_X86_SETUP_MCE; 0 or -errno. */
int __vcpu_setup_mce(struct kvm_vcpu *vcpu, uint64_t mcg_cap);
/*
 * An INIT, as another CPU's INIT IPI would deliver it (needs the in-kernel
 * LAPIC): latched with KVM_SET_VCPU_EVENTS, taken by KVM_GET_MP_STATE.
 * 0 or -errno.
 */
int __vcpu_init(struct kvm_vcpu *vcpu);
/* An AP with an in-kernel LAPIC waits for SIPI: make it run. */
int __vcpu_set_runnable(struct kvm_vcpu *vcpu);

/* kvm.ignore_msrs; false if the parameter cannot be read. */
bool kvm_ignore_msrs(void);
/* kvm.force_emulation_prefix is on: the emulator pass can run. */
bool kvm_force_emulation_prefix(void);
/* The KVM vendor modules kvm_flavour() looks for, in its order. */
extern const char *const kvm_modules[];
extern const unsigned int nr_kvm_modules;
/* The loaded KVM vendor module ("kvm_pvm", "kvm_intel", "kvm_amd"). */
const char *kvm_flavour(void);

const char *vendor_name(enum vendor v);

#endif
