// SPDX-License-Identifier: MIT
/*
 * kvm.ignore_msrs=Y, end to end.  The parameter is read-only on the test
 * host, so the test makes the suite believe it is on (adjust_host) and
 * makes KVM behave as if it were, the way a VMM can: KVM_CAP_X86_USER_SPACE_MSR
 * with KVM_MSR_EXIT_REASON_UNKNOWN sends exactly the accesses KVM fails as
 * "unsupported" (the ones ignore_msrs answers) to userspace, which reads 0
 * and drops writes, as ignore_msrs does.  Accesses KVM fails as "invalid"
 * still #GP without an exit.  So the registry's failure classes are checked
 * against KVM itself: the suite expects read-0/write-dropped for the
 * "unsupported" class and #GP for the "invalid" one, and the exits must
 * come for the first class only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msr_filter.h"
#include "suite.h"
#include "suite_tap.h"

/* The MSRs of the selected entries whose accesses exited, and how often. */
struct exits {
	uint32_t index[16];
	unsigned int count[16];
	unsigned int n;
};

static void assume_ignore_msrs(struct kvm_host *h, void *opaque)
{
	h->ignore_msrs = true;
}

/* What ignore_msrs does with an unsupported access: read 0, drop writes. */
static void answer_like_ignore_msrs(struct kvm_vcpu *vcpu, struct kvm_run *run,
				    void *opaque)
{
	struct exits *x = opaque;
	unsigned int i;

	for (i = 0; i < x->n && x->index[i] != run->msr.index; i++)
		;
	if (i == x->n && x->n < 16)
		x->index[x->n++] = run->msr.index;
	if (i < 16)
		x->count[i]++;
	if (run->exit_reason == KVM_EXIT_X86_RDMSR)
		run->msr.data = 0;
	run->msr.error = 0;
}

static void exit_on_unsupported(struct kvm_vm *vm, void *opaque)
{
	vm->msr_exit = answer_like_ignore_msrs;
	vm->msr_exit_opaque = opaque;
	vm_set_msr_exits(vm, KVM_MSR_EXIT_REASON_UNKNOWN);
}

static unsigned int exits_of(const struct exits *x, uint32_t index)
{
	unsigned int i;

	for (i = 0; i < x->n; i++) {
		if (x->index[i] == index)
			return x->count[i];
	}
	return 0;
}

static int failures;

static void expect(bool ok, const char *what, const char *tap)
{
	if (ok)
		return;
	printf("FAIL: %s\n--- TAP ---\n%s\n", what, tap);
	failures++;
}

/* Counts TAP lines holding both strings. */
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
	/*
	 * TSC_AUX: "invalid" without RDTSCP/RDPID (this host has neither).
	 * PL0_SSP: "unsupported" without SHSTK, its reserved values "invalid".
	 * P5_MC_ADDR: a read-0 stub whose writes are "unsupported".
	 * CR_PAT: the supported path, which ignore_msrs must not change.
	 */
	static const char *const select[] = {
		"TSC_AUX/rdtscp", "IA32_PL0_SSP/canonical", "P5_MC_ADDR",
		"IA32_CR_PAT/seed",
	};
	struct exits x = { .n = 0 };
	const struct suite_hooks hooks = {
		.adjust_host = assume_ignore_msrs,
		.vm_created = exit_on_unsupported,
		.opaque = &x,
	};
	const struct suite_opts o = {
		.tap = true,
		.patterns = select,
		.nr_patterns = 4,
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault_entry = -1,
		.hooks = &hooks,
	};
	char *tap;
	int ret;

	if (access("/dev/kvm", R_OK | W_OK)) {
		printf("SKIP: no usable /dev/kvm\n");
		return 77;
	}
	tap = suite_tap(&o, &ret);

	expect(ret == 0, "the suite did not pass", tap);
	/* "invalid": the #GP checks ran, and KVM never asked userspace. */
	/* (TAP output spells #GP as GP: '#' starts a TAP directive.) */
	expect(count_lines(tap, "ok ", "TSC_AUX/rdtscp (0xc0000103) vcpu") &&
	       count_lines(tap, "TSC_AUX/rdtscp", "rdmsr-gp: RDMSR(0xc0000103): "
			   "wanted GP, got GP") > 0,
	       "TSC_AUX's #GP checks did not run", tap);
	expect(!exits_of(&x, 0xc0000103),
	       "KVM sent an \"invalid\" TSC_AUX access to userspace", tap);
	/* "unsupported": answered like ignore_msrs, through userspace. */
	expect(count_lines(tap, "IA32_PL0_SSP/canonical", "rdmsr-ignored: "
			   "RDMSR(0x6a4): wanted 0x0000000000000000, got "
			   "0x0000000000000000") > 0 &&
	       count_lines(tap, "IA32_PL0_SSP/canonical", "wrmsr-ignored") > 0,
	       "PL0_SSP's accesses were not checked as ignored", tap);
	expect(exits_of(&x, 0x6a4) > 0,
	       "KVM did not send an \"unsupported\" PL0_SSP access to "
	       "userspace", tap);
	expect(count_lines(tap, "P5_MC_ADDR", "wrmsr-ignored") > 0 &&
	       exits_of(&x, 0x0) > 0,
	       "P5_MC_ADDR's write was not ignored through userspace", tap);
	/*
	 * Reserved values of the "invalid" class still #GP (on PL0_SSP's
	 * unsupported path its whole MSR is "unsupported": no #GP there).
	 */
	expect(count_lines(tap, "TSC_AUX/rdtscp", "wrmsr-reserved-gp: WRMSR("
			   "0xc0000103, reserved 0xaaaa5555aaaa5555): wanted "
			   "GP, got GP") > 0 &&
	       !count_lines(tap, "wrmsr-reserved-gp", "not ok"),
	       "TSC_AUX's reserved value did not #GP", tap);
	/* Nothing was skipped for ignore_msrs: every class is known. */
	expect(!count_lines(tap, "# SKIP", "ignore_msrs"),
	       "a check was skipped for ignore_msrs", tap);
	/* The supported path is not affected. */
	expect(count_lines(tap, "ok ", "IA32_CR_PAT/seed (0x277) vcpu2 "
			   "msrs: rdmsr-write: RDMSR(0x277): wanted "
			   "0x0000000007070707") == 1,
	       "CR_PAT's supported path did not run", tap);

	free(tap);
	if (failures)
		return 1;
	printf("PASS: with ignore_msrs, \"unsupported\" accesses read 0 and "
	       "drop writes (KVM exited for exactly those), \"invalid\" ones "
	       "still #GP\n");
	return 0;
}
