// SPDX-License-Identifier: MIT
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_assert.h"

void test_assert_fail(const char *file, int line, const char *expr, int err,
		      const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "msrcheck: infrastructure failure at %s:%d: %s", file,
		line, expr);
	if (err)
		fprintf(stderr, " (errno %d: %s)", err, strerror(err));
	fputs("\n  ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* Tell a TAP harness why the run stopped. */
	printf("Bail out! infrastructure failure at %s:%d\n", file, line);
	fflush(stdout);
	exit(2);
}

void *xzalloc(unsigned long size)
{
	void *p = calloc(1, size);

	TEST_ASSERT(p, "out of memory allocating %lu bytes", size);
	return p;
}

void xgrow(void *p, unsigned int *cap, unsigned int need, unsigned long size)
{
	void **arr = p;
	unsigned int n = *cap ? *cap : 16;
	void *grown;

	if (need <= *cap)
		return;
	while (n < need)
		n *= 2;
	grown = realloc(*arr, (unsigned long)n * size);
	TEST_ASSERT(grown, "out of memory growing to %u x %lu bytes", n, size);
	memset((char *)grown + (unsigned long)*cap * size, 0,
	       (unsigned long)(n - *cap) * size);
	*arr = grown;
	*cap = n;
}
