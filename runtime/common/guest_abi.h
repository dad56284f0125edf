/* SPDX-License-Identifier: MIT */
/*
 * The contract between the host runtime and the guest: guest physical
 * memory layout (identity-mapped, so GVA == GPA), the image header, the
 * per-vCPU mailbox and the plan slots the guest interpreter runs.
 *
 * The guest knows nothing of the registry: the host writes a plan (a list
 * of slots: an operation, an MSR index, a value), the guest runs it and
 * writes back raw observations (the exception vector, the value read), and
 * the host judges them.  Included by C and by the guest's assembly.
 */
#ifndef MSRCHECK_GUEST_ABI_H
#define MSRCHECK_GUEST_ABI_H

#define GUEST_MEM_SIZE		0x800000	/* 8 MiB, four 2 MiB pages */
#define GUEST_GDT_GPA		0x1000
#define GUEST_IDT_GPA		0x2000
#define GUEST_TSS_GPA		0x3000
#define GUEST_PML4_GPA		0x4000
#define GUEST_PDPT_GPA		0x5000
#define GUEST_PD_GPA		0x6000
#define GUEST_MAILBOX_GPA	0x10000
/*
 * Free pages a test may point an MSR at (the KVM PV clocks, steal time and
 * PV EOI): KVM writes its structures there.  The registry's PV entries name
 * addresses in this window.
 */
#define GUEST_SCRATCH_GPA	0x80000
#define GUEST_SCRATCH_SIZE	0x10000
#define GUEST_MAILBOX_SIZE	0x1000
#define GUEST_MAX_VCPUS		8
#define GUEST_IMAGE_GPA		0x100000
#define GUEST_IMAGE_MAX		0x100000
#define GUEST_STACK_GPA		0x200000
#define GUEST_STACK_SIZE	0x4000
#define GUEST_PLAN_GPA		0x400000
#define GUEST_PLAN_SIZE		0x80000		/* per vCPU */

/* The guest reaches the host with an OUT of its vCPU index to this port. */
#define GUEST_UCALL_PORT	0x4d53

#define GUEST_IMAGE_MAGIC	0x454d49474b43524d	/* "MRCKGIME" */

/* Mailbox: what the guest reports with a ucall. */
#define UCALL_SYNC		1	/* the plan ran to its END */
#define UCALL_EXCEPTION		2	/* unexpected exception: see frame */
#define UCALL_BAD_OP		3	/* an opcode the interpreter lacks */

/* Slot.vector before the op ran; the host writes it, the guest clears it. */
#define GUEST_NOT_RUN		0xff

/* Byte offsets, for the assembly; checked against the structs below. */
#define SLOT_INDEX		0
#define SLOT_OP			4
#define SLOT_VECTOR		5
#define SLOT_VALUE		8
#define SLOT_GOT		16
#define SLOT_SIZE		24
#define MAILBOX_UCALL		0
#define MAILBOX_PLAN		8
#define MAILBOX_FRAME		16
#define FRAME_WORDS		22

/*
 * KVM's forced-emulation prefix: ud2 and "kvm".  With the kvm module's
 * force_emulation_prefix set, KVM skips it and emulates the instruction
 * that follows; otherwise the ud2 raises #UD.
 */
#define GUEST_FEP_BYTES 0x0f, 0x0b, 0x6b, 0x76, 0x6d
#define GUEST_FEP_LEN 5

#ifndef __ASSEMBLER__
#include <stdint.h>

enum guest_op {
#define GUEST_OP(name, doc) GUEST_OP_##name,
#include "guest_ops.def"
#undef GUEST_OP
	NR_GUEST_OPS,
};

/* First bytes of the guest image. */
struct guest_image_header {
	uint64_t magic;
	uint64_t entry;		/* GVA; called with RDI = vCPU index */
	uint64_t vectors;	/* GVA of uint64_t[32]: exception entry points */
	uint64_t end;		/* GVA past .bss */
	/*
	 * GVAs of the RDMSR and WRMSR that KVM's forced-emulation prefix
	 * (GUEST_FEP) precedes: the emulator pass's instructions.
	 */
	uint64_t fep_rdmsr, fep_wrmsr;
};


/* One operation of a plan and what became of it. */
struct guest_slot {
	uint32_t index;		/* in: MSR index, or CPUID leaf */
	uint8_t op;		/* in: enum guest_op */
	uint8_t vector;		/* out: GUEST_NOT_RUN, 0, or the vector */
	uint16_t pad;
	uint64_t value;		/* in: value written, CPUID subleaf, count */
	uint64_t got;		/* out: value read */
};

/* Registers of an unexpected exception, in the order the stub saves them. */
struct guest_exception_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;
};

/* Per vCPU, at GUEST_MAILBOX_GPA + index * GUEST_MAILBOX_SIZE. */
struct guest_mailbox {
	uint32_t ucall;		/* out: UCALL_* */
	uint32_t pad;
	uint64_t plan;		/* in: GVA of the slots to run next */
	struct guest_exception_frame frame;	/* out: UCALL_EXCEPTION */
};

/* A plan of one vCPU fills at most this many slots (END included). */
#define GUEST_PLAN_SLOTS (GUEST_PLAN_SIZE / SLOT_SIZE)

_Static_assert(NR_GUEST_OPS <= 256, "opcodes are one byte");
_Static_assert(sizeof(struct guest_slot) == SLOT_SIZE, "slot layout");
_Static_assert(__builtin_offsetof(struct guest_slot, op) == SLOT_OP, "slot");
_Static_assert(__builtin_offsetof(struct guest_slot, vector) == SLOT_VECTOR,
	       "slot");
_Static_assert(__builtin_offsetof(struct guest_slot, value) == SLOT_VALUE,
	       "slot");
_Static_assert(__builtin_offsetof(struct guest_slot, got) == SLOT_GOT, "slot");
_Static_assert(__builtin_offsetof(struct guest_mailbox, plan) == MAILBOX_PLAN,
	       "mailbox");
_Static_assert(__builtin_offsetof(struct guest_mailbox, frame) ==
	       MAILBOX_FRAME, "mailbox");
_Static_assert(sizeof(struct guest_exception_frame) == FRAME_WORDS * 8,
	       "frame");
_Static_assert(sizeof(struct guest_mailbox) <= GUEST_MAILBOX_SIZE,
	       "mailbox overflows its slot");
_Static_assert(GUEST_MAILBOX_GPA + GUEST_MAX_VCPUS * GUEST_MAILBOX_SIZE <=
	       GUEST_IMAGE_GPA, "mailboxes overlap the image");
_Static_assert(GUEST_MAILBOX_GPA + GUEST_MAX_VCPUS * GUEST_MAILBOX_SIZE <=
	       GUEST_SCRATCH_GPA &&
	       GUEST_SCRATCH_GPA + GUEST_SCRATCH_SIZE <= GUEST_IMAGE_GPA,
	       "the scratch pages overlap");
_Static_assert(GUEST_STACK_GPA + GUEST_MAX_VCPUS * GUEST_STACK_SIZE <=
	       GUEST_PLAN_GPA, "stacks overlap the plans");
_Static_assert(GUEST_PLAN_GPA + GUEST_MAX_VCPUS * GUEST_PLAN_SIZE <=
	       GUEST_MEM_SIZE, "plans overflow guest memory");
#endif

#endif
