/* SPDX-License-Identifier: MIT */
/*
 * msrcheck diff A.json B.json: two --json documents (two kernels, two
 * hosts) compared check by check.  A check is the same check in both when
 * its entry, index, vCPU, pass, check kind and feature agree and it is
 * the same occurrence of those (a reserved value's second wrmsr-reserved-gp
 * is the other's second).  Printed, grouped by entry in A's order: the
 * checks whose status or got value differ, and those only one run has.
 * Exit status 0: no difference, 1: differences, 2: a file is unreadable or
 * not an msrcheck results document.
 *
 * In C, not a script: the installed msrcheck stays one program with no
 * interpreter or package to install on the CI hosts that compare runs.
 */
#ifndef MSRCHECK_RESULTS_DIFF_H
#define MSRCHECK_RESULTS_DIFF_H

/*
 * `msrcheck diff ...`: argv[0] is "diff"; returns the exit status (the
 * caller flushes stdout and reports a write error).
 */
int results_diff_main(int argc, char **argv);

#endif
