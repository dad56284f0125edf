/* SPDX-License-Identifier: MIT */
/*
 * Guest image header, entry point and exception entry points.
 *
 * The host puts the vCPU straight into 64-bit mode (see runtime's
 * vm_setup.c), with RSP at the vCPU's stack and RDI = vCPU index.
 */
#include "safe_access.h"

	.section .header, "a"
	.globl guest_header
guest_header:
	.quad 0x454d49474b43524d	/* GUEST_IMAGE_MAGIC */
	.quad guest_entry
	.quad exception_vectors
	.quad __image_end
	.quad msr_entries

	.text
	.globl guest_entry
guest_entry:
	call guest_main
1:	hlt
	jmp 1b

/*
 * One stub per vector 0-31.  Vectors that push no error code push a 0 so
 * every frame has the same layout: vector, error code, then the CPU's frame.
 */
.macro stub vector, has_error
exception_\vector:
	.if \has_error == 0
	pushq $0
	.endif
	pushq $\vector
	jmp exception_common
.endm

stub 0, 0
stub 1, 0
stub 2, 0
stub 3, 0
stub 4, 0
stub 5, 0
stub 6, 0
stub 7, 0
stub 8, 1
stub 9, 0
stub 10, 1
stub 11, 1
stub 12, 1
stub 13, 1
stub 14, 1
stub 15, 0
stub 16, 0
stub 17, 1
stub 18, 0
stub 19, 0
stub 20, 0
stub 21, 1
stub 22, 0
stub 23, 0
stub 24, 0
stub 25, 0
stub 26, 0
stub 27, 0
stub 28, 0
stub 29, 1
stub 30, 1
stub 31, 0

/*
 * A *_safe access arms the fixup by loading SAFE_MAGIC into R10 and the
 * resume address into R11 (safe_access.h).  Then the fault is expected:
 * return its vector in R10 and resume after the instruction.  Anything else
 * is reported to the host, which ends the run.  General registers only: this
 * KVM's emulator cannot run SSE, and the handler runs emulated too.
 */
exception_common:
	cmpq $SAFE_MAGIC, %r10
	jne 1f
	movq (%rsp), %r10
	movq %r11, 16(%rsp)
	addq $16, %rsp
	iretq
1:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	andq $-16, %rsp
	call guest_unexpected_exception
2:	hlt
	jmp 2b

	.section .rodata
	.balign 8
exception_vectors:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad exception_\v
	.endr

	.section .note.GNU-stack, "", @progbits
