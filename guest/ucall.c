// SPDX-License-Identifier: MIT
/* The guest -> host channel: fill the mailbox, then OUT to the ucall port. */
#include <stdarg.h>

#include "guest.h"

static uint32_t current_vcpu(struct guest_mailbox *mb)
{
	return ((uint64_t)mb - GUEST_MAILBOX_GPA) / GUEST_MAILBOX_SIZE;
}

void ucall(struct guest_mailbox *mb, enum ucall call)
{
	uint32_t vcpu = current_vcpu(mb);

	mb->ucall = call;
	/* The port value is the vCPU index: the host cross-checks it. */
	asm volatile("outl %0, %w1"
		     : : "a"(vcpu), "Nd"(GUEST_UCALL_PORT) : "memory");
}

static char *put_str(char *p, char *end, const char *s)
{
	while (*s && p < end)
		*p++ = *s++;
	return p;
}

static char *put_num(char *p, char *end, uint64_t v, unsigned int base,
		     int is_signed)
{
	char tmp[24];
	int n = 0;

	if (is_signed && (int64_t)v < 0) {
		if (p < end)
			*p++ = '-';
		v = -(int64_t)v;
	}
	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n && p < end)
		*p++ = tmp[--n];
	return p;
}

void guest_printf(struct guest_mailbox *mb, const char *fmt, ...)
{
	char *p = mb->text, *end = mb->text + GUEST_TEXT_SIZE - 1;
	va_list ap;

	va_start(ap, fmt);
	while (*fmt && p < end) {
		int longs = 0;

		if (*fmt != '%') {
			*p++ = *fmt++;
			continue;
		}
		fmt++;
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 's':
			p = put_str(p, end, va_arg(ap, const char *));
			break;
		case 'd':
			p = put_num(p, end, longs ? va_arg(ap, int64_t) :
					       va_arg(ap, int), 10, 1);
			break;
		case 'u':
		case 'x':
			p = put_num(p, end, longs ? va_arg(ap, uint64_t) :
					       va_arg(ap, unsigned int),
				    *fmt == 'x' ? 16 : 10, 0);
			break;
		case '%':
			*p++ = '%';
			break;
		default:
			p = put_str(p, end, "<?>");
			break;
		}
		if (*fmt)
			fmt++;
	}
	*p = '\0';
	va_end(ap);
	ucall(mb, UCALL_PRINTF);
}

void guest_abort(struct guest_mailbox *mb, const char *what)
{
	char *p = put_str(mb->text, mb->text + GUEST_TEXT_SIZE - 1, what);

	*p = '\0';
	for (;;)
		ucall(mb, UCALL_ABORT);
}
