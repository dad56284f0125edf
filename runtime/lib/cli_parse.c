// SPDX-License-Identifier: MIT
/* Strict parsing of option values (see cli_parse.h). */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli_parse.h"
#include "deviations.h"
#include "escape.h"
#include "steps.h"
#include "suite.h"
#include "x86.h"

bool parse_decimal(const char *s, unsigned long min, unsigned long max,
		   unsigned long *out, char *why, size_t len)
{
	unsigned long v = 0;
	const char *p;
	char esc[64];

	for (p = s; *p; p++) {
		unsigned int d = *p - '0';

		if (d > 9)
			break;
		/* Saturates: a huge number stays huge, never wraps. */
		v = v > (ULONG_MAX - d) / 10 ? ULONG_MAX : v * 10 + d;
	}
	if (!*s || *p) {
		snprintf(why, len, "'%s' is not a decimal number (wants %lu "
			 "to %lu)", text_escape(s, esc, sizeof(esc)), min, max);
		return false;
	}
	if (v < min || v > max) {
		snprintf(why, len, "'%s' is out of range (wants %lu to %lu)",
			 text_escape(s, esc, sizeof(esc)), min, max);
		return false;
	}
	*out = v;
	return true;
}

static int find_entry(const char *name)
{
	char buf[MSR_ENTRY_NAME_MAX + 1];
	unsigned int i;

	for (i = 0; i < NR_MSR_ENTRIES; i++) {
		if (!strcmp(name, entry_name(&msr_entries[i], buf,
					     sizeof(buf))))
			return i;
	}
	return -1;
}

/* The sink of the dry run below: counts the guest's main-stage steps. */
static void count_guest_main(struct plan_ctx *p, enum stage st,
			     const struct step *s)
{
	if (st == STAGE_MAIN)
		++*(unsigned int *)p->opaque;
}

/*
 * Whether some host gives the entry a main-stage guest step on the vCPU,
 * which is where the suite puts a fault: the entry's plan, asked for
 * either path, pass, vendor, ignore_msrs and place among the vCPUs that
 * write a VM-scoped MSR.  The plan builders are pure, so asking is free.
 */
static bool may_run_in_guest(unsigned int id, unsigned int vcpu)
{
	const struct msr_entry *e = &msr_entries[id];
	unsigned int combo, steps = 0;

	for (combo = 0; combo < 32 && !steps; combo++) {
		struct rules_ctx c = {
			.vendor = combo & 1 ? VENDOR_AMD : VENDOR_INTEL,
			.host_vendor = combo & 1 ? VENDOR_AMD : VENDOR_INTEL,
			.bsp = vcpu == 0,
			.ignore_msrs = combo & 2,
			.use_one_reg = combo & 4,
			.vcpu = combo & 8 ? fs_all() :
					 (struct feature_set){ { 0 } },
			.kvm = fs_all(),
		};
		struct plan_ctx p = {
			.e = e,
			.c = &c,
			.vm_first = combo & 16,
			.vm_last = true,
			.add = count_guest_main,
			.opaque = &steps,
		};

		msr_plans[id](&p);
	}
	return steps > 0;
}

static bool bad_fault(char *why, size_t len, const char *fmt,
		      const char *arg)
{
	char esc[128];

	snprintf(why, len, fmt, text_escape(arg, esc, sizeof(esc)));
	return false;
}

bool parse_fault(const char *arg, struct fault_spec *f, char *why,
		 size_t len)
{
	static const struct {
		const char *name;
		enum guest_op op;
	} kinds[] = {
		{ "hang", GUEST_OP_HANG }, { "ud", GUEST_OP_UD },
		{ "triple", GUEST_OP_TRIPLE }, { "bad-port", GUEST_OP_BAD_PORT },
	};
	const char *c1 = strchr(arg, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	char kind[16], entry[MSR_ENTRY_NAME_MAX + 2], num[64];
	unsigned long vcpu;
	unsigned int k;

	if (!c2 || strchr(c2 + 1, ':'))
		return bad_fault(why, len, "'%s' is not KIND:ENTRY:VCPU", arg);
	snprintf(kind, sizeof(kind), "%.*s", (int)(c1 - arg), arg);
	snprintf(entry, sizeof(entry), "%.*s", (int)(c2 - c1 - 1), c1 + 1);

	f->op = GUEST_OP_END;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if ((size_t)(c1 - arg) == strlen(kinds[k].name) &&
		    !strcmp(kind, kinds[k].name))
			f->op = kinds[k].op;
	}
	if (f->op == GUEST_OP_END)
		return bad_fault(why, len, "unknown KIND in '%s'", arg);

	f->entry = (size_t)(c2 - c1 - 1) < sizeof(entry) - 1 ?
		   find_entry(entry) : -1;
	if (f->entry < 0)
		return bad_fault(why, len, "no registry entry is called '%s'",
				 entry);

	if (!parse_decimal(c2 + 1, 0, SUITE_NR_VCPUS - 1, &vcpu, num,
			   sizeof(num))) {
		snprintf(why, len, "VCPU %s", num);
		return false;
	}
	f->vcpu = vcpu;

	if (!vcpu_relevant(&suite_vcpus[vcpu], &msr_entries[f->entry])) {
		snprintf(why, len, "vCPU %lu (%s) does not run %s", vcpu,
			 suite_vcpus[vcpu].name, entry);
		return false;
	}
	if (!may_run_in_guest(f->entry, vcpu)) {
		snprintf(why, len, "%s has no guest step on vCPU %lu: nothing "
			 "would be injected", entry, vcpu);
		return false;
	}
	return true;
}

bool flavour_known(const char *name)
{
	unsigned int i;

	if (!strcmp(name, "upstream"))
		return true;
	for (i = 0; i < nr_kvm_modules; i++) {
		if (!strcmp(name, kvm_modules[i]))
			return true;
	}
	for (i = 0; i < nr_deviations; i++) {
		if (!strcmp(name, deviations[i].flavour))
			return true;
	}
	return false;
}

/* Whether name is already among the first i deviations' flavours. */
static bool listed_before(const char *name, unsigned int i)
{
	unsigned int k;

	for (k = 0; k < nr_kvm_modules; k++) {
		if (!strcmp(name, kvm_modules[k]))
			return true;
	}
	while (i--) {
		if (!strcmp(name, deviations[i].flavour))
			return true;
	}
	return false;
}

void flavour_names(char *buf, size_t len)
{
	size_t n = snprintf(buf, len, "upstream");
	unsigned int i;

	for (i = 0; i < nr_kvm_modules && n < len; i++)
		n += snprintf(buf + n, len - n, " %s", kvm_modules[i]);
	for (i = 0; i < nr_deviations && n < len; i++) {
		if (!listed_before(deviations[i].flavour, i))
			n += snprintf(buf + n, len - n, " %s",
				      deviations[i].flavour);
	}
}
