// SPDX-License-Identifier: MIT
/* Measuring one MSR index on the suite's vCPUs (see probe.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "guest_plan.h"
#include "judge.h"
#include "probe.h"
#include "x86.h"

/* How a path reads and writes: KVM_GET/SET_MSRS or ONE_REG. */
struct host_path_ops {
	int (*get)(struct kvm_vcpu *vcpu, uint32_t index, uint64_t *val);
	int (*set)(struct kvm_vcpu *vcpu, uint32_t index, uint64_t val);
};

static int reg_get(struct kvm_vcpu *vcpu, uint32_t index, uint64_t *val)
{
	*val = 0;
	return __vcpu_get_reg(vcpu, KVM_X86_REG_MSR(index), val);
}

static int reg_set(struct kvm_vcpu *vcpu, uint32_t index, uint64_t val)
{
	return __vcpu_set_reg(vcpu, KVM_X86_REG_MSR(index), val);
}

static const struct host_path_ops msrs_ops = { __vcpu_get_msr, __vcpu_set_msr };
static const struct host_path_ops one_reg_ops = { reg_get, reg_set };

static struct probe_access host_access(int ret, uint64_t val)
{
	return (struct probe_access){ .ran = true, .fault = -ret,
				      .value = ret ? 0 : val };
}

static struct probe_access slot_access(const struct guest_slot *s)
{
	if (s->vector == GUEST_NOT_RUN)
		return (struct probe_access){ .ran = false };
	return (struct probe_access){ .ran = true, .fault = s->vector,
				      .value = s->vector ? 0 : s->got };
}

/* The values a path writes: what it read (or 0), then --write's. */
static unsigned int step_values(const struct probe *p,
				const struct probe_access *read,
				struct probe_path *path)
{
	unsigned int i;

	path->writes[0].value = probe_ok(read) ? read->value : 0;
	for (i = 0; i < p->opts.nr_writes; i++)
		path->writes[i + 1].value = p->opts.writes[i];
	return p->opts.nr_writes + 1;
}

/*
 * The guest's side, one run per step: a guest that stops (a write that
 * kills it) costs only the steps after it.
 */
static void probe_guest(struct probe *p, struct kvm_vcpu *vcpu,
			struct probe_vcpu *pv)
{
	struct probe_path *g = &pv->guest;
	uint32_t index = p->opts.index;
	struct guest_plan plan = { 0 };
	unsigned int i, n;
	struct plan_run run;

	guest_plan_add(&plan, GUEST_OP_RDMSR, index, 0, -1);
	guest_plan_run(vcpu, &plan, p->opts.timeout_ms, NULL, &run);
	if (run.ok) {
		g->read = slot_access(&plan.slots[0]);
		n = step_values(p, &g->read, g);
	} else {
		n = 0;
	}
	for (i = 0; i < n && run.ok; i++) {
		struct probe_write *w = &g->writes[i];

		guest_plan_clear(&plan);
		guest_plan_add(&plan, GUEST_OP_WRMSR, index, w->value, -1);
		guest_plan_add(&plan, GUEST_OP_RDMSR, index, 0, -1);
		if (!g->read.fault)
			guest_plan_add(&plan, GUEST_OP_WRMSR, index,
				       g->read.value, -1);
		guest_plan_run(vcpu, &plan, p->opts.timeout_ms, NULL, &run);
		if (!run.ok)
			break;
		w->write = slot_access(&plan.slots[0]);
		w->read = slot_access(&plan.slots[1]);
	}
	if (!run.ok)
		snprintf(pv->run_failed, sizeof(pv->run_failed), "%s",
			 run.what);
	guest_plan_free(&plan);
}

/* The host's side through one pair of ioctls. */
static void probe_host(struct probe *p, struct kvm_vcpu *vcpu,
		       const struct host_path_ops *ops, struct probe_path *h)
{
	uint32_t index = p->opts.index;
	unsigned int i, n;
	uint64_t val;
	int r;

	r = ops->get(vcpu, index, &val);
	h->read = host_access(r, val);
	n = step_values(p, &h->read, h);
	for (i = 0; i < n; i++) {
		struct probe_write *w = &h->writes[i];

		w->write = host_access(ops->set(vcpu, index, w->value), 0);
		r = ops->get(vcpu, index, &val);
		w->read = host_access(r, val);
		if (!h->read.fault)
			ops->set(vcpu, index, h->read.value);
	}
}

/* The host's facts about the index, before any VM. */
static void probe_lists(struct probe *p, struct kvm_host *h)
{
	uint32_t index = p->opts.index;
	struct utsname u;
	uint64_t val;
	int r;

	p->device = h->device;
	p->flavour = h->flavour;
	p->vendor = h->vendor;
	p->api_version = h->api_version;
	if (uname(&u))
		snprintf(p->kernel, sizeof(p->kernel), "?");
	else
		snprintf(p->kernel, sizeof(p->kernel), "%s", u.release);
	p->one_reg = h->caps[CAP_ONE_REG];
	p->ignore_msrs = h->ignore_msrs;
	p->listed = kvm_host_lists_msr(h, index);
	p->feature_listed = kvm_host_lists_feature_msr(h, index);
	if (p->feature_listed) {
		r = kvm_get_feature_msr(h, index, &val);
		p->feature = host_access(r, val);
	}
}

int probe_run(const struct probe_opts *o, struct probe *p, char *why,
	      size_t why_len)
{
	struct suite_vcpu_setup setup;
	enum kvm_open_status st;
	struct kvm_host h;
	struct kvm_vm *vm;
	unsigned int i;

	memset(p, 0, sizeof(*p));
	p->opts = *o;
	st = kvm_host_open(&h, o->device ? o->device : KVM_DEFAULT_DEVICE, 0,
			   why, why_len);
	if (st != KVM_OPEN_OK)
		return st == KVM_OPEN_SKIP ? 77 : 2;
	probe_lists(p, &h);

	/* Every vCPU exists before any runs, as in the suite's VMs. */
	vm = vm_create(&h);
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		struct kvm_vcpu *vcpu = suite_add_vcpu(vm, i, NULL, &setup);
		uint64_t val;
		int r;

		p->vcpu[i].features = suite_vcpu_features(vcpu, &setup);
		p->vcpu[i].vendor = cpuid2_vendor(vcpu->applied);
		r = __vcpu_get_msr(vcpu, o->index, &val);
		p->vcpu[i].host_first = host_access(r, val);
	}
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		probe_guest(p, vm->vcpus[i], &p->vcpu[i]);
		probe_host(p, vm->vcpus[i], &msrs_ops, &p->vcpu[i].msrs);
		if (p->one_reg)
			probe_host(p, vm->vcpus[i], &one_reg_ops,
				   &p->vcpu[i].one_reg);
	}
	kvm_vm_free(vm);
	if (o->sweep)
		probe_sweep(&h, p);
	kvm_host_close(&h);
	return 0;
}

unsigned int probe_print_entries(FILE *out, uint32_t index, const char *lead,
				 struct feature_set *features)
{
	char name[MSR_ENTRY_NAME_MAX + 1];
	unsigned int i, f, n = 0;

	if (features)
		*features = (struct feature_set){ { 0 } };
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];

		if (e->kind != MSR_KIND_MSR || e->index != index)
			continue;
		fprintf(out, "%s%s", n++ ? ", " : lead,
			entry_name(e, name, sizeof(name)));
		for (f = 0; features && f < e->nr_features; f++)
			fs_add(features, e->features[f]);
	}
	return n;
}

const char *probe_result(const struct probe_access *a, bool guest, char *buf,
			 size_t len)
{
	const char *name;

	if (!a->ran)
		return "not run";
	if (!a->fault) {
		snprintf(buf, len, "0x%016llx", (unsigned long long)a->value);
		return buf;
	}
	if (guest)
		return vector_name(a->fault, buf, len);
	/* KVM_GET/SET_MSRS did not process the MSR (x86.h). */
	if (a->fault == EIO)
		return "refused";
	name = strerrorname_np(a->fault);
	if (name)
		return name;
	snprintf(buf, len, "errno %d", a->fault);
	return buf;
}
