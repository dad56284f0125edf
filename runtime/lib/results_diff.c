// SPDX-License-Identifier: MIT
/* Comparing two --json documents (see results_diff.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "json_out.h"
#include "json_read.h"
#include "results_diff.h"
#include "test_assert.h"

/* Larger than any run's document (a full run writes about 2 MB). */
#define MAX_DOCUMENT (256u << 20)

#define DIFF_USAGE							\
"usage: msrcheck diff A.json B.json\n"					\
"Compares two msrcheck --json documents and prints, grouped by entry,\n" \
"the checks whose status or got value differ and those only one has.\n" \
"Exit status: 0 no difference, 1 differences, 2 error.\n"

/* One result of a document, as diff needs it. */
struct record {
	const char *entry;	/* NULL: not about an entry */
	const char *index, *pass, *check, *feature, *status, *got, *message;
	int vcpu;		/* -1: not about one vCPU */
	bool got_fault;
	unsigned int pos;	/* in the document's results */
	unsigned int ord;	/* occurrence among records of its key */
	char *key;
};

struct run {
	const char *path;
	char *text;
	struct json_value *doc;
	const char *kernel, *flavour, *vendor;
	struct record *recs;
	unsigned int n;
	unsigned int *by_key;	/* positions, sorted by (key, pos) */
};

/* A check whose status or got value differs, or that one run lacks. */
struct difference {
	const struct record *a, *b;
	unsigned int group;	/* the entry's first place: A's, then B's */
	unsigned int pos;
};

static int error(const struct run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int error(const struct run *r, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "msrcheck diff: %s: ", r->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static int read_file(struct run *r, size_t *len)
{
	FILE *f = fopen(r->path, "rb");
	size_t n = 0, cap = 0;

	if (!f)
		return error(r, "%s", strerror(errno));
	for (;;) {
		size_t got;

		if (n == cap) {
			if (cap >= MAX_DOCUMENT) {
				fclose(f);
				return error(r, "larger than %s", "256 MiB");
			}
			cap = cap ? 2 * cap : 1 << 16;
			r->text = realloc(r->text, cap);
			TEST_ASSERT(r->text, "out of memory");
		}
		got = fread(r->text + n, 1, cap - n, f);
		n += got;
		if (got)
			continue;
		if (ferror(f)) {
			fclose(f);
			return error(r, "%s", strerror(errno ? errno : EIO));
		}
		break;
	}
	fclose(f);
	*len = n;
	return 0;
}

/* A member of type type (or null, if may_be_null); -1 if it is not. */
static int member(const struct run *r, const struct json_value *obj,
		  const char *key, enum json_type type, bool may_be_null,
		  const struct json_value **out)
{
	static const char *const names[] = {
		[JSON_NULL] = "null", [JSON_BOOL] = "a boolean",
		[JSON_NUMBER] = "a number", [JSON_STRING] = "a string",
		[JSON_ARRAY] = "an array", [JSON_OBJECT] = "an object",
	};
	const struct json_value *v = json_get(obj, key);
	char what[96];

	*out = v;
	if (v && (v->type == type || (may_be_null && v->type == JSON_NULL)))
		return 0;
	snprintf(what, sizeof(what), "\"%s\" is %s, want %s%s", key,
		 v ? names[v->type] : "missing", names[type],
		 may_be_null ? " or null" : "");
	return error(r, "%s", what);
}

static int string_member(const struct run *r, const struct json_value *obj,
			 const char *key, bool may_be_null, const char **out)
{
	const struct json_value *v;

	if (member(r, obj, key, JSON_STRING, may_be_null, &v))
		return -1;
	*out = v->type == JSON_STRING ? v->string : NULL;
	return 0;
}

static int load_record(struct run *r, const struct json_value *v,
		       struct record *rec)
{
	const struct json_value *vcpu, *fault;

	if (v->type != JSON_OBJECT)
		return error(r, "a result is %s", "not an object");
	if (string_member(r, v, "entry", true, &rec->entry) ||
	    string_member(r, v, "index", true, &rec->index) ||
	    member(r, v, "vcpu", JSON_NUMBER, true, &vcpu) ||
	    string_member(r, v, "pass", false, &rec->pass) ||
	    string_member(r, v, "check", false, &rec->check) ||
	    string_member(r, v, "feature", true, &rec->feature) ||
	    string_member(r, v, "status", false, &rec->status) ||
	    string_member(r, v, "got", true, &rec->got) ||
	    member(r, v, "got_fault", JSON_BOOL, false, &fault) ||
	    string_member(r, v, "message", false, &rec->message))
		return -1;
	if (vcpu->type == JSON_NUMBER &&
	    (vcpu->number < 0 || vcpu->number > 255 ||
	     vcpu->number != (int)vcpu->number))
		return error(r, "\"vcpu\" is %s, want 0 to 255",
			     "another number");
	rec->vcpu = vcpu->type == JSON_NUMBER ? (int)vcpu->number : -1;
	rec->got_fault = fault->boolean;
	if (asprintf(&rec->key, "%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%s",
		     rec->entry ? rec->entry : "", rec->index ? rec->index : "",
		     rec->vcpu, rec->pass, rec->check,
		     rec->feature ? rec->feature : "") < 0)
		TEST_FAIL("out of memory");
	return 0;
}

static int by_key(const void *x, const void *y, void *opaque)
{
	const struct run *r = opaque;
	const struct record *a = &r->recs[*(const unsigned int *)x];
	const struct record *b = &r->recs[*(const unsigned int *)y];
	int c = strcmp(a->key, b->key);

	return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

/* The key order, and each record's occurrence among its key's. */
static void sort_records(struct run *r)
{
	unsigned int i;

	r->by_key = xzalloc((r->n + 1) * sizeof(r->by_key[0]));
	for (i = 0; i < r->n; i++)
		r->by_key[i] = i;
	qsort_r(r->by_key, r->n, sizeof(r->by_key[0]), by_key, r);
	for (i = 1; i < r->n; i++) {
		struct record *prev = &r->recs[r->by_key[i - 1]];
		struct record *cur = &r->recs[r->by_key[i]];

		if (!strcmp(prev->key, cur->key))
			cur->ord = prev->ord + 1;
	}
}

static void load_host(struct run *r)
{
	const struct json_value *host = json_get(r->doc, "host");
	const struct json_value *kernel = json_get(host, "kernel");
	const struct json_value *v;

	/* A skipped run has no host facts: they are only for the header. */
	v = json_get(kernel, "release");
	r->kernel = v && v->type == JSON_STRING ? v->string : "?";
	v = json_get(host, "flavour");
	r->flavour = v && v->type == JSON_STRING ? v->string : "?";
	v = json_get(host, "vendor");
	r->vendor = v && v->type == JSON_STRING ? v->string : "?";
}

static int load(struct run *r)
{
	const struct json_value *v, *results;
	char err[128];
	size_t len = 0;
	unsigned int i;

	if (read_file(r, &len))
		return -1;
	r->doc = json_parse(r->text, len, err, sizeof(err));
	if (!r->doc)
		return error(r, "not JSON: %s", err);
	if (r->doc->type != JSON_OBJECT ||
	    !(v = json_get(r->doc, "format")) || v->type != JSON_STRING ||
	    strcmp(v->string, JSON_FORMAT))
		return error(r, "not an msrcheck --json document (%s)",
			     "no \"format\": \"" JSON_FORMAT "\"");
	v = json_get(r->doc, "version");
	if (!v || v->type != JSON_NUMBER || v->number != JSON_VERSION)
		return error(r, "an msrcheck results document of another "
			     "version (this msrcheck reads version %d)",
			     JSON_VERSION);
	if (member(r, r->doc, "results", JSON_ARRAY, false, &results))
		return -1;
	r->n = results->n;
	r->recs = xzalloc((r->n + 1) * sizeof(r->recs[0]));
	for (i = 0; i < r->n; i++) {
		r->recs[i].pos = i;
		if (load_record(r, &results->items[i], &r->recs[i])) {
			fprintf(stderr, "msrcheck diff: %s: in results[%u]\n",
				r->path, i);
			return -1;
		}
	}
	sort_records(r);
	load_host(r);
	return 0;
}

static void unload(struct run *r)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		free(r->recs[i].key);
	free(r->recs);
	free(r->by_key);
	json_free(r->doc);
	free(r->text);
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static bool differs(const struct record *a, const struct record *b)
{
	return !a || !b || strcmp(a->status, b->status) ||
	       cmp_str(a->got, b->got) || a->got_fault != b->got_fault;
}

/* Where the entry of rec first appears: A's results, then B's. */
static unsigned int group_of(const struct run *a, const struct run *b,
			     const struct record *rec)
{
	unsigned int i;

	for (i = 0; i < a->n; i++) {
		if (!cmp_str(a->recs[i].entry, rec->entry))
			return i;
	}
	for (i = 0; i < b->n; i++) {
		if (!cmp_str(b->recs[i].entry, rec->entry))
			return a->n + i;
	}
	return a->n + b->n;
}

/* Pairs the records of A and B by (key, occurrence); keeps differences. */
static unsigned int compare(const struct run *a, const struct run *b,
			    struct difference **out)
{
	unsigned int i = 0, j = 0, n = 0, cap = 0;
	struct difference *d = NULL;

	while (i < a->n || j < b->n) {
		const struct record *x = NULL, *y = NULL;
		int c;

		if (i < a->n)
			x = &a->recs[a->by_key[i]];
		if (j < b->n)
			y = &b->recs[b->by_key[j]];
		c = !x ? 1 : !y ? -1 : strcmp(x->key, y->key);

		if (!c)
			c = (x->ord > y->ord) - (x->ord < y->ord);
		if (c < 0)
			y = NULL;
		else if (c > 0)
			x = NULL;
		i += x != NULL;
		j += y != NULL;
		if (!differs(x, y))
			continue;
		xgrow(&d, &cap, n + 1, sizeof(d[0]));
		d[n++] = (struct difference){
			.a = x, .b = y,
			.group = group_of(a, b, x ? x : y),
			.pos = x ? x->pos : a->n + y->pos,
		};
	}
	*out = d;
	return n;
}

static int by_place(const void *x, const void *y)
{
	const struct difference *a = x, *b = y;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Text from a document: its control characters escaped, one line. */
static void put_text(const char *s)
{
	fputs_escaped(s, stdout);
}

static void put_side(const char *side, const struct record *r)
{
	printf("    %s: ", side);
	put_text(r->message[0] ? r->message : r->status);
	putchar('\n');
}

static void print_difference(const struct difference *d)
{
	const struct record *r = d->a ? d->a : d->b;

	printf("  ");
	if (r->vcpu >= 0)
		printf("vcpu%d ", r->vcpu);
	put_text(r->pass);
	putchar(' ');
	put_text(r->check);
	if (!r->entry && r->index) {
		printf(" MSR ");
		put_text(r->index);
	}
	if (r->feature) {
		putchar(' ');
		put_text(r->feature);
	}
	printf(": ");
	if (!d->a || !d->b) {
		printf("only in %s (", d->a ? "A" : "B");
		put_text(r->status);
		printf(")\n");
		put_side(d->a ? "A" : "B", r);
		return;
	}
	put_text(d->a->status);
	if (strcmp(d->a->status, d->b->status)) {
		printf(" -> ");
		put_text(d->b->status);
	}
	if (cmp_str(d->a->got, d->b->got)) {
		printf(", got ");
		put_text(d->a->got ? d->a->got : "nothing");
		printf(" -> ");
		put_text(d->b->got ? d->b->got : "nothing");
	}
	putchar('\n');
	put_side("A", d->a);
	put_side("B", d->b);
}

static void print_run(const char *side, const struct run *r)
{
	printf("%s: ", side);
	put_text(r->path);
	printf(" (kernel ");
	put_text(r->kernel);
	printf(", ");
	put_text(r->flavour);
	printf(", ");
	put_text(r->vendor);
	printf(")\n");
}

static void print_differences(const struct run *a, const struct run *b,
			      struct difference *d, unsigned int n)
{
	unsigned int i;

	qsort(d, n, sizeof(d[0]), by_place);
	print_run("A", a);
	print_run("B", b);
	for (i = 0; i < n; i++) {
		const struct record *r = d[i].a ? d[i].a : d[i].b;

		if (!i || d[i].group != d[i - 1].group) {
			putchar('\n');
			if (r->entry) {
				put_text(r->entry);
				if (r->index) {
					printf(" (");
					put_text(r->index);
					putchar(')');
				}
			} else {
				printf("(vCPU checks)");
			}
			putchar('\n');
		}
		print_difference(&d[i]);
	}
	printf("\n%u check%s differ%s (A has %u results, B %u)\n", n,
	       n == 1 ? "" : "s", n == 1 ? "s" : "", a->n, b->n);
}

int results_diff_main(int argc, char **argv)
{
	struct run a = { 0 }, b = { 0 };
	struct difference *d = NULL;
	unsigned int n;
	int ret = 2;

	if (argc == 2 && (!strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "--help"))) {
		fputs(DIFF_USAGE, stdout);
		return 0;
	}
	if (argc != 3) {
		fputs("msrcheck diff: error: want two files, A.json and "
		      "B.json (see msrcheck diff --help)\n", stderr);
		return 2;
	}
	a.path = argv[1];
	b.path = argv[2];
	if (!load(&a) && !load(&b)) {
		n = compare(&a, &b, &d);
		if (n)
			print_differences(&a, &b, d, n);
		ret = n ? 1 : 0;
	}
	free(d);
	unload(&a);
	unload(&b);
	return ret;
}
