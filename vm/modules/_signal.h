// vm/modules/_signal.h: what the interpreter loop needs of _signal.c:
// signals caught by a Python-level handler wait in ksignal_pending until
// the loop runs their handlers.
#ifndef KRAIT_VM_MODULES_SIGNAL_H
#define KRAIT_VM_MODULES_SIGNAL_H

#include <signal.h>

// Set by the C signal handler when a signal with a Python handler arrived.
// With threads it is also the interpreter loop's prompt to let another thread
// have the GIL (vm/gil.c), so it is the loop's one flag to test.
extern volatile sig_atomic_t ksignal_pending;
// Set with ksignal_pending when a signal arrived; only the main thread runs
// the handlers and clears it.
extern volatile sig_atomic_t ksignal_tripped;

// Runs the Python handlers of the signals that arrived (with the signal
// number and the current frame), in the main thread (another thread returns
// 0 and leaves them for it). 0, or -1 with the exception a handler raised
// (the remaining signals stay pending).
int ksignal_run_pending(void);

// For a system call that failed with EINTR: runs the handlers of the signals
// that arrived, as CPython does (PEP 475). 1: retry the call; 0: a handler
// raised, its exception is set and errno is EINTR again, so the caller's
// kerr_from_errno keeps that exception.
int ksignal_retry(void);

// Process set-up at start: SIGINT raises KeyboardInterrupt (unless it was
// ignored when the process started), SIGPIPE and SIGXFSZ are ignored so
// writes fail with an OSError, as in CPython.
void ksignal_init_process(void);

#endif
