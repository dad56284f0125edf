// SPDX-License-Identifier: MIT
/* The registry against the lists KVM reports (see coverage.h). */
#include <stdlib.h>

#include "coverage.h"
#include "result.h"
#include "test_assert.h"

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct coverage_row *coverage_rows(const struct kvm_host *h, unsigned int *n)
{
	unsigned int total = h->nr_msrs + h->nr_feature_msrs, i, k, e;
	uint32_t *all = xzalloc((total + 1) * sizeof(*all));
	struct coverage_row *rows = xzalloc((total + 1) * sizeof(*rows));

	for (i = 0; i < h->nr_msrs; i++)
		all[i] = h->msr_list[i];
	for (i = 0; i < h->nr_feature_msrs; i++)
		all[h->nr_msrs + i] = h->feature_msrs[i];
	qsort(all, total, sizeof(*all), cmp_u32);

	for (i = 0, k = 0; i < total; i++) {
		struct coverage_row *r = &rows[k];

		if (i && all[i] == all[i - 1])
			continue;
		*r = (struct coverage_row){
			.index = all[i],
			.save_list = kvm_host_lists_msr(h, all[i]),
			.feature_list = kvm_host_lists_feature_msr(h, all[i]),
			.first_entry = -1,
		};
		for (e = 0; e < NR_MSR_ENTRIES; e++) {
			if (msr_entries[e].kind != MSR_KIND_MSR ||
			    msr_entries[e].index != all[i])
				continue;
			if (r->first_entry < 0)
				r->first_entry = e;
			r->nr_entries++;
		}
		for (e = 0; e < nr_msr_not_tested; e++) {
			if (msr_not_tested[e].index == all[i])
				r->not_tested = &msr_not_tested[e];
		}
		k++;
	}
	free(all);
	*n = k;
	return rows;
}

void coverage_print(FILE *out, const char *prefix,
		    const struct coverage_row *rows, unsigned int n)
{
	unsigned int i, tested = 0;
	char name[MSR_ENTRY_NAME_MAX + 1];

	for (i = 0; i < n; i++) {
		const struct coverage_row *r = &rows[i];
		const char *lists = r->save_list && r->feature_list ?
				    "save+feature" : r->save_list ? "save" :
				    "feature";

		fprintf(out, "%s0x%08x %-12s ", prefix, r->index, lists);
		if (r->nr_entries) {
			tested++;
			entry_name(&msr_entries[r->first_entry], name,
				   sizeof(name));
			if (r->nr_entries > 1)
				fprintf(out, "tested: %s and %u more\n", name,
					r->nr_entries - 1);
			else
				fprintf(out, "tested: %s\n", name);
		} else if (r->not_tested) {
			fprintf(out, "not tested: %s: %s\n",
				r->not_tested->name, r->not_tested->why);
		} else {
			fprintf(out, "NOT IN THE REGISTRY: add an entry or a "
				"[[not_tested]] row with the reason\n");
		}
	}
	fprintf(out, "%s%u of %u listed MSRs tested\n", prefix, tested, n);
}
