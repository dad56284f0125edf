/* SPDX-License-Identifier: MIT */
/* Unit tests that need KVM: one VM with one vCPU, or a TAP skip. */
#ifndef MSRCHECK_KVM_UNIT_H
#define MSRCHECK_KVM_UNIT_H

#include <stdio.h>
#include <stdlib.h>

#include "kvm_util.h"
#include "unit.h"

#define MSR_CR_PAT		0x277u
#define MSR_LSTAR		0xc0000082u
#define MSR_KERNEL_GS_BASE	0xc0000102u
#define PAT_RESET		0x0007040600070406ull
/* No CPU has it: every access fails. */
#define NO_SUCH_MSR		0x474f4f00u

/* Opens KVM and makes a VM with one vCPU, or exits with a TAP skip. */
static inline struct kvm_vcpu *unit_vcpu(struct kvm_host *h)
{
	struct kvm_vm *vm;
	char why[256];
	const char *dev = kvm_device_from_env(why, sizeof(why));

	printf("TAP version 13\n");
	if (!dev) {
		printf("Bail out! %s\n", why);
		exit(2);
	}
	if (kvm_host_open(h, dev, 0, why, sizeof(why)) != KVM_OPEN_OK) {
		printf("1..0 # SKIP %s\n", why);
		exit(0);
	}
	vm = vm_create(h);
	return vm_add_vcpu(vm, h->supported_cpuid);
}

#endif
