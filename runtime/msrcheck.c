// SPDX-License-Identifier: MIT
/* msrcheck: the command line. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_parse.h"
#include "coverage.h"
#include "escape.h"
#include "probe.h"
#include "results_diff.h"
#include "signals.h"
#include "suite.h"

/* --timeout: an hour per vCPU run is more than any guest plan needs. */

static void usage(FILE *f)
{
	fputs(
"usage: msrcheck [options] [PATTERN...]\n"
"Checks that KVM virtualizes the MSRs of registry/msrs.toml correctly.\n"
"\n"
"  PATTERN              shell glob on entry names: 'TSC_AUX*',\n"
"                       'IA32_PL?_SSP/canonical' (default: every entry)\n"
"  -l, --list           list the registry entries (those PATTERN selects)\n"
"                       and exit\n"
"      --coverage       list every MSR KVM reports (save/restore and feature\n"
"                       lists) with the entries that test it, or why none\n"
"                       does, and exit (1 if one is unaccounted for)\n"
"  -t, --tap            TAP 13 output (what `ninja test` runs)\n"
"  -v, --verbose        show every check with its guest or host operation,\n"
"                       not only failures\n"
"      --device PATH    KVM device (default $MSRCHECK_KVM_DEVICE, else\n"
"                       /dev/kvm); an empty PATH is an error\n"
"      --timeout MS     watchdog per vCPU run, decimal, 1 to 3600000\n"
"                       (default 5000)\n"
"      --flavour NAME   apply the known deviations of this KVM flavour: one\n"
"                       registry/deviations.toml names, kvm_pvm, kvm_intel,\n"
"                       kvm_amd, or upstream for none (default: the loaded\n"
"                       module)\n"
"      --json FILE      also write every result, with the host's facts, to\n"
"                       FILE as JSON (doc/msrcheck-results.schema.json)\n"
"      --draft-deviations\n"
"                       after the report, print a registry/deviations.toml\n"
"                       draft of every unexpected failure (measuring a\n"
"                       new KVM flavour)\n"
"  -h, --help           this text\n"
"\n"
"Testing aids:\n"
"      --hide-cap CAP   behave as if KVM lacked CAP: ONE_REG,\n"
"                       X86_USER_SPACE_MSR, X86_MSR_FILTER, SPLIT_IRQCHIP,\n"
"                       or a registry vm_cap_gate (MSR_PLATFORM_INFO)\n"
"      --pretend-cpuid FEATURE\n"
"                       behave as if KVM_GET_SUPPORTED_CPUID had this\n"
"                       registry feature: the full vCPUs get it and the\n"
"                       checks expect it (what another host would show)\n"
"      --fault KIND:ENTRY:VCPU\n"
"                       make the guest fail on purpose when VCPU (0 to 4)\n"
"                       runs ENTRY; KIND is hang, ud, triple or bad-port;\n"
"                       an error if VCPU runs no guest step of ENTRY\n"
"\n"
"Exit status: 0 all checks passed (known deviations allowed), 1 a check\n"
"failed, 2 error (a bad option, an unusable KVM, a failed write of the\n"
"report), 77 skipped (no usable /dev/kvm; with --tap the skip is in the\n"
"TAP plan and the status is 0), 130 or 143 interrupted by SIGINT or\n"
"SIGTERM (128 + the signal's number).\n", f);
}

static void hint(void)
{
	fputs("Try 'msrcheck --help'.\n", stderr);
}

/* "msrcheck: WHAT: message" and the hint; the status of a bad option. */
static int __attribute__((format(printf, 2, 3)))
bad_option(const char *what, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "msrcheck: %s: ", what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	hint();
	return 2;
}

static void list_entries(const struct suite_opts *o)
{
	unsigned int i, f, r;
	char name[MSR_ENTRY_NAME_MAX + 1];

	printf("%-26s %-7s %-10s %-14s %-18s %-18s %s\n", "entry", "kind",
	       "index", "features", "reset", "write", "reserved");
	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		const struct msr_entry *e = &msr_entries[i];
		char feats[256] = "";
		size_t n = 0;

		if (!suite_entry_selected(o, e))
			continue;
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
	char esc[64];
	unsigned int i;

	for (i = 0; i < NR_CAPS; i++) {
		if (!strcmp(name, kvm_cap_name(i))) {
			*mask |= 1u << i;
			return 0;
		}
	}
	for (i = VM_CAP_NONE + 1; i < NR_VM_CAPS; i++) {
		if (!strcmp(name, msr_vm_caps[i].name)) {
			*mask |= HIDDEN_VM_CAP(i);
			return 0;
		}
	}
	return bad_option("--hide-cap", "unknown capability '%s'",
			  text_escape(name, esc, sizeof(esc)));
}

static int parse_pretend(const char *name, struct feature_set *m)
{
	char esc[64];
	unsigned int f;

	for (f = 0; f < NR_FEATURES; f++) {
		if (strcmp(name, msr_features[f].name))
			continue;
		if (msr_features[f].source != SOURCE_CPUID)
			return bad_option("--pretend-cpuid", "%s is not a "
					  "CPUID feature", name);
		fs_add(m, f);
		return 0;
	}
	return bad_option("--pretend-cpuid", "unknown feature '%s' (see "
			  "[feature.*] in registry/msrs.toml)",
			  text_escape(name, esc, sizeof(esc)));
}

static int parse_timeout(const char *arg, unsigned int *ms)
{
	unsigned long v;
	char why[128];

	if (!parse_decimal(arg, 1, TIMEOUT_MAX_MS, &v, why, sizeof(why)))
		return bad_option("--timeout", "%s", why);
	*ms = v;
	return 0;
}

static int parse_fault_option(const char *arg, struct suite_opts *o)
{
	struct fault_spec f;
	char why[256];

	if (!parse_fault(arg, &f, why, sizeof(why))) {
		fprintf(stderr, "msrcheck: --fault: %s\n", why);
		fprintf(stderr, "usage: --fault KIND:ENTRY:VCPU, KIND hang, ud, "
			"triple or bad-port, ENTRY as --list names it, VCPU 0 "
			"to %d\n", SUITE_NR_VCPUS - 1);
		return 2;
	}
	o->fault = f.op;
	o->fault_entry = f.entry;
	o->fault_vcpu = f.vcpu;
	return 0;
}

static int parse_flavour(const char *name, const char **flavour)
{
	char esc[64], known[256];

	if (!flavour_known(name)) {
		flavour_names(known, sizeof(known));
		return bad_option("--flavour", "unknown flavour '%s' (known: "
				  "%s)", text_escape(name, esc, sizeof(esc)),
				  known);
	}
	*flavour = name;
	return 0;
}

static int parse_device(const char *path, const char **device)
{
	if (!*path)
		return bad_option("--device", "empty path");
	*device = path;
	return 0;
}

/* --coverage: the registry against this host's lists. */
static int coverage(const struct suite_opts *o)
{
	struct coverage_row *rows;
	enum kvm_open_status st;
	unsigned int i, n;
	struct kvm_host h;
	char why[256];
	int ret = 0;

	st = kvm_host_open(&h, o->device, 0, why, sizeof(why));
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

/* What the command line asks for. */
struct cli {
	struct suite_opts o;
	enum { MODE_RUN, MODE_LIST, MODE_COVERAGE } mode;
	bool draft;
	const char *json;	/* --json FILE */
};

/* The option a getopt error is about: "--timeout", "-x". */
static const char *bad_opt_name(const struct option *longopts, char **argv,
				char *buf, size_t len)
{
	unsigned int i;

	for (i = 0; optopt && longopts[i].name; i++) {
		if (longopts[i].val == optopt) {
			snprintf(buf, len, "--%s", longopts[i].name);
			return buf;
		}
	}
	if (optopt) {
		char opt[2] = { (char)optopt, '\0' };
		char esc[8];

		snprintf(buf, len, "-%s", text_escape(opt, esc, sizeof(esc)));
		return buf;
	}
	/* An unknown long option: getopt gives no name, argv has it. */
	return text_escape(argv[optind - 1], buf, len);
}

/* Every selecting pattern must select something. */
static int check_patterns(const struct suite_opts *o)
{
	unsigned int i, id;
	char esc[128];

	for (i = 0; i < o->nr_patterns; i++) {
		struct suite_opts one = { .patterns = &o->patterns[i],
					  .nr_patterns = 1 };
		bool any = false;

		for (id = 0; id < NR_MSR_ENTRIES; id++)
			any |= suite_entry_selected(&one, &msr_entries[id]);
		if (!any) {
			fprintf(stderr, "msrcheck: error: no registry entry "
				"matches '%s' (see msrcheck --list)\n",
				text_escape(o->patterns[i], esc, sizeof(esc)));
			return 2;
		}
	}
	return 0;
}

/* Parses argv into c; -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct cli *c)
{
	enum { OPT_DEVICE = 256, OPT_TIMEOUT, OPT_FLAVOUR, OPT_HIDE_CAP,
	       OPT_FAULT, OPT_DRAFT_DEVIATIONS, OPT_PRETEND, OPT_COVERAGE,
	       OPT_JSON };
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
		{ "json", required_argument, NULL, OPT_JSON },
		{ NULL, 0, NULL, 0 },
	};
	struct suite_opts *o = &c->o;
	char why[256], name[64];
	int opt, version, ret = 0;

	o->device = kvm_device_from_env(why, sizeof(why));
	if (!o->device || kvm_test_api_version(&version, why, sizeof(why))) {
		fprintf(stderr, "msrcheck: %s\n", why);
		return 2;
	}
	/* Our own messages: getopt's would echo control characters. */
	opterr = 0;
	while (!ret && (opt = getopt_long(argc, argv, ":ltvh", longopts,
					  NULL)) != -1) {
		switch (opt) {
		case 'l':
		case OPT_COVERAGE:
			if (c->mode != MODE_RUN &&
			    c->mode != (opt == 'l' ? MODE_LIST : MODE_COVERAGE))
				return bad_option("--list", "excludes "
						  "--coverage");
			c->mode = opt == 'l' ? MODE_LIST : MODE_COVERAGE;
			break;
		case 't':
			o->tap = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case OPT_DEVICE:
			ret = parse_device(optarg, &o->device);
			break;
		case OPT_TIMEOUT:
			ret = parse_timeout(optarg, &o->timeout_ms);
			break;
		case OPT_FLAVOUR:
			ret = parse_flavour(optarg, &o->flavour);
			break;
		case OPT_HIDE_CAP:
			ret = parse_cap(optarg, &o->hidden_caps);
			break;
		case OPT_FAULT:
			ret = parse_fault_option(optarg, o);
			break;
		case OPT_DRAFT_DEVIATIONS:
			c->draft = true;
			break;
		case OPT_JSON:
			if (!*optarg)
				return bad_option("--json", "empty path");
			c->json = optarg;
			break;
		case OPT_PRETEND:
			ret = parse_pretend(optarg, &o->pretend);
			break;
		case ':':
			return bad_option(bad_opt_name(longopts, argv, name,
						       sizeof(name)),
					  "missing value");
		default:
			bad_opt_name(longopts, argv, name, sizeof(name));
			/* A known long option given a value: --list=x. */
			if (optopt && !strncmp(argv[optind - 1], "--", 2))
				return bad_option(name, "takes no value");
			return bad_option(name, "unknown option");
		}
	}
	if (ret)
		return ret;
	o->patterns = (const char *const *)&argv[optind];
	o->nr_patterns = argc - optind;
	if (c->mode == MODE_COVERAGE && o->nr_patterns)
		return bad_option("--coverage", "takes no PATTERN");
	if (c->json && c->mode != MODE_RUN)
		return bad_option("--json", "writes a run, not a listing");
	return check_patterns(o) ? 2 : -1;
}

/* The run's state, for an interrupting signal and the last word. */
static struct {
	struct report rep;
	bool reporting;		/* rep is initialised */
	int write_errno;	/* the first failed write to stdout */
} run;

/*
 * SIGINT/SIGTERM: the report says how far the run got, the KVM fds (every
 * fd past stderr) are closed, and the status is 128 + the signal's number.
 * _exit: the atexit handlers (LeakSanitizer's among them) would report
 * the run's memory, which is still in use.
 */
static void __attribute__((noreturn)) interrupted(int sig, void *opaque)
{
	closefrom(3);
	if (run.reporting)
		report_interrupted(&run.rep, sig);
	fprintf(stderr, "msrcheck: interrupted by SIG%s\n", sigabbrev_np(sig));
	fflush(stdout);
	_exit(128 + sig);
}

/* --fault: whether the fault went into a guest plan at all. */
static void watch_fault(struct kvm_vcpu *vcpu, struct guest_slot *g,
			unsigned int n, void *opaque)
{
	unsigned int i, *injected = opaque;

	for (i = 0; i < n; i++)
		*injected += guest_op_is_fault(g[i].op);
}

static int run_suite(struct cli *c)
{
	static unsigned int injected;
	static const struct suite_hooks hooks = {
		.plan_written = watch_fault,
		.opaque = &injected,
	};
	struct deviation_drafts drafts = { 0 };
	struct suite_opts *o = &c->o;
	char name[MSR_ENTRY_NAME_MAX + 1], why[512];
	struct json_out *json = NULL;
	int ret;

	if (o->fault != GUEST_OP_END)
		o->hooks = &hooks;
	if (c->json && !(json = json_out_open(c->json, why, sizeof(why)))) {
		fprintf(stderr, "msrcheck: error: %s\n", why);
		return 2;
	}
	report_init(&run.rep, stdout, o->tap, o->verbose);
	run.rep.json = json;
	run.reporting = true;
	if (c->draft)
		run.rep.drafts = &drafts;
	ret = suite_run(o, &run.rep);
	signals_check();
	/* A fault this host's KVM gave no guest step to: no test at all. */
	if (o->fault != GUEST_OP_END && !injected && (ret == 0 || ret == 1)) {
		entry_name(&msr_entries[o->fault_entry], name, sizeof(name));
		fprintf(stderr, "msrcheck: --fault: this host's KVM gave %s no "
			"guest step on vCPU %u: nothing was injected\n", name,
			o->fault_vcpu);
		if (o->tap)
			fprintf(stdout, "Bail out! --fault injected nothing\n");
		ret = 2;
	}
	ret = json_out_close(json, run.rep.oc, ret);
	run.rep.json = NULL;
	run.reporting = false;
	run.write_errno = run.rep.write_errno;
	report_free(&run.rep);
	deviation_draft_free(&drafts);
	/* TAP carries the skip in its plan; meson wants status 0 then. */
	if (ret == 77 && o->tap)
		return 0;
	return ret;
}

/*
 * fds 0 to 2 must be open: a closed one would be the next open()'s, and
 * /dev/kvm as fd 1 would take the report.
 */
static int check_std_fds(void)
{
	static const char *const names[] = {
		"standard input", "standard output", "standard error",
	};
	int fd;

	for (fd = 0; fd < 3; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* With stderr closed, stdout is the only voice left. */
		fprintf(fd == 2 ? stdout : stderr, "msrcheck: error: %s (fd %d) "
			"is closed\n", names[fd], fd);
		return 2;
	}
	return 0;
}

/*
 * The last word on stdout: all of it written, or status 2 and why (err:
 * the report's first write error; a listing's shows in the final flush,
 * since every write to a broken stdout fails alike).
 */
static int finish_output(int status, int err)
{
	bool failed = err;

	if (fflush(stdout) == EOF) {
		failed = true;
		err = err ? err : errno;
	}
	failed |= ferror(stdout);
	if (fclose(stdout) == EOF) {
		failed = true;
		err = err ? err : errno;
	}
	if (!failed)
		return status;
	fprintf(stderr, "msrcheck: error: cannot write the report to standard "
		"output: %s\n", err ? strerror(err) : "write error");
	return 2;
}

int main(int argc, char **argv)
{
	struct cli c = {
		.o = {
			.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
			.fault = GUEST_OP_END,
			.fault_entry = -1,
		},
	};
	int ret;

	ret = check_std_fds();
	if (ret)
		return ret;
	/* Subcommands take their own options (msrcheck(1)). */
	if (argc > 1 && !strcmp(argv[1], "probe"))
		return finish_output(probe_main(argc - 1, argv + 1), 0);
	if (argc > 1 && !strcmp(argv[1], "diff"))
		return finish_output(results_diff_main(argc - 1, argv + 1), 0);
	signals_catch(interrupted, NULL);
	ret = parse_args(argc, argv, &c);
	if (ret < 0 && c.mode == MODE_LIST) {
		list_entries(&c.o);
		ret = 0;
	} else if (ret < 0 && c.mode == MODE_COVERAGE) {
		ret = coverage(&c.o);
	} else if (ret < 0) {
		ret = run_suite(&c);
	}
	/* A signal after the run's last check still ends it as one. */
	signals_check();
	return finish_output(ret, run.write_errno);
}
