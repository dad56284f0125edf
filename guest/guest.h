/* SPDX-License-Identifier: MIT */
/* Guest-side helpers: the host channel and CPUID. */
#ifndef MSRCHECK_GUEST_H
#define MSRCHECK_GUEST_H

#include <stdint.h>

#include "guest_abi.h"

#define GUEST_CTL ((volatile struct guest_ctl *)GUEST_CTL_GPA)

static inline struct guest_mailbox *guest_mailbox(uint32_t vcpu)
{
	return (struct guest_mailbox *)(GUEST_MAILBOX_GPA +
					vcpu * GUEST_MAILBOX_SIZE);
}

/* Hand the mailbox to the host; returns when the host resumes the vCPU. */
void ucall(struct guest_mailbox *mb, enum ucall call);
/* Formats into mb->text (%s %d %u %x %lx %llx; no floating point) and sends. */
void guest_printf(struct guest_mailbox *mb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Reports a "cannot happen" to the host and stops. */
void __attribute__((noreturn)) guest_abort(struct guest_mailbox *mb,
					    const char *what);

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf);

void *memset(void *dst, int c, unsigned long n);
void *memcpy(void *dst, const void *src, unsigned long n);

#endif
