// SPDX-License-Identifier: MIT
/*
 * kvm.ignore_msrs=Y, end to end.  The parameter is read-only on the test
 * host, so the host's reading of it is forced through the suite's
 * adjust_host hook; everything after that (the plans, what the guest runs,
 * the judging, the reporting) is the real path.  With it, the
 * #GP checks of unsupported MSRs and reserved values must be skips that
 * say why, and the supported path must run as usual.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"

static void assume_ignore_msrs(struct kvm_host *h, void *opaque)
{
	h->ignore_msrs = true;
}

static int failures;

static void expect(bool ok, const char *what, const char *tap)
{
	if (ok)
		return;
	printf("FAIL: %s\n--- TAP ---\n%s\n", what, tap);
	failures++;
}

/* Counts TAP lines holding every one of the given strings. */
static int count_lines(const char *tap, const char *a, const char *b)
{
	const char *line = tap;
	int n = 0;

	while (line && *line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char buf[1024];

		if (len >= sizeof(buf))
			len = sizeof(buf) - 1;
		memcpy(buf, line, len);
		buf[len] = '\0';
		n += strstr(buf, a) && strstr(buf, b);
		line = end ? end + 1 : NULL;
	}
	return n;
}

int main(void)
{
	static const char *const select[] = {
		"TSC_AUX/rdtscp", "IA32_PL0_SSP/canonical", "IA32_CR_PAT",
	};
	static const struct suite_hooks hooks = {
		.adjust_host = assume_ignore_msrs,
	};
	const struct suite_opts o = {
		.tap = true,
		.patterns = select,
		.nr_patterns = 3,
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
		.hooks = &hooks,
	};
	const char *why = "# SKIP kvm.ignore_msrs=Y";
	struct report rep;
	char *tap = NULL;
	size_t len = 0;
	FILE *f;
	int ret;

	if (access("/dev/kvm", R_OK | W_OK)) {
		printf("SKIP: no usable /dev/kvm\n");
		return 77;
	}
	f = open_memstream(&tap, &len);
	if (!f)
		return 2;
	report_init(&rep, f, true, false);
	ret = suite_run(&o, &rep);
	fclose(f);

	expect(ret == 0, "the suite did not pass", tap);
	/* Unsupported path: 3 vCPUs x 2 passes x the two #GP checks. */
	expect(count_lines(tap, "TSC_AUX/rdtscp (0xc0000103) vcpu",
			   "rdmsr-gp # SKIP kvm.ignore_msrs=Y") == 6,
	       "TSC_AUX RDMSR #GP checks not skipped for ignore_msrs", tap);
	expect(count_lines(tap, "TSC_AUX/rdtscp (0xc0000103) vcpu",
			   "wrmsr-gp # SKIP kvm.ignore_msrs=Y") == 6,
	       "TSC_AUX WRMSR #GP checks not skipped for ignore_msrs", tap);
	/* Reserved values: TSC_AUX's listed one, PL0_SSP's non-canonical. */
	expect(count_lines(tap, "wrmsr-reserved-gp", why) == 12,
	       "reserved-value checks not skipped for ignore_msrs", tap);
	expect(count_lines(tap, "wrmsr-reserved-gp", "not ok") == 0 &&
	       count_lines(tap, "ok ", "wrmsr-reserved-gp:") == 0,
	       "a reserved-value check ran despite ignore_msrs", tap);
	/* The supported path is not affected. */
	expect(count_lines(tap, "ok ", "IA32_CR_PAT (0x277) vcpu2 one-reg: "
			   "rdmsr-write: RDMSR(0x277): wanted 0x0000000007070707")
	       == 1, "CR_PAT's supported path did not run", tap);

	report_free(&rep);
	free(tap);
	if (failures)
		return 1;
	printf("PASS: ignore_msrs checks are skipped with the reason, the "
	       "supported path still runs\n");
	return 0;
}
