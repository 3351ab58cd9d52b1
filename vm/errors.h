// vm/errors.h: raising, inspecting and clearing the pending exception of
// the running thread, and the builtin exception types. An exception is
// always a real instance (normalised at once); the pending one lives in the
// thread state (KThreadState.curexc). No longjmp: a failing function
// returns KV_NULL / -1 and its caller passes the exception up.
#ifndef KRAIT_VM_ERRORS_H
#define KRAIT_VM_ERRORS_H

#include <stdarg.h>

#include "object.h"

// The builtin exception hierarchy as one X-macro list: X(Name, Base, Layout),
// Layout the C struct of its instances (KException unless extra fields).
#define KEXC_TYPES(X)                                                                            \
    X(BaseException, object, KException)                                                         \
    X(SystemExit, BaseException, KSystemExit)                                                    \
    X(KeyboardInterrupt, BaseException, KException)                                              \
    X(GeneratorExit, BaseException, KException)                                                  \
    X(BaseExceptionGroup, BaseException, KExceptionGroup)                                        \
    X(Exception, BaseException, KException)                                                      \
    X(StopIteration, Exception, KStopIteration)                                                  \
    X(StopAsyncIteration, Exception, KException)                                                 \
    X(ArithmeticError, Exception, KException)                                                    \
    X(FloatingPointError, ArithmeticError, KException)                                           \
    X(OverflowError, ArithmeticError, KException)                                                \
    X(ZeroDivisionError, ArithmeticError, KException)                                            \
    X(AssertionError, Exception, KException)                                                     \
    X(AttributeError, Exception, KAttributeError)                                                \
    X(BufferError, Exception, KException)                                                        \
    X(EOFError, Exception, KException)                                                           \
    X(ImportError, Exception, KImportError)                                                      \
    X(ModuleNotFoundError, ImportError, KImportError)                                            \
    X(LookupError, Exception, KException)                                                        \
    X(IndexError, LookupError, KException)                                                       \
    X(KeyError, LookupError, KException)                                                         \
    X(MemoryError, Exception, KException)                                                        \
    X(NameError, Exception, KNameError)                                                          \
    X(UnboundLocalError, NameError, KNameError)                                                  \
    X(OSError, Exception, KOSError)                                                              \
    X(BlockingIOError, OSError, KOSError)                                                        \
    X(ChildProcessError, OSError, KOSError)                                                      \
    X(ConnectionError, OSError, KOSError)                                                        \
    X(BrokenPipeError, ConnectionError, KOSError)                                                \
    X(ConnectionAbortedError, ConnectionError, KOSError)                                         \
    X(ConnectionRefusedError, ConnectionError, KOSError)                                         \
    X(ConnectionResetError, ConnectionError, KOSError)                                           \
    X(FileExistsError, OSError, KOSError)                                                        \
    X(FileNotFoundError, OSError, KOSError)                                                      \
    X(InterruptedError, OSError, KOSError)                                                       \
    X(IsADirectoryError, OSError, KOSError)                                                      \
    X(NotADirectoryError, OSError, KOSError)                                                     \
    X(PermissionError, OSError, KOSError)                                                        \
    X(ProcessLookupError, OSError, KOSError)                                                     \
    X(TimeoutError, OSError, KOSError)                                                           \
    X(ReferenceError, Exception, KException)                                                     \
    X(RuntimeError, Exception, KException)                                                       \
    X(NotImplementedError, RuntimeError, KException)                                             \
    X(RecursionError, RuntimeError, KException)                                                  \
    X(SyntaxError, Exception, KSyntaxError)                                                      \
    X(IndentationError, SyntaxError, KSyntaxError)                                               \
    X(TabError, IndentationError, KSyntaxError)                                                  \
    X(SystemError, Exception, KException)                                                        \
    X(TypeError, Exception, KException)                                                          \
    X(ValueError, Exception, KException)                                                         \
    X(UnicodeError, ValueError, KException)                                                      \
    X(UnicodeDecodeError, UnicodeError, KUnicodeError)                                           \
    X(UnicodeEncodeError, UnicodeError, KUnicodeError)                                           \
    X(UnicodeTranslateError, UnicodeError, KUnicodeError)                                        \
    X(Warning, Exception, KException)                                                            \
    X(DeprecationWarning, Warning, KException)                                                   \
    X(PendingDeprecationWarning, Warning, KException)                                            \
    X(RuntimeWarning, Warning, KException)                                                       \
    X(SyntaxWarning, Warning, KException)                                                        \
    X(UserWarning, Warning, KException)                                                          \
    X(FutureWarning, Warning, KException)                                                        \
    X(ImportWarning, Warning, KException)                                                        \
    X(UnicodeWarning, Warning, KException)                                                       \
    X(BytesWarning, Warning, KException)                                                         \
    X(ResourceWarning, Warning, KException)                                                      \
    X(EncodingWarning, Warning, KException)                                                      \
    X(ExceptionGroup, BaseExceptionGroup, KExceptionGroup)

#define KEXC_DECLARE(name, base, layout) extern KType kexc_##name;
KEXC_TYPES(KEXC_DECLARE)
#undef KEXC_DECLARE

// Instances of BaseException.
typedef struct KException {
    KOBJ_HEAD;
    KValue dict;
    KValue args;      // tuple
    KValue notes;     // list or KV_NULL (__notes__ lives in the dict as in CPython; unused)
    KValue traceback; // KTraceback or KV_NULL
    KValue context, cause;
    char suppress_context;
} KException;

typedef struct KStopIteration {
    KException base;
    KValue value;
} KStopIteration;

typedef struct KSystemExit {
    KException base;
    KValue code;
} KSystemExit;

typedef struct KImportError {
    KException base;
    KValue msg, name, path;
} KImportError;

typedef struct KNameError {
    KException base;
    KValue name;
} KNameError;

typedef struct KAttributeError {
    KException base;
    KValue name, obj;
} KAttributeError;

typedef struct KOSError {
    KException base;
    KValue myerrno, strerror, filename, filename2;
} KOSError;

typedef struct KSyntaxError {
    KException base;
    KValue msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
} KSyntaxError;

// UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError.
typedef struct KUnicodeError {
    KException base;
    KValue encoding, object, start, end, reason; // start and end: ints
} KUnicodeError;

typedef struct KExceptionGroup {
    KException base;
    KValue msg, excs;
} KExceptionGroup;

// True when 'v' is an exception instance / an exception class.
static inline int kexc_is_instance(KValue v) {
    return kval_has_flag(v, KTF_EXC_SUBCLASS);
}
int kexc_is_class(KValue v);

// Creates the exception types (called once by kstate_init); -1 on failure.
int kexc_init(void);

// An instance of 'type' with 'args' (a tuple): calls the class.
KValue kexc_new(KType *type, KValue args);

// ---------------------------------------------------------------------------
// The pending exception.

// Raises 'exc' (an exception instance, borrowed), chaining the exception
// being handled as its __context__.
void kerr_raise(KValue exc);
// Raises 'type'('msg').
void kerr_set(KType *type, const char *msg);
// Raises 'type' with a message formatted as kstr_from_format does
// (%s %d %ld %zd %zu %c %x %p, %R repr, %S str, %U a str value, %T a
// value's type name, %N a KType's name).
void kerr_format(KType *type, const char *fmt, ...);
void kerr_vformat(KType *type, const char *fmt, va_list ap);
// Raises 'type' with 'value' as its single argument (a tuple is unpacked,
// as raise type(value) ... does for KeyError(key) use kerr_set_key).
void kerr_set_value(KType *type, KValue value);
// KeyError(key): the key is always wrapped, even a tuple.
void kerr_set_key(KValue key);
// Raises MemoryError; returns KV_NULL for 'return kerr_no_memory();'.
KValue kerr_no_memory(void);
// Raises OSError (or the subclass for 'errno') from errno, with 'filename' (KV_NULL: none).
void kerr_from_errno(KValue filename);
// As kerr_from_errno with two file names ('filename2' KV_NULL: none), as
// os.rename's "[Errno 2] ...: 'a' -> 'b'".
void kerr_from_errno2(KValue filename, KValue filename2);
// The OSError subclass CPython raises for 'errno' (ENOENT: FileNotFoundError),
// or OSError itself.
KType *kerr_errno_type(int e);
// Raises SystemError("bad internal call at FILE:LINE"), for broken invariants.
#define kerr_bad_internal_call() kerr_bad_internal_call_at(__FILE__, __LINE__)
void kerr_bad_internal_call_at(const char *file, int line);

// The pending exception, borrowed, or KV_NULL.
KValue kerr_occurred(void);
// True when an exception is pending and is an instance of 'type'.
int kerr_matches(KType *type);
// Takes the pending exception (owned) out of the thread state, or KV_NULL.
KValue kerr_fetch(void);
// Makes 'exc' (owned; KV_NULL clears) the pending exception again, without chaining.
void kerr_restore(KValue exc);
// Discards the pending exception.
void kerr_clear(void);
// Adds the pending exception's __context__ (for C code that handles an
// exception and raises another, as _PyErr_ChainExceptions).
void kerr_chain(KValue context_steal);

// True when 'exc' (instance) matches 'cls' (a class or tuple of classes).
int kerr_given_matches(KValue exc, KValue cls);

// Writes the traceback and "Type: message" of 'exc' to stderr, as CPython's
// default excepthook.
void kerr_display(KValue exc);
// The exception currently being handled (sys.exception()), borrowed, or KV_NONE.
KValue kerr_handled_borrow(void);

// Raises UnicodeDecodeError('encoding', bytes 'data' of 'len', start, end, 'reason').
void kerr_unicode_decode(const char *encoding, const char *data, ssize_t len, ssize_t start,
                         ssize_t end, const char *reason);
// Raises UnicodeEncodeError('encoding', 'str', start, end, 'reason').
void kerr_unicode_encode(const char *encoding, KValue str, ssize_t start, ssize_t end,
                         const char *reason);

// StopIteration's value (None when absent), new reference.
KValue kexc_stop_value(KValue exc);

// ---------------------------------------------------------------------------
// Exception groups (excgroup.c).

// Gives BaseExceptionGroup its constructor and methods (called by kexc_init).
void kexcgroup_init_types(void);
// Makes ExceptionGroup a subclass of Exception too (after the types are ready); -1 on error.
int kexcgroup_ready(void);
// BaseExceptionGroup('msg', excs): an ExceptionGroup when every member is an Exception.
KValue kexcgroup_new(const char *msg, KValue excs);
// CHECK_EG_MATCH: splits 'exc' (an exception or None) by the clause's
// 'type' into '*match' (None: no match; a naked exception comes wrapped in
// a group) and '*rest' (None: nothing left), new references. -1 on error.
int kexcgroup_match(KValue exc, KValue type, KValue *match, KValue *rest);
// PREP_RERAISE_STAR: what to raise after the except* clauses of a try that
// caught 'orig': the re-raised parts of 'orig' (same nesting) and the
// exceptions the clauses raised ('excs', a list with None for nothing), in
// one group; None when nothing is left.
KValue kexcgroup_prep_reraise_star(KValue orig, KValue excs);

#endif
