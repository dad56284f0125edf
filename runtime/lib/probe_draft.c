// SPDX-License-Identifier: MIT
/*
 * `msrcheck probe INDEX --draft`: a [[msr]] table for registry/msrs.toml
 * from a probe with its sweep (see probe.h).  It states what was measured
 * (access, reset, the bits that #GP, stick, are ignored or fixed, whether
 * the host may write it, feature-MSR facts) and marks with `"TODO"` and a
 * `# TODO:` comment each key only a person can decide (name, features,
 * ref, failure classes, reasons).  Those lines are `KEY = "TODO"` or
 * `KEY = ["TODO"]`, one per line, so a tool can fill them in too.
 */
#include <string.h>

#include "deviation_draft.h"
#include "probe.h"


/* The draft's decisions, from the measurements. */
struct draft {
	const char *access;		/* "rw", "ro", "wo", "none" */
	bool readable, writable;	/* on vCPU 1 */
	uint64_t reset;
	bool has_write;
	uint64_t write;
	uint64_t bits[BIT_NOT_RUN + 1];	/* per enum probe_bit */
	uint64_t reserved, skip;	/* reserved_bits, sweep_skip */
	bool differs;		/* some vCPU lacks it, or has it alone */
	bool featureless;		/* the featureless vCPU 2 has it */
};

/* The vCPU's guest could read or write the MSR: it exists there. */
static bool exists(const struct probe *p, unsigned int v)
{
	const struct probe_path *g = &p->vcpu[v].guest;
	unsigned int i;
	bool any = probe_ok(&g->read);

	for (i = 0; i <= p->opts.nr_writes; i++)
		any |= probe_ok(&g->writes[i].write);
	return any;
}

/* A write of the guest's was accepted on vCPU 1. */
static bool guest_wrote(const struct probe *p, unsigned int *first)
{
	const struct probe_path *g = &p->vcpu[SWEEP_VCPU].guest;
	unsigned int i;

	for (i = 0; i <= p->opts.nr_writes; i++) {
		if (probe_ok(&g->writes[i].write)) {
			*first = i;
			return true;
		}
	}
	return false;
}

static void decide_bits(const struct probe *p, struct draft *d)
{
	const struct probe_sweep *sw = &p->sweep;
	unsigned int b;

	for (b = 0; b < 64 && sw->ran; b++) {
		uint64_t m = 1ull << b;

		d->bits[sw->bit[b]] |= m;
		if (sw->no_way_back & m)
			d->skip |= m;
		else if (sw->bit[b] == BIT_FAULTS && !(sw->base & m))
			d->reserved |= m;
		else if (sw->bit[b] != BIT_STICKS &&
			 sw->bit[b] != BIT_IGNORED && sw->bit[b] != BIT_FIXED)
			/* Clearing it faults, or it does more than itself. */
			d->skip |= m;
	}
}

static void decide(const struct probe *p, struct draft *d)
{
	const struct probe_vcpu *v1 = &p->vcpu[SWEEP_VCPU];
	unsigned int first = 0, v;

	memset(d, 0, sizeof(*d));
	decide_bits(p, d);
	d->readable = probe_ok(&v1->guest.read);
	d->writable = guest_wrote(p, &first) ||
		      (d->bits[BIT_STICKS] | d->bits[BIT_IGNORED] |
		       d->bits[BIT_FIXED]);
	d->reset = p->sweep.ran ? p->sweep.base : v1->guest.read.value;
	if (d->readable && d->writable) {
		d->access = "rw";
		d->has_write = true;
		d->write = p->sweep.has_write ? p->sweep.write : d->reset;
	} else if (d->readable) {
		d->access = "ro";
		d->reserved = d->skip = 0;
	} else {
		d->access = d->writable ? "wo" : "none";
		d->has_write = true;
		d->write = d->writable ? v1->guest.writes[first].value :
			   p->opts.nr_writes ? p->opts.writes[0] : 1;
		d->reserved = d->skip = 0;
	}
	for (v = 0; v < SUITE_NR_VCPUS; v++)
		d->differs |= exists(p, v) != exists(p, SWEEP_VCPU);
	d->featureless = exists(p, 2);
}

/* KEY = "TODO"  # TODO: what to decide */
static void todo(FILE *out, const char *key, bool list, const char *what)
{
	fprintf(out, "%s = %s  # TODO: %s\n", key,
		list ? "[\"TODO\"]" : "\"TODO\"", what);
}

static void key_u64(FILE *out, const char *key, uint64_t v)
{
	fprintf(out, "%s = ", key);
	toml_u64(out, v);
	fputc('\n', out);
}

static void comment_bits(FILE *out, const char *what, uint64_t bits)
{
	if (!bits)
		return;
	fprintf(out, "#     %-34s ", what);
	toml_u64(out, bits);
	fputc('\n', out);
}

/* What was measured, as comments above the table. */
static void print_measured(FILE *out, const struct probe *p,
			   const struct draft *d)
{
	char rb[32], wb[32];
	unsigned int v;

	fputs("# Measured:\n", out);
	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		const struct probe_vcpu *pv = &p->vcpu[v];

		fprintf(out, "#   vcpu%u %-36s RDMSR %s, WRMSR of it %s\n", v,
			suite_vcpus[v].name,
			probe_result(&pv->guest.read, true, rb, sizeof(rb)),
			probe_ok(&pv->guest.writes[0].write) ? "ok" :
			probe_result(&pv->guest.writes[0].write, true, wb,
				     sizeof(wb)));
	}
	fprintf(out, "#   KVM_GET_MSR_INDEX_LIST: %s; "
		"KVM_GET_MSR_FEATURE_INDEX_LIST: %s\n",
		p->listed ? "listed" : "not listed",
		p->feature_listed ? "listed" : "not listed");
	if (!p->sweep.ran)
		return;
	fputs("#   each bit written alone over ", out);
	toml_u64(out, p->sweep.base);
	fprintf(out, " on vcpu%u:\n", SWEEP_VCPU);
	comment_bits(out, "sticks", d->bits[BIT_STICKS]);
	comment_bits(out, "faults", d->bits[BIT_FAULTS]);
	comment_bits(out, "accepted, dropped (host can set)",
		     d->bits[BIT_IGNORED]);
	comment_bits(out, "accepted, always reads the same",
		     d->bits[BIT_FIXED]);
	comment_bits(out, "changes other bits", d->bits[BIT_OTHERS]);
	comment_bits(out, "stops the guest", d->bits[BIT_NOT_RUN]);
	comment_bits(out, "cannot be written back", p->sweep.no_way_back);
}

static void print_header(FILE *out, const struct probe *p)
{
	fprintf(out, "# Draft of a registry/msrs.toml entry for MSR 0x%x, from "
		"`msrcheck probe\n# 0x%x --draft` on KVM %s, %s host, kernel "
		"%s.\n", p->opts.index, p->opts.index, p->flavour,
		vendor_name(p->vendor), p->kernel);
	if (probe_print_entries(out, p->opts.index,
				"# The registry has this index already: ",
				NULL))
		fputs(".\n", out);
	fputs("# Decide each TODO, and whether quirks, scope, init, isolate, "
	      "host_absent,\n# write_needs_primary or save_list = \"always\" "
	      "apply (registry/README.md);\n# then put the table into "
	      "registry/msrs.toml in index order and run\n# `ninja -C build`, "
	      "which validates it.\n", out);
}

void probe_draft(FILE *out, const struct probe *p)
{
	const struct probe_vcpu *v0 = &p->vcpu[0];
	struct draft d;

	decide(p, &d);
	print_header(out, p);
	print_measured(out, p, &d);
	fputs("\n[[msr]]\n", out);
	todo(out, "name", false, "the kernel's MSR_ name without MSR_");
	fprintf(out, "index = 0x%04x_%04x\n", p->opts.index >> 16,
		p->opts.index & 0xffff);
	todo(out, "ref", false, "where the facts come from: SDM/APM section, "
	     "KVM function");
	todo(out, "features", true, !strcmp(d.access, "none") ?
	     "what would make it exist; no vCPU has it (an index nobody "
	     "defines: [\"NONE\"])" : d.featureless ?
	     "what makes it exist; the featureless vCPU has it too: "
	     "[\"NONE\"]?" : "what makes it exist; the featureless vCPU "
	     "lacks it: a CPUID feature?");
	if (strcmp(d.access, "rw"))
		fprintf(out, "access = \"%s\"\n", d.access);
	if (d.readable && d.reset)
		key_u64(out, "reset", d.reset);
	if (d.readable && probe_ok(&v0->guest.read) &&
	    v0->guest.read.value != d.reset)
		key_u64(out, "reset_bsp", v0->guest.read.value);
	if (p->feature_listed)
		fputs("feature_msr = true\n", out);
	if (p->sweep.immutable)
		fputs("immutable = true\n", out);
	if (d.has_write)
		key_u64(out, "write", d.write);
	if (!strcmp(d.access, "rw")) {
		if (d.bits[BIT_IGNORED])
			key_u64(out, "ignored_bits", d.bits[BIT_IGNORED]);
		if (d.bits[BIT_FIXED])
			key_u64(out, "fixed_bits", d.bits[BIT_FIXED]);
		if (d.reset & d.bits[BIT_FIXED])
			key_u64(out, "fixed_value",
				d.reset & d.bits[BIT_FIXED]);
	}
	if (d.reserved)
		key_u64(out, "reserved_bits", d.reserved);
	if (!strcmp(d.access, "rw") && p->sweep.ran) {
		fputs("sweep = true\n", out);
		if (d.skip) {
			key_u64(out, "sweep_skip", d.skip);
			todo(out, "sweep_skip_why", false, "why the sweep "
			     "leaves these bits alone (see Measured)");
		}
	}
	if (d.readable && !probe_ok(&p->vcpu[SWEEP_VCPU].msrs.writes[0].write))
		fputs("host_write = \"fails\"\n", out);
	if (d.differs || !strcmp(d.access, "none"))
		todo(out, "failure", false, "\"unsupported\" or \"invalid\": "
		     "KVM's class when the vCPU lacks it");
	if (d.reserved || !strcmp(d.access, "ro"))
		todo(out, "reserved_failure", false, "\"unsupported\" or "
		     "\"invalid\": KVM's class for a refused write");
	if (!p->listed && strcmp(d.access, "none"))
		todo(out, "save_list_exempt", false, "why KVM does not list "
		     "it");
}
