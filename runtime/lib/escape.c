// SPDX-License-Identifier: MIT
/* Control characters escaped (see escape.h). */
#include <string.h>

#include "escape.h"

/* The escape of c ("\\n", "\\x1b"), or NULL if c prints as itself. */
static const char *escape_of(unsigned char c, char buf[5])
{
	switch (c) {
	case '\n':
		return "\\n";
	case '\t':
		return "\\t";
	case '\r':
		return "\\r";
	}
	if (c >= 0x20 && c != 0x7f)
		return NULL;
	snprintf(buf, 5, "\\x%02x", c);
	return buf;
}

const char *text_escape(const char *s, char *buf, size_t len)
{
	size_t n = 0;
	char e[5];

	if (!len)
		return buf;
	for (; *s; s++) {
		const char *esc = escape_of(*s, e);
		size_t need = esc ? strlen(esc) : 1;

		/* Never half an escape: it would read as something else. */
		if (n + need >= len)
			break;
		if (esc) {
			memcpy(buf + n, esc, need);
			n += need;
		} else {
			buf[n++] = *s;
		}
	}
	buf[n] = '\0';
	return buf;
}

int fputs_escaped(const char *s, FILE *f)
{
	const char *plain = s;
	char e[5];

	for (; *s; s++) {
		const char *esc = escape_of(*s, e);

		if (!esc)
			continue;
		if (fwrite(plain, 1, s - plain, f) != (size_t)(s - plain) ||
		    fputs(esc, f) == EOF)
			return EOF;
		plain = s + 1;
	}
	return fputs(plain, f);
}
