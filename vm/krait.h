// vm/krait.h: the runtime's public face. Other components (the loader, the
// command line) use only this header.
#ifndef KRAIT_VM_KRAIT_H
#define KRAIT_VM_KRAIT_H

#include "format/format.h"

// Runs krait's command line ('krait FILE.py [args]', 'krait -c CODE'):
// compiles the source, runs it as __main__, prints an uncaught exception's
// traceback. Returns the process exit status (1 after an uncaught
// exception, SystemExit's code, 2 for usage errors).
int kv_run_main(int argc, char **argv);

// Starts the runtime with sys.argv = 'argv' ('argc' items); 0, or -1 after
// printing why to stderr.
int kv_init(int argc, char **argv);
// Runs the module code tree 'code' as module '__main__'. Returns 0, or the
// exit status after printing an uncaught exception (1) / for SystemExit.
int kv_run_code(const KfCode *code);
// Flushes sys.stdout/stderr and releases the runtime.
void kv_fini(void);

#endif
