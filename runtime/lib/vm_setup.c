// SPDX-License-Identifier: MIT
/*
 * Builds the guest's machine state directly in 64-bit mode, skipping real
 * and protected mode: identity-mapped 2 MiB pages over all of guest memory,
 * a GDT with one code, one data and one TSS descriptor, and an IDT whose 32
 * exception gates point at the image's entry stubs.  Shared by every vCPU.
 */
#include <string.h>
#include <sys/ioctl.h>

#include "test_assert.h"
#include "vm_setup.h"

#define PTE_PRESENT	(1ull << 0)
#define PTE_WRITE	(1ull << 1)
#define PTE_LARGE	(1ull << 7)

#define SEL_CODE	0x08
#define SEL_DATA	0x10
#define SEL_TSS		0x18

#define CR0_PE		(1ull << 0)
#define CR0_MP		(1ull << 1)
#define CR0_ET		(1ull << 4)
#define CR0_NE		(1ull << 5)
#define CR0_WP		(1ull << 16)
#define CR0_AM		(1ull << 18)
#define CR0_PG		(1ull << 31)
#define CR4_PAE		(1ull << 5)
#define EFER_SCE	(1ull << 0)
#define EFER_LME	(1ull << 8)
#define EFER_LMA	(1ull << 10)

#define TSS_SIZE	104

static const struct guest_image_header *image_header(void)
{
	return (const struct guest_image_header *)guest_image;
}

static void setup_page_tables(struct kvm_vm *vm)
{
	uint64_t *pml4 = vm_gpa(vm, GUEST_PML4_GPA);
	uint64_t *pdpt = vm_gpa(vm, GUEST_PDPT_GPA);
	uint64_t *pd = vm_gpa(vm, GUEST_PD_GPA);
	uint64_t gpa;

	pml4[0] = GUEST_PDPT_GPA | PTE_PRESENT | PTE_WRITE;
	pdpt[0] = GUEST_PD_GPA | PTE_PRESENT | PTE_WRITE;
	for (gpa = 0; gpa < GUEST_MEM_SIZE; gpa += 2ull << 20)
		pd[gpa >> 21] = gpa | PTE_PRESENT | PTE_WRITE | PTE_LARGE;
}

static void setup_gdt(struct kvm_vm *vm)
{
	uint64_t *gdt = vm_gpa(vm, GUEST_GDT_GPA);
	uint64_t base = GUEST_TSS_GPA, limit = TSS_SIZE - 1;

	gdt[SEL_CODE / 8] = 0x00af9b000000ffffull;	/* 64-bit code, DPL 0 */
	gdt[SEL_DATA / 8] = 0x00cf93000000ffffull;	/* data, DPL 0 */
	/* 64-bit available TSS: a 16-byte descriptor. */
	gdt[SEL_TSS / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
			   0x89ull << 40 | ((base >> 24) & 0xff) << 56;
	gdt[SEL_TSS / 8 + 1] = base >> 32;
}

static void setup_idt(struct kvm_vm *vm)
{
	const struct guest_image_header *hdr = image_header();
	const uint64_t *vectors = vm_gpa(vm, hdr->vectors);
	uint64_t *idt = vm_gpa(vm, GUEST_IDT_GPA);
	unsigned int v;

	for (v = 0; v < 32; v++) {
		uint64_t h = vectors[v];

		/* Present, DPL 0, 64-bit interrupt gate (IF cleared). */
		idt[2 * v] = (h & 0xffff) | (uint64_t)SEL_CODE << 16 |
			     0x8eull << 40 | ((h >> 16) & 0xffff) << 48;
		idt[2 * v + 1] = h >> 32;
	}
}

void vm_setup_memory(struct kvm_vm *vm)
{
	const struct guest_image_header *hdr = image_header();
	uint8_t *tss = vm_gpa(vm, GUEST_TSS_GPA);

	TEST_ASSERT(guest_image_size >= sizeof(*hdr) &&
		    hdr->magic == GUEST_IMAGE_MAGIC,
		    "embedded guest image has no header");
	TEST_ASSERT(hdr->end > GUEST_IMAGE_GPA &&
		    hdr->end - GUEST_IMAGE_GPA <= GUEST_IMAGE_MAX &&
		    guest_image_size <= GUEST_IMAGE_MAX,
		    "guest image does not fit its slot (end 0x%llx)",
		    (unsigned long long)hdr->end);
	memcpy(vm_gpa(vm, GUEST_IMAGE_GPA), guest_image, guest_image_size);

	setup_page_tables(vm);
	setup_gdt(vm);
	setup_idt(vm);
	/* No I/O permission bitmap: its offset points past the TSS. */
	tss[102] = TSS_SIZE;
}

static struct kvm_segment segment(uint16_t sel, uint8_t type, bool code)
{
	return (struct kvm_segment){
		.base = 0,
		.limit = 0xffffffff,
		.selector = sel,
		.type = type,
		.present = 1,
		.dpl = 0,
		.db = !code,
		.s = 1,
		.l = code,
		.g = 1,
	};
}

void vcpu_setup_long_mode(struct kvm_vcpu *vcpu)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs = { 0 };

	vcpu_ioctl(vcpu, KVM_GET_SREGS, &sregs);
	sregs.cr0 = CR0_PE | CR0_MP | CR0_ET | CR0_NE | CR0_WP | CR0_AM |
		    CR0_PG;
	sregs.cr3 = GUEST_PML4_GPA;
	sregs.cr4 = CR4_PAE;
	sregs.efer = EFER_SCE | EFER_LME | EFER_LMA;
	sregs.cs = segment(SEL_CODE, 11, true);
	sregs.ds = sregs.es = sregs.fs = sregs.gs = sregs.ss =
		segment(SEL_DATA, 3, false);
	sregs.tr = (struct kvm_segment){
		.base = GUEST_TSS_GPA,
		.limit = TSS_SIZE - 1,
		.selector = SEL_TSS,
		.type = 11,	/* busy 64-bit TSS */
		.present = 1,
	};
	sregs.gdt.base = GUEST_GDT_GPA;
	sregs.gdt.limit = 5 * 8 - 1;
	sregs.idt.base = GUEST_IDT_GPA;
	sregs.idt.limit = 32 * 16 - 1;
	vcpu_ioctl(vcpu, KVM_SET_SREGS, &sregs);

	regs.rip = image_header()->entry;
	regs.rsp = GUEST_STACK_GPA + (vcpu->id + 1) * GUEST_STACK_SIZE;
	regs.rdi = vcpu->id;
	regs.rflags = 0x2;
	vcpu_ioctl(vcpu, KVM_SET_REGS, &regs);
}
