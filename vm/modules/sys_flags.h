// vm/modules/sys_flags.h: the command line's settings handed to the sys
// module (sys.flags, sys.dont_write_bytecode, sys.pycache_prefix, -u).
#ifndef KRAIT_VM_MODULES_SYS_FLAGS_H
#define KRAIT_VM_MODULES_SYS_FLAGS_H

#include "../object.h"

typedef struct KSysFlags {
    int optimize;            // -O count
    int dont_write_bytecode; // -B or KRAITDONTWRITEBYTECODE
    int ignore_environment;  // -E (or -I)
    int isolated;            // -I
    int unbuffered;          // -u or KRAITUNBUFFERED
    const char *pycache_prefix;
    const char **warnoptions; // -W values after KRAITWARNINGS' items (nwarnoptions)
    int nwarnoptions;
    const char **xoptions; // -X values (nxoptions)
    int nxoptions;
    char **orig_argv; // the command line as given (orig_argc words)
    int orig_argc;
} KSysFlags;

// Sets sys.flags, sys.dont_write_bytecode, sys.pycache_prefix,
// sys.warnoptions, sys._xoptions and sys.orig_argv from 'f' and makes
// stdout/stderr unbuffered under -u. 0, or -1 with an exception.
int ksys_apply_flags(const KSysFlags *f);

// sys_info.c: adds int_info, float_info, hash_info, thread_info, the
// executable and prefixes, getfilesystemencoding and the small functions
// to the sys module 'sys'. 0, or -1 with an exception.
int ksys_add_info(KValue sys);

// sys_info.c: this executable's canonical absolute path (what realpath of
// /proc/self/exe answers), found once: borrowed, it lives as long as the
// process. NULL when unknown.
const char *ksys_executable_path(void);

// sys.c: stdout and stderr write through (-u).
void ksys_set_write_through(void);

#endif
