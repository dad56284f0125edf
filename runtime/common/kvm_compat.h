/* SPDX-License-Identifier: MIT */
/*
 * KVM UAPI definitions newer than the system headers (Debian 12 ships the
 * 6.1 ones).  The system's definitions win when present; the values below
 * are the kernel ABI (arch/x86/include/uapi/asm/kvm.h, Linux 6.18).
 */
#ifndef MSRCHECK_KVM_COMPAT_H
#define MSRCHECK_KVM_COMPAT_H

#include <linux/kvm.h>

/* x86 KVM_{GET,SET}_ONE_REG ids: KVM_REG_X86 | size | type << 32 | index. */
#ifndef KVM_X86_REG_TYPE_MSR
#define KVM_X86_REG_TYPE_MSR	2
#endif
#ifndef KVM_X86_REG_TYPE_KVM
#define KVM_X86_REG_TYPE_KVM	3
#endif
#ifndef KVM_REG_GUEST_SSP
#define KVM_REG_GUEST_SSP	0
#endif

#ifndef KVM_X86_REG_MSR
#define KVM_X86_REG_MSR(index)						\
	(KVM_REG_X86 | KVM_REG_SIZE_U64 |				\
	 ((__u64)KVM_X86_REG_TYPE_MSR << 32) | (__u32)(index))
#endif

/* Every KVM-defined register so far (GUEST_SSP) is 64 bits wide. */
#ifndef KVM_X86_REG_KVM
#define KVM_X86_REG_KVM(index)						\
	(KVM_REG_X86 | KVM_REG_SIZE_U64 |				\
	 ((__u64)KVM_X86_REG_TYPE_KVM << 32) | (__u32)(index))
#endif

#endif
