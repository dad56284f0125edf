// SPDX-License-Identifier: MIT
/* msrcheck: the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "suite.h"

static void usage(FILE *f)
{
	fputs(
"usage: msrcheck [options] [PATTERN...]\n"
"Checks that KVM virtualizes the MSRs of registry/msrs.toml correctly.\n"
"\n"
"  PATTERN              shell glob on entry names: 'TSC_AUX*',\n"
"                       'IA32_PL?_SSP/canonical' (default: every entry)\n"
"  -l, --list           list the registry entries and exit\n"
"      --coverage       list every MSR KVM reports (save/restore and feature\n"
"                       lists) with the entries that test it, or why none\n"
"                       does, and exit (1 if one is unaccounted for)\n"
"  -t, --tap            TAP 13 output (what `ninja test` runs)\n"
"  -v, --verbose        show every check with its guest or host operation,\n"
"                       not only failures\n"
"      --device PATH    KVM device (default $MSRCHECK_KVM_DEVICE, else\n"
"                       /dev/kvm)\n"
"      --timeout MS     watchdog per vCPU run (default 5000)\n"
"      --flavour NAME   apply the known deviations of this KVM flavour\n"
"                       (default: the loaded module: kvm_pvm, kvm_intel,\n"
"                       kvm_amd)\n"
"      --draft-deviations\n"
"                       after the report, print a registry/deviations.toml\n"
"                       draft of every unexpected failure (measuring a\n"
"                       new KVM flavour)\n"
"  -h, --help           this text\n"
"\n"
"Testing aids:\n"
"      --hide-cap CAP   behave as if KVM lacked CAP: ONE_REG,\n"
"                       X86_USER_SPACE_MSR, X86_MSR_FILTER\n"
"      --pretend-cpuid FEATURE\n"
"                       behave as if KVM_GET_SUPPORTED_CPUID had this\n"
"                       registry feature: the full vCPUs get it and the\n"
"                       checks expect it (what another host would show)\n"
"      --fault KIND:ENTRY:VCPU\n"
"                       make the guest fail on purpose when VCPU runs\n"
"                       ENTRY; KIND is hang, ud, triple or bad-port\n"
"\n"
"Exit status: 0 all checks passed (known deviations allowed), 1 a check\n"
"failed, 2 error, 77 skipped (no usable /dev/kvm; with --tap the skip is\n"
"in the TAP plan and the status is 0).\n", f);
}

static void list_entries(void)
{
	unsigned int i, f, r;
	char name[MSR_ENTRY_NAME_MAX + 1];

	printf("%-26s %-7s %-10s %-14s %-18s %-18s %s\n", "entry", "kind",
	       "index", "features", "reset", "write", "reserved");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];
		char feats[256] = "";
		size_t n = 0;

		for (f = 0; f < e->nr_features && n < sizeof(feats); f++)
			n += snprintf(feats + n, sizeof(feats) - n, "%s%s",
				      f ? "," : "",
				      msr_features[e->features[f]].name);
		printf("%-26s %-7s 0x%08x %-14s 0x%016llx 0x%016llx",
		       entry_name(e, name, sizeof(name)),
		       msr_kind_names[e->kind],
		       e->index, feats, (unsigned long long)e->reset,
		       (unsigned long long)e->write);
		for (r = 0; r < e->nr_reserved; r++)
			printf(" 0x%llx",
			       (unsigned long long)e->reserved[r].value);
		putchar('\n');
	}
}

static int parse_cap(const char *name, uint32_t *mask)
{
	unsigned int i;

	for (i = 0; i < NR_CAPS; i++) {
		if (!strcmp(name, kvm_cap_name(i))) {
			*mask |= 1u << i;
			return 0;
		}
	}
	fprintf(stderr, "msrcheck: error: --hide-cap: unknown capability "
		"'%s'\n", name);
	return -1;
}

static int parse_pretend(const char *name, struct feature_set *m)
{
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		if (strcmp(name, msr_features[f].name))
			continue;
		if (msr_features[f].source != SOURCE_CPUID) {
			fprintf(stderr, "msrcheck: error: --pretend-cpuid: %s "
				"is not a CPUID feature\n", name);
			return -1;
		}
		fs_add(m, f);
		return 0;
	}
	fprintf(stderr, "msrcheck: error: --pretend-cpuid: unknown feature "
		"'%s' (see [feature.*] in registry/msrs.toml)\n", name);
	return -1;
}

/* --coverage: the registry against this host's lists. */
static int coverage(const struct suite_opts *o)
{
	const char *device = o->device ? o->device : KVM_DEFAULT_DEVICE;
	struct coverage_row *rows;
	enum kvm_open_status st;
	unsigned int i, n;
	struct kvm_host h;
	char why[256];
	int ret = 0;

	st = kvm_host_open(&h, device, 0, why, sizeof(why));
	if (st != KVM_OPEN_OK) {
		fprintf(stderr, "msrcheck: %s: %s\n",
			st == KVM_OPEN_SKIP ? "skipped" : "error", why);
		return st == KVM_OPEN_SKIP ? 77 : 2;
	}
	rows = coverage_rows(&h, &n);
	coverage_print(stdout, "", rows, n);
	for (i = 0; i < n; i++)
		ret |= !coverage_accounted(&rows[i]);
	free(rows);
	kvm_host_close(&h);
	return ret;
}

static int find_entry(const char *name)
{
	char buf[MSR_ENTRY_NAME_MAX + 1];
	unsigned int i;

	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		if (!strcmp(name, entry_name(&msr_entries[i], buf,
					     sizeof(buf))))
			return i;
	}
	return -1;
}

static int parse_fault(char *arg, struct suite_opts *o)
{
	static const struct {
		const char *name;
		enum guest_op op;
	} kinds[] = {
		{ "hang", GUEST_OP_HANG }, { "ud", GUEST_OP_UD },
		{ "triple", GUEST_OP_TRIPLE }, { "bad-port", GUEST_OP_BAD_PORT },
	};
	char *entry = strchr(arg, ':'), *vcpu = entry ? strchr(entry + 1, ':') : NULL;
	unsigned int k;

	if (!vcpu)
		goto bad;
	*entry++ = '\0';
	*vcpu++ = '\0';
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if (!strcmp(arg, kinds[k].name))
			o->fault = kinds[k].op;
	}
	o->fault_entry = find_entry(entry);
	o->fault_vcpu = strtoul(vcpu, NULL, 0);
	if (o->fault != GUEST_OP_END && o->fault_entry >= 0 &&
	    o->fault_vcpu < SUITE_NR_VCPUS)
		return 0;
bad:
	fprintf(stderr, "msrcheck: error: --fault wants KIND:ENTRY:VCPU with "
		"KIND hang|ud|triple|bad-port, an entry name as --list prints "
		"it and VCPU 0-%d\n", SUITE_NR_VCPUS - 1);
	return -1;
}

int main(int argc, char **argv)
{
	enum { OPT_DEVICE = 256, OPT_TIMEOUT, OPT_FLAVOUR, OPT_HIDE_CAP,
	       OPT_FAULT, OPT_DRAFT_DEVIATIONS, OPT_PRETEND, OPT_COVERAGE };
	static const struct option longopts[] = {
		{ "list", no_argument, NULL, 'l' },
		{ "tap", no_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "device", required_argument, NULL, OPT_DEVICE },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "flavour", required_argument, NULL, OPT_FLAVOUR },
		{ "hide-cap", required_argument, NULL, OPT_HIDE_CAP },
		{ "fault", required_argument, NULL, OPT_FAULT },
		{ "draft-deviations", no_argument, NULL,
		  OPT_DRAFT_DEVIATIONS },
		{ "pretend-cpuid", required_argument, NULL, OPT_PRETEND },
		{ "coverage", no_argument, NULL, OPT_COVERAGE },
		{ NULL, 0, NULL, 0 },
	};
	struct suite_opts o = {
		.device = getenv("MSRCHECK_KVM_DEVICE"),
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
	};
	struct deviation_drafts drafts = { 0 };
	bool draft = false;
	struct report rep;
	int c, i, ret;

	while ((c = getopt_long(argc, argv, "ltvh", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			list_entries();
			return 0;
		case 't':
			o.tap = true;
			break;
		case 'v':
			o.verbose = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case OPT_DEVICE:
			o.device = optarg;
			break;
		case OPT_TIMEOUT:
			o.timeout_ms = strtoul(optarg, NULL, 0);
			if (!o.timeout_ms) {
				fprintf(stderr, "msrcheck: error: --timeout "
					"wants a positive number of ms\n");
				return 2;
			}
			break;
		case OPT_FLAVOUR:
			o.flavour = optarg;
			break;
		case OPT_HIDE_CAP:
			if (parse_cap(optarg, &o.hidden_caps))
				return 2;
			break;
		case OPT_FAULT:
			if (parse_fault(optarg, &o))
				return 2;
			break;
		case OPT_DRAFT_DEVIATIONS:
			draft = true;
			break;
		case OPT_COVERAGE:
			return coverage(&o);
		case OPT_PRETEND:
			if (parse_pretend(optarg, &o.pretend))
				return 2;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}

	o.patterns = (const char *const *)&argv[optind];
	o.nr_patterns = argc - optind;
	for (i = optind; i < argc; i++) {
		unsigned int id;
		bool any = false;
		struct suite_opts one = { .patterns = (const char *const *)&argv[i],
					  .nr_patterns = 1 };

		for (id = 0; id < NR_MSR_ENTRIES; id++)
			any |= suite_entry_selected(&one, &msr_entries[id]);
		if (!any) {
			fprintf(stderr, "msrcheck: error: no registry entry "
				"matches '%s' (see msrcheck --list)\n", argv[i]);
			return 2;
		}
	}

	report_init(&rep, stdout, o.tap, o.verbose);
	if (draft)
		rep.drafts = &drafts;
	ret = suite_run(&o, &rep);
	report_free(&rep);
	deviation_draft_free(&drafts);
	/* TAP carries the skip in its plan; meson wants status 0 then. */
	if (ret == 77 && o.tap)
		return 0;
	return ret;
}
