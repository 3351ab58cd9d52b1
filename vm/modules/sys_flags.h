// vm/modules/sys_flags.h: the command line's settings handed to the sys
// module (sys.flags, sys.dont_write_bytecode, sys.pycache_prefix, -u).
#ifndef KRAIT_VM_MODULES_SYS_FLAGS_H
#define KRAIT_VM_MODULES_SYS_FLAGS_H

typedef struct KSysFlags {
    int optimize;            // -O count
    int dont_write_bytecode; // -B or KRAITDONTWRITEBYTECODE
    int ignore_environment;  // -E (or -I)
    int isolated;            // -I
    int unbuffered;          // -u or KRAITUNBUFFERED
    const char *pycache_prefix;
} KSysFlags;

// Sets sys.flags, sys.dont_write_bytecode and sys.pycache_prefix from 'f'
// and makes stdout/stderr unbuffered under -u. 0, or -1 with an exception.
int ksys_apply_flags(const KSysFlags *f);

// sys.c: stdout and stderr write through (-u).
void ksys_set_write_through(void);

#endif
