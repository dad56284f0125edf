// SPDX-License-Identifier: MIT
/* The conformance scenario (see suite.h). */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "step_results.h"
#include "suite.h"
#include "x86.h"

/* What decides a vCPU's expectations in the current pass. */
static struct rules_ctx vcpu_ctx(const struct suite *s,
				 const struct kvm_vcpu *vcpu)
{
	return (struct rules_ctx){
		.vendor = s->host.vendor,
		.ignore_msrs = s->host.ignore_msrs,
		.has_one_reg = s->host.caps[CAP_ONE_REG],
		.use_one_reg = s->pass == PASS_ONE_REG,
		.vcpu = vcpu->features,
		.kvm = s->host.features,
	};
}

static const struct suite_hooks no_hooks;

static host_access_fn host_lie(const struct suite *s)
{
	return s->opts->hooks->host_access;
}

/* The host's view of the entry: the table row, unless a test lies. */
static const struct msr_entry *entry_view(const struct suite *s,
					  const struct msr_entry *e,
					  struct msr_entry *copy)
{
	const struct suite_hooks *hooks = s->opts->hooks;

	if (!hooks->adjust_entry)
		return e;
	*copy = *e;
	hooks->adjust_entry(s->entry, copy, hooks->opaque);
	return copy;
}

static void emit(struct suite *s, const struct msr_entry *e, int vcpu,
		 struct check_result *res)
{
	res->entry = e ? (int)s->entry : REPORT_NO_ENTRY;
	res->vcpu = vcpu;
	res->pass = s->pass;
	report_result(s->report, res);
}

static void build_vm(struct suite *s)
{
	const struct suite_hooks *hooks = s->opts->hooks;
	unsigned int i;

	s->vm = vm_create(&s->host);
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		struct kvm_cpuid2 *c = cpuid_dup(s->host.supported_cpuid);

		/* The last vCPU is the featureless one: the negative paths. */
		if (i == SUITE_NR_VCPUS - 1)
			cpuid2_clear_features(c, rules_cleared_features());
		if (hooks->adjust_cpuid)
			hooks->adjust_cpuid(i, c, hooks->opaque);
		vm_add_vcpu(s->vm, c);
		free(c);
	}
	memset(s->cpuid_checked, 0, sizeof(s->cpuid_checked));
	vm_ctl(s->vm)->verbose = s->opts->verbose;
	s->vm_broken = false;
	if (hooks->vm_created)
		hooks->vm_created(s->vm, hooks->opaque);
}

static int feature_names(feature_mask_t m, char *buf, size_t len)
{
	unsigned int f;
	int n = 0;

	buf[0] = '\0';
	for (f = 0; f < NR_FEATURES; f++) {
		if (m & FEATURE_BIT(f))
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
				      msr_features[f].name);
	}
	if (!n)
		snprintf(buf, len, "none");
	return n;
}

/* The guest must see the CPUID userspace gave its vCPU. */
static void check_guest_cpuid(struct suite *s, struct kvm_vcpu *vcpu,
			      const struct guest_mailbox *mb)
{
	struct check_result res = { .check = CHECK_GUEST_CPUID };
	char want[128], got[128];

	feature_names(vcpu->features, want, sizeof(want));
	feature_names(mb->features, got, sizeof(got));
	res.comparable = true;
	res.want = vcpu->features;
	res.got = mb->features;
	res.status = mb->features == vcpu->features &&
		     mb->vendor == s->host.vendor ? RESULT_PASS : RESULT_FAIL;
	snprintf(res.detail, sizeof(res.detail),
		 "CPUID in the guest: wanted %s {%s}, got %s {%s}",
		 vendor_name(s->host.vendor), want,
		 vendor_name(mb->vendor), got);
	emit(s, NULL, vcpu->id, &res);
	s->cpuid_checked[vcpu->id] = true;
}

static void run_failed(struct suite *s, const struct msr_entry *e,
		       struct kvm_vcpu *vcpu, const char *fmt, const char *what)
{
	struct check_result res = {
		.check = CHECK_RUN,
		.status = RESULT_FAIL,
	};

	snprintf(res.detail, sizeof(res.detail), fmt, what);
	emit(s, e, vcpu->id, &res);
	s->vm_broken = true;
}

static void describe_frame(const struct guest_exception_frame *f, char *buf,
			   size_t len)
{
	char vb[16];

	snprintf(buf, len, "unexpected %s (error code 0x%llx) in the guest at "
		 "RIP=0x%llx RSP=0x%llx RAX=0x%llx RCX=0x%llx RDX=0x%llx",
		 vector_name(f->vector, vb, sizeof(vb)),
		 (unsigned long long)f->error_code,
		 (unsigned long long)f->rip, (unsigned long long)f->rsp,
		 (unsigned long long)f->rax, (unsigned long long)f->rcx,
		 (unsigned long long)f->rdx);
}

/* The guest's memory is the guest's: check what it reports before use. */
static bool results_well_formed(const struct guest_mailbox *mb,
				const struct msr_entry *e)
{
	unsigned int i;

	if (mb->nr_results > GUEST_MAX_RESULTS)
		return false;
	for (i = 0; i < mb->nr_results; i++) {
		const struct guest_result *g = &mb->results[i];

		if (g->check >= NR_CHECKS || g->status > RESULT_SKIP ||
		    g->skip >= NR_SKIP_REASONS ||
		    (g->op != OP_SKIP && g->op != OP_RDMSR &&
		     g->op != OP_WRMSR) ||
		    g->reserved < -1 || g->reserved >= e->nr_reserved)
			return false;
	}
	return true;
}

/* Runs the vCPU to the end of the phase; false if the run went wrong. */
static bool run_to_sync(struct suite *s, const struct msr_entry *e,
			struct kvm_vcpu *vcpu, enum guest_phase phase)
{
	struct guest_mailbox *mb = vcpu_mailbox(vcpu);
	struct run_result res;
	char what[sizeof(res.what)];

	for (;;) {
		vcpu_run(vcpu, s->opts->timeout_ms, &res);
		if (res.status != RUN_UCALL) {
			run_failed(s, e, vcpu, "%s", res.what);
			return false;
		}
		switch (res.ucall) {
		case UCALL_PRINTF:
			mb->text[GUEST_TEXT_SIZE - 1] = '\0';
			report_note(s->report, "guest vcpu%u: %s", vcpu->id,
				    mb->text);
			continue;
		case UCALL_SYNC:
			if (mb->entry == s->entry && mb->phase == phase &&
			    results_well_formed(mb, e))
				return true;
			snprintf(what, sizeof(what), "guest synced entry %u "
				 "phase %u with %u results, host wanted entry "
				 "%u phase %u and well-formed results",
				 mb->entry, mb->phase, mb->nr_results, s->entry,
				 phase);
			break;
		case UCALL_EXCEPTION:
			describe_frame(&mb->frame, what, sizeof(what));
			break;
		case UCALL_ABORT:
			mb->text[GUEST_TEXT_SIZE - 1] = '\0';
			snprintf(what, sizeof(what), "guest assertion: %s",
				 mb->text);
			break;
		default:
			snprintf(what, sizeof(what), "unknown ucall %u",
				 res.ucall);
			break;
		}
		run_failed(s, e, vcpu, "%s", what);
		return false;
	}
}

static void check_save_list(struct suite *s, const struct msr_entry *e)
{
	struct rules_ctx c = { .kvm = s->host.features };
	struct check_result res = { 0 };
	struct step step;

	rules_save_list_step(e, &c, &step);
	save_list_run(&s->host, e, &step, &res);
	emit(s, e, -1, &res);
}

static void report_phase(struct suite *s, const struct msr_entry *e,
			 struct kvm_vcpu *vcpu)
{
	const struct guest_mailbox *mb = vcpu_mailbox(vcpu);
	struct rules_ctx c = vcpu_ctx(s, vcpu);
	struct step steps[RULES_MAX_STEPS];
	unsigned int i;
	int n;

	if (!s->cpuid_checked[vcpu->id])
		check_guest_cpuid(s, vcpu, mb);

	for (i = 0; i < mb->nr_results; i++) {
		struct check_result res = { 0 };

		guest_result_describe(e, &c, &mb->results[i], &res);
		emit(s, e, vcpu->id, &res);
	}

	n = rules_host_steps(e, &c, mb->sync_value, steps);
	for (i = 0; i < (unsigned int)n; i++) {
		struct check_result res = { 0 };

		host_step_run(vcpu, e, &c, &steps[i], &res, host_lie(s),
			      s->opts->hooks->opaque);
		emit(s, e, vcpu->id, &res);
	}
}

void suite_check_msr(struct suite *s, const struct msr_entry *e)
{
	volatile struct guest_ctl *ctl = vm_ctl(s->vm);
	const struct suite_opts *o = s->opts;
	struct msr_entry view;
	unsigned int i, phase;

	e = entry_view(s, e, &view);

	check_save_list(s, e);

	ctl->entry = s->entry;
	if (o->fault && o->fault_entry == (int)s->entry) {
		ctl->fault = o->fault;
		ctl->fault_vcpu = o->fault_vcpu;
	}

	/* Each vCPU runs twice per entry, all from this one task. */
	for (phase = 0; phase < NR_PHASES; phase++) {
		for (i = 0; i < s->vm->nr_vcpus; i++) {
			struct kvm_vcpu *vcpu = s->vm->vcpus[i];

			if (!run_to_sync(s, e, vcpu, phase))
				goto out;
			report_phase(s, e, vcpu);
		}
	}
out:
	ctl->fault = GUEST_FAULT_NONE;
}

void suite_check_kvm_reg(struct suite *s, const struct msr_entry *e)
{
	struct msr_entry view;
	unsigned int i;
	int k, n;

	e = entry_view(s, e, &view);

	for (i = 0; i < s->vm->nr_vcpus; i++) {
		struct kvm_vcpu *vcpu = s->vm->vcpus[i];
		struct rules_ctx c = vcpu_ctx(s, vcpu);
		struct step steps[RULES_MAX_STEPS];

		n = rules_kvm_reg_steps(e, &c, steps);
		for (k = 0; k < n; k++) {
			struct check_result res = { 0 };

			host_step_run(vcpu, e, &c, &steps[k], &res,
				      host_lie(s), s->opts->hooks->opaque);
			emit(s, e, vcpu->id, &res);
		}
	}
}

bool suite_entry_selected(const struct suite_opts *o,
			  const struct msr_entry *e)
{
	char name[64];
	unsigned int i;

	if (!o->nr_patterns)
		return true;
	entry_name(e, name, sizeof(name));
	for (i = 0; i < o->nr_patterns; i++) {
		if (!fnmatch(o->patterns[i], name, FNM_CASEFOLD) ||
		    !fnmatch(o->patterns[i], e->name, FNM_CASEFOLD))
			return true;
	}
	return false;
}

static void describe_host(struct suite *s)
{
	const struct kvm_host *h = &s->host;
	char have[160], lack[160];

	feature_names(h->features, have, sizeof(have));
	feature_names(~h->features & (FEATURE_BIT(NR_FEATURES) - 1), lack,
		      sizeof(lack));
	report_note(s->report, "msrcheck: %s, KVM API %d, flavour %s, vendor "
		    "%s, ignore_msrs %s, ONE_REG %s", h->device,
		    h->api_version, s->report->flavour, vendor_name(h->vendor),
		    h->ignore_msrs ? "Y" : "N",
		    h->caps[CAP_ONE_REG] ? "yes" : "no");
	report_note(s->report, "registry features KVM supports: %s; lacks: %s",
		    have, lack);
}

static void run_entry(struct suite *s, unsigned int id)
{
	struct kvm_stats before = kvm_stats;
	struct kvm_stats *acc = s->opts->entry_stats;

	s->entry = id;
	msr_checks[id](s);
	if (acc) {
		acc[id].kvm_runs += kvm_stats.kvm_runs - before.kvm_runs;
		acc[id].msr_ioctls += kvm_stats.msr_ioctls - before.msr_ioctls;
		acc[id].exits += kvm_stats.exits - before.exits;
	}
}

static void run_pass(struct suite *s, enum suite_pass pass)
{
	unsigned int id;

	s->pass = pass;
	if (pass == PASS_ONE_REG && !s->host.caps[CAP_ONE_REG]) {
		struct check_result res = {
			.check = CHECK_RUN,
			.status = RESULT_SKIP,
			.skip_why = "KVM lacks KVM_CAP_ONE_REG: no one-reg pass",
		};

		emit(s, NULL, -1, &res);
		return;
	}

	build_vm(s);
	for (id = 0; id < NR_MSR_ENTRIES; id++) {
		if (!s->report->selected[id])
			continue;
		/* A hung or crashed guest leaves nothing to trust: rebuild. */
		if (s->vm_broken) {
			kvm_vm_free(s->vm);
			build_vm(s);
		}
		run_entry(s, id);
	}
	kvm_vm_free(s->vm);
	s->vm = NULL;
}

int suite_run(const struct suite_opts *opts, struct report *rep)
{
	struct suite_opts o_copy = *opts;
	const struct suite_opts *o = &o_copy;
	struct suite s = { .opts = o, .report = rep };
	enum kvm_open_status st;
	char why[256];
	unsigned int id;

	if (!o_copy.hooks)
		o_copy.hooks = &no_hooks;

	st = kvm_host_open(&s.host, o->device ? o->device : KVM_DEFAULT_DEVICE,
			   o->hidden_caps, why, sizeof(why));
	if (st == KVM_OPEN_SKIP) {
		report_skip_all(rep, why);
		return 77;
	}
	if (st == KVM_OPEN_ERROR) {
		fprintf(stderr, "msrcheck: error: %s\n", why);
		if (rep->tap)
			fprintf(rep->out, "Bail out! %s\n", why);
		return 2;
	}
	if (o->hooks->adjust_host)
		o->hooks->adjust_host(&s.host, o->hooks->opaque);

	rep->flavour = o->flavour ? o->flavour : s.host.flavour;
	rep->vendor = s.host.vendor;
	for (id = 0; id < NR_MSR_ENTRIES; id++)
		rep->selected[id] = suite_entry_selected(o, &msr_entries[id]);
	describe_host(&s);

	run_pass(&s, PASS_MSRS);
	run_pass(&s, PASS_ONE_REG);

	kvm_host_close(&s.host);
	return report_finish(rep);
}
