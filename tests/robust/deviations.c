// SPDX-License-Identifier: MIT
/*
 * The known-deviations mechanism, on the kvm_pvm rows of
 * registry/deviations.toml (MISC_ENABLE resets to 0x1, not 0x1800):
 *  - as is, the failure is an expected one (TAP TODO) and the run passes;
 *  - if the registry said 0x1 (so the deviation stops happening), the
 *    listed deviation fails the run as stale;
 *  - if the registry said something else again (0x1801), the failure no
 *    longer matches the deviation: a plain failure, and the row is stale.
 * The registry value is changed in the host's copy of the table, which is
 * the only one: the guest runs plans and knows no registry.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"
#include "x86.h"
#include "suite_tap.h"

static uint64_t fake_reset;

static void host_reset(unsigned int id, struct msr_entry *e, void *opaque)
{
	if (id == MSRENT_IA32_MISC_ENABLE)
		e->reset = fake_reset;
}

static int failures;

static void expect(bool ok, const char *what, const char *tap)
{
	if (ok)
		return;
	printf("FAIL: %s\n--- TAP ---\n%s\n", what, tap);
	failures++;
}

/* Runs MISC_ENABLE with reset (0: the registry's own); returns the TAP. */
static char *run(uint64_t reset, int *ret)
{
	static const char *const select[] = { "IA32_MISC_ENABLE" };
	static const struct suite_hooks hooks = {
		.adjust_entry = host_reset,
	};
	const struct suite_opts o = {
		.tap = true,
		.patterns = select,
		.nr_patterns = 1,
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
		.hooks = reset ? &hooks : NULL,
	};

	fake_reset = reset;
	return suite_tap(&o, ret);
}

static bool has_line(const char *tap, const char *prefix, const char *text)
{
	const char *p = tap;

	while ((p = strstr(p, prefix))) {
		const char *end = strchr(p, '\n');

		if (strstr(p, text) && (!end || strstr(p, text) < end))
			return true;
		p++;
	}
	return false;
}

int main(void)
{
	char *tap;
	int ret;

	if (access("/dev/kvm", R_OK | W_OK)) {
		printf("SKIP: no usable /dev/kvm\n");
		return 77;
	}
	if (strcmp(kvm_flavour(), "kvm_pvm")) {
		printf("SKIP: the deviations exercised here are kvm_pvm's; this "
		       "KVM is %s\n", kvm_flavour());
		return 77;
	}

	tap = run(0, &ret);
	expect(ret == 0, "as is: the run did not pass", tap);
	expect(has_line(tap, "not ok", "vcpu2 msrs: rdmsr-reset: RDMSR(0x1a0)"
			": wanted 0x0000000000001800, got 0x0000000000000001 "
			"# TODO known kvm_pvm deviation"),
	       "as is: no expected failure for the reset value", tap);
	expect(!strstr(tap, "no longer happens"), "as is: a stale row", tap);
	free(tap);

	tap = run(0x1, &ret);
	expect(ret == 1, "registry says 0x1: the run passed", tap);
	expect(has_line(tap, "not ok", "IA32_MISC_ENABLE (0x1a0) deviation: "
			"rdmsr-reset: known deviation (kvm_pvm, wanted 0x1800, "
			"got 0x1) no longer happens"),
	       "registry says 0x1: the stale deviation did not fail", tap);
	expect(!has_line(tap, "not ok", "vcpu0 msrs: rdmsr-reset"),
	       "registry says 0x1: the reset check failed", tap);
	free(tap);

	tap = run(0x1801, &ret);
	expect(ret == 1, "registry says 0x1801: the run passed", tap);
	expect(has_line(tap, "not ok", "vcpu0 msrs: rdmsr-reset: RDMSR(0x1a0): "
			"wanted 0x0000000000001801, got 0x0000000000000001") &&
	       !has_line(tap, "not ok", "vcpu0 msrs: rdmsr-reset: RDMSR(0x1a0): "
			 "wanted 0x0000000000001801, got 0x0000000000000001 "
			 "# TODO"),
	       "registry says 0x1801: the failure was not a plain one", tap);
	expect(strstr(tap, "no longer happens") != NULL,
	       "registry says 0x1801: the unmatched row is not stale", tap);
	free(tap);

	if (failures)
		return 1;
	printf("PASS: a matching failure is a TODO, a differing one fails, "
	       "a deviation that stops happening fails\n");
	return 0;
}
