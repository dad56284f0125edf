// SPDX-License-Identifier: MIT
/*
 * The emulator pass's guest code (guest/interp.S), without KVM: in the
 * guest image the header names, right before the RDMSR and the WRMSR of
 * the RDMSR_FEP and WRMSR_FEP operations, KVM's forced-emulation prefix
 * (ud2, "kvm"), and the instructions themselves are RDMSR (0f 32) and
 * WRMSR (0f 30).  KVM emulates exactly the instruction after the prefix,
 * and the guest's exception handler takes a fault there as an observation.
 */
#include <string.h>

#include "guest_abi.h"
#include "unit.h"

extern const unsigned char guest_image[];
extern const unsigned long guest_image_size;

static const unsigned char fep[] = { GUEST_FEP_BYTES };

/* The bytes at GVA gva - back .. gva + 2 of the image, or NULL. */
static const unsigned char *at(uint64_t gva, unsigned int back)
{
	if (gva < GUEST_IMAGE_GPA + back ||
	    gva + 2 > GUEST_IMAGE_GPA + guest_image_size)
		return NULL;
	return guest_image + (gva - GUEST_IMAGE_GPA - back);
}

static void check(const char *what, uint64_t gva, unsigned char opcode)
{
	const unsigned char *p = at(gva, GUEST_FEP_LEN);

	unit_ok(p && !memcmp(p, fep, sizeof(fep)),
		"%s: the forced-emulation prefix precedes it", what);
	unit_ok(p && p[GUEST_FEP_LEN] == 0x0f &&
		p[GUEST_FEP_LEN + 1] == opcode,
		"%s: the instruction is 0f %02x", what, opcode);
}

int main(void)
{
	const struct guest_image_header *h = (const void *)guest_image;

	_Static_assert(sizeof(fep) == GUEST_FEP_LEN, "GUEST_FEP_LEN");
	unit_ok(guest_image_size >= sizeof(*h) && h->magic == GUEST_IMAGE_MAGIC,
		"the image starts with its header");
	check("RDMSR_FEP", h->fep_rdmsr, 0x32);
	check("WRMSR_FEP", h->fep_wrmsr, 0x30);
	/* The plain operations have no prefix: only the emulator pass's do. */
	unit_ok(h->fep_rdmsr != h->fep_wrmsr, "two distinct instructions");
	return unit_done();
}
