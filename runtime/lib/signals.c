// SPDX-License-Identifier: MIT
/* SIGINT and SIGTERM end the run at a safe point (see signals.h). */
#include <signal.h>
#include <stddef.h>

#include "signals.h"
#include "test_assert.h"

static volatile sig_atomic_t caught;
static interrupt_fn on_interrupt;
static void *on_interrupt_opaque;

static void note_signal(int sig)
{
	if (!caught)
		caught = sig;
}

void signals_catch(interrupt_fn fn, void *opaque)
{
	/*
	 * SA_RESTART: a write to a slow pipe goes on instead of failing with
	 * EINTR (which stdio would keep as a write error).  KVM_RUN is not
	 * restarted: KVM returns EINTR to userspace whatever the flags say.
	 */
	struct sigaction sa = { .sa_handler = note_signal,
				.sa_flags = SA_RESTART };

	on_interrupt = fn;
	on_interrupt_opaque = opaque;
	sigemptyset(&sa.sa_mask);
	TEST_ASSERT(sigaction(SIGINT, &sa, NULL) == 0 &&
		    sigaction(SIGTERM, &sa, NULL) == 0, "sigaction failed");
}

int signals_caught(void)
{
	return caught;
}

void signals_check(void)
{
	interrupt_fn fn = on_interrupt;

	if (!caught || !fn)
		return;
	/* Once: the callback's own output passes through checks too. */
	on_interrupt = NULL;
	fn(caught, on_interrupt_opaque);
}
