/* SPDX-License-Identifier: MIT */
/*
 * Infrastructure failures: something that must not fail did (an ioctl, an
 * allocation).  These abort the program with file:line, the expression and
 * errno.  Conformance mismatches never come here: they are recorded as TAP
 * results and the run goes on.
 */
#ifndef MSRCHECK_TEST_ASSERT_H
#define MSRCHECK_TEST_ASSERT_H

#include <errno.h>
#include <stdbool.h>

void __attribute__((noreturn, format(printf, 5, 6)))
test_assert_fail(const char *file, int line, const char *expr, int err,
		 const char *fmt, ...);

#define TEST_ASSERT(cond, fmt, ...)					\
	do {								\
		if (!(cond))						\
			test_assert_fail(__FILE__, __LINE__, #cond, errno, \
					 fmt, ##__VA_ARGS__);		\
	} while (0)

/* An ioctl that must succeed; name is the ioctl's name. */
#define TEST_ASSERT_IOCTL(ret, name)					\
	do {								\
		if ((ret) < 0)						\
			test_assert_fail(__FILE__, __LINE__, name, errno, \
					 "%s failed", name);		\
	} while (0)

#define TEST_FAIL(fmt, ...)						\
	test_assert_fail(__FILE__, __LINE__, "TEST_FAIL", 0, fmt, ##__VA_ARGS__)

void *xzalloc(unsigned long size);

/*
 * Makes room for `need` elements of `size` bytes in the array *p of
 * capacity *cap (doubling it), zeroing what is new.  Pools grow with this:
 * no fixed limits.
 */
void xgrow(void *p, unsigned int *cap, unsigned int need, unsigned long size);

#endif
