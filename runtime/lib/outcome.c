// SPDX-License-Identifier: MIT
/* Result policy: deviations, stale deviations, counts (see outcome.h). */
#include <stdio.h>
#include <string.h>

#include "deviations.h"
#include "outcome.h"
#include "test_assert.h"

struct outcomes *outcomes_new(void)
{
	struct outcomes *oc = xzalloc(sizeof(*oc) + (nr_deviations + 1) *
				      sizeof(oc->deviation_hits[0]));

	oc->flavour = "unknown";
	return oc;
}

/* The deviation is about this host: its KVM flavour and CPU vendor. */
static bool deviation_applies(const struct outcomes *oc,
			      const struct deviation *d)
{
	return !strcmp(d->flavour, oc->flavour) &&
	       (!d->vendors || (d->vendors & VENDOR_BIT(oc->vendor)));
}

bool outcome_matchable(const struct check_result *res)
{
	bool about_entry = res->entry >= 0 && res->entry < NR_MSR_ENTRIES;

	return res->comparable && res->pass != NR_PASSES &&
	       (about_entry || res->feature);
}

static int find_deviation(const struct outcomes *oc,
			  const struct check_result *res)
{
	unsigned int i;

	if (!outcome_matchable(res))
		return -1;
	for (i = 0; i < nr_deviations; i++) {
		const struct deviation *d = &deviations[i];
		bool about = d->feature ?
			     res->feature && !strcmp(d->feature, res->feature) :
			     d->entry == (uint32_t)res->entry;

		if (deviation_applies(oc, d) && about && d->check == res->check &&
		    d->want == res->want && d->got == res->got &&
		    d->got_fault == res->got_fault)
			return i;
	}
	return -1;
}

enum outcome outcome_record(struct outcomes *oc,
			    const struct check_result *res, int *dev)
{
	enum outcome o;
	unsigned int entry = res->entry <= REPORT_NO_ENTRY && res->entry >= 0 ?
			     (unsigned int)res->entry : REPORT_NO_ENTRY;

	*dev = -1;
	if (res->status == RESULT_SKIP) {
		o = OUTCOME_SKIP;
	} else if (res->status == RESULT_PASS) {
		o = OUTCOME_PASS;
	} else {
		*dev = find_deviation(oc, res);
		o = *dev >= 0 ? OUTCOME_XFAIL : OUTCOME_FAIL;
		if (*dev >= 0)
			oc->deviation_hits[*dev]++;
	}
	oc->total.n[o]++;
	oc->per_entry[entry].n[o]++;
	if (o == OUTCOME_FAIL && res->check < NR_CHECKS)
		oc->fails[entry][res->check]++;
	return o;
}

/* It was measured on this host's vendor, so it must happen here. */
static bool deviation_required(const struct outcomes *oc,
			       const struct deviation *d)
{
	return deviation_applies(oc, d) &&
	       (d->measured_on & VENDOR_BIT(oc->vendor));
}

/*
 * A deviation measured on this host's vendor whose entry ran but which
 * never matched a failure no longer happens: a failure, so the file cannot
 * rot.  One only predicted for this vendor may stay away.
 */
bool outcome_next_stale(const struct outcomes *oc, unsigned int *i,
			struct check_result *res)
{
	for (; *i < nr_deviations; (*i)++) {
		const struct deviation *d = &deviations[*i];

		if (!deviation_required(oc, d) || oc->deviation_hits[*i] ||
		    (!d->feature && !oc->selected[d->entry]))
			continue;
		/* About the file, not one pass: never matched to itself. */
		*res = (struct check_result){
			.entry = d->entry,
			.vcpu = -1,
			.pass = NR_PASSES,
			.check = d->check,
			.feature = d->feature,
			.status = RESULT_FAIL,
		};
		snprintf(res->detail, sizeof(res->detail),
			 "known deviation (%s, wanted 0x%llx, got 0x%llx) no "
			 "longer happens: remove it from registry/deviations.toml",
			 d->flavour, (unsigned long long)d->want,
			 (unsigned long long)d->got);
		(*i)++;
		return true;
	}
	return false;
}

bool outcome_next_confirmed(const struct outcomes *oc, unsigned int *i,
			    unsigned int *dev)
{
	for (; *i < nr_deviations; (*i)++) {
		if (deviation_applies(oc, &deviations[*i]) &&
		    !deviation_required(oc, &deviations[*i]) &&
		    oc->deviation_hits[*i]) {
			*dev = (*i)++;
			return true;
		}
	}
	return false;
}

void outcome_set_path(struct outcomes *oc, enum suite_pass pass,
		      unsigned int entry, unsigned int vcpu,
		      enum entry_path path)
{
	if (pass < NR_PASSES && entry < NR_MSR_ENTRIES &&
	    vcpu < GUEST_MAX_VCPUS)
		oc->path[pass][entry][vcpu] = path;
}

char path_letter(enum entry_path p)
{
	static const char letters[] = {
		[PATH_NOT_RUN] = '-', [PATH_SUPPORTED] = 'S',
		[PATH_UNSUPPORTED] = 'U', [PATH_REG_PRESENT] = 'P',
		[PATH_REG_ABSENT] = 'A',
	};

	return p < sizeof(letters) ? letters[p] : '?';
}
