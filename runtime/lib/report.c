// SPDX-License-Identifier: MIT
/* TAP and the readable report, deviations, the per-MSR summary. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "deviations.h"
#include "report.h"
#include "test_assert.h"

static const struct {
	const char *name;
	const char *doc;
} checks[NR_CHECKS] = {
#define CHECK(id, name, doc) [CHECK_##id] = { name, doc },
#include "checks.def"
#undef CHECK
};

const char *check_name(enum check_id id)
{
	return checks[id].name;
}

const char *check_doc(enum check_id id)
{
	return checks[id].doc;
}

const char *pass_name(enum suite_pass p)
{
	static const char *const names[] = {
		[PASS_MSRS] = "msrs", [PASS_ONE_REG] = "one-reg",
		[NR_PASSES] = "deviation",
	};

	return names[p];
}

const char *entry_name(const struct msr_entry *e, char *buf, size_t len)
{
	if (e->label)
		snprintf(buf, len, "%s/%s", e->name, e->label);
	else
		snprintf(buf, len, "%s", e->name);
	return buf;
}

void report_init(struct report *r, FILE *out, bool tap, bool verbose)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->tap = tap;
	r->verbose = verbose;
	r->flavour = "unknown";
	r->deviation_hits = xzalloc((nr_deviations + 1) * sizeof(unsigned int));
	if (tap)
		fprintf(out, "TAP version 13\n");
}

void report_free(struct report *r)
{
	free(r->deviation_hits);
	r->deviation_hits = NULL;
}

void report_skip_all(struct report *r, const char *why)
{
	if (r->tap)
		fprintf(r->out, "1..0 # SKIP %s\n", why);
	else
		fprintf(r->out, "msrcheck: skipped: %s\n", why);
	fflush(r->out);
}

void report_note(struct report *r, const char *fmt, ...)
{
	va_list ap;

	fputs(r->tap ? "# " : "", r->out);
	va_start(ap, fmt);
	vfprintf(r->out, fmt, ap);
	va_end(ap);
	fputc('\n', r->out);
	fflush(r->out);
}

/* The deviation is about this host: its KVM flavour and CPU vendor. */
static bool deviation_applies(const struct report *r,
			      const struct deviation *d)
{
	return !strcmp(d->flavour, r->flavour) &&
	       (!d->vendors || (d->vendors & VENDOR_BIT(r->vendor)));
}

static int find_deviation(const struct report *r,
			  const struct check_result *res)
{
	unsigned int i;

	if (!res->comparable || res->entry == REPORT_NO_ENTRY)
		return -1;
	for (i = 0; i < nr_deviations; i++) {
		const struct deviation *d = &deviations[i];

		if (deviation_applies(r, d) && d->entry == res->entry &&
		    d->check == res->check && d->want == res->want &&
		    d->got == res->got)
			return i;
	}
	return -1;
}

/* "IA32_CR_PAT (0x277) vcpu0 msrs: rdmsr-reset" */
static void point_name(const struct check_result *res, char *buf,
		       size_t len)
{
	int n = 0;

	if (res->entry != REPORT_NO_ENTRY) {
		const struct msr_entry *e = &msr_entries[res->entry];
		char name[64];

		n = snprintf(buf, len, "%s (%s0x%x) ",
			     entry_name(e, name, sizeof(name)),
			     e->kind == MSR_KIND_KVM_REG ? "KVM reg " : "",
			     e->index);
	}
	if (res->vcpu >= 0)
		n += snprintf(buf + n, len - n, "vcpu%d ", res->vcpu);
	snprintf(buf + n, len - n, "%s: %s", pass_name(res->pass),
		 check_name(res->check));
}

/* TAP stops a description at '#': "#GP" would end it early. */
static void tap_clean(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s != '#')
			*w++ = *s;
	}
	*w = '\0';
}

static void print_tap(struct report *r, const struct check_result *res,
		      enum outcome o, const char *name, int dev)
{
	char detail[sizeof(res->detail)];

	snprintf(detail, sizeof(detail), "%s", res->detail);
	tap_clean(detail);
	fprintf(r->out, "%s %u - %s%s%s", o == OUTCOME_PASS || o == OUTCOME_SKIP ?
		"ok" : "not ok", r->points, name, detail[0] ? ": " : "", detail);
	if (o == OUTCOME_SKIP)
		fprintf(r->out, " # SKIP %s", res->skip_why);
	else if (o == OUTCOME_XFAIL)
		fprintf(r->out, " # TODO known %s deviation: %s", r->flavour,
			deviations[dev].why);
	fputc('\n', r->out);
}

static void print_readable(struct report *r, const struct check_result *res,
			   enum outcome o, const char *name)
{
	static const char *const tag[] = {
		[OUTCOME_PASS] = "ok  ", [OUTCOME_FAIL] = "FAIL",
		[OUTCOME_SKIP] = "skip", [OUTCOME_XFAIL] = "xfail",
	};

	if (o != OUTCOME_FAIL && !r->verbose)
		return;
	fprintf(r->out, "%-5s %s%s%s", tag[o], name, res->detail[0] ? ": " : "",
		res->detail);
	if (o == OUTCOME_SKIP)
		fprintf(r->out, " (skipped: %s)", res->skip_why);
	fputc('\n', r->out);
}

static void record_path(struct report *r, const struct check_result *res)
{
	uint8_t *p;

	if (res->entry == REPORT_NO_ENTRY || res->vcpu < 0 ||
	    res->vcpu >= GUEST_MAX_VCPUS)
		return;
	p = &r->path[res->pass][res->entry][res->vcpu];
	switch (res->check) {
	case CHECK_RDMSR_RESET:
		*p = PATH_SUPPORTED;
		break;
	case CHECK_RDMSR_GP:
		*p = PATH_UNSUPPORTED;
		break;
	case CHECK_REG_LIST:
		if (res->status != RESULT_SKIP)
			*p = res->want ? PATH_REG_PRESENT : PATH_REG_ABSENT;
		break;
	default:
		break;
	}
}

/* Counts one test point and prints it; dev is its deviation, or -1. */
static void record(struct report *r, const struct check_result *res,
		   enum outcome o, int dev)
{
	char name[160];

	r->points++;
	r->total.n[o]++;
	r->per_entry[res->entry].n[o]++;
	if (o == OUTCOME_FAIL)
		r->fails[res->entry][res->check]++;
	record_path(r, res);

	point_name(res, name, sizeof(name));
	if (r->tap)
		print_tap(r, res, o, name, dev);
	else
		print_readable(r, res, o, name);
	fflush(r->out);
}

void report_result(struct report *r, const struct check_result *res)
{
	int dev = -1;

	if (res->status == RESULT_SKIP) {
		record(r, res, OUTCOME_SKIP, dev);
	} else if (res->status == RESULT_PASS) {
		record(r, res, OUTCOME_PASS, dev);
	} else {
		dev = find_deviation(r, res);
		if (dev >= 0)
			r->deviation_hits[dev]++;
		record(r, res, dev >= 0 ? OUTCOME_XFAIL : OUTCOME_FAIL, dev);
	}
}

/*
 * A deviation listed for this flavour whose entry ran but which never
 * matched a failure no longer happens: fail, so the file cannot rot.
 */
static void check_stale_deviations(struct report *r)
{
	unsigned int i;

	for (i = 0; i < nr_deviations; i++) {
		const struct deviation *d = &deviations[i];
		/* About the file, not one pass: never matched to itself. */
		struct check_result res = {
			.entry = d->entry,
			.vcpu = -1,
			.pass = NR_PASSES,
			.check = d->check,
			.status = RESULT_FAIL,
		};

		if (!deviation_applies(r, d) || !r->selected[d->entry] ||
		    r->deviation_hits[i])
			continue;
		snprintf(res.detail, sizeof(res.detail),
			 "known deviation (%s, wanted 0x%llx, got 0x%llx) no "
			 "longer happens: remove it from registry/deviations.toml",
			 d->flavour, (unsigned long long)d->want,
			 (unsigned long long)d->got);
		record(r, &res, OUTCOME_FAIL, -1);
	}
}

static const char *path_word(uint8_t p)
{
	static const char *const words[] = {
		[PATH_NOT_RUN] = "-", [PATH_SUPPORTED] = "sup",
		[PATH_UNSUPPORTED] = "unsup", [PATH_REG_PRESENT] = "present",
		[PATH_REG_ABSENT] = "absent",
	};

	return words[p];
}

static void print_summary(struct report *r)
{
	const char *c = r->tap ? "# " : "";
	unsigned int i, p, v;
	char name[64];

	fprintf(r->out, "%s\n%s%-26s %-12s %-36s %5s %5s %5s %5s\n", c, c,
		"entry", "index", "path msrs | one-reg (vcpu0 1 2)", "pass",
		"fail", "skip", "xfail");
	for (i = 0; i <= NR_MSR_ENTRIES; i++) {
		const struct outcome_counts *n = &r->per_entry[i];
		char paths[64] = "";
		int len = 0;

		if (!(n->n[0] + n->n[1] + n->n[2] + n->n[3]))
			continue;
		if (i < NR_MSR_ENTRIES) {
			for (p = 0; p < NR_PASSES; p++) {
				for (v = 0; v < 3; v++)
					len += snprintf(paths + len,
							sizeof(paths) - len,
							"%s ",
							path_word(r->path[p][i][v]));
				if (p + 1 < NR_PASSES)
					len += snprintf(paths + len,
							sizeof(paths) - len,
							"| ");
			}
			entry_name(&msr_entries[i], name, sizeof(name));
			fprintf(r->out, "%s%-26s 0x%08x   %-36s", c, name,
				msr_entries[i].index, paths);
		} else {
			fprintf(r->out, "%s%-26s %-12s %-36s", c, "(vCPU checks)",
				"", "");
		}
		fprintf(r->out, " %5u %5u %5u %5u\n", n->n[OUTCOME_PASS],
			n->n[OUTCOME_FAIL], n->n[OUTCOME_SKIP],
			n->n[OUTCOME_XFAIL]);
	}

	for (i = 0; i < nr_deviations; i++) {
		const struct deviation *d = &deviations[i];

		if (!r->deviation_hits[i])
			continue;
		fprintf(r->out, "%sknown deviation applied (%s): %s %s: wanted "
			"0x%llx, got 0x%llx, %u times: %s\n", c, d->flavour,
			entry_name(&msr_entries[d->entry], name, sizeof(name)),
			check_name(d->check), (unsigned long long)d->want,
			(unsigned long long)d->got, r->deviation_hits[i],
			d->why);
	}
	fprintf(r->out, "%s%s: %u passed, %u failed, %u skipped, %u expected "
		"failures (known deviations)\n", c,
		r->total.n[OUTCOME_FAIL] ? "FAIL" : "PASS",
		r->total.n[OUTCOME_PASS], r->total.n[OUTCOME_FAIL],
		r->total.n[OUTCOME_SKIP], r->total.n[OUTCOME_XFAIL]);
}

int report_finish(struct report *r)
{
	check_stale_deviations(r);
	if (r->tap)
		fprintf(r->out, "1..%u\n", r->points);
	print_summary(r);
	fflush(r->out);
	return r->total.n[OUTCOME_FAIL] ? 1 : 0;
}
