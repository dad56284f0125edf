/* SPDX-License-Identifier: MIT */
/*
 * msrcheck --json FILE: one JSON document per run, for CI systems to keep
 * and compare (msrcheck diff).  doc/msrcheck-results.schema.json describes
 * it: the host's facts, every check as report.c records it (its outcome
 * and the known deviation that excused it), the totals and the exit
 * status.  Written as the run goes, one result per line.
 *
 * Every function takes a NULL json_out and does nothing: report.c and the
 * suite call them whether or not --json was given.
 */
#ifndef MSRCHECK_JSON_OUT_H
#define MSRCHECK_JSON_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "kvm_util.h"
#include "outcome.h"

struct json_out;

/* Creates FILE and starts the document; NULL with the reason in why. */
struct json_out *json_out_open(const char *path, char *why, size_t why_len);
/* The host's facts; flavour is the one deviations are matched against. */
void json_out_host(struct json_out *j, const struct kvm_host *h,
		   const char *flavour);
/* The run was skipped: why. */
void json_out_skip(struct json_out *j, const char *why);
/* One check, as outcome_record() judged it; dev is its deviation or -1. */
void json_out_result(struct json_out *j, const struct check_result *res,
		     enum outcome o, int dev);
/*
 * Ends the document with the totals and the run's exit status, closes the
 * file and frees j.  Returns status, or 2 if the file could not be
 * written (the reason on stderr).
 */
int json_out_close(struct json_out *j, const struct outcomes *oc, int status);

/* What the document's "format" and "version" say (msrcheck diff reads them). */
#define JSON_FORMAT "msrcheck-results"
#define JSON_VERSION 1

/*
 * s as a JSON string, quotes included: '"', '\' and control characters
 * escaped, bytes that are not UTF-8 written as U+FFFD, so any C string
 * gives valid JSON.
 */
void json_put_string(FILE *f, const char *s);

#endif
