/* SPDX-License-Identifier: MIT */
/* The robustness tests' way to run the suite in-process and read its TAP. */
#ifndef MSRCHECK_TESTS_SUITE_TAP_H
#define MSRCHECK_TESTS_SUITE_TAP_H

#include "suite.h"

/*
 * Runs the suite with a TAP report kept in memory; returns the TAP (the
 * caller frees it) and the suite's exit status in *ret.  Exits 2 if no
 * memory can be had for the report.
 */
char *suite_tap(const struct suite_opts *o, int *ret);

#endif
