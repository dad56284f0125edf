/* SPDX-License-Identifier: MIT */
/* x86 machine set-up: 64-bit mode from the first instruction. */
#ifndef MSRCHECK_VM_SETUP_H
#define MSRCHECK_VM_SETUP_H

#include "kvm_util.h"

/* The guest image, embedded at build time (guest/embed.py). */
extern const unsigned char guest_image[];
extern const unsigned long guest_image_size;

/* Page tables, GDT, TSS, IDT and the guest image in guest memory. */
void vm_setup_memory(struct kvm_vm *vm);
/* Long mode, flat segments, and RIP/RSP/RDI for the guest entry point. */
void vcpu_setup_long_mode(struct kvm_vcpu *vcpu);

#endif
