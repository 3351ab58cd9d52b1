// vm/state.c: the thread state, the recursion limit, and start-up and
// shutdown of the runtime: every builtin type is readied in dependency
// order, then the builtins and sys modules are built.
#include "state.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "frame.h"
#include "func.h"
#include "gen.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "module.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "typeslots.h"

static KThreadState main_thread;
KThreadState *kstate_ts = &main_thread;
KThreadState *kstate_main = &main_thread;
KRuntime kruntime;

int kstate_enter_check_py(KThreadState *ts) {
    if (ts->recursion_headroom) {
        if (ts->depth > ts->recursion_limit + 100) {
            fprintf(stderr, "Fatal Python error: Cannot recover from stack overflow.\n");
            abort();
        }
        return 0;
    }
    ts->recursion_headroom = 1;
    kerr_set(&kexc_RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom = 0;
    return -1;
}

int kstate_enter(const char *where) {
    KThreadState *ts = kstate_ts;
    if (++ts->depth > ts->recursion_limit) {
        if (ts->recursion_headroom) {
            if (ts->depth > ts->recursion_limit + 100) {
                fprintf(stderr, "Fatal Python error: Cannot recover from stack overflow.\n");
                abort();
            }
            return 0;
        }
        ts->recursion_headroom = 1;
        kerr_format(&kexc_RecursionError, "maximum recursion depth exceeded%s", where);
        ts->recursion_headroom = 0;
        ts->depth--;
        return -1;
    }
    return 0;
}

KThreadState *kstate_new_thread(void) {
    KThreadState *ts = kmem_zalloc(sizeof *ts);
    if (!ts) {
        return NULL;
    }
    ts->recursion_limit = kstate_ts->recursion_limit;
    ts->exc_info = &ts->exc_base;
    return ts;
}

void kstate_clear_thread(KThreadState *ts) {
    KVAL_CLEAR(ts->curexc);
    KVAL_CLEAR(ts->exc_base.exc);
    KVAL_CLEAR(ts->context);
}

void kstate_free_thread(KThreadState *ts) {
    for (KStackChunk *c = ts->chunk; c;) {
        KStackChunk *prev = c->previous;
        kmem_free(c);
        c = prev;
    }
    kmem_free(ts);
}

int kerr_init_memory_error(void);
int ktuple_init(void);
int klist_init(void);
int kdictview_init(void);
int kobject_init_types(void);
int kset_init(void);
int krange_init(void);
int kbytes_init(void);
int kfloat_init(void);
int kiter_init(void);
int kmisc_init(void);

static KType *const core_types[] = {
    &kobject_type,       &ktype_type,          &kmethoddescr_type,  &kclassmethoddescr_type,
    &kwrapperdescr_type, &kmethodwrapper_type, &kmemberdescr_type,  &kgetsetdescr_type,
    &kcfunction_type,    &kstaticmethod_type,  &kclassmethod_type,  &kproperty_type,
    &kstr_type,          &kdict_type,          &ktuple_type,
    &kint_type,          &kbool_type,          &klist_type,         &kfloat_type,
    &kset_type,          &kfrozenset_type,     &krange_type,        &kslice_type,
    &kfunction_type,     &kmethod_type,        &kcode_type,         &kmodule_type,
    &kcell_type,         &kgen_type,           &ksuper_type,        &kmappingproxy_type,
    &ktraceback_type,    &kframe_type,         &kbytes_type,        &kbytearray_type,
    &kcomplex_type,      &knone_type,          &knotimpl_type,      &kellipsis_type,
    &kcoro_type,         &kcorowrapper_type,   &kasyncgen_type,     &kasyncgen_asend_type,
    &kasyncgen_athrow_type, &kasyncgen_wrapped_type,
};

int kstate_init(int argc, char **argv) {
    KThreadState *ts = kstate_ts;
    ts->recursion_limit = 1000;
    ts->exc_info = &ts->exc_base;
    if (kstr_init() < 0 || ktypeslots_init() < 0 || ktuple_init() < 0) {
        goto fail;
    }
    for (size_t i = 0; i < sizeof core_types / sizeof core_types[0]; i++) {
        if (ktype_ready(core_types[i]) < 0) {
            goto fail;
        }
    }
    if (kstr_init_types() < 0 || kexc_init() < 0 || kerr_init_memory_error() < 0 || klist_init() < 0 ||
        kdictview_init() < 0 || kobject_init_types() < 0 || kset_init() < 0 ||
        krange_init() < 0 || kbytes_init() < 0 || kfloat_init() < 0 || kiter_init() < 0 ||
        kmisc_init() < 0) {
        goto fail;
    }
    kruntime.modules = kdict_new();
    if (!kruntime.modules) {
        goto fail;
    }
    kruntime.builtins_mod = kmod_builtins_create();
    if (!kruntime.builtins_mod) {
        goto fail;
    }
    kruntime.builtins = kmod_dict_borrow(kruntime.builtins_mod);
    kruntime.sys = kmod_sys_create(argc, argv);
    if (!kruntime.sys) {
        goto fail;
    }
    kruntime.sys_dict = kmod_dict_borrow(kruntime.sys);
    if (kdict_set_cstr(kruntime.modules, "builtins", kruntime.builtins_mod) < 0 ||
        kdict_set_cstr(kruntime.modules, "sys", kruntime.sys) < 0) {
        goto fail;
    }
    kruntime.initialized = 1;
    return 0;
fail:
    fprintf(stderr, "krait: failed to initialise the runtime\n");
    if (ts->curexc) {
        KValue e = ts->curexc;
        KValue s = kobj_repr(e);
        if (s) {
            fprintf(stderr, "  %s\n", kstr_utf8(s, NULL));
        }
    }
    return -1;
}

void ksys_flush_streams(void);

void kstate_fini(void) {
    if (kruntime.initialized) {
        ksys_flush_streams();
    }
}
