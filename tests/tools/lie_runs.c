// SPDX-License-Identifier: MIT
/*
 * Two runs for the `diff_lie` test: the suite on a few entries, honest,
 * then again with a table lie (the teeth suite's kind: the host's copy of
 * the registry says IA32_CR_PAT/seed resets to another value), each
 * writing --json.  msrcheck diff of the two must list exactly what the lie
 * changed, all of it at IA32_CR_PAT/seed.
 *
 * Usage: lie_runs HONEST.json LIED.json [HONEST2.json]
 *   HONEST2.json: the honest run once more (diff must find nothing)
 * Exit 0, or 77 without a usable /dev/kvm.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "suite.h"

/* Another valid PAT (every entry WB): KVM accepts it, so only wants move. */
#define LIED_PAT_RESET 0x0606060606060606ull

static const char *const selection[] = {
	"IA32_SYSENTER_CS", "IA32_CR_PAT/seed", "LSTAR", "IA32_MTRRCAP",
};

static void pat_reset_lie(unsigned int id, struct msr_entry *e, void *opaque)
{
	if (id == MSRENT_IA32_CR_PAT_SEED)
		e->reset = LIED_PAT_RESET;
}

/* One in-process suite run into path; its exit status. */
static int run(const char *path, const struct suite_hooks *hooks)
{
	struct suite_opts o = {
		.device = getenv("MSRCHECK_KVM_DEVICE"),
		.patterns = selection,
		.nr_patterns = sizeof(selection) / sizeof(selection[0]),
		.timeout_ms = SUITE_DEFAULT_TIMEOUT_MS,
		.fault = GUEST_OP_END,
		.fault_entry = -1,
		.hooks = hooks,
	};
	FILE *devnull = fopen("/dev/null", "w");
	struct report rep;
	char why[512];
	int ret;

	TEST_ASSERT(devnull, "cannot open /dev/null");
	report_init(&rep, devnull, false, false);
	rep.json = json_out_open(path, why, sizeof(why));
	TEST_ASSERT(rep.json, "%s", why);
	ret = suite_run(&o, &rep);
	ret = json_out_close(rep.json, rep.oc, ret);
	report_free(&rep);
	fclose(devnull);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct suite_hooks lie = { .adjust_entry = pat_reset_lie };
	int honest, lied;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: lie_runs HONEST.json LIED.json "
			"[HONEST2.json]\n");
		return 2;
	}
	honest = run(argv[1], NULL);
	if (honest == 77)
		return 77;
	lied = run(argv[2], &lie);
	if (argc == 4 && run(argv[3], NULL) != honest)
		return 1;
	/* The lie makes checks fail; without it nothing may. */
	if (honest != 0 || lied != 1) {
		fprintf(stderr, "lie_runs: honest run %d (want 0), lied run %d "
			"(want 1)\n", honest, lied);
		return 1;
	}
	return 0;
}
