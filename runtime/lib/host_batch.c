// SPDX-License-Identifier: MIT
/* Batched host steps (see host_batch.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "host_batch.h"
#include "x86.h"

/* The ioctl an item's step takes when batched, or 0 if it runs alone. */
static unsigned long batch_cmd(const struct host_item *it)
{
	if (it->s->op == OP_HOST_GET)
		return KVM_GET_MSRS;
	if (it->s->op == OP_HOST_SET)
		return KVM_SET_MSRS;
	return 0;
}

/* One item on its own (KVM_GET/SET_MSRS items are always batched). */
static void run_one(struct kvm_vcpu *vcpu, struct host_item *it)
{
	struct host_access *a = &it->a;
	uint32_t index = it->e->index;

	switch (it->s->op) {
	case OP_HOST_GET_REG:
		a->ret = __vcpu_get_reg(vcpu, KVM_X86_REG_MSR(index), &a->value);
		break;
	case OP_HOST_SET_REG:
		a->ret = __vcpu_set_reg(vcpu, KVM_X86_REG_MSR(index), a->value);
		break;
	case OP_REG_LIST:
		a->ret = vcpu_reg_listed(vcpu, KVM_X86_REG_KVM(index));
		break;
	case OP_REG_GET:
		a->ret = __vcpu_get_reg(vcpu, KVM_X86_REG_KVM(index), &a->value);
		break;
	case OP_REG_SET:
		a->ret = __vcpu_set_reg(vcpu, KVM_X86_REG_KVM(index), a->value);
		break;
	default:
		a->ret = -EINVAL;
		break;
	}
}

/*
 * items[order[0..n)] in one KVM_GET_MSRS/KVM_SET_MSRS, resumed after each
 * MSR KVM refuses.
 */
static void run_batch(struct kvm_vcpu *vcpu, unsigned long cmd,
		      struct host_item *items, const unsigned int *order,
		      unsigned int n)
{
	struct kvm_msrs *msrs = xzalloc(sizeof(*msrs) +
					n * sizeof(msrs->entries[0]));
	unsigned int done = 0, i;

	while (done < n) {
		int r;

		msrs->nmsrs = n - done;
		for (i = done; i < n; i++) {
			struct host_item *it = &items[order[i]];

			msrs->entries[i - done] = (struct kvm_msr_entry){
				.index = it->e->index,
				.data = cmd == KVM_SET_MSRS ? it->a.value : 0,
			};
		}
		r = __vcpu_msrs_ioctl(vcpu, cmd, msrs);
		if (r < 0) {
			/* The ioctl as a whole failed: so did every MSR. */
			for (i = done; i < n; i++)
				items[order[i]].a.ret = r;
			break;
		}
		for (i = 0; i < (unsigned int)r && done + i < n; i++) {
			struct host_access *a = &items[order[done + i]].a;

			a->ret = 0;
			if (cmd == KVM_GET_MSRS)
				a->value = msrs->entries[i].data;
		}
		done += r;
		if (done < n) {
			/* KVM stopped at this MSR: it refused it. */
			struct host_access *a = &items[order[done]].a;

			a->ret = -EIO;
			if (cmd == KVM_GET_MSRS)
				a->value = 0;
			done++;
		}
	}
	free(msrs);
}

void host_batch_run(struct kvm_vcpu *vcpu, struct host_item *items, unsigned int n,
		    host_access_fn lie, void *opaque)
{
	unsigned int *order = xzalloc((n + 1) * sizeof(*order));
	unsigned int rank, i, k, nr = 0;
	bool more = true;

	for (i = 0; i < n; i++) {
		items[i].a = (struct host_access){
			.op = items[i].s->op,
			.e = items[i].e,
			.vcpu = vcpu->id,
			.value = items[i].s->value,
		};
	}
	/* Rank by rank, entries in order: the execution order. */
	for (rank = 0; more; rank++) {
		more = false;
		for (i = 0; i < n; i++) {
			if (items[i].rank == rank)
				order[nr++] = i;
			more |= items[i].rank > rank;
		}
	}

	for (i = 0; i < nr; i = k) {
		unsigned long cmd = batch_cmd(&items[order[i]]);

		k = i + 1;
		if (cmd) {
			while (k < nr &&
			       batch_cmd(&items[order[k]]) == cmd)
				k++;
			run_batch(vcpu, cmd, items, order + i, k - i);
		} else {
			run_one(vcpu, &items[order[i]]);
		}
		if (lie) {
			unsigned int j;

			for (j = i; j < k; j++)
				lie(&items[order[j]].a, opaque);
		}
	}
	free(order);
}
