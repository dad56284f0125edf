/* SPDX-License-Identifier: MIT */
/*
 * SIGINT and SIGTERM end a run cleanly instead of at once: the handler
 * only notes the signal, and the run stops at the next point where that
 * is safe (a guest run, which the signal interrupts: KVM_RUN returns
 * EINTR; or the end of a unit of output).  There, the callback the
 * program gave ends the report and the process.  Without a callback the
 * signals keep their default action (the tests that link the runtime).
 */
#ifndef MSRCHECK_SIGNALS_H
#define MSRCHECK_SIGNALS_H

/* Ends the run after signal sig; must not return. */
typedef void (*interrupt_fn)(int sig, void *opaque)
	__attribute__((noreturn));

/* Catches SIGINT and SIGTERM from now on; fn runs at the next check. */
void signals_catch(interrupt_fn fn, void *opaque);
/* The signal caught so far, or 0. */
int signals_caught(void);
/* Calls the callback if a signal was caught (it does not return then). */
void signals_check(void);

#endif
