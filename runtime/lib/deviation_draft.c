// SPDX-License-Identifier: MIT
/* Drafts of deviations.toml entries (see deviation_draft.h). */
#include <stdlib.h>
#include <string.h>

#include "deviation_draft.h"
#include "outcome.h"
#include "test_assert.h"

static bool same_deviation(const struct check_result *a,
			   const struct check_result *b)
{
	bool about = a->feature || b->feature ?
		     a->feature && b->feature && !strcmp(a->feature, b->feature) :
		     a->entry == b->entry;

	return about && a->check == b->check && a->want == b->want &&
	       a->got == b->got && a->got_fault == b->got_fault;
}

void deviation_draft_add(struct deviation_drafts *d,
			 const struct check_result *res)
{
	unsigned int i;

	if (!outcome_matchable(res))
		return;
	for (i = 0; i < d->n; i++) {
		if (same_deviation(&d->v[i], res))
			return;
	}
	xgrow(&d->v, &d->cap, d->n + 1, sizeof(d->v[0]));
	d->v[d->n++] = *res;
}

void toml_u64(FILE *out, uint64_t v)
{
	fprintf(out, "0x%04llx_%04llx_%04llx_%04llx",
		(unsigned long long)(v >> 48) & 0xffff,
		(unsigned long long)(v >> 32) & 0xffff,
		(unsigned long long)(v >> 16) & 0xffff,
		(unsigned long long)v & 0xffff);
}

/* The inside of a TOML basic string. */
static void toml_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if ((unsigned char)*s >= 0x20)
			fputc(*s, out);
	}
}

void deviation_draft_print(const struct deviation_drafts *d, FILE *out,
			   const char *flavour, enum vendor vendor)
{
	const char *vname = vendor < NR_VENDORS ? vendor_info[vendor].name :
			    "other";
	unsigned int i;

	if (!d->n)
		return;
	fprintf(out, "\n# Drafts for registry/deviations.toml: %u unexpected "
		"failures.  Keep only the\n# ones you have understood, say why "
		"in each, and widen `vendors` and\n# `measured_on` only to "
		"hosts you have run it on.\n", d->n);
	for (i = 0; i < d->n; i++) {
		const struct check_result *r = &d->v[i];

		fprintf(out, "\n[[deviation]]\nflavour = \"%s\"\n", flavour);
		fprintf(out, "vendors = [\"%s\"]\nmeasured_on = [\"%s\"]\n",
			vname, vname);
		if (r->feature) {
			fprintf(out, "feature = \"%s\"\n", r->feature);
		} else {
			const struct msr_entry *e = &msr_entries[r->entry];

			fprintf(out, "entry = \"%s\"\n", e->name);
			if (e->label)
				fprintf(out, "label = \"%s\"\n", e->label);
		}
		fprintf(out, "check = \"%s\"\nwant = ", check_name(r->check));
		toml_u64(out, r->want);
		fputs("\ngot = ", out);
		toml_u64(out, r->got);
		fputc('\n', out);
		if (r->got_fault)
			fputs("got_fault = true\n", out);
		fputs("why = \"TODO: ", out);
		toml_text(out, r->detail);
		fputs("\"\n", out);
	}
}

void deviation_draft_free(struct deviation_drafts *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}
