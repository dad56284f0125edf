// SPDX-License-Identifier: MIT
/*
 * oracle_dump: every outcome of the expectation rules (runtime/common/rules.c)
 * as canonical text, for every registry entry and every situation the rules
 * can be asked about.  tests/oracle/spec.py writes the same text from an
 * independent specification; oracle_diff.py compares the two.
 *
 * Built from rules.c and the generated table only (no KVM, no runtime
 * library), so tests/oracle/mutants.py can rebuild it against a mutated
 * rules.c with one compiler command.
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

#include "rules.h"

static const char *const check_names[NR_CHECKS] = {
#define CHECK(id, name, doc) [CHECK_##id] = name,
#include "checks.def"
#undef CHECK
};

static const char *const op_names[] = {
	[OP_SKIP] = "SKIP",
	[OP_RDMSR] = "RDMSR",
	[OP_WRMSR] = "WRMSR",
	[OP_HOST_GET] = "HOST_GET",
	[OP_HOST_SET] = "HOST_SET",
	[OP_HOST_GET_REG] = "HOST_GET_REG",
	[OP_REG_LIST] = "REG_LIST",
	[OP_REG_GET] = "REG_GET",
	[OP_REG_SET] = "REG_SET",
};

static const char *const skip_names[NR_SKIP_REASONS] = {
	[SKIP_NONE] = "SKIP_NONE",
	[SKIP_IGNORE_MSRS] = "SKIP_IGNORE_MSRS",
	[SKIP_SECONDARY] = "SKIP_SECONDARY",
	[SKIP_KVM_LACKS_PRIMARY] = "SKIP_KVM_LACKS_PRIMARY",
	[SKIP_HOST_DID_NOT_WRITE] = "SKIP_HOST_DID_NOT_WRITE",
	[SKIP_SAVE_LIST_EXEMPT] = "SKIP_SAVE_LIST_EXEMPT",
	[SKIP_NOT_ONE_REG_PASS] = "SKIP_NOT_ONE_REG_PASS",
};

static const char *const vendor_names[NR_VENDORS] = {
	[VENDOR_INTEL] = "intel",
	[VENDOR_AMD] = "amd",
	[VENDOR_HYGON] = "hygon",
	[VENDOR_OTHER] = "other",
};

struct pass {
	const char *name;
	bool has_one_reg;
	bool use_one_reg;
};

static const struct pass passes[] = {
	{ "msrs", false, false },
	{ "msrs+onereg", true, false },
	{ "onereg", true, true },
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

/* Bit j of sub stands for e->features[j]. */
static feature_mask_t mask_of(const struct msr_entry *e, unsigned int sub)
{
	feature_mask_t m = 0;
	unsigned int j;

	for (j = 0; j < e->nr_features; j++) {
		if (sub & (1u << j))
			m |= FEATURE_BIT(e->features[j]);
	}
	return m;
}

static void set_name(const struct msr_entry *e, unsigned int sub, char *buf,
		     size_t len)
{
	size_t n = 0;
	unsigned int j;

	buf[0] = '\0';
	for (j = 0; j < e->nr_features; j++) {
		if (!(sub & (1u << j)))
			continue;
		n += snprintf(buf + n, len - n, "%s%s", n ? "+" : "",
			      msr_features[e->features[j]].name);
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
	       "value=0x%016" PRIx64 " want=0x%016" PRIx64 "\n",
	       prefix, i,
	       name_of(op_names, ARRAY_SIZE(op_names), s->op, b1, sizeof(b1)),
	       name_of(check_names, NR_CHECKS, s->check, b2, sizeof(b2)),
	       name_of(skip_names, NR_SKIP_REASONS, s->skip, b3, sizeof(b3)),
	       s->want_fault, s->reserved, s->restore ? 1 : 0, s->value,
	       s->want);
}

static void print_steps(const struct msr_entry *e, const char *prefix,
			const struct step *steps, int n)
{
	int i;

	if (n < 0 || n > RULES_MAX_STEPS)
		die("step count out of range", e);
	for (i = 0; i < n; i++)
		print_step(prefix, i, &steps[i]);
}

static void dump_msr(const struct msr_entry *e, const struct rules_ctx *c)
{
	struct step steps[RULES_MAX_STEPS];
	const char *save;
	unsigned int i;
	uint64_t sync;

	rules_save_list_step(e, c, &steps[0]);
	if (steps[0].op == OP_SKIP)
		save = steps[0].skip == SKIP_SAVE_LIST_EXEMPT ? "exempt" : "?";
	else
		save = steps[0].want ? "listed" : "unlisted";
	printf(" path=%s host_checks=%d save_list=%s\n",
	       rules_supported_path(e, c) ? "supported" : "unsupported",
	       rules_host_checks_apply(e, c) ? 1 : 0, save);
	for (i = 0; i < e->nr_reserved; i++)
		printf(" reserved %u value=0x%016" PRIx64 " faults=%d\n", i,
		       e->reserved[i].value,
		       rules_reserved_faults(e, c, i) ? 1 : 0);

	memset(steps, 0, sizeof(steps));
	print_steps(e, "main", steps, rules_guest_steps(e, c, PHASE_MAIN,
							 steps));
	sync = rules_sync_value(e, c, PHASE_MAIN);
	printf(" main sync=0x%016" PRIx64 "\n", sync);
	memset(steps, 0, sizeof(steps));
	print_steps(e, "main host", steps, rules_host_steps(e, c, sync, steps));

	memset(steps, 0, sizeof(steps));
	print_steps(e, "after", steps, rules_guest_steps(e, c, PHASE_AFTER_HOST,
							  steps));
	sync = rules_sync_value(e, c, PHASE_AFTER_HOST);
	printf(" after sync=0x%016" PRIx64 "\n", sync);
	memset(steps, 0, sizeof(steps));
	print_steps(e, "after host", steps, rules_host_steps(e, c, sync,
							      steps));
}

static void dump_kvm_reg(const struct msr_entry *e, const struct rules_ctx *c)
{
	struct step steps[RULES_MAX_STEPS];

	printf(" reg_present=%d\n", rules_kvm_reg_present(e, c) ? 1 : 0);
	memset(steps, 0, sizeof(steps));
	print_steps(e, "reg", steps, rules_kvm_reg_steps(e, c, steps));
}

static void dump_ctx(const struct msr_entry *e, const char *name,
		     enum vendor v, unsigned int kvm, unsigned int vcpu)
{
	char kname[64], vname[64];
	unsigned int ign, p;

	set_name(e, kvm, kname, sizeof(kname));
	set_name(e, vcpu, vname, sizeof(vname));
	for (ign = 0; ign < 2; ign++) {
		for (p = 0; p < ARRAY_SIZE(passes); p++) {
			struct rules_ctx c = {
				.vendor = v,
				.ignore_msrs = ign,
				.has_one_reg = passes[p].has_one_reg,
				.use_one_reg = passes[p].use_one_reg,
				.vcpu = mask_of(e, vcpu),
				.kvm = mask_of(e, kvm),
			};

			printf("scenario %s vendor=%s kvm=%s vcpu=%s "
			       "ignore_msrs=%u pass=%s realistic=%d\n", name,
			       vendor_names[v], kname, vname, ign,
			       passes[p].name, (vcpu & ~kvm) ? 0 : 1);
			if (e->kind == MSR_KIND_KVM_REG)
				dump_kvm_reg(e, &c);
			else
				dump_msr(e, &c);
		}
	}
}

static void dump_entry(const struct msr_entry *e)
{
	unsigned int nsub = 1u << e->nr_features;
	unsigned int v, kvm, vcpu;
	char name[64];

	if (e->nr_features < 1 || e->nr_features > MSR_MAX_FEATURES)
		die("feature count out of range", e);
	entry_name(e, name, sizeof(name));
	for (v = 0; v < NR_VENDORS; v++) {
		for (kvm = 0; kvm < nsub; kvm++) {
			for (vcpu = 0; vcpu < nsub; vcpu++)
				dump_ctx(e, name, v, kvm, vcpu);
		}
	}
}

int main(void)
{
	feature_mask_t cleared = rules_cleared_features();
	unsigned int i;

	printf("msrcheck-oracle 1\n");
	for (i = 0; i < NR_FEATURES; i++)
		printf("feature %s cleared=%d\n", msr_features[i].name,
		       (cleared & FEATURE_BIT(i)) ? 1 : 0);
	/* A bit beyond the registry's features would clear something else. */
	if (NR_FEATURES < 64 && (cleared >> (NR_FEATURES % 64)))
		printf("feature ?beyond cleared=1\n");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];
		char name[64];
		unsigned int v;

		entry_name(e, name, sizeof(name));
		for (v = 0; v < NR_VENDORS; v++)
			printf("readback %s vendor=%s all_ones=0x%016" PRIx64
			       "\n", name, vendor_names[v],
			       rules_readback(e, v, ~(uint64_t)0));
	}
	for (i = 0; i < NR_MSR_ENTRIES; i++)
		dump_entry(&msr_entries[i]);
	if (fflush(stdout) || ferror(stdout)) {
		perror("oracle_dump: stdout");
		return 2;
	}
	return 0;
}
