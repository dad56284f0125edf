/* SPDX-License-Identifier: MIT */
/*
 * Output: every check becomes one TAP test point (or one line of the
 * readable report), and a per-entry summary closes the run.  The policy
 * (deviations, counts) is outcome.h's.  Text is written with its control
 * characters escaped (escape.h), so no input can forge a line; a write
 * error is kept, and makes the run's status 2.
 */
#ifndef MSRCHECK_REPORT_H
#define MSRCHECK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "deviation_draft.h"
#include "json_out.h"
#include "outcome.h"
#include "result.h"

struct report {
	FILE *out;
	bool tap;		/* TAP 13 on out, else the readable report */
	bool verbose;		/* readable report: every check, not only failures */
	unsigned int points;
	/* The pass of the last result: how far the run got. */
	enum suite_pass pass;
	int write_errno;	/* the first write error, 0: none */
	struct outcomes *oc;
	/* Non-NULL: unexpected failures become deviation drafts at the end. */
	struct deviation_drafts *drafts;
	/* Non-NULL: every result also goes into the --json document. */
	struct json_out *json;
};

/* oc->flavour, oc->vendor and oc->selected are filled in by the suite. */
void report_init(struct report *r, FILE *out, bool tap, bool verbose);
void report_free(struct report *r);
/* The whole suite is skipped: TAP "1..0 # SKIP why", or one line. */
void report_skip_all(struct report *r, const char *why);
/* Prints a line of context: a TAP comment, or plain text. */
void report_note(struct report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void report_result(struct report *r, const struct check_result *res);
/*
 * Lets output go out now (a unit of work is done), keeping a write error;
 * a caught SIGINT/SIGTERM ends the run here (signals.h).
 */
void report_flush(struct report *r);
/*
 * Stale deviations, the plan and the summary; returns the exit status (2
 * if a write failed).
 */
int report_finish(struct report *r);
/*
 * The run was interrupted by sig: how far it got (the pass and the checks
 * reported so far), and in TAP "Bail out! interrupted by SIGINT".
 */
void report_interrupted(struct report *r, int sig);

#endif
