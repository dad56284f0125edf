/* SPDX-License-Identifier: MIT */
/*
 * A small JSON reader (RFC 8259) for msrcheck diff: the whole text becomes
 * a tree.  Strings are decoded to UTF-8 (a \u0000 or a lone surrogate
 * becomes U+FFFD, so every string is a C string); numbers are doubles.
 * Nesting deeper than JSON_MAX_DEPTH is an error, not a stack overflow.
 */
#ifndef MSRCHECK_JSON_READ_H
#define MSRCHECK_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#define JSON_MAX_DEPTH 64

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value {
	enum json_type type;
	bool boolean;
	double number;
	char *string;			/* JSON_STRING */
	unsigned int n;			/* items of an array or object */
	struct json_value *items;	/* array items, object values */
	char **keys;			/* object keys, in document order */
	unsigned int cap, keys_cap;
};

/*
 * Parses len bytes of text; NULL on an error, with "line N: what" in err.
 * Trailing text after the value is an error.
 */
struct json_value *json_parse(const char *text, size_t len, char *err,
			      size_t err_len);
void json_free(struct json_value *v);
/* The member key of an object (the first, if repeated), or NULL. */
const struct json_value *json_get(const struct json_value *obj,
				  const char *key);

#endif
