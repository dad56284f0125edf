// SPDX-License-Identifier: MIT
/*
 * The teeth suite's runner (see teeth.h).  For each world it runs the
 * conformance suite in-process with no lie: the baseline, which must be
 * clean, so that no lie can pass because things were broken anyway.  Then
 * it runs the suite once per lie and proves from struct report and the
 * captured TAP that the lie was caught: the lied-about entry failed, by
 * exactly the row's check kinds, with the row's message; nothing else
 * failed.  The last line, "check kinds proven to fail: N of M", counts the
 * check kinds caught by at least one lie; the suite fails unless N == M.
 *
 * Usage: teeth [-v] [LIE...]
 *   LIE  shell glob on lie names: run only those (and their baselines)
 *   -v   show the TAP of every inner run, not only of failing ones
 * Output is TAP; without a usable /dev/kvm: "1..0 # SKIP <why>", status 0.
 */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "teeth.h"
#include "x86.h"

#define MAX_BASELINES 16
#define MAX_SHOWN_LINES 40

static const char *device;
static bool verbose;
/*
 * Features this KVM does not let a vCPU lose (kvm_pvm forces some CPUID
 * bits on KVM_SET_CPUID2): the pinned CPUID keeps them, so a baseline is
 * clean on such a KVM too (the suite's cpuid-kept check reports them).
 */
static struct feature_set sticky;
/* KVM supports LA57: some lies break more kinds (lie.also_la57). */
static bool host_la57;
static unsigned int points;
static bool all_ok = true;
static char diag[8192];

struct baseline {
	const struct teeth_world *world;
	const char *const *select;
	bool clean;
};

static struct baseline baselines[MAX_BASELINES];
static unsigned int nr_baselines;

/* One in-process suite run and what it left. */
struct run {
	int ret;
	struct report rep;
	char *tap;
	size_t tap_len;
};

/* ------------------------------------------------------------------ */
/* The pinned host every world starts from.                            */

void teeth_unlist_msr(struct kvm_host *h, uint32_t index)
{
	unsigned int i, n = 0;

	for (i = 0; i < h->nr_msrs; i++) {
		if (h->msr_list[i] != index)
			h->msr_list[n++] = h->msr_list[i];
	}
	h->nr_msrs = n;
}

void teeth_list_msr(struct kvm_host *h, uint32_t index)
{
	if (kvm_host_lists_msr(h, index))
		return;
	h->msr_list = realloc(h->msr_list,
			      (h->nr_msrs + 1) * sizeof(h->msr_list[0]));
	TEST_ASSERT(h->msr_list, "out of memory");
	h->msr_list[h->nr_msrs++] = index;
}

/*
 * Table-level, in every world and every baseline: the host looks like this
 * one whatever machine runs the suite (CI hosts may be Intel, and may
 * support more).  The vendor is AMD, so vendor rules (TSC_AUX truncation)
 * apply and messages name AMD; of the CPUID features KVM supports only the
 * kept ones (LM, NONE), and the save/restore list drops MSRs that only
 * other features bring, so it agrees with them.  Features KVM gives through
 * an MSR or MCG_CAP (CPUID faulting, MCG_CTL_P) are KVM's own, the same on
 * every host: they stay, so the gates the suite sets up agree too.
 */
static void pin_host(struct kvm_host *h)
{
	struct feature_set cpuid = { { 0 } };
	unsigned int i;

	for (i = 0; i < NR_FEATURES; i++) {
		if (msr_features[i].source == SOURCE_CPUID)
			fs_add(&cpuid, i);
	}
	h->vendor = VENDOR_AMD;
	h->features = fs_minus(h->features,
			       fs_and(rules_cleared_features(), cpuid));
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];

		if (e->kind == MSR_KIND_MSR && !rules_has_any(e, h->features))
			teeth_unlist_msr(h, e->index);
	}
}

/*
 * Every vCPU: the AMD vendor string, and only the kept features (and the
 * ones this KVM keeps anyway).
 */
static void pin_cpuid(struct kvm_cpuid2 *cpuid)
{
	struct kvm_cpuid_entry2 *leaf0 = cpuid_find(cpuid, 0, 0);

	TEST_ASSERT(leaf0, "KVM's CPUID has no leaf 0");
	/* "AuthenticAMD" is spread over EBX, EDX, ECX, in that order. */
	memcpy(&leaf0->ebx, "Auth", 4);
	memcpy(&leaf0->edx, "enti", 4);
	memcpy(&leaf0->ecx, "cAMD", 4);
	cpuid2_clear_features(cpuid, fs_minus(rules_cleared_features(), sticky));
	/* The suite's featureless vCPUs cleared them too: KVM keeps them. */
	cpuid2_set_features(cpuid, sticky);
}

/* ------------------------------------------------------------------ */
/* Suite hooks: the pinned host, then the world, then the lie.          */

#define CALL_HOOKS(t, hook, ...)					\
	do {								\
		if ((t)->world->hooks.hook)				\
			(t)->world->hooks.hook(t, __VA_ARGS__);		\
		if ((t)->lie && (t)->lie->hooks.hook)			\
			(t)->lie->hooks.hook(t, __VA_ARGS__);		\
	} while (0)

static void hook_adjust_host(struct kvm_host *h, void *opaque)
{
	struct teeth *t = opaque;

	pin_host(h);
	CALL_HOOKS(t, adjust_host, h);
}

static void hook_adjust_cpuid(unsigned int vcpu, struct kvm_cpuid2 *cpuid,
			      void *opaque)
{
	struct teeth *t = opaque;

	pin_cpuid(cpuid);
	CALL_HOOKS(t, adjust_cpuid, vcpu, cpuid);
}

static void teeth_msr_exit(struct kvm_vcpu *vcpu, struct kvm_run *run,
			   void *opaque)
{
	struct teeth *t = opaque;

	run->msr.error = 0;
	if (t->lie && t->lie->hooks.msr_exit &&
	    t->lie->hooks.msr_exit(t, vcpu, run))
		return;
	if (t->world->hooks.msr_exit && t->world->hooks.msr_exit(t, vcpu, run))
		return;
	TEST_FAIL("world %s took MSR 0x%x to userspace but has no handler",
		  t->world->name, run->msr.index);
}

/* A fresh VM is a fresh machine: the emulated state starts over. */
static void hook_vm_created(struct kvm_vm *vm, void *opaque)
{
	struct teeth *t = opaque;
	unsigned int i;

	memset(t->val, 0, sizeof(t->val));
	memset(t->saved, 0, sizeof(t->saved));
	memset(t->flag, 0, sizeof(t->flag));
	t->cap_off = false;
	t->vm = vm;
	for (i = 0; i < vm->nr_vcpus; i++) {
		if (vm->vcpus[i])
			t->cpuid[i] = cpuid2_features(vm->vcpus[i]->cpuid);
	}
	vm->msr_exit = teeth_msr_exit;
	vm->msr_exit_opaque = t;
	CALL_HOOKS(t, vm_created, vm);
}

static void hook_adjust_entry(unsigned int id, struct msr_entry *e,
			      void *opaque)
{
	struct teeth *t = opaque;

	CALL_HOOKS(t, adjust_entry, id, e);
}

static void hook_plan_written(struct kvm_vcpu *vcpu, struct guest_slot *g,
			      unsigned int n, void *opaque)
{
	struct teeth *t = opaque;

	CALL_HOOKS(t, plan_written, vcpu, g, n);
}

static void hook_guest_ran(struct kvm_vcpu *vcpu, struct guest_slot *g,
			   unsigned int n, void *opaque)
{
	struct teeth *t = opaque;

	CALL_HOOKS(t, guest_ran, vcpu, g, n);
}

static void hook_vm_cap_set(unsigned int vm_cap, bool on, void *opaque)
{
	struct teeth *t = opaque;

	CALL_HOOKS(t, vm_cap_set, vm_cap, on);
}

static void hook_host_access(struct host_access *a, void *opaque)
{
	struct teeth *t = opaque;

	if (t->lie && t->lie->hooks.host_access &&
	    t->lie->hooks.host_access(t, a))
		return;
	if (t->world->hooks.host_access)
		t->world->hooks.host_access(t, a);
}

static unsigned int count_patterns(const char *const *select)
{
	unsigned int n = 0;

	while (select[n])
		n++;
	return n;
}

/* Runs the suite on a small selection; TAP goes to r->tap. */
static void run_suite(const struct teeth_world *w, const struct lie *lie,
		      const char *const *select, struct run *r)
{
	struct teeth t = { .world = w, .lie = lie };
	struct suite_hooks hooks = {
		.adjust_host = hook_adjust_host,
		.adjust_cpuid = hook_adjust_cpuid,
		.vm_created = hook_vm_created,
		.adjust_entry = hook_adjust_entry,
		.host_access = hook_host_access,
		.vm_cap_set = hook_vm_cap_set,
		.plan_written = hook_plan_written,
		.guest_ran = hook_guest_ran,
		.opaque = &t,
	};
	struct suite_opts o = {
		.device = device,
		.tap = true,
		.patterns = select,
		.nr_patterns = count_patterns(select),
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		/* A flavour no deviation names: upstream KVM's rules only. */
		.flavour = "teeth",
		.fault_entry = -1,
		.hooks = &hooks,
	};
	FILE *f = open_memstream(&r->tap, &r->tap_len);

	TEST_ASSERT(f, "open_memstream failed");
	report_init(&r->rep, f, true, false);
	r->ret = suite_run(&o, &r->rep);
	fclose(f);
}

static void run_free(struct run *r)
{
	report_free(&r->rep);
	free(r->tap);
	r->tap = NULL;
}

/* ------------------------------------------------------------------ */
/* TAP out.                                                            */

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A diagnostic line for the next test point. */
static void note(const char *fmt, ...)
{
	size_t n = strlen(diag);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(diag + n, sizeof(diag) - n, fmt, ap);
	va_end(ap);
	n = strlen(diag);
	if (n + 1 < sizeof(diag))
		strcpy(diag + n, "\n");
}

/* TAP ends a description at '#' ("#GP"): drop them, as report.c does. */
static void strip_hashes(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s != '#')
			*w++ = *s;
	}
	*w = '\0';
}

static void point(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void point(bool ok, const char *fmt, ...)
{
	char desc[1024], *line, *next;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(desc, sizeof(desc), fmt, ap);
	va_end(ap);
	strip_hashes(desc);
	printf("%s %u - %s\n", ok ? "ok" : "not ok", ++points, desc);
	for (line = diag; *line; line = next) {
		/* A full buffer may have lost its last newline. */
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		printf("# %s\n", line);
	}
	diag[0] = '\0';
	all_ok &= ok;
	fflush(stdout);
}

/* The inner run's TAP as comments: every line, or only the failures. */
static void show_tap(const struct run *r, bool failures_only)
{
	const char *line = r->tap, *next;
	unsigned int shown = 0;

	for (; line && *line; line = next) {
		int len;

		next = strchr(line, '\n');
		len = next ? next - line : (int)strlen(line);
		next = next ? next + 1 : line + len;
		if (failures_only && strncmp(line, "not ok ", 7))
			continue;
		if (failures_only && ++shown > MAX_SHOWN_LINES) {
			printf("#   ...\n");
			break;
		}
		printf("#   %.*s\n", len, line);
	}
}

/* Always fills buf: callers may print either. */
static const char *target_name(int id, char *buf, size_t len)
{
	if (id == REPORT_NO_ENTRY) {
		snprintf(buf, len, "(vCPU checks)");
		return buf;
	}
	return entry_name(&msr_entries[id], buf, len);
}

/*
 * Whether the TAP has a "not ok" point of this entry (REPORT_NO_ENTRY:
 * none, the name starts at "vcpuN" or at the pass) and check whose text
 * has detail (a glob: '*' stands for any text).
 */
static bool tap_has_failure(const char *tap, int entry,
			    enum check_id check, const char *detail)
{
	char want[256], prefix[80], marker[48], line[1024];
	const char *p, *next;

	snprintf(want, sizeof(want), "*%s*", detail);
	strip_hashes(want);
	if (entry == REPORT_NO_ENTRY)
		snprintf(prefix, sizeof(prefix), "vcpu");
	else
		snprintf(prefix, sizeof(prefix), "%s (",
			 entry_name(&msr_entries[entry], line, sizeof(line)));
	snprintf(marker, sizeof(marker), ": %s: ", check_name(check));

	for (p = tap; p && *p; p = next) {
		const char *name, *m;
		bool passwide;
		size_t len;

		next = strchr(p, '\n');
		len = next ? (size_t)(next - p) : strlen(p);
		next = next ? next + 1 : p + len;
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, p, len);
		line[len] = '\0';

		if (strncmp(line, "not ok ", 7))
			continue;
		name = strstr(line, " - ");
		if (!name)
			continue;
		/* A check of no entry and no vCPU starts with its pass. */
		passwide = entry == REPORT_NO_ENTRY &&
			   (!strncmp(name + 3, "msrs: ", 6) ||
			    !strncmp(name + 3, "one-reg: ", 9));
		if (!passwide && strncmp(name + 3, prefix, strlen(prefix)))
			continue;
		m = strstr(name, marker);
		if (m && !fnmatch(want, m + strlen(marker), 0))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Baselines and lies.                                                 */

static struct baseline *baseline_of(const struct lie *l)
{
	unsigned int i;

	for (i = 0; i < nr_baselines; i++) {
		if (baselines[i].world == l->world &&
		    baselines[i].select == l->select)
			return &baselines[i];
	}
	TEST_ASSERT(nr_baselines < MAX_BASELINES, "too many baselines");
	baselines[nr_baselines] = (struct baseline){
		.world = l->world,
		.select = l->select,
	};
	return &baselines[nr_baselines++];
}

static void selection_text(const char *const *select, char *buf, size_t len)
{
	int n = 0;

	buf[0] = '\0';
	for (; *select; select++)
		n += snprintf(buf + n, len - n, "%s%s", n ? " " : "", *select);
}

static void run_baseline(struct baseline *b)
{
	unsigned int i, failed = 0;
	char sel[256];
	struct run r;

	selection_text(b->select, sel, sizeof(sel));
	/* A pattern that selects nothing would make the lies vacuous. */
	for (i = 0; b->select[i]; i++) {
		struct suite_opts one = {
			.patterns = &b->select[i],
			.nr_patterns = 1,
		};
		unsigned int id, hits = 0;

		for (id = 0; id < NR_MSR_ENTRIES; id++)
			hits += suite_entry_selected(&one, &msr_entries[id]);
		if (!hits) {
			note("pattern '%s' selects no entry", b->select[i]);
			failed++;
		}
	}

	run_suite(b->world, NULL, b->select, &r);
	if (r.ret != 0)
		note("suite_run returned %d, wanted 0", r.ret);
	b->clean = !failed && r.ret == 0 && !r.rep.oc->total.n[OUTCOME_FAIL] &&
		   r.rep.oc->total.n[OUTCOME_PASS];
	point(b->clean, "baseline %s {%s}: %u checks passed, %u failed, %u "
	      "skipped (%s)", b->world->name, sel, r.rep.oc->total.n[OUTCOME_PASS],
	      r.rep.oc->total.n[OUTCOME_FAIL], r.rep.oc->total.n[OUTCOME_SKIP],
	      b->world->doc);
	if (verbose || !b->clean)
		show_tap(&r, !verbose);
	run_free(&r);
}

static const char *level_name(enum lie_level l)
{
	switch (l) {
	case LIE_KVM:
		return "KVM lie";
	case LIE_TABLE:
		return "table lie";
	case LIE_GUEST_MEM:
		return "guest-memory lie";
	default:
		return "ioctl lie";
	}
}

/* Everything that proves the lie was caught where it was told. */
static bool lie_caught(const struct lie *l, const struct baseline *b,
		       const struct run *r)
{
	const struct report *rep = &r->rep;
	uint64_t want = CHECK_BIT(l->check) | l->also |
			(host_la57 ? l->also_la57 : 0);
	char name[64], other[64];
	unsigned int i, k;
	bool ok = true;

	target_name(l->entry, name, sizeof(name));
	if (!b->clean) {
		note("baseline %s is not clean: this lie proves nothing",
		     b->world->name);
		ok = false;
	}
	if (r->ret != 1) {
		note("suite_run returned %d, wanted 1 (a check failed)",
		     r->ret);
		ok = false;
	}
	if (l->entry != REPORT_NO_ENTRY && !rep->oc->selected[l->entry]) {
		note("the selection misses the lied-about entry %s", name);
		ok = false;
	}
	if (!rep->oc->per_entry[l->entry].n[OUTCOME_FAIL]) {
		note("%s: no check failed", name);
		ok = false;
	}
	for (i = 0; i <= NR_MSR_ENTRIES; i++) {
		unsigned int n = rep->oc->per_entry[i].n[OUTCOME_FAIL];

		if ((int)i == l->entry || !n)
			continue;
		note("%s failed %u checks too: the lie leaked",
		     target_name(i, other, sizeof(other)), n);
		ok = false;
	}
	for (k = 0; k < NR_CHECKS; k++) {
		unsigned int n = rep->oc->fails[l->entry][k];
		bool wanted = want & CHECK_BIT(k);

		if (n && !wanted)
			note("%s: %s failed %u times, which the row does not "
			     "list", name, check_name(k), n);
		else if (!n && wanted)
			note("%s: %s did not fail", name, check_name(k));
		ok &= !!n == wanted;
	}
	if (!tap_has_failure(r->tap, l->entry, l->check, l->detail)) {
		note("no \"not ok\" line for %s %s carrying \"%s\"", name,
		     check_name(l->check), l->detail);
		ok = false;
	}
	return ok;
}

static bool run_lie(const struct lie *l)
{
	const struct baseline *b = baseline_of(l);
	char name[64];
	struct run r;
	bool ok;

	run_suite(l->world, l, l->select, &r);
	ok = lie_caught(l, b, &r);
	point(ok, "lie %s (%s: %s): %s %s: %s", l->name, level_name(l->level),
	      l->fakes, target_name(l->entry, name, sizeof(name)),
	      check_name(l->check), l->detail);
	if (verbose || !ok)
		show_tap(&r, !verbose);
	run_free(&r);
	return ok;
}

static bool lie_wanted(const struct lie *l, char **names, int nr_names)
{
	int i;

	if (!nr_names)
		return true;
	for (i = 0; i < nr_names; i++) {
		if (!fnmatch(names[i], l->name, 0))
			return true;
	}
	return false;
}

/* The cleared features a vCPU still has after KVM_SET_CPUID2. */
static struct feature_set probe_sticky(struct kvm_host *h)
{
	struct kvm_cpuid2 *c = cpuid_dup(h->supported_cpuid), *applied;
	struct kvm_vm *vm = vm_create(h);
	struct feature_set kept;

	cpuid2_clear_features(c, rules_cleared_features());
	applied = vcpu_get_cpuid(vm_add_vcpu(vm, c));
	kept = cpuid2_features(applied);
	free(applied);
	free(c);
	kvm_vm_free(vm);
	return fs_and(kept, rules_cleared_features());
}

/* Can KVM here be made to lie?  If not, the status and why. */
static enum kvm_open_status probe_host(char *why, size_t len)
{
	static const enum kvm_cap_id needed[] = {
		CAP_ONE_REG, CAP_X86_USER_SPACE_MSR, CAP_X86_MSR_FILTER,
	};
	enum kvm_open_status st;
	struct kvm_host h;
	unsigned int i;

	st = kvm_host_open(&h, device, 0, why, len);
	if (st != KVM_OPEN_OK)
		return st;
	for (i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		if (h.caps[needed[i]])
			continue;
		snprintf(why, len, "KVM lacks KVM_CAP_%s, which the lies need",
			 kvm_cap_name(needed[i]));
		st = KVM_OPEN_SKIP;
		break;
	}
	if (st == KVM_OPEN_OK) {
		sticky = probe_sticky(&h);
		host_la57 = h.la57;
	}
	kvm_host_close(&h);
	return st;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	bool wanted[64] = { false }, proven[NR_CHECKS] = { false };
	unsigned int i, nr_wanted = 0, nr_proven = 0, runs = 0;
	unsigned int by_level[NR_LIE_LEVELS] = { 0 };
	char **names = argv + 1, why[256], missing[512] = "";
	int nr_names = argc - 1, n = 0;
	double t0 = now_ms();

	TEST_ASSERT(nr_lies <= sizeof(wanted), "too many lies");
	if (nr_names && !strcmp(names[0], "-v")) {
		verbose = true;
		names++;
		nr_names--;
	}
	device = kvm_device_from_env(why, sizeof(why));
	if (!device) {
		printf("Bail out! %s\n", why);
		return 2;
	}

	switch (probe_host(why, sizeof(why))) {
	case KVM_OPEN_OK:
		break;
	case KVM_OPEN_SKIP:
		printf("1..0 # SKIP %s\n", why);
		return 0;
	default:
		printf("Bail out! %s\n", why);
		return 2;
	}

	for (i = 0; i < nr_lies; i++) {
		wanted[i] = lie_wanted(&lies[i], names, nr_names);
		if (wanted[i]) {
			baseline_of(&lies[i]);
			nr_wanted++;
		}
	}
	if (!nr_wanted) {
		printf("Bail out! no lie matches the names given\n");
		return 2;
	}

	printf("TAP version 13\n1..%u\n", nr_baselines + nr_wanted + 1);
	for (i = 0; i < nr_baselines; i++, runs++)
		run_baseline(&baselines[i]);
	for (i = 0; i < nr_lies; i++) {
		if (!wanted[i])
			continue;
		runs++;
		by_level[lies[i].level]++;
		if (run_lie(&lies[i]))
			proven[lies[i].check] = true;
	}

	for (i = 0; i < NR_CHECKS; i++) {
		if (proven[i]) {
			nr_proven++;
			continue;
		}
		n += snprintf(missing + n, sizeof(missing) - n, " %s",
			      check_name(i));
	}
	printf("# %u lies (%u KVM, %u table, %u ioctl, %u guest-memory), %u "
	       "suite runs in %.0f ms\n", nr_wanted, by_level[LIE_KVM],
	       by_level[LIE_TABLE], by_level[LIE_IOCTL],
	       by_level[LIE_GUEST_MEM], runs, now_ms() - t0);
	if (nr_proven < NR_CHECKS)
		note("no passing lie proves:%s", missing);
	if (nr_names) {
		/* A partial run cannot prove every kind: say so, pass. */
		printf("ok %u - check kinds proven to fail: %u of %u # SKIP "
		       "only some lies ran\n", ++points, nr_proven, NR_CHECKS);
		return all_ok ? 0 : 1;
	}
	point(nr_proven == NR_CHECKS, "check kinds proven to fail: %u of %u",
	      nr_proven, NR_CHECKS);
	return all_ok ? 0 : 1;
}
