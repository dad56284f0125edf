/* SPDX-License-Identifier: MIT */
/*
 * Strict parsing of msrcheck's option values: a value is the whole string,
 * in its documented base and range, or an error that says why.  Nothing is
 * read as something else: no sign, no base prefix, no trailing text, no
 * wrap-around, no empty value.  The messages (why) quote the value with
 * its control characters escaped.
 */
#ifndef MSRCHECK_CLI_PARSE_H
#define MSRCHECK_CLI_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "guest_abi.h"

/* --timeout's bounds, in ms: a guest run gets at most an hour. */
#define TIMEOUT_MAX_MS 3600000

/* A decimal number from min to max, digits only. */
bool parse_decimal(const char *s, unsigned long min, unsigned long max,
		   unsigned long *out, char *why, size_t len);

/* --fault KIND:ENTRY:VCPU */
struct fault_spec {
	enum guest_op op;	/* HANG, UD, TRIPLE or BAD_PORT */
	int entry;		/* enum msr_entry_id */
	unsigned int vcpu;
};

/*
 * Parses --fault.  The vCPU must run the entry, and the entry's plan must
 * be able to give it a guest step there (where the fault goes): a
 * KVM-defined register, checked by the host alone, cannot.  Whether this
 * host's KVM does give it one is only known once the suite runs.
 */
bool parse_fault(const char *arg, struct fault_spec *f, char *why,
		 size_t len);

/*
 * A flavour --flavour may name: one registry/deviations.toml knows, a KVM
 * module msrcheck detects, or "upstream" (no deviations).
 */
bool flavour_known(const char *name);
/* Those names, space-separated, for messages. */
void flavour_names(char *buf, size_t len);

#endif
