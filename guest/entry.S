/* SPDX-License-Identifier: MIT */
/*
 * Guest image header, entry point and exception entry points.
 *
 * The host puts the vCPU straight into 64-bit mode (runtime/lib/vm_setup.c)
 * with RSP at the vCPU's stack and RDI = vCPU index.  General registers
 * only, and no C: on the test host every guest instruction is emulated, so
 * the code is written for the fewest instructions per plan operation.
 */
#include "guest_abi.h"

	.section .header, "a"
	.globl guest_header
guest_header:
	.quad GUEST_IMAGE_MAGIC
	.quad guest_entry
	.quad exception_vectors
	.quad __image_end
	.quad insn_rdmsr_fep
	.quad insn_wrmsr_fep

/*
 * One stub per vector 0-31.  Vectors that push no error code push a 0 so
 * every frame has the same layout: vector, error code, then the CPU's frame.
 */
	.text
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
 * An exception on the RDMSR or WRMSR of a plan operation is an observation:
 * the vector goes into the operation's slot (RSI) and the interpreter goes
 * on with the next slot.  Any other exception is reported to the host with
 * every register, and the vCPU stays there.
 */
exception_common:
	cmpq $insn_rdmsr, 16(%rsp)
	je 1f
	cmpq $insn_wrmsr, 16(%rsp)
	je 1f
	/* The emulator reports a fault at the instruction after the prefix. */
	cmpq $insn_rdmsr_fep, 16(%rsp)
	je 1f
	cmpq $insn_wrmsr_fep, 16(%rsp)
	jne unexpected
1:	movq (%rsp), %rax
	movb %al, SLOT_VECTOR(%rsi)
	movq $fault_resume, 16(%rsp)
	addq $16, %rsp
	iretq

unexpected:
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
	/* The stack tells the vCPU, whatever the registers hold. */
	movq %rsp, %rbx
	subq $GUEST_STACK_GPA, %rbx
	shrq $14, %rbx
	.if GUEST_STACK_SIZE != (1 << 14)
	.error "the shift above assumes 16 KiB stacks"
	.endif
	imulq $GUEST_MAILBOX_SIZE, %rbx, %rdi
	addq $GUEST_MAILBOX_GPA, %rdi
	xorl %ecx, %ecx
2:	movq (%rsp,%rcx,8), %rax
	movq %rax, MAILBOX_FRAME(%rdi,%rcx,8)
	incl %ecx
	cmpl $FRAME_WORDS, %ecx
	jne 2b
	movl $UCALL_EXCEPTION, MAILBOX_UCALL(%rdi)
	movl %ebx, %eax
	movw $GUEST_UCALL_PORT, %dx
3:	outl %eax, %dx
	jmp 3b

	.section .rodata
	.balign 8
exception_vectors:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad exception_\v
	.endr

	.section .note.GNU-stack, "", @progbits
