// vm/gil.h: the global interpreter lock. krait runs Python code in one OS
// thread at a time: the thread holding the GIL, whose state kstate_ts points
// to. Until a second thread starts the GIL does not exist (no cost to a
// program with one thread); from then on a thread that waits longer than the
// switch interval (5 ms) asks the holder to let go, which the interpreter
// loop does at its next check (backward jumps, as for signals), and blocking
// calls (sleeping, waiting on locks, select, sockets, pipes, waitpid) give
// the GIL up while they wait.
#ifndef KRAIT_VM_GIL_H
#define KRAIT_VM_GIL_H

#include "state.h"

// Nonzero once a second thread was started.
extern int kgil_on;
// How long a waiting thread lets the holder run before asking it to switch
// (sys.setswitchinterval), in nanoseconds; 5 ms at start.
extern long kgil_interval_ns;

// Turns the GIL on, held by the current thread (before a second thread
// starts).
void kgil_start(void);
// Waits for the GIL, then makes 'ts' the current thread state.
void kgil_acquire(KThreadState *ts);
// Gives the GIL up (the current thread must hold it).
void kgil_release(void);
// From the interpreter loop: gives the GIL to a waiting thread when one asked
// for it, then takes it back.
void kgil_yield_if_asked(void);

// Around a blocking call that touches no Python object:
//     KThreadState *saved = kgil_save(); ... kgil_restore(saved);
// kgil_save gives the GIL up when threads exist (NULL otherwise, and while
// the runtime shuts down); kgil_restore takes it back, errno preserved.
KThreadState *kgil_save(void);
void kgil_restore(KThreadState *saved);

// The calling thread's identifier, as _thread.get_ident() gives it (its
// pthread_t as a small int).
intptr_t kgil_thread_ident(void);

// Threads started by _thread.start_new_thread and still running.
extern int kgil_threads;

// In the child after fork(): only the calling thread is left; it holds a
// fresh GIL and becomes the main thread.
void kgil_after_fork(void);
// Shutdown: from now on the main thread keeps the GIL for good, so threads
// still running (daemons) stop at their next switch.
void kgil_finalize(void);

#endif
