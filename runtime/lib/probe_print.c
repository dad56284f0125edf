// SPDX-License-Identifier: MIT
/*
 * A probe as text (see probe.h): the host's facts and lists, then one
 * block per vCPU with one line per access, the operation on the left and
 * what it gave on the right, two spaces or more between them.
 */

#include "probe.h"

/* "ok", or how the write failed. */
static const char *write_result(const struct probe_access *a, bool guest,
				char *buf, size_t len)
{
	if (probe_ok(a))
		return "ok";
	return probe_result(a, guest, buf, len);
}

static void print_read(FILE *out, const char *what,
		       const struct probe_access *a, bool guest)
{
	char buf[32];

	fprintf(out, "  %-36s  %s\n", what, probe_result(a, guest, buf,
							 sizeof(buf)));
}

/* One path: its read, then each write with the read after it. */
static void print_path(FILE *out, const struct probe *p,
		       const struct probe_path *path, const char *get,
		       const char *set, bool guest)
{
	unsigned int i;
	char what[64], wb[32], rb[32];

	print_read(out, get, &path->read, guest);
	for (i = 0; i <= p->opts.nr_writes; i++) {
		const struct probe_write *w = &path->writes[i];

		snprintf(what, sizeof(what), "%s 0x%016llx", set,
			 (unsigned long long)w->value);
		fprintf(out, "  %-36s  %s; %s then %s\n", what,
			write_result(&w->write, guest, wb, sizeof(wb)), get,
			probe_result(&w->read, guest, rb, sizeof(rb)));
	}
}

/* lead and the features of m, if it has any. */
static void print_feature_group(FILE *out, const char *lead,
				struct feature_set m)
{
	unsigned int f, n = 0;

	for (f = 0; f < NR_FEATURES; f++) {
		if (fs_has(m, f))
			fprintf(out, "%s %s", n++ ? "" : lead,
				msr_features[f].name);
	}
}

/* Which of the registry's features for this index the vCPU has. */
static void print_features(FILE *out, struct feature_set mine,
			   struct feature_set of_entries)
{
	print_feature_group(out, "; has", fs_and(of_entries, mine));
	print_feature_group(out, "; lacks", fs_minus(of_entries, mine));
}

static void print_header(FILE *out, const struct probe *p,
			 struct feature_set *feats)
{
	char buf[32];

	fprintf(out, "MSR 0x%x: ", p->opts.index);
	if (!probe_print_entries(out, p->opts.index, "in the registry as ",
				 feats))
		fputs("not in the registry", out);
	fputc('\n', out);
	fprintf(out, "host: %s, KVM API %d, flavour %s, vendor %s, kernel %s, "
		"ONE_REG %s, ignore_msrs %s\n", p->device, p->api_version,
		p->flavour, vendor_name(p->vendor), p->kernel,
		p->one_reg ? "yes" : "no", p->ignore_msrs ? "Y" : "N");
	fprintf(out, "KVM_GET_MSR_INDEX_LIST (save/restore): %s\n",
		p->listed ? "listed" : "not listed");
	fprintf(out, "KVM_GET_MSR_FEATURE_INDEX_LIST: %s", p->feature_listed ?
		"listed, KVM's value " : "not listed\n");
	if (p->feature_listed)
		fprintf(out, "%s\n", probe_result(&p->feature, false, buf,
						  sizeof(buf)));
}

void probe_print(FILE *out, const struct probe *p)
{
	struct feature_set feats;
	unsigned int v;

	print_header(out, p, &feats);
	for (v = 0; v < SUITE_NR_VCPUS; v++) {
		const struct vcpu_config *cfg = &suite_vcpus[v];
		const struct probe_vcpu *pv = &p->vcpu[v];

		fprintf(out, "\nvcpu%u %s%s", v, cfg->name,
			v == 0 ? ", bootstrap" : "");
		if (cfg->other_vendor)
			fprintf(out, " (%s)", vendor_name(pv->vendor));
		print_features(out, pv->features, feats);
		fputc('\n', out);
		print_read(out, "KVM_GET_MSRS before the first run",
			   &pv->host_first, false);
		print_path(out, p, &pv->guest, "RDMSR", "WRMSR", true);
		if (pv->run_failed[0])
			fprintf(out, "  the guest stopped: %s\n",
				pv->run_failed);
		print_path(out, p, &pv->msrs, "KVM_GET_MSRS",
			   "KVM_SET_MSRS", false);
		if (p->one_reg)
			print_path(out, p, &pv->one_reg, "KVM_GET_ONE_REG",
				   "KVM_SET_ONE_REG", false);
		else
			fprintf(out, "  %-36s  KVM lacks KVM_CAP_ONE_REG\n",
				"ONE_REG");
	}
}
