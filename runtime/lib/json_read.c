// SPDX-License-Identifier: MIT
/* A recursive-descent JSON reader (see json_read.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "test_assert.h"

struct parser {
	const char *p, *end;
	unsigned int line;
	int depth;
	char *err;
	size_t err_len;
	bool failed;
};

static bool fail(struct parser *ps, const char *what)
{
	if (!ps->failed)
		snprintf(ps->err, ps->err_len, "line %u: %s", ps->line, what);
	ps->failed = true;
	return false;
}

static void skip_space(struct parser *ps)
{
	for (; ps->p < ps->end; ps->p++) {
		if (*ps->p == '\n')
			ps->line++;
		else if (*ps->p != ' ' && *ps->p != '\t' && *ps->p != '\r')
			break;
	}
}

static bool literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n))
		return fail(ps, "unexpected text (want a value)");
	ps->p += n;
	return true;
}

/* A growing byte buffer for a decoded string. */
struct buf {
	char *s;
	unsigned int n, cap;
};

static void put_byte(struct buf *b, char c)
{
	xgrow(&b->s, &b->cap, b->n + 2, 1);
	b->s[b->n++] = c;
}

static void put_utf8(struct buf *b, unsigned int cp)
{
	if (cp < 0x80) {
		put_byte(b, cp);
	} else if (cp < 0x800) {
		put_byte(b, 0xc0 | cp >> 6);
		put_byte(b, 0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		put_byte(b, 0xe0 | cp >> 12);
		put_byte(b, 0x80 | (cp >> 6 & 0x3f));
		put_byte(b, 0x80 | (cp & 0x3f));
	} else {
		put_byte(b, 0xf0 | cp >> 18);
		put_byte(b, 0x80 | (cp >> 12 & 0x3f));
		put_byte(b, 0x80 | (cp >> 6 & 0x3f));
		put_byte(b, 0x80 | (cp & 0x3f));
	}
}

static bool hex4(struct parser *ps, unsigned int *out)
{
	unsigned int i;

	*out = 0;
	if (ps->end - ps->p < 4)
		return fail(ps, "short \\u escape");
	for (i = 0; i < 4; i++) {
		char c = *ps->p++;

		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*out |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*out |= c - 'A' + 10;
		else
			return fail(ps, "bad \\u escape");
	}
	return true;
}

/* After "\u": a code point, a surrogate pair joined, U+FFFD otherwise. */
static bool unicode_escape(struct parser *ps, struct buf *b)
{
	unsigned int cp, lo;

	if (!hex4(ps, &cp))
		return false;
	if (cp >= 0xd800 && cp <= 0xdbff && ps->end - ps->p >= 6 &&
	    ps->p[0] == '\\' && ps->p[1] == 'u') {
		const char *back = ps->p;

		ps->p += 2;
		if (!hex4(ps, &lo))
			return false;
		if (lo >= 0xdc00 && lo <= 0xdfff)
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		else
			ps->p = back;
	}
	if (!cp || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	put_utf8(b, cp);
	return true;
}

static bool string(struct parser *ps, char **out)
{
	static const char plain[] = "\"\\/bfnrt";
	static const char decoded[] = "\"\\/\b\f\n\r\t";
	struct buf b = { 0 };
	const char *k;

	ps->p++;	/* the opening quote */
	for (;;) {
		unsigned char c;

		if (ps->p >= ps->end) {
			free(b.s);
			return fail(ps, "unterminated string");
		}
		c = *ps->p++;
		if (c == '"')
			break;
		if (c < 0x20) {
			free(b.s);
			return fail(ps, "control character in a string");
		}
		if (c != '\\') {
			put_byte(&b, c);
			continue;
		}
		if (ps->p < ps->end && *ps->p == 'u') {
			ps->p++;
			if (!unicode_escape(ps, &b)) {
				free(b.s);
				return false;
			}
			continue;
		}
		k = ps->p < ps->end && *ps->p ? strchr(plain, *ps->p) : NULL;
		if (!k) {
			free(b.s);
			return fail(ps, "bad escape in a string");
		}
		put_byte(&b, decoded[k - plain]);
		ps->p++;
	}
	put_byte(&b, '\0');
	*out = b.s;
	return true;
}

static bool is_digit(const struct parser *ps, const char *s)
{
	return s < ps->end && *s >= '0' && *s <= '9';
}

/* Past the digits at s; NULL if there are none. */
static const char *digits(const struct parser *ps, const char *s)
{
	if (!is_digit(ps, s))
		return NULL;
	while (is_digit(ps, s))
		s++;
	return s;
}

static bool number(struct parser *ps, double *out)
{
	const char *s = ps->p;
	char tmp[64];
	size_t n;

	/* JSON's grammar, which is stricter than strtod's. */
	if (s < ps->end && *s == '-')
		s++;
	if (s < ps->end && *s == '0')
		s++;
	else if (!(s = digits(ps, s)))
		return fail(ps, "unexpected text (want a value)");
	if (s < ps->end && *s == '.' && !(s = digits(ps, s + 1)))
		return fail(ps, "bad number");
	if (s < ps->end && (*s == 'e' || *s == 'E')) {
		if (++s < ps->end && (*s == '+' || *s == '-'))
			s++;
		if (!(s = digits(ps, s)))
			return fail(ps, "bad number");
	}
	n = s - ps->p;
	if (n >= sizeof(tmp))
		return fail(ps, "number too long");
	memcpy(tmp, ps->p, n);
	tmp[n] = '\0';
	*out = strtod(tmp, NULL);
	ps->p = s;
	return true;
}

static bool value(struct parser *ps, struct json_value *v);

static struct json_value *add_item(struct json_value *v)
{
	xgrow(&v->items, &v->cap, v->n + 1, sizeof(v->items[0]));
	if (v->type == JSON_OBJECT)
		xgrow(&v->keys, &v->keys_cap, v->n + 1, sizeof(v->keys[0]));
	return &v->items[v->n++];
}

/* An array or an object, after its opening bracket. */
static bool container(struct parser *ps, struct json_value *v, char close)
{
	ps->p++;
	if (++ps->depth > JSON_MAX_DEPTH)
		return fail(ps, "nested too deep");
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		ps->depth--;
		return true;
	}
	for (;;) {
		char *key = NULL;
		struct json_value *item;

		skip_space(ps);
		if (close == '}') {
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, "want a member name");
			if (!string(ps, &key))
				return false;
			skip_space(ps);
			if (ps->p >= ps->end || *ps->p != ':') {
				free(key);
				return fail(ps, "want ':' after a member name");
			}
			ps->p++;
		}
		item = add_item(v);
		if (close == '}')
			v->keys[v->n - 1] = key;
		if (!value(ps, item))
			return false;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			ps->depth--;
			return true;
		}
		return fail(ps, close == '}' ? "want ',' or '}'" :
			    "want ',' or ']'");
	}
}

static bool value(struct parser *ps, struct json_value *v)
{
	memset(v, 0, sizeof(*v));
	skip_space(ps);
	if (ps->p >= ps->end)
		return fail(ps, "unexpected end (want a value)");
	switch (*ps->p) {
	case '{':
		v->type = JSON_OBJECT;
		return container(ps, v, '}');
	case '[':
		v->type = JSON_ARRAY;
		return container(ps, v, ']');
	case '"':
		v->type = JSON_STRING;
		return string(ps, &v->string);
	case 't':
		v->type = JSON_BOOL;
		v->boolean = true;
		return literal(ps, "true");
	case 'f':
		v->type = JSON_BOOL;
		return literal(ps, "false");
	case 'n':
		return literal(ps, "null");
	default:
		v->type = JSON_NUMBER;
		return number(ps, &v->number);
	}
}

static void free_inside(struct json_value *v)
{
	unsigned int i;

	for (i = 0; i < v->n; i++) {
		free_inside(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->string);
}

void json_free(struct json_value *v)
{
	if (!v)
		return;
	free_inside(v);
	free(v);
}

struct json_value *json_parse(const char *text, size_t len, char *err,
			      size_t err_len)
{
	struct parser ps = {
		.p = text, .end = text + len, .line = 1,
		.err = err, .err_len = err_len,
	};
	struct json_value *v = xzalloc(sizeof(*v));

	if (value(&ps, v)) {
		skip_space(&ps);
		if (ps.p == ps.end)
			return v;
		fail(&ps, "text after the value");
	}
	json_free(v);
	return NULL;
}

const struct json_value *json_get(const struct json_value *obj,
				  const char *key)
{
	unsigned int i;

	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (i = 0; i < obj->n; i++) {
		if (!strcmp(obj->keys[i], key))
			return &obj->items[i];
	}
	return NULL;
}
