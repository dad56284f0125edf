/* SPDX-License-Identifier: MIT */
/* A minimal TAP harness for the unit tests (tests/unit). */
#ifndef MSRCHECK_UNIT_H
#define MSRCHECK_UNIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static unsigned int unit_points, unit_failed;

static inline void __attribute__((format(printf, 2, 3)))
unit_ok(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %u - ", ok ? "ok" : "not ok", ++unit_points);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	unit_failed += !ok;
}

/* Ends the TAP stream; the exit status. */
static inline int unit_done(void)
{
	printf("1..%u\n", unit_points);
	return unit_failed ? 1 : 0;
}

#endif
