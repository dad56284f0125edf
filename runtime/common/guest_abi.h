/* SPDX-License-Identifier: MIT */
/*
 * The contract between the host runtime and the guest image: guest physical
 * memory layout (identity-mapped, so GVA == GPA), the image header, the
 * control block the host writes and the per-vCPU mailbox the guest writes.
 */
#ifndef MSRCHECK_GUEST_ABI_H
#define MSRCHECK_GUEST_ABI_H

#include <stdint.h>

#include "registry.h"

#define GUEST_MEM_SIZE		0x400000ull	/* 4 MiB, two 2 MiB pages */
#define GUEST_GDT_GPA		0x1000ull
#define GUEST_IDT_GPA		0x2000ull
#define GUEST_TSS_GPA		0x3000ull
#define GUEST_PML4_GPA		0x4000ull
#define GUEST_PDPT_GPA		0x5000ull
#define GUEST_PD_GPA		0x6000ull
#define GUEST_CTL_GPA		0x8000ull
#define GUEST_MAILBOX_GPA	0x10000ull
#define GUEST_MAILBOX_SIZE	0x2000ull
#define GUEST_MAX_VCPUS		8
#define GUEST_IMAGE_GPA		0x100000ull
#define GUEST_IMAGE_MAX		0x100000ull
#define GUEST_STACK_GPA		0x200000ull
#define GUEST_STACK_SIZE	0x4000ull

/* The guest reaches the host with an OUT to this port. */
#define GUEST_UCALL_PORT	0x4d53

#define GUEST_IMAGE_MAGIC	0x454d49474b43524dull	/* "MRCKGIME" */

/* First bytes of the guest image. */
struct guest_image_header {
	uint64_t magic;
	uint64_t entry;		/* GVA; called with RDI = vCPU index */
	uint64_t vectors;	/* GVA of uint64_t[32]: exception entry points */
	uint64_t end;		/* GVA past .bss */
	uint64_t entries;	/* GVA of the guest's msr_entries[] */
};

/* Test-only faults the guest makes on request (robustness tests). */
enum guest_fault {
	GUEST_FAULT_NONE,
	GUEST_FAULT_HANG,	/* spin forever with interrupts off */
	GUEST_FAULT_UD,		/* unexpected #UD in guest code */
	GUEST_FAULT_TRIPLE,	/* wipe the IDT, then fault */
	GUEST_FAULT_BAD_PORT,	/* OUT to a port nobody owns */
};

/* Written by the host before it runs any vCPU on an entry. */
struct guest_ctl {
	uint32_t entry;		/* msr_entries[] index to check */
	uint32_t nr_entries;	/* host's NR_MSR_ENTRIES, for a sanity check */
	feature_mask_t kvm;	/* registry features KVM supports */
	uint8_t ignore_msrs;
	uint8_t fault;		/* enum guest_fault, for the vCPU below */
	uint8_t fault_vcpu;
	uint8_t verbose;	/* the guest says what it sees (UCALL_PRINTF) */
};

enum ucall {
	UCALL_NONE,
	UCALL_SYNC,		/* a phase is done: results + sync value */
	UCALL_PRINTF,		/* text in the mailbox */
	UCALL_EXCEPTION,	/* unexpected exception: frame in the mailbox */
	UCALL_ABORT,		/* guest assertion: text in the mailbox */
};

enum result_status {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_SKIP,
};

/* One executed guest step. */
struct guest_result {
	uint8_t check;		/* enum check_id */
	uint8_t op;		/* enum step_op */
	uint8_t status;		/* enum result_status */
	uint8_t skip;		/* enum skip_reason */
	uint8_t want_vector;
	uint8_t got_vector;
	int8_t reserved;	/* msr_entry.reserved[] index, or -1 */
	uint8_t pad;
	uint64_t value;		/* value written */
	uint64_t want;
	uint64_t got;		/* value read */
};

/* Registers of an unexpected exception, in the order the stub saves them. */
struct guest_exception_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;
};

#define GUEST_MAX_RESULTS	40
#define GUEST_TEXT_SIZE		256

/* Per vCPU, at GUEST_MAILBOX_GPA + index * GUEST_MAILBOX_SIZE. */
struct guest_mailbox {
	uint32_t ucall;		/* enum ucall */
	uint32_t phase;		/* enum guest_phase, for UCALL_SYNC */
	uint32_t entry;		/* msr_entries[] index the results are for */
	uint32_t nr_results;
	uint64_t sync_value;	/* value the host must find in the MSR */
	feature_mask_t features;	/* registry features the guest's CPUID has */
	uint32_t vendor;	/* enum vendor of the guest's CPUID */
	uint32_t pad;
	struct guest_result results[GUEST_MAX_RESULTS];
	struct guest_exception_frame frame;
	char text[GUEST_TEXT_SIZE];
};

_Static_assert(sizeof(struct guest_mailbox) <= GUEST_MAILBOX_SIZE,
	       "mailbox overflows its slot");
_Static_assert(GUEST_MAILBOX_GPA + GUEST_MAX_VCPUS * GUEST_MAILBOX_SIZE <=
	       GUEST_IMAGE_GPA, "mailboxes overlap the image");

#endif
