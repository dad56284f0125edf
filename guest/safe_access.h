/* SPDX-License-Identifier: MIT */
/*
 * RDMSR/WRMSR that return the exception vector (0: none) instead of
 * crashing the guest.  The asm arms a fixup that exception_common in
 * entry.S honours: R10 = SAFE_MAGIC, R11 = where to resume.
 */
#ifndef MSRCHECK_GUEST_SAFE_ACCESS_H
#define MSRCHECK_GUEST_SAFE_ACCESS_H

/* Fits a sign-extended imm32, so the handler can compare it directly. */
#define SAFE_MAGIC 0x5afec0de

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline uint8_t rdmsr_safe(uint32_t index, uint64_t *val)
{
	register uint64_t vector asm("r10");
	uint32_t lo, hi;

	asm volatile("mov %[magic], %%r10\n\t"
		     "lea 1f(%%rip), %%r11\n\t"
		     "rdmsr\n\t"
		     "xor %%r10d, %%r10d\n"
		     "1:"
		     : "=a"(lo), "=d"(hi), "=r"(vector)
		     : "c"(index), [magic] "i"(SAFE_MAGIC)
		     : "r11", "memory");
	*val = vector ? 0 : (uint64_t)hi << 32 | lo;
	return vector;
}

static inline uint8_t wrmsr_safe(uint32_t index, uint64_t val)
{
	register uint64_t vector asm("r10");

	asm volatile("mov %[magic], %%r10\n\t"
		     "lea 1f(%%rip), %%r11\n\t"
		     "wrmsr\n\t"
		     "xor %%r10d, %%r10d\n"
		     "1:"
		     : "=r"(vector)
		     : "c"(index), "a"((uint32_t)val),
		       "d"((uint32_t)(val >> 32)), [magic] "i"(SAFE_MAGIC)
		     : "r11", "memory");
	return vector;
}
#endif

#endif
