// SPDX-License-Identifier: MIT
/*
 * Batched host steps (runtime/lib/host_batch.c) on real KVM: steps run
 * rank by rank, consecutive KVM_GET_MSRS / KVM_SET_MSRS merge into one
 * ioctl, an MSR KVM refuses fails alone and the batch goes on after it,
 * and the test hook sees every access in execution order.
 */
#include <errno.h>
#include <string.h>

#include "host_batch.h"
#include "kvm_unit.h"

static struct msr_entry entry(uint32_t index)
{
	return (struct msr_entry){ .name = "T", .index = index };
}

static char seen[512];

static void record(struct host_access *a, void *opaque)
{
	size_t n = strlen(seen);

	snprintf(seen + n, sizeof(seen) - n, "%s%s:%x", n ? " " : "",
		 a->op == OP_HOST_GET ? "get" : "set", a->e->index);
}

int main(void)
{
	struct kvm_host h;
	struct kvm_vcpu *vcpu = unit_vcpu(&h);
	struct msr_entry pat = entry(MSR_CR_PAT), bad = entry(NO_SUCH_MSR),
			 lstar = entry(MSR_LSTAR);
	struct step get = { .op = OP_HOST_GET }, set = { .op = OP_HOST_SET };
	struct step set_pat = set, set_bad = set, set_lstar = set;
	struct host_item it[6];
	unsigned long before;

	/* One GET batch with a refused MSR in the middle. */
	it[0] = (struct host_item){ .e = &pat, .s = &get };
	it[1] = (struct host_item){ .e = &bad, .s = &get };
	it[2] = (struct host_item){ .e = &lstar, .s = &get };
	before = kvm_stats.msr_ioctls;
	host_batch_run(vcpu, it, 3, NULL, NULL);
	unit_ok(!it[0].a.ret && it[0].a.value == PAT_RESET,
		"GET batch: CR_PAT read (ret %d, 0x%llx)", it[0].a.ret,
		(unsigned long long)it[0].a.value);
	unit_ok(it[1].a.ret == -EIO, "GET batch: the unknown MSR fails alone "
		"(ret %d)", it[1].a.ret);
	unit_ok(!it[2].a.ret && !it[2].a.value, "GET batch: LSTAR after it "
		"still read (ret %d)", it[2].a.ret);
	unit_ok(kvm_stats.msr_ioctls - before == 2, "GET batch: one ioctl, "
		"resumed once after the refusal (%lu ioctls)",
		kvm_stats.msr_ioctls - before);

	/* Ranks: every entry's GET, then every SET, then every GET. */
	set_pat.value = 0x0606060606060606ull;
	set_bad.value = 1;
	set_lstar.value = 0x0000123456789000ull;
	it[0] = (struct host_item){ .e = &pat, .s = &get, .rank = 0 };
	it[1] = (struct host_item){ .e = &pat, .s = &set_pat, .rank = 1 };
	it[2] = (struct host_item){ .e = &pat, .s = &get, .rank = 2 };
	it[3] = (struct host_item){ .e = &lstar, .s = &get, .rank = 0 };
	it[4] = (struct host_item){ .e = &lstar, .s = &set_lstar, .rank = 1 };
	it[5] = (struct host_item){ .e = &lstar, .s = &get, .rank = 2 };
	before = kvm_stats.msr_ioctls;
	host_batch_run(vcpu, it, 6, record, NULL);
	unit_ok(!strcmp(seen, "get:277 get:c0000082 set:277 set:c0000082 "
			"get:277 get:c0000082"), "ranks run in order, entries "
		"in order within a rank: %s", seen);
	unit_ok(kvm_stats.msr_ioctls - before == 3, "three ranks, three "
		"ioctls (%lu)", kvm_stats.msr_ioctls - before);
	unit_ok(!it[4].a.ret && it[5].a.value == set_lstar.value &&
		it[2].a.value == set_pat.value, "the second GET sees each "
		"SET (PAT 0x%llx, LSTAR 0x%llx)",
		(unsigned long long)it[2].a.value,
		(unsigned long long)it[5].a.value);

	/* A SET batch with a refused MSR: the others still get written. */
	it[0] = (struct host_item){ .e = &pat, .s = &set };
	it[1] = (struct host_item){ .e = &bad, .s = &set_bad };
	it[2] = (struct host_item){ .e = &lstar, .s = &set };
	host_batch_run(vcpu, it, 3, NULL, NULL);
	unit_ok(!it[0].a.ret && it[1].a.ret == -EIO && !it[2].a.ret,
		"SET batch: the unknown MSR fails alone (%d %d %d)",
		it[0].a.ret, it[1].a.ret, it[2].a.ret);
	it[0] = (struct host_item){ .e = &lstar, .s = &get };
	host_batch_run(vcpu, it, 1, NULL, NULL);
	unit_ok(!it[0].a.ret && !it[0].a.value, "SET batch: LSTAR written "
		"after the refusal (0x%llx)", (unsigned long long)it[0].a.value);

	/* Through ONE_REG, every SET is an ioctl of its own. */
	if (h.caps[CAP_ONE_REG]) {
		set_pat.op = set_lstar.op = OP_HOST_SET_REG;
		it[0] = (struct host_item){ .e = &pat, .s = &set_pat };
		it[1] = (struct host_item){ .e = &lstar, .s = &set_lstar };
		before = kvm_stats.msr_ioctls;
		host_batch_run(vcpu, it, 2, NULL, NULL);
		unit_ok(!it[0].a.ret && !it[1].a.ret &&
			kvm_stats.msr_ioctls - before == 2, "ONE_REG SETs "
			"run one by one (%lu ioctls)",
			kvm_stats.msr_ioctls - before);
	}
	kvm_vm_free(vcpu->vm);
	kvm_host_close(&h);
	return unit_done();
}
