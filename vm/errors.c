// vm/errors.c: the pending exception of the running thread: raising (with
// implicit __context__ chaining, as CPython's _PyErr_SetObject), fetching,
// matching, and printing an uncaught exception with its traceback in
// CPython's format.
#include "errors.h"
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "code.h"
#include "dict.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "type.h"

static KValue memory_error_instance;

KValue kerr_occurred(void) {
    return kstate_ts->curexc;
}

KValue kerr_handled_borrow(void) {
    for (KExcInfo *e = kstate_ts->exc_info; e; e = e->previous) {
        if (e->exc && e->exc != KV_NONE) {
            return e->exc;
        }
    }
    return KV_NONE;
}

void kerr_raise(KValue exc) {
    KThreadState *ts = kstate_ts;
    KValue handled = kerr_handled_borrow();
    kval_incref(exc);
    if (handled != KV_NONE && handled != exc && kexc_is_instance(exc)) {
        // Cut a cycle: 'exc' must not already be in handled's context chain.
        KValue o = handled;
        while (1) {
            KValue ctx = ((KException *)o)->context;
            if (!ctx) {
                break;
            }
            if (ctx == exc) {
                ((KException *)o)->context = KV_NULL;
                kval_decref(ctx);
                break;
            }
            o = ctx;
        }
        kval_setref(&((KException *)exc)->context, kval_newref(handled));
    }
    KValue old = ts->curexc;
    ts->curexc = exc;
    kval_xdecref(old);
}

void kerr_restore(KValue exc) {
    KValue old = kstate_ts->curexc;
    kstate_ts->curexc = exc;
    kval_xdecref(old);
}

KValue kerr_fetch(void) {
    KValue e = kstate_ts->curexc;
    kstate_ts->curexc = KV_NULL;
    return e;
}

void kerr_clear(void) {
    KVAL_CLEAR(kstate_ts->curexc);
}

int kerr_matches(KType *type) {
    KValue e = kstate_ts->curexc;
    return e && ktype_is_subtype(kval_type(e), type);
}

int kerr_given_matches(KValue exc, KValue cls) {
    if (ktuple_check(cls)) {
        for (ssize_t i = 0; i < ktuple_len(cls); i++) {
            if (kerr_given_matches(exc, ktuple_items(cls)[i])) {
                return 1;
            }
        }
        return 0;
    }
    if (!ktype_check(cls)) {
        return 0;
    }
    return ktype_is_subtype(kval_type(exc), (KType *)cls);
}

void kerr_chain(KValue context) {
    if (!context) {
        return;
    }
    KValue exc = kstate_ts->curexc;
    if (!exc || exc == context) {
        kval_decref(context);
        return;
    }
    kval_setref(&((KException *)exc)->context, context);
}

static void raise_new(KType *type, KValue args_steal) {
    if (!args_steal) {
        return;
    }
    if (!type->new_) {
        KValue r = kobj_repr(args_steal);
        fprintf(stderr, "krait: %s raised during start-up: %s\n", type->name,
                r ? kstr_utf8(r, NULL) : "?");
        abort();
    }
    KValue exc = kexc_new(type, args_steal);
    kval_decref(args_steal);
    if (exc) {
        kerr_raise(exc);
        kval_decref(exc);
    }
}

void kerr_set_value(KType *type, KValue value) {
    if (value && ktuple_check(value)) {
        raise_new(type, kval_newref(value));
    } else {
        raise_new(type, value ? ktuple_pack(1, value) : ktuple_new(0));
    }
}

void kerr_set_key(KValue key) {
    raise_new(&kexc_KeyError, ktuple_pack(1, key));
}

void kerr_set(KType *type, const char *msg) {
    KValue s = kstr_from_cstr(msg);
    if (!s) {
        return;
    }
    raise_new(type, ktuple_pack(1, s));
    kval_decref(s);
}

void kerr_vformat(KType *type, const char *fmt, va_list ap) {
    KValue s = kstr_from_vformat(fmt, ap);
    if (!s) {
        return;
    }
    raise_new(type, ktuple_pack(1, s));
    kval_decref(s);
}

void kerr_format(KType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    kerr_vformat(type, fmt, ap);
    va_end(ap);
}

KValue kerr_no_memory(void) {
    if (memory_error_instance) {
        kerr_restore(kval_newref(memory_error_instance));
    } else {
        fprintf(stderr, "krait: out of memory during start-up\n");
        abort();
    }
    return KV_NULL;
}

int kerr_init_memory_error(void) {
    KValue args = ktuple_new(0);
    memory_error_instance = args ? kexc_new(&kexc_MemoryError, args) : KV_NULL;
    kval_xdecref(args);
    return memory_error_instance ? 0 : -1;
}

void kerr_bad_internal_call_at(const char *file, int line) {
    kerr_format(&kexc_SystemError, "bad internal call at %s:%d", file, line);
}

KType *kerr_errno_type(int e) {
    switch (e) {
    case ENOENT:
        return &kexc_FileNotFoundError;
    case EEXIST:
        return &kexc_FileExistsError;
    case EISDIR:
        return &kexc_IsADirectoryError;
    case ENOTDIR:
        return &kexc_NotADirectoryError;
    case EACCES:
    case EPERM:
        return &kexc_PermissionError;
    case EINTR:
        return &kexc_InterruptedError;
    case EPIPE:
        return &kexc_BrokenPipeError;
    case ECHILD:
        return &kexc_ChildProcessError;
    case ESRCH:
        return &kexc_ProcessLookupError;
    case ETIMEDOUT:
        return &kexc_TimeoutError;
    case ECONNREFUSED:
        return &kexc_ConnectionRefusedError;
    case ECONNRESET:
        return &kexc_ConnectionResetError;
    case ECONNABORTED:
        return &kexc_ConnectionAbortedError;
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &kexc_BlockingIOError;
    case ESHUTDOWN:
        return &kexc_BrokenPipeError;
    default:
        return &kexc_OSError;
    }
}

void kerr_from_errno(KValue filename) {
    kerr_from_errno2(filename, KV_NULL);
}

void kerr_from_errno2(KValue filename, KValue filename2) {
    int e = errno;
    if (e == EINTR && kerr_occurred()) {
        return; // a signal handler raised while the call waited (ksignal_retry)
    }
    KValue msg = kstr_from_cstr(strerror(e));
    if (!msg) {
        return;
    }
    KValue args = filename2  ? ktuple_pack(5, kval_from_int(e), msg, filename, KV_NONE, filename2)
                  : filename ? ktuple_pack(3, kval_from_int(e), msg, filename)
                             : ktuple_pack(2, kval_from_int(e), msg);
    kval_decref(msg);
    raise_new(kerr_errno_type(e), args);
}

KValue kexc_stop_value(KValue exc) {
    if (exc && ktype_is_subtype(kval_type(exc), &kexc_StopIteration)) {
        KValue v = ((KStopIteration *)exc)->value;
        return kval_newref(v ? v : KV_NONE);
    }
    return kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// Display.

typedef struct Out {
    KStrBuilder b;
} Out;

static void put(Out *o, const char *s) {
    kstr_builder_cstr(&o->b, s);
}

// Appends the '  File "f", line N' / text / caret lines of a SyntaxError.
static void format_syntax_location(Out *o, KSyntaxError *se) {
    put(o, "  File \"");
    if (se->filename && kstr_check(se->filename)) {
        kstr_builder_str(&o->b, se->filename);
    } else {
        put(o, "<string>");
    }
    kstr_builder_printf(&o->b, "\", line %ld\n", (long)kval_int(se->lineno));
    if (!se->text || !kstr_check(se->text)) {
        return;
    }
    KStr *s = (KStr *)se->text;
    ssize_t start = 0, end = s->len;
    while (end > 0 && (kstr_char(s, end - 1) == '\n' || kstr_char(s, end - 1) == '\r')) {
        end--;
    }
    while (start < end && (kstr_char(s, start) == ' ' || kstr_char(s, start) == '\t' ||
                           kstr_char(s, start) == '\f')) {
        start++;
    }
    KValue line = kstr_substr(se->text, start, end);
    if (!line) {
        kerr_clear();
        return;
    }
    put(o, "    ");
    kstr_builder_str(&o->b, line);
    put(o, "\n");
    kval_decref(line);
    long off = se->offset && kval_is_int(se->offset) ? (long)kval_int(se->offset) : 0;
    if (off < 1) {
        return;
    }
    long endoff = se->end_offset && kval_is_int(se->end_offset) ? (long)kval_int(se->end_offset)
                                                                : off + 1;
    long col = off - 1 - start, ecol = endoff - 1 - start;
    if (se->end_lineno && se->end_lineno != se->lineno) {
        ecol = (long)(end - start);
    }
    if (col < 0) {
        col = 0;
    }
    if (ecol <= col) {
        ecol = col + 1;
    }
    put(o, "    ");
    for (long i = 0; i < col; i++) {
        put(o, " ");
    }
    for (long i = col; i < ecol; i++) {
        put(o, "^");
    }
    put(o, "\n");
}

// Appends "Type: message" as traceback.format_exception_only does.
static void format_exception_only(Out *o, KValue exc) {
    KType *t = kval_type(exc);
    int syntax = ktype_is_subtype(t, &kexc_SyntaxError);
    KSyntaxError *se = (KSyntaxError *)exc;
    if (syntax && se->lineno && kval_is_int(se->lineno)) {
        format_syntax_location(o, se);
    }
    KValue mod = KV_NULL;
    if (t->flags & KTF_HEAPTYPE) {
        mod = kdict_get_borrow(t->dict, KID(__module__));
    }
    if (mod && kstr_check(mod) && !kstr_eq_cstr(mod, "builtins") &&
        !kstr_eq_cstr(mod, "__main__")) {
        kstr_builder_str(&o->b, mod);
        put(o, ".");
    }
    if (t->flags & KTF_HEAPTYPE) {
        kstr_builder_str(&o->b, t->ht_qualname);
    } else {
        put(o, ktype_name(t));
    }
    KValue s = syntax && se->msg ? kobj_str(se->msg) : kobj_str(exc);
    if (!s) {
        kerr_clear();
        put(o, ": <exception str() failed>\n");
        return;
    }
    if (kstr_len(s) > 0) {
        put(o, ": ");
        kstr_builder_str(&o->b, s);
    }
    kval_decref(s);
    put(o, "\n");
    KValue *dp = kobj_dictptr(exc);
    KValue notes = dp && *dp ? kdict_get_borrow(*dp, KID(__notes__)) : KV_NULL;
    if (notes && klist_check(notes)) {
        for (ssize_t i = 0; i < klist_len(notes); i++) {
            KValue n = klist_items(notes)[i];
            KValue ns = kstr_check(n) ? kval_newref(n) : kobj_repr(n);
            if (ns) {
                kstr_builder_str(&o->b, ns);
                put(o, "\n");
                kval_decref(ns);
            } else {
                kerr_clear();
            }
        }
    }
}

// The state of printing a chain that may hold exception groups, as
// traceback.py's _ExceptionPrintContext: inside a group every line is
// indented by its depth and starts with a margin ('|', '+' for the title).
typedef struct Ctx {
    Out *o;
    int group_depth;
    int need_close;
    int nseen;
    KValue seen[256]; // exceptions already printed: a chain is not followed twice
} Ctx;

// Marks 'exc' seen; 1 when it already was.
static int seen_before(Ctx *c, KValue exc) {
    for (int i = 0; i < c->nseen; i++) {
        if (c->seen[i] == exc) {
            return 1;
        }
    }
    if (c->nseen < (int)(sizeof c->seen / sizeof c->seen[0])) {
        c->seen[c->nseen++] = exc;
    }
    return 0;
}

enum { MAX_GROUP_WIDTH = 15, MAX_GROUP_DEPTH = 10 };

static void indent(Ctx *c) {
    for (int i = 0; i < 2 * c->group_depth; i++) {
        put(c->o, " ");
    }
}

// Appends the text in 'piece' (emptied), each line indented for the depth.
static void emit(Ctx *c, Out *piece, const char *margin) {
    KValue text = kstr_builder_finish(&piece->b);
    kstr_builder_init(&piece->b);
    if (!text) {
        kerr_clear();
        return;
    }
    ssize_t n;
    const char *u = kstr_utf8(text, &n);
    for (ssize_t start = 0; u && start < n;) {
        ssize_t end = start;
        while (end < n && u[end] != '\n') {
            end++;
        }
        if (c->group_depth) {
            indent(c);
            put(c->o, margin);
            put(c->o, " ");
        }
        kstr_builder_utf8(&c->o->b, u + start, end - start);
        put(c->o, "\n");
        start = end + 1;
    }
    kval_decref(text);
}

static void emit_cstr(Ctx *c, const char *text, const char *margin) {
    Out piece;
    kstr_builder_init(&piece.b);
    put(&piece, text);
    emit(c, &piece, margin);
}

static void format_one(Ctx *c, KValue exc, int depth);

// An exception group: its traceback and message, then each member framed.
static void format_group(Ctx *c, KValue exc, int depth) {
    KExceptionGroup *g = (KExceptionGroup *)exc;
    int toplevel = c->group_depth == 0;
    if (toplevel) {
        c->group_depth++;
    }
    Out piece;
    kstr_builder_init(&piece.b);
    if (g->base.traceback) {
        emit_cstr(c, "Exception Group Traceback (most recent call last):", toplevel ? "+" : "|");
        ktraceback_format(&piece.b, g->base.traceback);
        emit(c, &piece, "|");
    }
    format_exception_only(&piece, exc);
    emit(c, &piece, "|");
    kstr_builder_discard(&piece.b);
    ssize_t count = g->excs ? ktuple_len(g->excs) : 0;
    ssize_t shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (ssize_t i = 0; i < shown; i++) {
        int last = i == shown - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last) {
            c->need_close = 1;
        }
        indent(c);
        put(c->o, i == 0 ? "+-" : "  ");
        if (truncated) {
            put(c->o, "+---------------- ... ----------------\n");
        } else {
            kstr_builder_printf(&c->o->b, "+---------------- %zd ----------------\n", i + 1);
        }
        c->group_depth++;
        if (!truncated) {
            format_one(c, ktuple_items(g->excs)[i], depth + 1);
        } else {
            ssize_t more = count - MAX_GROUP_WIDTH;
            char text[64];
            snprintf(text, sizeof text, "and %zd more exception%s", more, more > 1 ? "s" : "");
            emit_cstr(c, text, "|");
        }
        if (last && c->need_close) {
            indent(c);
            put(c->o, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->group_depth--;
    }
    if (toplevel) {
        c->group_depth = 0;
    }
}

// 'exc' with its chain of causes and contexts, oldest first.
static void format_one(Ctx *c, KValue exc, int depth) {
    KException *e = (KException *)exc;
    seen_before(c, exc);
    if (depth < 100) {
        if (e->cause && kexc_is_instance(e->cause)) {
            if (!seen_before(c, e->cause)) {
                format_one(c, e->cause, depth + 1);
                emit_cstr(c,
                          "\nThe above exception was the direct cause of the following "
                          "exception:\n\n",
                          "|");
            }
        } else if (e->context && kexc_is_instance(e->context) && !e->suppress_context) {
            if (!seen_before(c, e->context)) {
                format_one(c, e->context, depth + 1);
                emit_cstr(c,
                          "\nDuring handling of the above exception, another exception "
                          "occurred:\n\n",
                          "|");
            }
        }
    }
    if (ktype_is_subtype(kval_type(exc), &kexc_BaseExceptionGroup)) {
        if (c->group_depth > MAX_GROUP_DEPTH) {
            char text[64];
            snprintf(text, sizeof text, "... (max_group_depth is %d)", MAX_GROUP_DEPTH);
            emit_cstr(c, text, "|");
            return;
        }
        format_group(c, exc, depth);
        return;
    }
    Out piece;
    kstr_builder_init(&piece.b);
    if (e->traceback) {
        put(&piece, "Traceback (most recent call last):\n");
        ktraceback_format(&piece.b, e->traceback);
    }
    format_exception_only(&piece, exc);
    emit(c, &piece, "|");
    kstr_builder_discard(&piece.b);
}

static void format_chain(Out *o, KValue exc) {
    Ctx c = {.o = o};
    format_one(&c, exc, 0);
}

void kerr_write_unraisable(const char *msg, KValue obj, const char *fallback) {
    KValue exc = kerr_fetch();
    KValue rep = obj ? kobj_repr(obj) : KV_NULL;
    const char *u = rep ? kstr_utf8(rep, NULL) : NULL;
    kerr_clear();
    ksys_write_stderr(msg);
    ksys_write_stderr(": ");
    ksys_write_stderr(u ? u : fallback);
    ksys_write_stderr("\n");
    kval_xdecref(rep);
    kerr_display(exc);
    kval_xdecref(exc);
}

void kerr_display(KValue exc) {
    if (!exc) {
        return;
    }
    KValue saved = kerr_fetch();
    Out o;
    kstr_builder_init(&o.b);
    if (kexc_is_instance(exc)) {
        format_chain(&o, exc);
    } else {
        KValue s = kobj_repr(exc);
        if (s) {
            kstr_builder_str(&o.b, s);
            kval_decref(s);
        }
        put(&o, "\n");
    }
    KValue text = kstr_builder_finish(&o.b);
    kerr_clear();
    if (text) {
        if (ksys_write(KID(stderr), text) < 0) {
            kerr_clear();
            const char *u = kstr_utf8(text, NULL);
            if (u) {
                fputs(u, stderr);
            }
        }
        kval_decref(text);
    }
    kerr_clear();
    kerr_restore(saved);
}
