// SPDX-License-Identifier: MIT
/*
 * `msrcheck probe INDEX [--write VALUE]... [--draft]` (see probe.h).  Bad
 * input is one line on stderr and status 2, before KVM is opened.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_parse.h"
#include "escape.h"
#include "probe.h"

#define PROBE_USAGE							\
"usage: msrcheck probe INDEX [--write VALUE]... [--draft] [--device PATH]\n" \
"                      [--timeout MS]\n"				\
"Asks KVM about one MSR, any 32-bit INDEX, on each vCPU configuration of\n" \
"the suite: the guest's RDMSR and WRMSR, the host's KVM_GET/SET_MSRS and\n" \
"ONE_REG, and whether KVM lists it.\n"					\
"\n"									\
"  INDEX                the MSR index, 0 to 0xffffffff (hex with 0x)\n"	\
"  -w, --write VALUE    also write VALUE (64 bits) from the guest and the\n" \
"                       host and read it back; up to 16 times\n"	\
"  -d, --draft          print a [[msr]] table for registry/msrs.toml\n"	\
"                       instead, from what was measured (with a per-bit\n" \
"                       sweep); TODO comments mark what you must decide\n" \
"      --device PATH    KVM device (default $MSRCHECK_KVM_DEVICE, else\n" \
"                       /dev/kvm)\n"					\
"      --timeout MS     watchdog per guest run (default 5000)\n"	\
"  -h, --help           this text\n"					\
"\n"									\
"Exit status: 0 measured, 2 bad input or an unusable KVM device, 77 no\n" \
"usable /dev/kvm.\n"

/*
 * A one-line complaint about the command line, status 2: before, then arg
 * quoted with its control characters escaped (a newline in an argument
 * must not make two lines), then after.
 */
static int bad(const char *before, const char *arg, const char *after)
{
	fprintf(stderr, "msrcheck probe: error: %s", before);
	if (arg) {
		fputc('\'', stderr);
		fputs_escaped(arg, stderr);
		fputc('\'', stderr);
	}
	fprintf(stderr, "%s (see msrcheck probe --help)\n", after);
	return 2;
}

/*
 * An unsigned number of at most max: decimal, or hex with 0x.  strtoull
 * alone would take a sign (and wrap "-1"), blanks and trailing junk, and
 * with base 0 would read a leading 0 as octal ("010" is ten here).
 */
static int parse_number(const char *s, uint64_t max, uint64_t *out)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	char *end;

	if (!s[0] || s[0] == '-' || s[0] == '+' || s[0] == ' ' ||
	    (s[0] >= '\t' && s[0] <= '\r'))
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, hex ? 16 : 10);
	if (*end)
		return -EINVAL;
	if (errno == ERANGE || *out > max)
		return -ERANGE;
	return 0;
}

int probe_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "write", required_argument, NULL, 'w' },
		{ "draft", no_argument, NULL, 'd' },
		{ "device", required_argument, NULL, 'D' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct probe_opts o = { .timeout_ms = SUITE_DEFAULT_TIMEOUT_MS };
	unsigned long ms;
	struct probe *p;
	uint64_t v;
	char why[256];
	int c, r;

	o.device = kvm_device_from_env(why, sizeof(why));
	if (!o.device) {
		fprintf(stderr, "msrcheck probe: error: %s\n", why);
		return 2;
	}

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":w:dh", longopts, NULL)) != -1) {
		switch (c) {
		case 'w':
			if (o.nr_writes == PROBE_MAX_WRITES)
				return bad("more than 16 --write values",
					   NULL, "");
			r = parse_number(optarg, UINT64_MAX, &v);
			if (r == -ERANGE)
				return bad("--write ", optarg,
					   " does not fit 64 bits");
			if (r)
				return bad("--write ", optarg,
					   " is not a number");
			o.writes[o.nr_writes++] = v;
			break;
		case 'd':
			o.sweep = true;
			break;
		case 'D':
			if (!*optarg)
				return bad("--device: empty path", NULL, "");
			o.device = optarg;
			break;
		case 'T':
			if (!parse_decimal(optarg, 1, TIMEOUT_MAX_MS, &ms, why,
					   sizeof(why)))
				return bad("--timeout: ", NULL, why);
			o.timeout_ms = ms;
			break;
		case 'h':
			fputs(PROBE_USAGE, stdout);
			return 0;
		case ':':
			return bad("", argv[optind - 1], " needs a value");
		default:
			return bad("unknown option ", argv[optind - 1], "");
		}
	}
	if (optind == argc)
		return bad("no INDEX", NULL, "");
	if (argc - optind > 1)
		return bad("one INDEX only, and ", argv[optind + 1],
			   " is another");
	r = parse_number(argv[optind], UINT32_MAX, &v);
	if (r == -ERANGE)
		return bad("INDEX ", argv[optind],
			   " is out of range (0 to 0xffffffff)");
	if (r)
		return bad("INDEX ", argv[optind], " is not a number");
	o.index = v;

	p = xzalloc(sizeof(*p));
	r = probe_run(&o, p, why, sizeof(why));
	if (r) {
		fprintf(stderr, "msrcheck probe: %s: %s\n",
			r == 77 ? "skipped" : "error", why);
	} else if (o.sweep) {
		probe_draft(stdout, p);
	} else {
		probe_print(stdout, p);
	}
	free(p);
	return r;
}
