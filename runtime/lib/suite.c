// SPDX-License-Identifier: MIT
/* The conformance scenario: plan, execute, judge (see suite.h). */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "cpuid_decode.h"
#include "host_batch.h"
#include "round_trip.h"
#include "tsc_coupling.h"
#include "vm_cap_gate.h"
#include "schedule.h"
#include "steps.h"
#include "suite.h"
#include "x86.h"

/* One planned step of one entry. */
struct item {
	unsigned int entry;	/* enum msr_entry_id */
	unsigned int pos;	/* the entry's position in its segment */
	unsigned int seq;	/* position among the entry's steps here */
	struct step step;
};

struct item_list {
	struct item *v;
	unsigned int n, cap;
};

/* A result held back until its segment is done, to report entry by entry. */
struct pending {
	uint64_t key;
	struct check_result res;
	/* An aggregate (sweep) check: how many of its steps passed. */
	unsigned int passed;
	bool aggregate;
};

/* CPUID as the guest read it, for the guest-cpuid check. */
#define MAX_CPUID_LEAVES 32
struct cpuid_seen {
	unsigned int n;
	struct {
		uint32_t leaf, subleaf;
		struct cpuid_leaf regs;
	} l[MAX_CPUID_LEAVES];
};

struct suite {
	const struct suite_opts *opts;
	const struct suite_hooks *hooks;
	struct guest_plan_hooks plan_hooks;
	struct kvm_host host;
	struct report *report;
	enum suite_pass pass;
	struct kvm_vm *vm;
	/* The host's view of each entry: the table row, unless a test lies. */
	struct msr_entry view[NR_MSR_ENTRIES];
	/* KVM's value of each feature MSR entry (KVM_GET_MSRS on /dev/kvm). */
	uint64_t feature_value[NR_MSR_ENTRIES];
	struct rules_ctx ctx[SUITE_NR_VCPUS];
	bool cpuid_checked[SUITE_NR_VCPUS];

	/* The segment being run. */
	const unsigned int *entries;
	unsigned int nr_entries;
	struct item_list pass_items;
	struct item_list stage[SUITE_NR_VCPUS][NR_STAGES];
	struct pending *pend;
	unsigned int nr_pend, pend_cap;
	/* Results of the checks before the first run, until their segment. */
	struct pending *pre;
	unsigned int nr_pre, pre_cap;
	struct guest_plan plan;
	struct host_item *hitems;
	unsigned int hitems_cap;
	uint32_t cpuid_leaves[MAX_CPUID_LEAVES][2];
	unsigned int nr_cpuid_leaves;
	/* build_vm gives the VM an in-kernel LAPIC (the INIT scenario). */
	bool irqchip;
};

static const struct suite_hooks no_hooks;

const struct vcpu_config suite_vcpus[SUITE_NR_VCPUS] = {
	{ "full", false, false, true },
	{ "full", false, false, true },
	{ "featureless", true, false, true },
	{ "other vendor", false, true, true },
	{ "featureless, PV CPUID not enforced", true, false, false },
};

/* ------------------------------------------------------------------ */
/* Results                                                             */

static void emit(struct suite *s, int entry, int vcpu,
		 struct check_result *res)
{
	res->entry = entry;
	res->vcpu = vcpu;
	res->pass = s->pass;
	report_result(s->report, res);
}

/* A check that cannot run here, and why. */
static void emit_skip(struct suite *s, int entry, int vcpu,
		      enum check_id check, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void emit_skip(struct suite *s, int entry, int vcpu,
		      enum check_id check, const char *fmt, ...)
{
	struct check_result res = { .check = check, .status = RESULT_SKIP };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res.skip_why, sizeof(res.skip_why), fmt, ap);
	va_end(ap);
	emit(s, entry, vcpu, &res);
}

/*
 * Results of a segment come out entry by entry, and within an entry in
 * the order the old one-entry-at-a-time runner gave them: per phase (main,
 * after the host's write), per vCPU, the guest's checks, then the host's.
 */
static uint64_t result_key(const struct item *it, unsigned int vcpu,
			   enum stage st)
{
	uint64_t phase = st <= STAGE_PRE ? 0 : st <= STAGE_MAIN_HOST ? 1 : 2;
	uint64_t host = st == STAGE_PRE || st == STAGE_MAIN_HOST ||
			st == STAGE_AFTER_HOST;

	return (uint64_t)it->pos << 40 | phase << 36 | (uint64_t)vcpu << 28 |
	       host << 24 | it->seq;
}

static struct pending *hold_pending(struct suite *s, const struct item *it,
				    int vcpu, enum stage st)
{
	struct pending *p;

	xgrow(&s->pend, &s->pend_cap, s->nr_pend + 1, sizeof(s->pend[0]));
	p = &s->pend[s->nr_pend++];
	memset(p, 0, sizeof(*p));
	p->key = result_key(it, vcpu < 0 ? 0 : vcpu, st);
	p->res.entry = it->entry;
	p->res.vcpu = vcpu;
	p->res.pass = s->pass;
	return p;
}

/* A result of this segment's, reported when the segment is done. */
static struct check_result *hold(struct suite *s, const struct item *it,
				 int vcpu, enum stage st)
{
	return &hold_pending(s, it, vcpu, st)->res;
}

/*
 * A judged step of an aggregate check (a sweep): a failure is a result of
 * its own, with its bit; a pass only counts toward the check's one summary.
 */
static void hold_aggregate(struct suite *s, const struct item *it, int vcpu,
			   enum stage st, const struct check_result *res)
{
	struct pending *p;
	unsigned int i;

	if (res->status != RESULT_PASS) {
		struct check_result *r = hold(s, it, vcpu, st);
		struct check_result who = *r;

		*r = *res;
		r->entry = who.entry;
		r->vcpu = who.vcpu;
		r->pass = who.pass;
		return;
	}
	/* Its summary is recent: a sweep's steps follow each other. */
	for (i = s->nr_pend; i-- > 0;) {
		p = &s->pend[i];
		if (p->aggregate && p->res.entry == (int)it->entry &&
		    p->res.vcpu == vcpu && p->res.check == res->check) {
			p->passed++;
			return;
		}
	}
	/* The summary sits where the entry's first such step is. */
	p = hold_pending(s, it, vcpu, st);
	p->aggregate = true;
	p->passed = 1;
	p->res.check = res->check;
	p->res.status = RESULT_PASS;
}

/* The summary of an aggregate check, in words. */
static void describe_aggregate(struct pending *p)
{
	snprintf(p->res.detail, sizeof(p->res.detail), "%u steps passed: %s",
		 p->passed, check_doc(p->res.check));
}

static int cmp_pending(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

static void flush_pending(struct suite *s)
{
	unsigned int i, k;

	/* The checks made before the first run, of this segment's entries. */
	for (i = 0; i < s->nr_pre; i++) {
		for (k = 0; k < s->nr_entries; k++) {
			struct item it = { .entry = s->entries[k], .pos = k };

			if (s->pre[i].res.entry != (int)s->entries[k])
				continue;
			it.seq = s->pre[i].key;
			*hold(s, &it, s->pre[i].res.vcpu, STAGE_PRE) =
				s->pre[i].res;
		}
	}
	qsort(s->pend, s->nr_pend, sizeof(s->pend[0]), cmp_pending);
	for (i = 0; i < s->nr_pend; i++) {
		if (s->pend[i].aggregate)
			describe_aggregate(&s->pend[i]);
		report_result(s->report, &s->pend[i].res);
	}
	s->nr_pend = 0;
	report_flush(s->report);
}

static void feature_names(struct feature_set m, char *buf, size_t len)
{
	unsigned int f;
	size_t n = 0;

	buf[0] = '\0';
	for (f = 0; f < NR_FEATURES && n < len; f++) {
		if (fs_has(m, f))
			n += snprintf(buf + n, len - n, "%s%s", n ? " " : "",
				      msr_features[f].name);
	}
	if (!n)
		snprintf(buf, len, "none");
}

/* ------------------------------------------------------------------ */
/* The VM                                                              */

/* The other vendor family's vendor: a guest of it on this host. */
static enum vendor other_vendor(enum vendor v)
{
	return v == VENDOR_INTEL ? VENDOR_AMD : VENDOR_INTEL;
}

/*
 * Gates that are not CPUID, set before the vCPU first runs: the MCG_CAP
 * capability bits (KVM_X86_SETUP_MCE) and the gate bits of other MSRs.
 * Returns the registry features they give the vCPU.
 */
static struct feature_set setup_gates(const struct kvm_host *h,
				      struct kvm_vcpu *vcpu,
				      const struct vcpu_config *cfg)
{
	struct feature_set have = { { 0 } };
	uint64_t mcg_cap = MSR_MCE_BANKS;	/* the registry's mce_banks */
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		bool keep = !cfg->featureless || feat->keep;
		uint64_t val;

		if (!fs_has(h->features, f))
			continue;
		if (feat->source == SOURCE_MCG_CAP && keep) {
			mcg_cap |= (uint64_t)1 << feat->bit;
			fs_add(&have, f);
		}
		if (feat->source != SOURCE_MSR)
			continue;
		if (keep) {
			fs_add(&have, f);
			continue;
		}
		/* The host may write the gate MSR before the vCPU runs. */
		TEST_ASSERT(!__vcpu_get_msr(vcpu, feat->msr, &val) &&
			    !__vcpu_set_msr(vcpu, feat->msr,
					    val & ~((uint64_t)1 << feat->bit)),
			    "cannot clear %s (MSR 0x%x bit %u) before the first "
			    "run", feat->name, feat->msr, feat->bit);
	}
	if (h->has_mce)
		TEST_ASSERT(!__vcpu_setup_mce(vcpu, mcg_cap),
			    "KVM_X86_SETUP_MCE(0x%llx) failed",
			    (unsigned long long)mcg_cap);
	return have;
}

/*
 * Registry features the vCPU has: its CPUID's, a PV bit whenever the vCPU
 * does not enforce PV CPUID (KVM then lets every PV MSR exist), and the
 * gates set up before it runs.
 */
struct feature_set suite_vcpu_features(const struct kvm_vcpu *vcpu,
					const struct suite_vcpu_setup *su)
{
	/* What KVM applied: a flavour that rewrites CPUID answers by it. */
	struct feature_set m = vcpu->applied_features;
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		if ((msr_features[f].pv && !su->pv_enforced) ||
		    fs_has(su->gates, f))
			fs_add(&m, f);
	}
	return m;
}

struct kvm_vcpu *suite_add_vcpu(struct kvm_vm *vm, unsigned int i,
				const struct suite_hooks *hooks,
				struct suite_vcpu_setup *su)
{
	const struct vcpu_config *cfg = &suite_vcpus[i];
	const struct kvm_host *h = vm->host;
	struct kvm_cpuid2 *c = cpuid_dup(h->supported_cpuid);
	struct kvm_vcpu *vcpu;

	/* The featureless vCPUs: the negative paths. */
	if (cfg->featureless)
		cpuid2_clear_features(c, rules_cleared_features());
	if (cfg->other_vendor)
		cpuid2_set_vendor(c, other_vendor(h->vendor));
	if (hooks && hooks->adjust_cpuid)
		hooks->adjust_cpuid(i, c, hooks->opaque);
	vcpu = vm_add_vcpu_id(vm, i, c);
	free(c);
	su->pv_enforced = cfg->pv_enforced && h->has_enforce_pv &&
			  !__vcpu_enable_cap(vcpu,
					     KVM_CAP_ENFORCE_PV_FEATURE_CPUID, 1);
	su->gates = setup_gates(h, vcpu, cfg);
	return vcpu;
}

/* Every vCPU of the suite, for build_vm(). */
#define ALL_VCPUS ((1u << SUITE_NR_VCPUS) - 1)

/* A VM with the vCPUs in mask (bit i: suite_vcpus[i]), the rest left out. */
static void build_vm(struct suite *s, unsigned int mask)
{
	const struct suite_hooks *hooks = s->hooks;
	struct suite_vcpu_setup setup[SUITE_NR_VCPUS];
	unsigned int i;

	s->vm = vm_create(&s->host);
	if (s->irqchip) {
		/*
		 * Only the LAPIC (split irqchip): INIT needs nothing else, and
		 * the full irqchip's PIC and IOAPIC make the VM's teardown
		 * cost milliseconds.
		 */
		TEST_ASSERT(!__vm_enable_cap(s->vm, KVM_CAP_SPLIT_IRQCHIP,
					     24 /* IOAPIC routes */),
			    "KVM_ENABLE_CAP(KVM_CAP_SPLIT_IRQCHIP) failed");
	}
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		struct kvm_vcpu *vcpu;

		if (!(mask & (1u << i)))
			continue;
		vcpu = suite_add_vcpu(s->vm, i, hooks, &setup[i]);
		/* With an in-kernel LAPIC an AP would wait for a SIPI. */
		if (s->irqchip && i)
			TEST_ASSERT(!__vcpu_set_runnable(vcpu),
				    "KVM_SET_MP_STATE(RUNNABLE) failed");
		s->cpuid_checked[i] = false;
	}
	if (hooks->vm_created)
		hooks->vm_created(s->vm, hooks->opaque);
	/* What decides each vCPU's expectations (after any hook). */
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		struct kvm_vcpu *vcpu = s->vm->vcpus[i];

		if (!vcpu)
			continue;
		s->ctx[i] = (struct rules_ctx){
			.vendor = cpuid2_vendor(vcpu->cpuid),
			.host_vendor = s->host.vendor,
			.la57 = s->host.la57,
			.bsp = i == 0,
			.ignore_msrs = s->host.ignore_msrs,
			.use_one_reg = s->pass == PASS_ONE_REG,
			.vcpu = suite_vcpu_features(vcpu, &setup[i]),
			.kvm = s->host.features,
		};
	}
}

static void rebuild_vm(struct suite *s)
{
	kvm_vm_free(s->vm);
	build_vm(s, ALL_VCPUS);
}

/*
 * KVM_GET_CPUID2 must give back the registry features KVM_SET_CPUID2 set:
 * one passing point per vCPU, or one failing point per feature it changed
 * (a known deviation names the feature).
 */
static void check_cpuid_kept(struct suite *s, struct kvm_vcpu *vcpu)
{
	struct check_result res = { .check = CHECK_CPUID_KEPT };
	unsigned int f, changed = 0;

	for (f = 0; f < NR_FEATURES; f++) {
		bool set = fs_has(vcpu->features, f);
		bool got = fs_has(vcpu->applied_features, f);

		if (msr_features[f].source != SOURCE_CPUID || set == got)
			continue;
		res = (struct check_result){
			.check = CHECK_CPUID_KEPT,
			.feature = msr_features[f].name,
			.status = RESULT_FAIL,
			.comparable = true,
			.want = set,
			.got = got,
		};
		snprintf(res.detail, sizeof(res.detail), "KVM_SET_CPUID2 %s "
			 "it, KVM_GET_CPUID2 gives it %s", set ? "set" : "cleared",
			 got ? "set" : "cleared");
		emit(s, REPORT_NO_ENTRY, vcpu->id, &res);
		changed++;
	}
	if (changed)
		return;
	res.status = RESULT_PASS;
	snprintf(res.detail, sizeof(res.detail), "KVM_GET_CPUID2 gives back "
		 "every registry feature as set");
	emit(s, REPORT_NO_ENTRY, vcpu->id, &res);
}

/* ------------------------------------------------------------------ */
/* Planning                                                            */

struct sink {
	struct suite *s;
	unsigned int entry, pos;
	int vcpu;		/* -1: pass scope */
	unsigned int seq[NR_STAGES];
};

static void sink_add(struct plan_ctx *p, enum stage st, const struct step *step)
{
	struct sink *k = p->opaque;
	struct suite *s = k->s;
	struct item_list *l = k->vcpu < 0 || st == STAGE_PASS ?
			      &s->pass_items : &s->stage[k->vcpu][st];

	xgrow(&l->v, &l->cap, l->n + 1, sizeof(l->v[0]));
	l->v[l->n++] = (struct item){
		.entry = k->entry,
		.pos = k->pos,
		.seq = k->seq[st]++,
		.step = *step,
	};
}

/*
 * Not every vCPU configuration has something to say about every entry: the
 * other-vendor vCPU runs the entries with vendor rules, the vCPU that does
 * not enforce PV CPUID those with PV features.  The rest skip them.
 */
bool vcpu_relevant(const struct vcpu_config *cfg, const struct msr_entry *e)
{
	unsigned int f;

	if (cfg->other_vendor)
		return e->nr_quirks > 0;
	if (!cfg->pv_enforced) {
		for (f = 0; f < e->nr_features; f++) {
			if (msr_features[e->features[f]].pv)
				return true;
		}
		return false;
	}
	return true;
}

/*
 * What decides the entry's checks on the vCPU; false if the vCPU does not
 * run the entry at all.
 */
static bool entry_ctx(struct suite *s, unsigned int id, unsigned int vcpu,
		      struct rules_ctx *ctx)
{
	const struct msr_entry *e = &s->view[id];
	unsigned int v;

	if (!vcpu_relevant(&suite_vcpus[vcpu], e))
		return false;
	*ctx = s->ctx[vcpu];
	ctx->feature_value = s->feature_value[id];
	/* An earlier vCPU that looks the same to this entry made its probes. */
	for (v = 0; v < vcpu; v++) {
		if (vcpu_relevant(&suite_vcpus[v], e) &&
		    rules_same_config(e, &s->ctx[v], ctx))
			ctx->twin = true;
	}
	return true;
}

/* Asks the entry's plan function for its steps: pass scope, or one vCPU. */
static void plan_entry(struct suite *s, unsigned int pos, unsigned int id,
		       int vcpu)
{
	struct rules_ctx pass_ctx = {
		.vendor = s->host.vendor,
		.host_vendor = s->host.vendor,
		.la57 = s->host.la57,
		.ignore_msrs = s->host.ignore_msrs,
		.use_one_reg = s->pass == PASS_ONE_REG,
		.kvm = s->host.features,
	};
	struct rules_ctx ctx = pass_ctx;
	struct sink k = { .s = s, .entry = id, .pos = pos, .vcpu = vcpu };
	struct plan_ctx p = {
		.e = &s->view[id],
		.c = &ctx,
		.pass_scope = vcpu < 0,
		.add = sink_add,
		.opaque = &k,
	};
	int v, first = -1, last = -1;

	if (vcpu >= 0 && !entry_ctx(s, id, vcpu, &ctx))
		return;
	/* A VM-scoped MSR: the first vCPU that has it writes it. */
	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		if (vcpu_relevant(&suite_vcpus[v], p.e) &&
		    rules_supported_path(p.e, &s->ctx[v])) {
			first = first < 0 ? v : first;
			last = v;
		}
	}
	p.vm_first = vcpu >= 0 && vcpu == first;
	p.vm_last = vcpu >= 0 && vcpu == last;
	msr_plans[id](&p);
	if (vcpu < 0)
		return;
	if (p.e->kind == MSR_KIND_KVM_REG) {
		if (s->pass == PASS_ONE_REG)
			outcome_set_path(s->report->oc, s->pass, id, vcpu,
					 rules_kvm_reg_present(p.e, p.c) ?
					 PATH_REG_PRESENT : PATH_REG_ABSENT);
	} else {
		outcome_set_path(s->report->oc, s->pass, id, vcpu,
				 rules_supported_path(p.e, p.c) &&
				 p.e->access != ACCESS_NONE ?
				 PATH_SUPPORTED : PATH_UNSUPPORTED);
	}
}

static void clear_plan(struct suite *s)
{
	unsigned int v, st;

	s->pass_items.n = 0;
	for (v = 0; v < SUITE_NR_VCPUS; v++)
		for (st = 0; st < NR_STAGES; st++)
			s->stage[v][st].n = 0;
	s->nr_pend = 0;
}

static void plan_segment(struct suite *s)
{
	unsigned int i, v;

	clear_plan(s);
	for (i = 0; i < s->nr_entries; i++) {
		plan_entry(s, i, s->entries[i], -1);
		for (v = 0; v < SUITE_NR_VCPUS; v++)
			plan_entry(s, i, s->entries[i], v);
	}
}

/* ------------------------------------------------------------------ */
/* The guest's CPUID                                                   */

/*
 * The leaves the guest reads: the first of each range (0, 0x4000_0000 of
 * KVM's PV features, 0x8000_0000) and every feature's.
 */
static void collect_cpuid_leaves(struct suite *s)
{
	unsigned int f, i;

	s->nr_cpuid_leaves = 0;
	s->cpuid_leaves[s->nr_cpuid_leaves][0] = 0;
	s->cpuid_leaves[s->nr_cpuid_leaves++][1] = 0;
	s->cpuid_leaves[s->nr_cpuid_leaves][0] = 0x40000000;
	s->cpuid_leaves[s->nr_cpuid_leaves++][1] = 0;
	s->cpuid_leaves[s->nr_cpuid_leaves][0] = 0x80000000;
	s->cpuid_leaves[s->nr_cpuid_leaves++][1] = 0;
	for (f = 0; f < NR_FEATURES; f++) {
		const struct msr_feature *feat = &msr_features[f];
		bool seen = false;

		for (i = 0; i < s->nr_cpuid_leaves; i++)
			seen |= s->cpuid_leaves[i][0] == feat->leaf &&
				s->cpuid_leaves[i][1] == feat->subleaf;
		TEST_ASSERT(seen || s->nr_cpuid_leaves < MAX_CPUID_LEAVES,
			    "more than %d CPUID leaves", MAX_CPUID_LEAVES);
		if (seen)
			continue;
		s->cpuid_leaves[s->nr_cpuid_leaves][0] = feat->leaf;
		s->cpuid_leaves[s->nr_cpuid_leaves++][1] = feat->subleaf;
	}
}

static void plan_cpuid(struct suite *s, struct guest_plan *p)
{
	unsigned int i;

	for (i = 0; i < s->nr_cpuid_leaves; i++) {
		guest_plan_add(p, GUEST_OP_CPUID_AB, s->cpuid_leaves[i][0],
			       s->cpuid_leaves[i][1], -1);
		guest_plan_add(p, GUEST_OP_CPUID_CD, s->cpuid_leaves[i][0],
			       s->cpuid_leaves[i][1], -1);
	}
}

static bool seen_lookup(void *ctx, uint32_t leaf, uint32_t subleaf,
			struct cpuid_leaf *out)
{
	const struct cpuid_seen *seen = ctx;
	uint32_t max = 0;
	unsigned int i;

	/* Above the maximum leaf, CPUID returns some other leaf's data. */
	for (i = 0; i < seen->n; i++) {
		if (seen->l[i].leaf == cpuid_range_base(leaf) &&
		    !seen->l[i].subleaf)
			max = seen->l[i].regs.eax;
	}
	if (leaf > max)
		return false;
	for (i = 0; i < seen->n; i++) {
		if (seen->l[i].leaf == leaf && seen->l[i].subleaf == subleaf) {
			*out = seen->l[i].regs;
			return true;
		}
	}
	return false;
}

/* The guest must see the CPUID userspace gave its vCPU. */
static void check_guest_cpuid(struct suite *s, struct kvm_vcpu *vcpu,
			      const struct guest_plan *p)
{
	struct check_result res = { .check = CHECK_GUEST_CPUID };
	struct cpuid_seen seen = { 0 };
	struct feature_set got;
	struct cpuid_leaf leaf0 = { 0 };
	enum vendor want_vendor = cpuid2_vendor(vcpu->applied), got_vendor;
	char want[192], gotf[192];
	unsigned int i;

	for (i = 0; i + 1 < p->n && p->owner[i] < 0 &&
		    p->slots[i].op == GUEST_OP_CPUID_AB; i += 2) {
		const struct guest_slot *ab = &p->slots[i], *cd = &p->slots[i + 1];

		seen.l[seen.n].leaf = ab->index;
		seen.l[seen.n].subleaf = ab->value;
		seen.l[seen.n++].regs = (struct cpuid_leaf){
			(uint32_t)ab->got, ab->got >> 32,
			(uint32_t)cd->got, cd->got >> 32,
		};
	}
	got = cpuid_features(seen_lookup, &seen);
	for (i = 0; i < seen.n; i++) {
		if (seen.l[i].leaf == 0 && seen.l[i].subleaf == 0)
			leaf0 = seen.l[i].regs;
	}
	got_vendor = cpuid_vendor(&leaf0);

	/* The CPUID KVM applied (check_cpuid_kept compares it to what was set). */
	feature_names(vcpu->applied_features, want, sizeof(want));
	feature_names(got, gotf, sizeof(gotf));
	res.status = fs_equal(got, vcpu->applied_features) &&
		     got_vendor == want_vendor ? RESULT_PASS : RESULT_FAIL;
	snprintf(res.detail, sizeof(res.detail),
		 "CPUID in the guest: wanted %s {%s}, got %s {%s}",
		 vendor_name(want_vendor), want, vendor_name(got_vendor), gotf);
	if (s->opts->verbose)
		report_note(s->report, "guest vcpu%u: CPUID vendor %s, "
			    "registry features {%s}", vcpu->id,
			    vendor_name(got_vendor), gotf);
	emit(s, REPORT_NO_ENTRY, vcpu->id, &res);
	s->cpuid_checked[vcpu->id] = true;
}

/* ------------------------------------------------------------------ */
/* Executing and judging                                               */

static void count_entry(struct suite *s, unsigned int id, unsigned long runs,
			unsigned long guest_ops, unsigned long host_ops)
{
	struct entry_stats *st = s->opts->entry_stats;

	if (!st)
		return;
	st[id].runs += runs;
	st[id].guest_ops += guest_ops;
	st[id].host_ops += host_ops;
}

/* The entry a failed plan was at: its slot's owner, or the one before. */
static int failed_entry(const struct suite *s, const struct item_list *l,
			const struct guest_plan *p, int slot)
{
	for (; slot >= 0 && (unsigned int)slot < p->n; slot--) {
		if (p->owner[slot] >= 0)
			return l->v[p->owner[slot]].entry;
	}
	return -1;
}

/* The run failed at slot (-1: unknown) of plan p. */
static void report_run_failure(struct suite *s, int entry, unsigned int vcpu,
			       const struct guest_plan *p, int slot,
			       const char *what)
{
	struct check_result res = {
		.check = CHECK_RUN,
		.status = RESULT_FAIL,
	};
	char op[96] = "no plan operation";

	if (slot >= 0 && (unsigned int)slot < p->n)
		guest_slot_describe(&p->slots[slot], slot, op, sizeof(op));
	snprintf(res.detail, sizeof(res.detail), "%s (guest plan at %s)", what,
		 op);
	emit(s, entry < 0 ? REPORT_NO_ENTRY : entry, vcpu, &res);
	report_flush(s->report);
}

static void add_fault(struct suite *s, struct guest_plan *p, unsigned int v,
		      const struct item *it, int owner)
{
	const struct suite_opts *o = s->opts;

	if (o->fault != GUEST_OP_END && (int)it->entry == o->fault_entry &&
	    v == o->fault_vcpu && it->seq == 0)
		guest_plan_add(p, o->fault, 0, 0, owner);
}

/* A guest step's operation: through KVM's emulator in the emulator pass. */
static enum guest_op guest_op(const struct suite *s, enum step_op op)
{
	bool fep = s->pass == PASS_EMULATED;

	if (op == OP_RDMSR)
		return fep ? GUEST_OP_RDMSR_FEP : GUEST_OP_RDMSR;
	return fep ? GUEST_OP_WRMSR_FEP : GUEST_OP_WRMSR;
}

/*
 * Runs one guest stage of vCPU v: every entry's steps as one plan.  Returns
 * false, with *bad the entry it failed at (-1: none), if the run failed.
 */

static bool run_guest_stage(struct suite *s, unsigned int v, enum stage st,
			    int *bad)
{
	struct kvm_vcpu *vcpu = s->vm->vcpus[v];
	struct item_list *l = &s->stage[v][st];
	struct guest_plan *p = &s->plan;
	bool with_cpuid = st == STAGE_MAIN && !s->cpuid_checked[v];
	struct plan_run run;
	unsigned int i, last = ~0u;

	guest_plan_clear(p);
	if (with_cpuid)
		plan_cpuid(s, p);
	for (i = 0; i < l->n; i++) {
		const struct item *it = &l->v[i];
		const struct msr_entry *e = &s->view[it->entry];

		if (st == STAGE_MAIN)
			add_fault(s, p, v, it, i);
		if (it->step.op == OP_SKIP) {
			judge_skip(e, &s->ctx[v], &it->step, hold(s, it, v, st));
			continue;
		}
		guest_plan_add(p, guest_op(s, it->step.op), e->index,
			       it->step.value, i);
		if (it->step.restore)
			guest_plan_add(p, GUEST_OP_RESTORE, e->index,
				       it->step.want, -1);
	}

	guest_plan_run(vcpu, p, s->opts->timeout_ms, &s->plan_hooks, &run);
	if (!run.ok) {
		*bad = failed_entry(s, l, p, run.failed_slot);
		report_run_failure(s, *bad, v, p, run.failed_slot, run.what);
		return false;
	}

	if (with_cpuid)
		check_guest_cpuid(s, vcpu, p);
	for (i = 0; i < p->n; i++) {
		const struct item *it;

		if (p->owner[i] < 0 || guest_op_is_fault(p->slots[i].op))
			continue;
		it = &l->v[p->owner[i]];
		if (it->step.aggregate) {
			struct check_result res = { 0 };

			judge_guest(&s->view[it->entry], &it->step,
				    p->slots[i].vector, p->slots[i].got, &res);
			hold_aggregate(s, it, v, st, &res);
		} else {
			judge_guest(&s->view[it->entry], &it->step,
				    p->slots[i].vector, p->slots[i].got,
				    hold(s, it, v, st));
		}
		count_entry(s, it->entry, it->entry != last, 1, 0);
		last = it->entry;
	}
	return true;
}

static void run_host_stage(struct suite *s, unsigned int v, enum stage st)
{
	struct kvm_vcpu *vcpu = s->vm->vcpus[v];
	struct item_list *l = &s->stage[v][st];
	unsigned int i, n = 0;

	xgrow(&s->hitems, &s->hitems_cap, l->n + 1, sizeof(s->hitems[0]));
	for (i = 0; i < l->n; i++) {
		const struct item *it = &l->v[i];
		const struct msr_entry *e = &s->view[it->entry];

		if (it->step.op == OP_SKIP) {
			judge_skip(e, &s->ctx[v], &it->step, hold(s, it, v, st));
			continue;
		}
		s->hitems[n++] = (struct host_item){
			.e = e,
			.s = &it->step,
			.rank = it->seq,
		};
	}
	host_batch_run(vcpu, s->hitems, n,
		       s->hooks->host_access, s->hooks->opaque);
	for (i = 0, n = 0; i < l->n; i++) {
		const struct item *it = &l->v[i];

		if (it->step.op == OP_SKIP)
			continue;
		judge_host(&s->view[it->entry], &it->step, &s->hitems[n++].a,
			   hold(s, it, v, st));
		count_entry(s, it->entry, 0, 0, 1);
	}
}

static void run_pass_items(struct suite *s)
{
	unsigned int i;

	for (i = 0; i < s->pass_items.n; i++) {
		const struct item *it = &s->pass_items.v[i];
		const struct msr_entry *e = &s->view[it->entry];
		struct check_result *res = hold(s, it, -1, STAGE_PASS);

		if (it->step.op == OP_SKIP)
			judge_skip(e, &s->ctx[0], &it->step, res);
		else
			judge_save_list(e, &it->step,
					kvm_host_lists_msr(&s->host, e->index),
					res);
	}
}

/*
 * The host's checks before any vCPU runs (STAGE_PRE), for every selected
 * entry at once: later segments would be too late.  Their results wait in
 * s->pre for their entry's segment.
 */
static void run_pre_stage(struct suite *s, const unsigned int *ids,
			  unsigned int n)
{
	unsigned int i, v;

	s->nr_pre = 0;
	s->entries = ids;
	s->nr_entries = n;
	plan_segment(s);
	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		if (s->stage[v][STAGE_PRE].n)
			run_host_stage(s, v, STAGE_PRE);
	}
	xgrow(&s->pre, &s->pre_cap, s->nr_pend + 1, sizeof(s->pre[0]));
	for (i = 0; i < s->nr_pend; i++) {
		s->pre[i] = s->pend[i];
		/* Its place among the entry's pre-run checks. */
		s->pre[i].key = s->pend[i].key & 0xffffff;
	}
	s->nr_pre = s->nr_pend;
	s->nr_pend = 0;
}

/* An empty plan: another vCPU runs, as the schedule needs. */
static bool run_idle(struct suite *s, unsigned int v)
{
	struct plan_run run;

	guest_plan_clear(&s->plan);
	guest_plan_run(s->vm->vcpus[v], &s->plan, s->opts->timeout_ms,
		       &s->plan_hooks, &run);
	if (!run.ok)
		report_run_failure(s, -1, v, &s->plan, run.failed_slot,
				   run.what);
	return run.ok;
}

/*
 * Runs the current segment.  Returns true when done; false after a failed
 * run, with *bad the entry it failed at (-1: none), its results dropped.
 */
static bool run_segment(struct suite *s, int *bad)
{
	struct sched_event ev[SCHED_MAX_EVENTS(SUITE_NR_VCPUS, NR_VCPU_STAGES)];
	unsigned int i, n;

	*bad = -1;
	plan_segment(s);
	run_pass_items(s);
	n = schedule_stages(SUITE_NR_VCPUS, NR_VCPU_STAGES, ev);
	for (i = 0; i < n; i++) {
		enum stage st = FIRST_VCPU_STAGE + ev[i].stage;
		bool ok = true;

		if (ev[i].idle)
			ok = run_idle(s, ev[i].vcpu);
		else if (stage_is_guest(st))
			ok = run_guest_stage(s, ev[i].vcpu, st, bad);
		else
			run_host_stage(s, ev[i].vcpu, st);
		if (!ok) {
			s->nr_pend = 0;
			return false;
		}
	}
	flush_pending(s);
	return true;
}

/* ------------------------------------------------------------------ */
/* Passes                                                              */

bool suite_entry_selected(const struct suite_opts *o,
			  const struct msr_entry *e)
{
	char name[MSR_ENTRY_NAME_MAX + 1];
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
	char have[512], lack[512];

	feature_names(h->features, have, sizeof(have));
	feature_names(fs_minus(fs_all(), h->features), lack, sizeof(lack));
	report_note(s->report, "msrcheck: %s, KVM API %d, flavour %s, vendor "
		    "%s, ignore_msrs %s, ONE_REG %s", h->device,
		    h->api_version, s->report->oc->flavour,
		    vendor_name(h->vendor), h->ignore_msrs ? "Y" : "N",
		    h->caps[CAP_ONE_REG] ? "yes" : "no");
	report_note(s->report, "registry features KVM supports: %s; lacks: %s",
		    have, lack);
	json_out_host(s->report->json, h, s->report->oc->flavour);
	feature_names(s->opts->pretend, have, sizeof(have));
	if (!fs_equal(s->opts->pretend, (struct feature_set){ { 0 } }))
		report_note(s->report, "pretending (--pretend-cpuid) that KVM "
			    "supports: %s", have);
}

/*
 * Every MSR KVM lists is tested, or the registry says why not: one check
 * per listed index, and the "not tested" table, before the passes.
 */
static void check_index_list(struct suite *s)
{
	unsigned int i, n, tested = 0;
	struct coverage_row *rows = coverage_rows(&s->host, &n);
	char name[MSR_ENTRY_NAME_MAX + 1];

	for (i = 0; i < n; i++) {
		const struct coverage_row *r = &rows[i];
		struct check_result res = { .check = CHECK_INDEX_LIST,
					    .has_msr = true, .msr = r->index };

		res.status = coverage_accounted(r) ? RESULT_PASS : RESULT_FAIL;
		if (r->nr_entries) {
			tested++;
			entry_name(&msr_entries[r->first_entry], name,
				   sizeof(name));
			snprintf(res.detail, sizeof(res.detail),
				 "MSR 0x%x: listed, tested by %s", r->index,
				 name);
		} else if (r->not_tested) {
			snprintf(res.detail, sizeof(res.detail),
				 "MSR 0x%x (%s): listed, not tested: %s",
				 r->index, r->not_tested->name,
				 r->not_tested->why);
		} else {
			snprintf(res.detail, sizeof(res.detail),
				 "MSR 0x%x: KVM lists it, and the registry "
				 "neither tests it nor says why not (add an "
				 "entry or a [[not_tested]] row)", r->index);
		}
		s->pass = PASS_MSRS;
		emit(s, REPORT_NO_ENTRY, -1, &res);
	}
	report_note(s->report, "KVM lists %u MSRs; the registry tests %u:",
		    n, tested);
	for (i = 0; i < n; i++) {
		if (rows[i].not_tested)
			report_note(s->report, "  not tested: 0x%x %s: %s",
				    rows[i].index, rows[i].not_tested->name,
				    rows[i].not_tested->why);
	}
	free(rows);
}

/*
 * Runs the entries of one segment; a failed run drops the entry it failed
 * at (its "run" failure is reported) and the segment runs again on a fresh
 * VM without it.  false: a failure no entry owns; the pass stops.
 */
static bool run_segment_entries(struct suite *s, unsigned int *entries,
				unsigned int n)
{
	int bad;

	for (;;) {
		s->entries = entries;
		s->nr_entries = n;
		if (!n || run_segment(s, &bad))
			return true;
		rebuild_vm(s);
		if (bad < 0)
			return false;
		for (unsigned int i = 0, k = 0; i < n; i++) {
			if ((int)entries[i] != bad)
				entries[k++] = entries[i];
		}
		n--;
	}
}

/* ------------------------------------------------------------------ */
/* The save/restore round trip                                         */

struct round_trip_sink {
	struct suite *s;
	unsigned int vcpu;
};

static void round_trip_result(unsigned int entry, struct check_result *res,
			      void *opaque)
{
	struct round_trip_sink *k = opaque;

	emit(k->s, entry, k->vcpu, res);
}

/* A scenario's guest run failed: one run failure, at its entry. */
static void emit_run_failure(struct suite *s, int entry, unsigned int v,
			     const char *scenario, const struct plan_run *run)
{
	struct check_result res = { .check = CHECK_RUN,
				    .status = RESULT_FAIL };

	snprintf(res.detail, sizeof(res.detail), "%s: %.600s", scenario,
		 run->what);
	emit(s, entry, v, &res);
}

static void round_trip_failed(struct suite *s, const struct round_trip *rt,
			      unsigned int v, const struct plan_run *run)
{
	int slot = run->failed_slot;

	emit_run_failure(s, slot >= 0 && (unsigned int)slot < rt->n ?
			 (int)rt->items[slot].entry : REPORT_NO_ENTRY, v,
			 "round trip", run);
}

/*
 * The TSC coupling scenario, after the msrs pass's segments (TSC_ADJUST is
 * at its reset value: the host's last write): on every vCPU whose
 * TSC_ADJUST entry the rules pick.
 */
static void run_tsc_coupling(struct suite *s, const unsigned int *ids,
			     unsigned int n)
{
	struct round_trip_sink sink;
	struct plan_run run;
	unsigned int v, i;

	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		for (i = 0; i < n; i++) {
			const struct msr_entry *e = &s->view[ids[i]];
			struct tsc_coupling tc = {
				.entry = ids[i],
				.e = e,
				.timeout_ms = s->opts->timeout_ms,
				.plan_hooks = &s->plan_hooks,
				.plan = &s->plan,
				.result = round_trip_result,
				.result_opaque = &sink,
			};
			struct rules_ctx ctx;

			if (!entry_ctx(s, ids[i], v, &ctx) ||
			    !rules_tsc_coupling_checked(e, &ctx))
				continue;
			sink = (struct round_trip_sink){ .s = s, .vcpu = v };
			tc.reset = rules_reset(e, &ctx);
			if (!tsc_coupling_run(&tc, s->vm->vcpus[v], &run))
				emit_run_failure(s, ids[i], v, "TSC coupling",
						 &run);
		}
	}
	report_flush(s->report);
}

/*
 * The VM-capability scenario, after the TSC coupling one: on every vCPU
 * whose entry the rules pick, unless KVM lacks the capability (one skip
 * per entry, that says so).
 */
static void run_vm_cap_gate(struct suite *s, const unsigned int *ids,
			    unsigned int n)
{
	struct round_trip_sink sink;
	struct plan_run run;
	unsigned int v, i;

	for (i = 0; i < n; i++) {
		const struct msr_entry *e = &s->view[ids[i]];
		struct vm_cap_gate g = {
			.entry = ids[i],
			.e = e,
			.timeout_ms = s->opts->timeout_ms,
			.plan_hooks = &s->plan_hooks,
			.lie = s->hooks->host_access,
			.cap_set = s->hooks->vm_cap_set,
			.hook_opaque = s->hooks->opaque,
			.plan = &s->plan,
			.result = round_trip_result,
			.result_opaque = &sink,
		};

		if (e->vm_cap == VM_CAP_NONE)
			continue;
		if (!s->host.vm_caps[e->vm_cap]) {
			emit_skip(s, ids[i], -1, CHECK_RDMSR_CAP_OFF_GP,
				  "KVM lacks KVM_CAP_%s: its gate is not checked",
				  msr_vm_caps[e->vm_cap].name);
			continue;
		}
		for (v = 0; v < SUITE_NR_VCPUS; v++) {
			struct rules_ctx ctx;

			if (!entry_ctx(s, ids[i], v, &ctx) ||
			    !rules_vm_cap_gate_checked(e, &ctx))
				continue;
			sink = (struct round_trip_sink){ .s = s, .vcpu = v };
			g.value = rules_reset(e, &ctx);
			if (!vm_cap_gate_run(&g, s->vm, s->vm->vcpus[v], &run))
				emit_run_failure(s, ids[i], v, "VM capability",
						 &run);
		}
	}
	report_flush(s->report);
}

/* The pass's round trip is the run's last: the INIT scenario goes with it. */
static bool last_round_trip(const struct suite *s, enum suite_pass pass)
{
	return pass == PASS_ONE_REG || !s->host.caps[CAP_ONE_REG];
}

/* INIT needs the in-kernel LAPIC; without it, one skip that says so. */
static bool init_possible(struct suite *s)
{
	if (s->host.caps[CAP_SPLIT_IRQCHIP])
		return true;
	emit_skip(s, REPORT_NO_ENTRY, -1, CHECK_INIT_KEEP,
		  "KVM lacks KVM_CAP_SPLIT_IRQCHIP (the in-kernel LAPIC that "
		  "INIT needs): no INIT scenario");
	return false;
}

/* Which scenario scenario_items() collects entries for. */
enum scenario { SCENARIO_ROUND_TRIP, SCENARIO_INIT };

/*
 * The entries of one vCPU that take part in a scenario: one per register
 * (the first selected entry of each), as the rules decide.
 */
static unsigned int scenario_items(struct suite *s, enum scenario which,
				   const unsigned int *ids, unsigned int n,
				   unsigned int v, struct round_trip_item *out)
{
	unsigned int i, k, nr = 0;

	for (i = 0; i < n; i++) {
		const struct msr_entry *e = &s->view[ids[i]];
		struct rules_ctx ctx;
		bool seen = false, in;

		for (k = 0; k < nr; k++)
			seen |= out[k].e->register_index == e->register_index;
		if (seen || !entry_ctx(s, ids[i], v, &ctx))
			continue;
		in = which == SCENARIO_INIT ? rules_init_checked(e, &ctx) :
		     rules_round_trips(e, &ctx,
				       kvm_host_lists_msr(&s->host, e->index));
		if (!in)
			continue;
		out[nr++] = (struct round_trip_item){
			.entry = ids[i],
			.e = e,
			.after_init = which == SCENARIO_INIT ?
				      rules_after_init(e, &ctx) : 0,
		};
	}
	return nr;
}

static struct round_trip round_trip_of(struct suite *s, unsigned int n,
				       struct round_trip_sink *sink)
{
	return (struct round_trip){
		.items = xzalloc((n + 1) * sizeof(struct round_trip_item)),
		.use_one_reg = s->pass == PASS_ONE_REG,
		.timeout_ms = s->opts->timeout_ms,
		.plan_hooks = &s->plan_hooks,
		.lie = s->hooks->host_access,
		.lie_opaque = s->hooks->opaque,
		.plan = &s->plan,
		.result = round_trip_result,
		.result_opaque = sink,
	};
}

/*
 * After the pass's segments: VM A (the pass's VM) has its guests write,
 * the host saves, and a new VM B, built the same way with the vCPUs that
 * take part, is restored and checked (see round_trip.h): through
 * KVM_SET_MSRS in the msrs pass, through KVM_SET_ONE_REG in the one-reg
 * pass.  With `init`, B also has the in-kernel LAPIC and, after the
 * restore, hosts the INIT scenario: its guests write the entries whose INIT
 * behaviour the registry states, an INIT comes, the host reads what is
 * left.  A stays the suite's VM.
 */
static void run_round_trip(struct suite *s, const unsigned int *ids,
			   unsigned int n, bool init)
{
	struct round_trip rt[SUITE_NR_VCPUS], it[SUITE_NR_VCPUS];
	struct round_trip_sink sink[SUITE_NR_VCPUS];
	struct kvm_vm *a = s->vm;
	unsigned int v, mask = 0;
	struct plan_run run;

	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		sink[v] = (struct round_trip_sink){ .s = s, .vcpu = v };
		rt[v] = round_trip_of(s, n, &sink[v]);
		it[v] = round_trip_of(s, n, &sink[v]);
		rt[v].n = scenario_items(s, SCENARIO_ROUND_TRIP, ids, n, v,
					 rt[v].items);
		it[v].n = init ? scenario_items(s, SCENARIO_INIT, ids, n, v,
						it[v].items) : 0;
		if (rt[v].n && !round_trip_write(&rt[v], a->vcpus[v], &run)) {
			round_trip_failed(s, &rt[v], v, &run);
			rt[v].n = 0;
		} else if (rt[v].n) {
			round_trip_save(&rt[v], a->vcpus[v]);
		}
		if (rt[v].n || it[v].n)
			mask |= 1u << v;
	}

	if (mask) {
		s->irqchip = init;
		build_vm(s, mask);
		s->irqchip = false;
		for (v = 0; v < SUITE_NR_VCPUS; v++) {
			if (rt[v].n && !round_trip_restore(&rt[v], s->vm->vcpus[v],
							   &run))
				round_trip_failed(s, &rt[v], v, &run);
			if (it[v].n &&
			    !round_trip_write(&it[v], s->vm->vcpus[v], &run))
				round_trip_failed(s, &it[v], v, &run);
			else if (it[v].n)
				round_trip_init(&it[v], s->vm->vcpus[v]);
		}
		kvm_vm_free(s->vm);
		s->vm = a;
	}
	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		free(rt[v].items);
		free(it[v].items);
	}
	report_flush(s->report);
}

static void run_pass(struct suite *s, enum suite_pass pass)
{
	unsigned int ids[NR_MSR_ENTRIES + 1], seg_of[NR_MSR_ENTRIES + 1];
	uint8_t kinds[NR_MSR_ENTRIES + 1];
	uint32_t indices[NR_MSR_ENTRIES + 1];
	bool isolate[NR_MSR_ENTRIES + 1];
	unsigned int members[NR_MSR_ENTRIES + 1];
	unsigned int id, n = 0, nr_segs, g, k, i;

	s->pass = pass;
	if (pass == PASS_ONE_REG && !s->host.caps[CAP_ONE_REG]) {
		emit_skip(s, REPORT_NO_ENTRY, -1, CHECK_RUN,
			  "KVM lacks KVM_CAP_ONE_REG: no one-reg pass");
		return;
	}
	if (pass == PASS_EMULATED && !s->host.force_emulation) {
		emit_skip(s, REPORT_NO_ENTRY, -1, CHECK_RUN,
			  "kvm.force_emulation_prefix is 0: KVM does not "
			  "emulate the prefixed RDMSR/WRMSR, so no emulator "
			  "pass");
		return;
	}

	for (id = 0; id < NR_MSR_ENTRIES; id++) {
		if (!s->report->oc->selected[id])
			continue;
		ids[n] = id;
		kinds[n] = s->view[id].kind;
		isolate[n] = s->view[id].isolate;
		indices[n++] = s->view[id].register_index;
	}
	nr_segs = plan_segments(kinds, indices, isolate, n, seg_of);

	/*
	 * The one-reg pass goes on with the msrs pass's VM: its guests no
	 * longer read reset values, and building the VM again costs a VM and
	 * five vCPUs.  The emulator pass reads reset values: a fresh VM.
	 */
	if (!s->vm || pass == PASS_EMULATED) {
		kvm_vm_free(s->vm);
		build_vm(s, ALL_VCPUS);
		for (i = 0; i < SUITE_NR_VCPUS; i++)
			check_cpuid_kept(s, s->vm->vcpus[i]);
		run_pre_stage(s, ids, n);
	} else {
		/* Its VM ran: no checks before a first run, none to report. */
		s->nr_pre = 0;
		for (i = 0; i < SUITE_NR_VCPUS; i++)
			s->ctx[i].use_one_reg = pass == PASS_ONE_REG;
	}
	for (g = 0; g < nr_segs; g++) {
		for (i = 0, k = 0; i < n; i++) {
			if (seg_of[i] == g)
				members[k++] = ids[i];
		}
		if (!run_segment_entries(s, members, k))
			break;
	}
	/*
	 * The emulator pass is about the guest's instructions only.  The INIT
	 * scenario goes with the last round trip.
	 */
	if (pass == PASS_MSRS) {
		run_tsc_coupling(s, ids, n);
		run_vm_cap_gate(s, ids, n);
	}
	if (pass != PASS_EMULATED)
		run_round_trip(s, ids, n, last_round_trip(s, pass) &&
					  init_possible(s));
}

static void suite_free(struct suite *s)
{
	unsigned int v, st;

	free(s->pass_items.v);
	for (v = 0; v < SUITE_NR_VCPUS; v++)
		for (st = 0; st < NR_STAGES; st++)
			free(s->stage[v][st].v);
	free(s->pend);
	free(s->pre);
	free(s->hitems);
	guest_plan_free(&s->plan);
}

int suite_run(const struct suite_opts *o, struct report *rep)
{
	struct suite *s = xzalloc(sizeof(*s));
	enum kvm_open_status st;
	char why[256];
	unsigned int id;
	int ret;

	s->opts = o;
	s->hooks = o->hooks ? o->hooks : &no_hooks;
	/* The plain report prints failures only: passes need no text. */
	judge_set_pass_details(o->tap || o->verbose || rep->json);
	s->report = rep;
	s->plan_hooks = (struct guest_plan_hooks){
		.written = s->hooks->plan_written,
		.ran = s->hooks->guest_ran,
		.opaque = s->hooks->opaque,
	};

	st = kvm_host_open(&s->host, o->device ? o->device : KVM_DEFAULT_DEVICE,
			   o->hidden_caps, why, sizeof(why));
	if (st != KVM_OPEN_OK) {
		free(s);
		if (st == KVM_OPEN_SKIP) {
			report_skip_all(rep, why);
			return 77;
		}
		fprintf(stderr, "msrcheck: error: %s\n", why);
		if (rep->tap)
			fprintf(rep->out, "Bail out! %s\n", why);
		return 2;
	}
	cpuid2_set_features(s->host.supported_cpuid, o->pretend);
	for (id = 0; id < NR_FEATURES; id++) {
		if (fs_has(o->pretend, id))
			fs_add(&s->host.features, id);
	}
	if (s->hooks->adjust_host)
		s->hooks->adjust_host(&s->host, s->hooks->opaque);

	rep->oc->flavour = o->flavour ? o->flavour : s->host.flavour;
	rep->oc->nr_vcpus = SUITE_NR_VCPUS;
	rep->oc->vendor = s->host.vendor;
	for (id = 0; id < NR_MSR_ENTRIES; id++) {
		s->view[id] = msr_entries[id];
		if (msr_entries[id].feature_msr)
			kvm_get_feature_msr(&s->host, msr_entries[id].index,
					    &s->feature_value[id]);
		if (s->hooks->adjust_entry)
			s->hooks->adjust_entry(id, &s->view[id],
					       s->hooks->opaque);
		rep->oc->selected[id] = suite_entry_selected(o, &msr_entries[id]);
	}
	collect_cpuid_leaves(s);
	describe_host(s);
	check_index_list(s);

	run_pass(s, PASS_MSRS);
	run_pass(s, PASS_ONE_REG);
	run_pass(s, PASS_EMULATED);
	kvm_vm_free(s->vm);

	kvm_host_close(&s->host);
	suite_free(s);
	free(s);
	ret = report_finish(rep);
	return ret;
}
