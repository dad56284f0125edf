// SPDX-License-Identifier: MIT
/* TAP and the readable report, and the per-entry summary (see report.h). */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "deviations.h"
#include "escape.h"
#include "report.h"
#include "signals.h"
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
	return id < NR_CHECKS ? checks[id].name : "?";
}

const char *check_doc(enum check_id id)
{
	return id < NR_CHECKS ? checks[id].doc : "?";
}

const char *pass_name(enum suite_pass p)
{
	static const char *const names[] = {
		[PASS_MSRS] = "msrs", [PASS_ONE_REG] = "one-reg",
		[PASS_EMULATED] = "emulated",
		[NR_PASSES] = "deviation",
	};

	return p <= NR_PASSES ? names[p] : "?";
}

const char *entry_name(const struct msr_entry *e, char *buf, size_t len)
{
	if (e->label)
		snprintf(buf, len, "%s/%s", e->name, e->label);
	else
		snprintf(buf, len, "%s", e->name);
	return buf;
}

/*
 * Called after every write: the stream's error flag is sticky, and errno
 * still says why only right after the write that failed.
 */
static void check_written(struct report *r)
{
	if (ferror(r->out) && !r->write_errno)
		r->write_errno = errno ? errno : EIO;
}

void report_init(struct report *r, FILE *out, bool tap, bool verbose)
{
	memset(r, 0, sizeof(*r));
	r->out = out;
	r->tap = tap;
	r->verbose = verbose;
	r->oc = outcomes_new();
	if (tap)
		fprintf(out, "TAP version 13\n");
	check_written(r);
}

void report_free(struct report *r)
{
	free(r->oc);
	r->oc = NULL;
}

/* One line: prefix, then text with its control characters escaped. */
static void put_line(struct report *r, const char *prefix, const char *text)
{
	fputs(prefix, r->out);
	fputs_escaped(text, r->out);
	fputc('\n', r->out);
	check_written(r);
}

void report_skip_all(struct report *r, const char *why)
{
	put_line(r, r->tap ? "1..0 # SKIP " : "msrcheck: skipped: ", why);
	report_flush(r);
	json_out_skip(r->json, why);
}

void report_note(struct report *r, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&text, fmt, ap);
	va_end(ap);
	TEST_ASSERT(n >= 0, "out of memory formatting a note");
	put_line(r, r->tap ? "# " : "", text);
	free(text);
}

void report_flush(struct report *r)
{
	if (fflush(r->out) == EOF && !r->write_errno)
		r->write_errno = errno;
	check_written(r);
	signals_check();
}

/* "IA32_CR_PAT (0x277) vcpu0 msrs: rdmsr-reset" */
static void point_name(const struct check_result *res, char *buf,
		       size_t len)
{
	int n = 0;

	if (res->entry >= 0 && res->entry < NR_MSR_ENTRIES) {
		const struct msr_entry *e = &msr_entries[res->entry];
		char name[MSR_ENTRY_NAME_MAX + 1];

		n = snprintf(buf, len, "%s (%s0x%x) ",
			     entry_name(e, name, sizeof(name)),
			     e->kind == MSR_KIND_KVM_REG ? "KVM reg " : "",
			     e->index);
	}
	if (res->vcpu >= 0)
		n += snprintf(buf + n, len - n, "vcpu%d ", res->vcpu);
	n += snprintf(buf + n, len - n, "%s: %s", pass_name(res->pass),
		      check_name(res->check));
	if (res->feature)
		snprintf(buf + n, len - n, ": %s", res->feature);
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
	fprintf(r->out, "%s %u - ", o == OUTCOME_PASS || o == OUTCOME_SKIP ?
		"ok" : "not ok", r->points);
	fputs_escaped(name, r->out);
	fputs(detail[0] ? ": " : "", r->out);
	fputs_escaped(detail, r->out);
	if (o == OUTCOME_SKIP) {
		fputs(" # SKIP ", r->out);
		fputs_escaped(res->skip_why, r->out);
	} else if (o == OUTCOME_XFAIL) {
		fputs(" # TODO known ", r->out);
		fputs_escaped(r->oc->flavour, r->out);
		fputs(" deviation: ", r->out);
		fputs_escaped(deviations[dev].why, r->out);
	}
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
	fprintf(r->out, "%-5s ", tag[o]);
	fputs_escaped(name, r->out);
	fputs(res->detail[0] ? ": " : "", r->out);
	fputs_escaped(res->detail, r->out);
	if (o == OUTCOME_SKIP) {
		fputs(" (skipped: ", r->out);
		fputs_escaped(res->skip_why, r->out);
		fputc(')', r->out);
	}
	fputc('\n', r->out);
}

/*
 * "NAME/label (KVM reg 0xffffffff) vcpuN one-reg: ", the longest check name
 * and a feature name fit.
 */
#define POINT_NAME_MAX (MSR_ENTRY_NAME_MAX + 96)

static void print_result(struct report *r, const struct check_result *res,
			 enum outcome o, int dev)
{
	char name[POINT_NAME_MAX];

	r->points++;
	r->pass = res->pass;
	point_name(res, name, sizeof(name));
	if (r->tap)
		print_tap(r, res, o, name, dev);
	else
		print_readable(r, res, o, name);
	check_written(r);
}

void report_result(struct report *r, const struct check_result *res)
{
	int dev;
	enum outcome o = outcome_record(r->oc, res, &dev);

	print_result(r, res, o, dev);
	json_out_result(r->json, res, o, dev);
	if (o == OUTCOME_FAIL && r->drafts)
		deviation_draft_add(r->drafts, res);
}

static void print_summary(struct report *r)
{
	const struct outcomes *oc = r->oc;
	const char *c = r->tap ? "# " : "";
	unsigned int i, p, v;
	char name[MSR_ENTRY_NAME_MAX + 1];

	fprintf(r->out, "%s\n%spaths per vCPU, msrs | one-reg | emulated pass: S "
		"supported, U unsupported, P/A KVM register present/absent, - "
		"not run\n", c, c);
	fprintf(r->out, "%s%-26s %-10s %-22s %-19s %5s %5s %5s %5s\n", c,
		"entry", "index", "class", "paths", "pass", "fail", "skip",
		"xfail");
	for (i = 0; i <= NR_MSR_ENTRIES; i++) {
		const struct outcome_counts *n = &oc->per_entry[i];
		char paths[2 * GUEST_MAX_VCPUS + 2] = "";
		unsigned int len = 0;

		if (!(n->n[0] + n->n[1] + n->n[2] + n->n[3]))
			continue;
		if (i < NR_MSR_ENTRIES) {
			for (p = 0; p < NR_PASSES; p++) {
				for (v = 0; v < oc->nr_vcpus; v++)
					paths[len++] = path_letter(oc->path[p][i][v]);
				if (p + 1 < NR_PASSES)
					paths[len++] = '|';
			}
			paths[len] = '\0';
			entry_name(&msr_entries[i], name, sizeof(name));
			fprintf(r->out, "%s%-26s 0x%08x %-22s %-19s", c, name,
				msr_entries[i].index, msr_entries[i].class_name,
				paths);
		} else {
			fprintf(r->out, "%s%-26s %-10s %-22s %-19s", c,
				"(vCPU checks)", "", "", "");
		}
		fprintf(r->out, " %5u %5u %5u %5u\n", n->n[OUTCOME_PASS],
			n->n[OUTCOME_FAIL], n->n[OUTCOME_SKIP],
			n->n[OUTCOME_XFAIL]);
	}

	for (i = 0; i < nr_deviations; i++) {
		const struct deviation *d = &deviations[i];

		if (!oc->deviation_hits[i])
			continue;
		fprintf(r->out, "%sknown deviation applied (%s): %s %s: wanted "
			"0x%llx, got 0x%llx, %u times: %s\n", c, d->flavour,
			d->feature ? d->feature :
			entry_name(&msr_entries[d->entry], name, sizeof(name)),
			check_name(d->check), (unsigned long long)d->want,
			(unsigned long long)d->got, oc->deviation_hits[i],
			d->why);
	}
	fprintf(r->out, "%s%s: %u passed, %u failed, %u skipped, %u expected "
		"failures (known deviations)\n", c,
		oc->total.n[OUTCOME_FAIL] ? "FAIL" : "PASS",
		oc->total.n[OUTCOME_PASS], oc->total.n[OUTCOME_FAIL],
		oc->total.n[OUTCOME_SKIP], oc->total.n[OUTCOME_XFAIL]);
}

int report_finish(struct report *r)
{
	struct check_result res;
	unsigned int i = 0, dev;

	while (outcome_next_stale(r->oc, &i, &res))
		report_result(r, &res);
	for (i = 0; outcome_next_confirmed(r->oc, &i, &dev);)
		report_note(r, "known deviation %u of registry/deviations.toml "
			    "(%s) was only predicted for %s hosts and happened "
			    "here: add \"%s\" to its measured_on",
			    dev + 1, check_name(deviations[dev].check),
			    vendor_name(r->oc->vendor),
			    vendor_info[r->oc->vendor].name);
	if (r->tap)
		fprintf(r->out, "1..%u\n", r->points);
	print_summary(r);
	if (r->drafts)
		deviation_draft_print(r->drafts, r->out, r->oc->flavour,
				      r->oc->vendor);
	check_written(r);
	if (fflush(r->out) == EOF && !r->write_errno)
		r->write_errno = errno;
	if (r->write_errno)
		return 2;
	return r->oc->total.n[OUTCOME_FAIL] ? 1 : 0;
}

static const char *signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" :
	       "a signal";
}

void report_interrupted(struct report *r, int sig)
{
	const struct outcome_counts *t = &r->oc->total;
	char how[256];

	if (r->points)
		snprintf(how, sizeof(how), "interrupted by %s during the %s "
			 "pass, after %u checks: %u passed, %u failed, %u "
			 "skipped, %u expected failures", signal_name(sig),
			 pass_name(r->pass), r->points, t->n[OUTCOME_PASS],
			 t->n[OUTCOME_FAIL], t->n[OUTCOME_SKIP],
			 t->n[OUTCOME_XFAIL]);
	else
		snprintf(how, sizeof(how), "interrupted by %s before the "
			 "first check", signal_name(sig));
	if (r->tap) {
		fprintf(r->out, "# %s\nBail out! interrupted by %s\n", how,
			signal_name(sig));
	} else {
		fprintf(r->out, "msrcheck: %s\n", how);
	}
	check_written(r);
	if (fflush(r->out) == EOF && !r->write_errno)
		r->write_errno = errno;
}
