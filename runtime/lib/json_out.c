// SPDX-License-Identifier: MIT
/* The --json document (see json_out.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "deviations.h"
#include "escape.h"
#include "json_out.h"
#include "suite.h"
#include "test_assert.h"
#include "x86.h"

#ifndef MSRCHECK_VERSION
#define MSRCHECK_VERSION "unknown"
#endif

/* The document's format, and the version of its layout (the schema's). */

struct json_out {
	FILE *f;
	char *path;
	bool in_results;	/* "results": [ is open */
};

/*
 * The length of the UTF-8 sequence at p (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or 0 if it is not one.
 */
static unsigned int utf8_len(const unsigned char *p)
{
	/* The range of the second byte, by lead byte; the rest 80..bf. */
	unsigned char lo = 0x80, hi = 0xbf;
	unsigned int n, i;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	}
	return n;
}

void json_put_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int n;

	fputc('"', f);
	while (*p) {
		if (*p >= 0x80) {
			n = utf8_len(p);
			if (n)
				fwrite(p, 1, n, f);
			else
				fputs("\\ufffd", f);
			p += n ? n : 1;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
		p++;
	}
	fputc('"', f);
}

/* "key": "value" (or null), with a leading comma unless first. */
static void put_str(struct json_out *j, bool first, const char *key,
		    const char *val)
{
	fprintf(j->f, "%s\"%s\": ", first ? "" : ", ", key);
	if (val)
		json_put_string(j->f, val);
	else
		fputs("null", j->f);
}

static void put_bool(struct json_out *j, const char *key, bool val)
{
	fprintf(j->f, ", \"%s\": %s", key, val ? "true" : "false");
}

struct json_out *json_out_open(const char *path, char *why, size_t why_len)
{
	struct json_out *j;
	FILE *f = fopen(path, "w");
	char esc[256];

	if (!f) {
		snprintf(why, why_len, "--json: cannot create %s: %s",
			 text_escape(path, esc, sizeof(esc)), strerror(errno));
		return NULL;
	}
	j = xzalloc(sizeof(*j));
	j->f = f;
	j->path = strdup(path);
	fprintf(f, "{\"format\": \"%s\", \"version\": %d, ", JSON_FORMAT,
		JSON_VERSION);
	put_str(j, true, "msrcheck", MSRCHECK_VERSION);
	fputc('\n', f);
	return j;
}

static void put_kernel(struct json_out *j)
{
	struct utsname u;

	if (uname(&u)) {
		fputs("\"kernel\": null", j->f);
		return;
	}
	fputs("\"kernel\": {", j->f);
	put_str(j, true, "sysname", u.sysname);
	put_str(j, false, "release", u.release);
	put_str(j, false, "version", u.version);
	put_str(j, false, "machine", u.machine);
	fputc('}', j->f);
}

static void put_features(struct json_out *j, const char *key,
			 struct feature_set m)
{
	unsigned int f, n = 0;

	fprintf(j->f, ", \"%s\": [", key);
	for (f = 0; f < NR_FEATURES; f++) {
		if (fs_has(m, f))
			fprintf(j->f, "%s\"%s\"", n++ ? ", " : "",
				msr_features[f].name);
	}
	fputc(']', j->f);
}

void json_out_host(struct json_out *j, const struct kvm_host *h,
		   const char *flavour)
{
	unsigned int i;

	if (!j)
		return;
	fputs(", \"host\": {", j->f);
	put_kernel(j);
	put_str(j, false, "device", h->device);
	fprintf(j->f, ", \"api_version\": %d", h->api_version);
	put_str(j, false, "flavour", flavour);
	put_str(j, false, "module", h->flavour);
	put_str(j, false, "vendor", vendor_name(h->vendor));
	fputs(", \"caps\": {", j->f);
	for (i = 0; i < NR_CAPS; i++)
		fprintf(j->f, "%s\"%s\": %s", i ? ", " : "", kvm_cap_name(i),
			h->caps[i] ? "true" : "false");
	put_bool(j, "MCE", h->has_mce);
	put_bool(j, "ENFORCE_PV_FEATURE_CPUID", h->has_enforce_pv);
	put_bool(j, "LA57", h->la57);
	fputc('}', j->f);
	put_bool(j, "ignore_msrs", h->ignore_msrs);
	put_bool(j, "force_emulation_prefix", h->force_emulation);
	put_features(j, "features", h->features);
	fprintf(j->f, ", \"msrs_listed\": %u, \"feature_msrs_listed\": %u",
		h->nr_msrs, h->nr_feature_msrs);
	fputs(", \"vcpus\": [", j->f);
	for (i = 0; i < SUITE_NR_VCPUS; i++) {
		fprintf(j->f, "%s{\"id\": %u, ", i ? ", " : "", i);
		put_str(j, true, "config", suite_vcpus[i].name);
		fputc('}', j->f);
	}
	fputs("]}\n", j->f);
}

void json_out_skip(struct json_out *j, const char *why)
{
	if (!j)
		return;
	put_str(j, false, "skipped", why);
	fputc('\n', j->f);
}

static void put_hex(struct json_out *j, const char *key, bool has,
		    unsigned long long v, int width)
{
	if (has)
		fprintf(j->f, ", \"%s\": \"0x%0*llx\"", key, width, v);
	else
		fprintf(j->f, ", \"%s\": null", key);
}

static const char *status_name(enum outcome o)
{
	static const char *const names[NR_OUTCOMES] = {
		[OUTCOME_PASS] = "pass", [OUTCOME_FAIL] = "fail",
		[OUTCOME_SKIP] = "skip", [OUTCOME_XFAIL] = "xfail",
	};

	return o < NR_OUTCOMES ? names[o] : "fail";
}

void json_out_result(struct json_out *j, const struct check_result *res,
		     enum outcome o, int dev)
{
	const struct msr_entry *e = res->entry >= 0 &&
				    res->entry < NR_MSR_ENTRIES ?
				    &msr_entries[res->entry] : NULL;
	char name[MSR_ENTRY_NAME_MAX + 1];

	if (!j)
		return;
	fputs(j->in_results ? ",\n" : ", \"results\": [\n", j->f);
	j->in_results = true;
	fputc('{', j->f);
	put_str(j, true, "entry", e ? entry_name(e, name, sizeof(name)) : NULL);
	put_str(j, false, "kind", e ? msr_kind_names[e->kind] : NULL);
	put_hex(j, "index", e || res->has_msr, e ? e->index : res->msr, 8);
	if (res->vcpu >= 0)
		fprintf(j->f, ", \"vcpu\": %d", res->vcpu);
	else
		fputs(", \"vcpu\": null", j->f);
	put_str(j, false, "pass", pass_name(res->pass));
	put_str(j, false, "check", check_name(res->check));
	put_str(j, false, "feature", res->feature);
	put_str(j, false, "status", status_name(o));
	put_hex(j, "want", res->comparable, res->want, 16);
	put_hex(j, "got", res->comparable, res->got, 16);
	put_bool(j, "got_fault", res->comparable && res->got_fault);
	put_str(j, false, "message", o == OUTCOME_SKIP && !res->detail[0] ?
		res->skip_why : res->detail);
	if (dev >= 0) {
		fprintf(j->f, ", \"deviation\": {\"row\": %d, ", dev + 1);
		put_str(j, true, "flavour", deviations[dev].flavour);
		put_str(j, false, "why", deviations[dev].why);
		fputc('}', j->f);
	} else {
		fputs(", \"deviation\": null", j->f);
	}
	fputc('}', j->f);
}

int json_out_close(struct json_out *j, const struct outcomes *oc, int status)
{
	static const struct outcome_counts none;
	const struct outcome_counts *t = oc ? &oc->total : &none;
	char esc[256];
	int err = 0;

	if (!j)
		return status;
	fputs(j->in_results ? "\n]" : ", \"results\": []", j->f);
	fprintf(j->f, ",\n\"totals\": {\"pass\": %u, \"fail\": %u, \"skip\": "
		"%u, \"xfail\": %u},\n\"exit_status\": %d}\n",
		t->n[OUTCOME_PASS], t->n[OUTCOME_FAIL], t->n[OUTCOME_SKIP],
		t->n[OUTCOME_XFAIL], status);
	if (ferror(j->f))
		err = errno ? errno : EIO;
	if (fclose(j->f) && !err)
		err = errno ? errno : EIO;
	if (err) {
		fprintf(stderr, "msrcheck: error: --json: cannot write %s: "
			"%s\n", text_escape(j->path, esc, sizeof(esc)),
			strerror(err));
		status = 2;
	}
	free(j->path);
	free(j);
	return status;
}
