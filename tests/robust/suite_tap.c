// SPDX-License-Identifier: MIT
/* See suite_tap.h. */
#include <stdio.h>
#include <stdlib.h>

#include "report.h"
#include "suite_tap.h"

char *suite_tap(const struct suite_opts *o, int *ret)
{
	struct report rep;
	char *tap = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&tap, &len);

	if (!f)
		exit(2);
	report_init(&rep, f, true, false);
	*ret = suite_run(o, &rep);
	report_free(&rep);
	fclose(f);
	return tap;
}
