// SPDX-License-Identifier: MIT
/*
 * oracle_dump: every outcome of the expectation rules (runtime/common/rules.c)
 * and of the step builders (steps.c) as each entry's generated plan function
 * (msr_plans.c) composes them,
 * as canonical text, for every registry entry and every situation the rules
 * can be asked about.  tests/oracle/spec.py writes the same text from an
 * independent specification; oracle_diff.py compares the two.
 *
 * Built from rules.c, steps.c and the generated tables only (no KVM, no
 * runtime library), so tests/oracle/mutants.py can rebuild it against a
 * mutated rules.c or steps.c with one compiler command.
 *
 * The enumeration, per entry: vendor (intel, amd, hygon, other), then every
 * subset of the entry's features that KVM supports, then every subset the
 * vCPU has, then ignore_msrs (0, 1), then the pass:
 *   msrs         no KVM_CAP_ONE_REG, host writes with KVM_SET_MSRS
 *   msrs+onereg  KVM_CAP_ONE_REG, host writes with KVM_SET_MSRS
 *   onereg       KVM_CAP_ONE_REG, host writes with KVM_SET_ONE_REG
 * Feature sets are written in the entry's feature order, joined with '+',
 * "-" for none.  vCPU sets that are not a subset of KVM's are enumerated
 * too (KVM never builds such a vCPU, but the rules must still answer) and
 * marked realistic=0.
 *
 * Output (one space of indent inside a scenario):
 *   msrcheck-oracle 1
 *   feature NAME cleared=B                    the featureless vCPU
 *   readback ENTRY vendor=V all_ones=HEX      RDMSR after WRMSR of ~0
 *   scenario ENTRY vendor=V kvm=SET vcpu=SET ignore_msrs=B pass=P realistic=B
 * then, for an entry of kind msr:
 *    path=supported|unsupported host_checks=B save_list=listed|unlisted|exempt
 *      round_trip=B init=HEX|- tsc=B           in the save/restore round trip;
 *      vm_cap=HEX|-                            read after an INIT; in the
 *                                              TSC coupling scenario; read
 *                                              with the VM capability on
 *    reserved I value=HEX faults=B             one per reserved value
 *    main N STEP                               guest steps, PHASE_MAIN
 *    main sync=HEX
 *    main host N STEP                          host steps after PHASE_MAIN
 *    after N STEP                              guest steps, PHASE_AFTER_HOST
 *    after sync=HEX
 *    after host N STEP
 * and for an entry of kind kvm_reg:
 *    reg_present=B
 *    reg N STEP
 * where STEP is
 *   OP CHECK skip=SKIP_x fault=D reserved=D restore=B value=HEX want=HEX
 * HEX is 0x and 16 lowercase digits; B is 0 or 1.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steps.h"

static const char *const check_names[NR_CHECKS] = {
#define CHECK(id, name, doc) [CHECK_##id] = name,
#include "checks.def"
#undef CHECK
};

static const char *const op_names[] = {
#define STEP_OP(id, side) [OP_##id] = #id,
#include "step_ops.def"
#undef STEP_OP
};

static const char *const skip_names[NR_SKIP_REASONS] = {
#define SKIP(id, name) [SKIP_##id] = "SKIP_" #id,
#include "skips.def"
#undef SKIP
};

struct pass {
	const char *name;
	bool use_one_reg;
	bool twin;		/* an earlier vCPU looks the same to the entry */
};

static const struct pass passes[] = {
	{ "msrs", false, false },
	{ "msrs-twin", false, true },
	{ "onereg", true, false },
	{ "onereg-twin", true, true },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void die(const char *what, const struct msr_entry *e)
{
	fprintf(stderr, "oracle_dump: %s: %s\n", e ? e->name : "-", what);
	exit(2);
}

/* Names, or placeholders that make a broken value visible in the diff. */
static const char *name_of(const char *const *names, size_t nr,
			   unsigned int i, char *buf, size_t len)
{
	if (i < nr && names[i])
		return names[i];
	snprintf(buf, len, "?%u", i);
	return buf;
}

static void entry_name(const struct msr_entry *e, char *buf, size_t len)
{
	if (e->label)
		snprintf(buf, len, "%s/%s", e->name, e->label);
	else
		snprintf(buf, len, "%s", e->name);
}

/*
 * The features that can change an entry's outcome: its own, in order, then
 * those it is the gate MSR of (MCG_CAP's MCG_CTL_P, say), by feature id.
 */
static unsigned int rel_features(const struct msr_entry *e, unsigned int *out)
{
	unsigned int n = 0, f;

	for (f = 0; f < e->nr_features; f++)
		out[n++] = e->features[f];
	for (f = 0; f < NR_FEATURES && e->kind == MSR_KIND_MSR; f++) {
		if (msr_features[f].source != SOURCE_CPUID &&
		    rules_gate_msr(&msr_features[f]) == e->index)
			out[n++] = f;
	}
	return n;
}

/* Bit j of sub stands for the entry's j-th relevant feature. */
static struct feature_set mask_of(const struct msr_entry *e, unsigned int sub)
{
	struct feature_set m = { { 0 } };
	unsigned int rel[NR_FEATURES + 8], n = rel_features(e, rel), j;

	for (j = 0; j < n; j++) {
		if (sub & (1u << j))
			fs_add(&m, rel[j]);
	}
	return m;
}

static void set_name(const struct msr_entry *e, unsigned int sub, char *buf,
		     size_t len)
{
	unsigned int rel[NR_FEATURES + 8], nr = rel_features(e, rel), j;
	size_t n = 0;

	buf[0] = '\0';
	for (j = 0; j < nr; j++) {
		if (!(sub & (1u << j)))
			continue;
		n += snprintf(buf + n, len - n, "%s%s", n ? "+" : "",
			      msr_features[rel[j]].name);
		if (n >= len)
			die("feature set name too long", e);
	}
	if (!n)
		snprintf(buf, len, "-");
}

static void print_step(const char *prefix, int i, const struct step *s)
{
	char b1[16], b2[16], b3[16];

	printf(" %s %d %s %s skip=%s fault=%d reserved=%d restore=%d "
	       "value=0x%016" PRIx64 " want=0x%016" PRIx64 " bit=%d agg=%d\n",
	       prefix, i,
	       name_of(op_names, ARRAY_SIZE(op_names), s->op, b1, sizeof(b1)),
	       name_of(check_names, NR_CHECKS, s->check, b2, sizeof(b2)),
	       name_of(skip_names, NR_SKIP_REASONS, s->skip, b3, sizeof(b3)),
	       s->want_fault, s->reserved, s->restore ? 1 : 0, s->value,
	       s->want, s->bit, s->aggregate ? 1 : 0);
}

/* The steps an entry's plan function gives, per stage. */
#define MAX_STEPS 256
struct recorded {
	unsigned int n[NR_STAGES];
	struct step s[NR_STAGES][MAX_STEPS];
};

static void record(struct plan_ctx *p, enum stage st, const struct step *s)
{
	struct recorded *r = p->opaque;

	if (st >= NR_STAGES || r->n[st] >= MAX_STEPS)
		die("step outside the stages, or too many", p->e);
	r->s[st][r->n[st]++] = *s;
}

/* A VM-scoped entry's vCPU: writes first, reads, or restores last. */
struct vm_role {
	const char *name;
	bool first, last;
};

static const struct vm_role vm_roles[] = {
	{ "first", true, false }, { "mid", false, false },
	{ "last", false, true }, { "only", true, true },
};
static const struct vm_role no_role = { "-", false, false };
static const struct vm_role *role = &no_role;

static void plan(unsigned int id, const struct rules_ctx *c, bool pass_scope,
		 struct recorded *r)
{
	struct plan_ctx p = {
		.e = &msr_entries[id],
		.c = c,
		.pass_scope = pass_scope,
		.vm_first = !pass_scope && role->first,
		.vm_last = !pass_scope && role->last,
		.add = record,
		.opaque = r,
	};

	memset(r, 0, sizeof(*r));
	msr_plans[id](&p);
}

static void print_stage(const struct msr_entry *e, const char *prefix,
			const struct recorded *r, enum stage st)
{
	unsigned int i;

	for (i = 0; i < r->n[st]; i++)
		print_step(prefix, i, &r->s[st][i]);
}

/* Steps a kind of entry must never have: a line the diff shows. */
static void print_stray(const struct recorded *r, enum stage st)
{
	if (r->n[st])
		printf(" stray steps in stage %d: %u\n", st, r->n[st]);
}

static void dump_msr(unsigned int id, const struct rules_ctx *c)
{
	const struct msr_entry *e = &msr_entries[id];
	static struct recorded r;
	const char *save;
	unsigned int i;

	plan(id, c, true, &r);
	if (r.n[STAGE_PASS] != 1)
		save = "?";
	else if (r.s[STAGE_PASS][0].op == OP_SKIP)
		save = r.s[STAGE_PASS][0].skip == SKIP_SAVE_LIST_EXEMPT ?
		       "exempt" : "?";
	else
		save = r.s[STAGE_PASS][0].want ? "listed" : "unlisted";
	for (i = STAGE_PASS + 1; i < NR_STAGES; i++)
		print_stray(&r, i);
	/* The round trip takes part when KVM lists the MSR, as upstream would. */
	printf(" path=%s host_checks=%d save_list=%s round_trip=%d",
	       rules_supported_path(e, c) ? "supported" : "unsupported",
	       rules_host_checks_apply(e, c) ? 1 : 0, save,
	       rules_round_trips(e, c, !strcmp(save, "listed")) ? 1 : 0);
	/* The INIT scenario: what the host reads after the INIT, or "-". */
	if (rules_init_checked(e, c))
		printf(" init=0x%016" PRIx64, rules_after_init(e, c));
	else
		printf(" init=-");
	printf(" tsc=%d", rules_tsc_coupling_checked(e, c) ? 1 : 0);
	/* The VM-capability scenario: what reads give, or "-". */
	if (rules_vm_cap_gate_checked(e, c))
		printf(" vm_cap=0x%016" PRIx64 "\n", rules_reset(e, c));
	else
		printf(" vm_cap=-\n");
	for (i = 0; i < e->nr_reserved; i++)
		printf(" reserved %u value=0x%016" PRIx64 " faults=%d\n", i,
		       e->reserved[i].value,
		       rules_reserved_faults(e, c, i) ? 1 : 0);

	plan(id, c, false, &r);
	print_stray(&r, STAGE_PASS);
	print_stage(e, "pre", &r, STAGE_PRE);
	print_stage(e, "main", &r, STAGE_MAIN);
	printf(" main sync=0x%016" PRIx64 "\n",
	       rules_sync_value(e, c, STAGE_MAIN));
	print_stage(e, "main host", &r, STAGE_MAIN_HOST);
	print_stage(e, "after", &r, STAGE_AFTER);
	printf(" after sync=0x%016" PRIx64 "\n",
	       rules_sync_value(e, c, STAGE_AFTER));
	print_stage(e, "after host", &r, STAGE_AFTER_HOST);
}

static void dump_kvm_reg(unsigned int id, const struct rules_ctx *c)
{
	const struct msr_entry *e = &msr_entries[id];
	static struct recorded r;
	unsigned int i;

	printf(" reg_present=%d\n", rules_kvm_reg_present(e, c) ? 1 : 0);
	plan(id, c, true, &r);
	for (i = 0; i < NR_STAGES; i++)
		print_stray(&r, i);
	plan(id, c, false, &r);
	print_stage(e, "reg", &r, STAGE_MAIN_HOST);
	for (i = 0; i < NR_STAGES; i++) {
		if (i != STAGE_MAIN_HOST)
			print_stray(&r, i);
	}
}

/* Does any quirk of the entry depend on the host's vendor? */
static bool host_dependent(const struct msr_entry *e)
{
	unsigned int q;

	for (q = 0; q < e->nr_quirks; q++) {
		if (msr_quirks[e->quirks[q]].host_vendors)
			return true;
	}
	return e->has_reset_svm;
}

/*
 * KVM's value of a feature MSR, as the oracle asks about it (the suite reads
 * the host's): anything but the registry's reset value.
 */
#define ORACLE_FEATURE_VALUE 0x00000000feed0000ull

static void dump_ctx(unsigned int id, const char *name, enum vendor v,
		     int host, int la57, int bsp, unsigned int kvm,
		     unsigned int vcpu)
{
	const struct msr_entry *e = &msr_entries[id];
	char kname[128], vname[128];
	unsigned int ign, p;

	set_name(e, kvm, kname, sizeof(kname));
	set_name(e, vcpu, vname, sizeof(vname));
	for (ign = 0; ign < 2; ign++) {
		for (p = 0; p < ARRAY_SIZE(passes); p++) {
			struct rules_ctx c = {
				.vendor = v,
				.host_vendor = host < 0 ? VENDOR_OTHER : host,
				.la57 = la57 > 0,
				.bsp = bsp > 0,
				.feature_value = ORACLE_FEATURE_VALUE,
				.ignore_msrs = ign,
				.use_one_reg = passes[p].use_one_reg,
				.twin = passes[p].twin,
				.vcpu = mask_of(e, vcpu),
				.kvm = mask_of(e, kvm),
			};

			printf("scenario %s vendor=%s host=%s la57=%s bsp=%s "
			       "vm=%s kvm=%s vcpu=%s ignore_msrs=%u pass=%s "
			       "realistic=%d\n", name, vendor_info[v].name,
			       host < 0 ? "-" : vendor_info[host].name,
			       la57 < 0 ? "-" : la57 ? "1" : "0",
			       bsp < 0 ? "-" : bsp ? "1" : "0", role->name,
			       kname, vname, ign, passes[p].name,
			       (vcpu & ~kvm) ? 0 : 1);
			if (e->kind == MSR_KIND_KVM_REG)
				dump_kvm_reg(id, &c);
			else
				dump_msr(id, &c);
		}
	}
}

/* The values of a dimension: 0 and 1 where it matters, else only "-". */
static unsigned int dimension(bool matters, int *out)
{
	if (!matters) {
		out[0] = -1;
		return 1;
	}
	out[0] = 0;
	out[1] = 1;
	return 2;
}

static void dump_entry(unsigned int id)
{
	const struct msr_entry *e = &msr_entries[id];
	unsigned int rel[NR_FEATURES + 8];
	unsigned int nsub = 1u << rel_features(e, rel);
	int host, hosts = host_dependent(e) ? VENDOR_OTHER : 0;
	int la57s[2], bsps[2];
	unsigned int nr_la57 = dimension(e->canonical, la57s);
	unsigned int nr_bsp = dimension(e->has_reset_bsp, bsps);
	unsigned int v, kvm, vcpu, r, nr_roles, l, b;
	char name[64];

	if (nsub > 1u << 8)
		die("more relevant features than the oracle enumerates (8)", e);
	entry_name(e, name, sizeof(name));
	nr_roles = e->scope == SCOPE_VM ? ARRAY_SIZE(vm_roles) : 1;
	for (r = 0; r < nr_roles; r++) {
		role = e->scope == SCOPE_VM ? &vm_roles[r] : &no_role;
		for (v = 0; v < NR_VENDORS; v++)
		for (host = hosts ? 0 : -1; host < hosts; host++)
		for (l = 0; l < nr_la57; l++)
		for (b = 0; b < nr_bsp; b++)
		for (kvm = 0; kvm < nsub; kvm++)
		for (vcpu = 0; vcpu < nsub; vcpu++)
			dump_ctx(id, name, v, host, la57s[l], bsps[b], kvm,
				 vcpu);
	}
	role = &no_role;
}

int main(void)
{
	struct feature_set cleared = rules_cleared_features();
	unsigned int i;

	printf("msrcheck-oracle 1\n");
	for (i = 0; i < NR_FEATURES; i++)
		printf("feature %s cleared=%d\n", msr_features[i].name,
		       fs_has(cleared, i) ? 1 : 0);
	/* A bit beyond the registry's features would clear something else. */
	if (!fs_equal(fs_minus(cleared, fs_all()), (struct feature_set){ { 0 } }))
		printf("feature ?beyond cleared=1\n");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];
		char name[64];
		unsigned int v;

		entry_name(e, name, sizeof(name));
		for (v = 0; v < NR_VENDORS; v++) {
			int host, hosts = host_dependent(e) ? VENDOR_OTHER : 0;

			for (host = hosts ? 0 : -1; host < hosts; host++) {
				struct rules_ctx c = {
					.vendor = v,
					.host_vendor = host < 0 ? VENDOR_OTHER :
						       host,
					.vcpu = fs_all(),
					.feature_value = ORACLE_FEATURE_VALUE,
				};

				printf("readback %s vendor=%s host=%s "
				       "all_ones=0x%016" PRIx64 "\n", name,
				       vendor_info[v].name, host < 0 ? "-" :
				       vendor_info[host].name,
				       rules_readback(e, &c, ~(uint64_t)0));
			}
		}
	}
	for (i = 0; i < NR_MSR_ENTRIES; i++)
		dump_entry(i);
	if (fflush(stdout) || ferror(stdout)) {
		perror("oracle_dump: stdout");
		return 2;
	}
	return 0;
}
