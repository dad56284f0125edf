/* SPDX-License-Identifier: MIT */
/*
 * Text that came from outside (a path, a flavour, a pattern, anything
 * echoed) is written with its control characters escaped: a newline in
 * --device must not start a TAP line of its own, and an escape sequence
 * must not reach the terminal.  "\n", "\t", "\r", other control
 * characters and DEL as "\xNN"; everything else as is.
 */
#ifndef MSRCHECK_ESCAPE_H
#define MSRCHECK_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* s escaped into buf (truncated to len, always terminated); returns buf. */
const char *text_escape(const char *s, char *buf, size_t len);
/* Writes s escaped to f; EOF on a write error, as fputs. */
int fputs_escaped(const char *s, FILE *f);

#endif
