// SPDX-License-Identifier: MIT
/* MSR filters and user-space MSR exits (see msr_filter.h). */
#include <errno.h>
#include <string.h>

#include "msr_filter.h"
#include "test_assert.h"

int __vm_set_msr_exits(struct kvm_vm *vm, uint32_t reasons)
{
	/* Honour --hide-cap: a hidden capability is an absent one. */
	if (!vm->host->caps[CAP_X86_USER_SPACE_MSR])
		return -EOPNOTSUPP;
	return __vm_enable_cap(vm, KVM_CAP_X86_USER_SPACE_MSR, reasons);
}

void vm_set_msr_exits(struct kvm_vm *vm, uint32_t reasons)
{
	int r = __vm_set_msr_exits(vm, reasons);

	TEST_ASSERT(!r, "KVM_ENABLE_CAP(X86_USER_SPACE_MSR, 0x%x) failed: %s",
		    reasons, strerror(-r));
}

int __vm_deny_msrs(struct kvm_vm *vm, const uint32_t *msrs, unsigned int n,
		   uint32_t access)
{
	/*
	 * One single-MSR range per index, all sharing one all-zero bitmap: a
	 * clear bit denies the range's accesses.  KVM copies each bitmap in
	 * whole longs during the ioctl, so it gets a 64-bit word, not a byte.
	 */
	static const uint64_t deny;
	struct kvm_msr_filter filter;
	unsigned int i;

	if (!vm->host->caps[CAP_X86_MSR_FILTER])
		return -EOPNOTSUPP;
	if (n > VM_MSR_FILTER_MAX)
		return -E2BIG;

	memset(&filter, 0, sizeof(filter));
	filter.flags = KVM_MSR_FILTER_DEFAULT_ALLOW;
	for (i = 0; i < n; i++) {
		filter.ranges[i].flags = access;
		filter.ranges[i].nmsrs = 1;
		filter.ranges[i].base = msrs[i];
		filter.ranges[i].bitmap = (uint8_t *)&deny;
	}
	return __vm_ioctl(vm, KVM_X86_SET_MSR_FILTER, &filter) < 0 ? -errno : 0;
}

void vm_deny_msrs(struct kvm_vm *vm, const uint32_t *msrs, unsigned int n,
		  uint32_t access)
{
	int r = __vm_deny_msrs(vm, msrs, n, access);

	TEST_ASSERT(!r, "KVM_X86_SET_MSR_FILTER (%u MSRs, access 0x%x) "
		    "failed: %s", n, access, strerror(-r));
}
