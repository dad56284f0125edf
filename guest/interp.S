/* SPDX-License-Identifier: MIT */
/*
 * The guest: a plan interpreter.  The host writes a plan of slots (struct
 * guest_slot: opcode, MSR index, value) and the slots' GVA into the
 * mailbox; the guest runs the slots in order and writes back what it saw
 * (the exception vector, the value read).  It decides nothing: no rules, no
 * expectations, no CPUID decoding.  At END it tells the host and, when the
 * host resumes it, runs the plan the mailbox then names.
 *
 * Threaded code: each operation ends by dispatching the next one through
 * op_table.  Registers: RSI the current slot, R15 the mailbox, R14 the
 * vCPU index.  A fault on the plan's RDMSR/WRMSR is recorded by
 * exception_common (entry.S), which resumes at fault_resume.
 */
#include "guest_abi.h"

.macro dispatch
	movzbl SLOT_OP(%rsi), %eax
	jmp *op_table(,%rax,8)
.endm

.macro next
	addq $SLOT_SIZE, %rsi
	dispatch
.endm

.macro ran
	movb $0, SLOT_VECTOR(%rsi)
.endm

	.text
	.globl guest_entry
guest_entry:
	movl %edi, %r14d
	imulq $GUEST_MAILBOX_SIZE, %rdi, %r15
	addq $GUEST_MAILBOX_GPA, %r15
	movq MAILBOX_PLAN(%r15), %rsi
	dispatch

op_END:
	movl $UCALL_SYNC, MAILBOX_UCALL(%r15)
	movl %r14d, %eax
	movw $GUEST_UCALL_PORT, %dx
	outl %eax, %dx
	movq MAILBOX_PLAN(%r15), %rsi
	dispatch

/*
 * RDMSR and WRMSR of the slot, the instruction labelled (entry.S takes a
 * fault there as an observation), optionally behind a prefix.
 */
.macro rdmsr_op insn, prefix:vararg
	movl SLOT_INDEX(%rsi), %ecx
	.ifnb \prefix
	.byte \prefix
	.endif
	.globl \insn
\insn:
	rdmsr
	movl %eax, SLOT_GOT(%rsi)
	movl %edx, SLOT_GOT+4(%rsi)
	ran
	next
.endm

.macro wrmsr_op insn, prefix:vararg
	movl SLOT_INDEX(%rsi), %ecx
	movl SLOT_VALUE(%rsi), %eax
	movl SLOT_VALUE+4(%rsi), %edx
	.ifnb \prefix
	.byte \prefix
	.endif
	.globl \insn
\insn:
	wrmsr
	ran
	next
.endm

op_RDMSR:
	rdmsr_op insn_rdmsr

	/* Only if the slot before ran cleanly: a write that must not stay. */
op_RESTORE:
	cmpb $0, SLOT_VECTOR-SLOT_SIZE(%rsi)
	je op_WRMSR
	next

op_WRMSR:
	wrmsr_op insn_wrmsr

	.globl fault_resume
fault_resume:
	next

	/* The same, through KVM's emulator (GUEST_FEP_BYTES, guest_abi.h). */
op_RDMSR_FEP:
	rdmsr_op insn_rdmsr_fep, GUEST_FEP_BYTES

op_WRMSR_FEP:
	wrmsr_op insn_wrmsr_fep, GUEST_FEP_BYTES

op_CPUID_AB:
	movl SLOT_INDEX(%rsi), %eax
	movl SLOT_VALUE(%rsi), %ecx
	cpuid
	movl %eax, SLOT_GOT(%rsi)
	movl %ebx, SLOT_GOT+4(%rsi)
	ran
	next

op_CPUID_CD:
	movl SLOT_INDEX(%rsi), %eax
	movl SLOT_VALUE(%rsi), %ecx
	cpuid
	movl %ecx, SLOT_GOT(%rsi)
	movl %edx, SLOT_GOT+4(%rsi)
	ran
	next

op_RDTSC:
	rdtsc
	movl %eax, SLOT_GOT(%rsi)
	movl %edx, SLOT_GOT+4(%rsi)
	ran
	next

op_NOP:
	ran
	next

op_SPIN:
	movq SLOT_VALUE(%rsi), %rcx
1:	decq %rcx
	jnz 1b
	ran
	next

op_HANG:
	cli
1:	jmp 1b

op_UD:
	ud2

	/* Plain stores, which any emulator runs: then no gate for anything. */
op_TRIPLE:
	movl $GUEST_IDT_GPA, %edi
	movl $(32 * 16 / 8), %ecx
1:	movq $0, (%rdi)
	addq $8, %rdi
	decl %ecx
	jnz 1b
	ud2

op_BAD_PORT:
	outb %al, $0x80
	ran
	next

op_bad:
	movl $UCALL_BAD_OP, MAILBOX_UCALL(%r15)
	movl %r14d, %eax
	movw $GUEST_UCALL_PORT, %dx
1:	outl %eax, %dx
	jmp 1b

	.section .rodata
	.balign 8
op_table:
#define GUEST_OP(name, doc) .quad op_##name;
#include "guest_ops.def"
#undef GUEST_OP
	/* Every other byte value is an opcode the interpreter lacks. */
	.rept 256 - (. - op_table) / 8
	.quad op_bad
	.endr

	.section .note.GNU-stack, "", @progbits
