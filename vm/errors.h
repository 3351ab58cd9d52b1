// vm/errors.h: raising, inspecting and clearing the pending exception of
// the running thread, and the builtin exception types. An exception is
// always a real instance (normalised at once); the pending one lives in the
// thread state (KThreadState.curexc). No longjmp: a failing function
// returns KV_NULL / -1 and its caller passes the exception up.
#ifndef KRAIT_VM_ERRORS_H
#define KRAIT_VM_ERRORS_H

#include <stdarg.h>

#include "object.h"

// The builtin exception hierarchy as one X-macro list: X(Name, Base, Layout,
// Doc), Layout the C struct of its instances (KException unless extra fields),
// Doc its __doc__ (CPython's).
#define KEXC_TYPES(X)                                                                              \
    X(BaseException, object, KException, "Common base class for all exceptions")                   \
    X(SystemExit, BaseException, KSystemExit, "Request to exit from the interpreter.")             \
    X(KeyboardInterrupt, BaseException, KException, "Program interrupted by user.")                \
    X(GeneratorExit, BaseException, KException, "Request that a generator exit.")                  \
    X(BaseExceptionGroup, BaseException, KExceptionGroup,                                          \
      "A combination of multiple unrelated exceptions.")                                           \
    X(Exception, BaseException, KException, "Common base class for all non-exit exceptions.")      \
    X(StopIteration, Exception, KStopIteration, "Signal the end from iterator.__next__().")        \
    X(StopAsyncIteration, Exception, KException, "Signal the end from iterator.__anext__().")      \
    X(ArithmeticError, Exception, KException, "Base class for arithmetic errors.")                 \
    X(FloatingPointError, ArithmeticError, KException, "Floating point operation failed.")         \
    X(OverflowError, ArithmeticError, KException, "Result too large to be represented.")           \
    X(ZeroDivisionError, ArithmeticError, KException,                                              \
      "Second argument to a division or modulo operation was zero.")                               \
    X(AssertionError, Exception, KException, "Assertion failed.")                                  \
    X(AttributeError, Exception, KAttributeError, "Attribute not found.")                          \
    X(BufferError, Exception, KException, "Buffer error.")                                         \
    X(EOFError, Exception, KException, "Read beyond end of file.")                                 \
    X(ImportError, Exception, KImportError,                                                        \
      "Import can't find module, or can't find name in module.")                                   \
    X(ModuleNotFoundError, ImportError, KImportError, "Module not found.")                         \
    X(LookupError, Exception, KException, "Base class for lookup errors.")                         \
    X(IndexError, LookupError, KException, "Sequence index out of range.")                         \
    X(KeyError, LookupError, KException, "Mapping key not found.")                                 \
    X(MemoryError, Exception, KException, "Out of memory.")                                        \
    X(NameError, Exception, KNameError, "Name not found globally.")                                \
    X(UnboundLocalError, NameError, KNameError, "Local name referenced but not bound to a value.") \
    X(OSError, Exception, KOSError, "Base class for I/O related errors.")                          \
    X(BlockingIOError, OSError, KOSError, "I/O operation would block.")                            \
    X(ChildProcessError, OSError, KOSError, "Child process error.")                                \
    X(ConnectionError, OSError, KOSError, "Connection error.")                                     \
    X(BrokenPipeError, ConnectionError, KOSError, "Broken pipe.")                                  \
    X(ConnectionAbortedError, ConnectionError, KOSError, "Connection aborted.")                    \
    X(ConnectionRefusedError, ConnectionError, KOSError, "Connection refused.")                    \
    X(ConnectionResetError, ConnectionError, KOSError, "Connection reset.")                        \
    X(FileExistsError, OSError, KOSError, "File already exists.")                                  \
    X(FileNotFoundError, OSError, KOSError, "File not found.")                                     \
    X(InterruptedError, OSError, KOSError, "Interrupted by signal.")                               \
    X(IsADirectoryError, OSError, KOSError, "Operation doesn't work on directories.")              \
    X(NotADirectoryError, OSError, KOSError, "Operation only works on directories.")               \
    X(PermissionError, OSError, KOSError, "Not enough permissions.")                               \
    X(ProcessLookupError, OSError, KOSError, "Process not found.")                                 \
    X(TimeoutError, OSError, KOSError, "Timeout expired.")                                         \
    X(ReferenceError, Exception, KException, "Weak ref proxy used after referent went away.")      \
    X(RuntimeError, Exception, KException, "Unspecified run-time error.")                          \
    X(NotImplementedError, RuntimeError, KException,                                               \
      "Method or function hasn't been implemented yet.")                                           \
    X(RecursionError, RuntimeError, KException, "Recursion limit exceeded.")                       \
    X(SyntaxError, Exception, KSyntaxError, "Invalid syntax.")                                     \
    X(IndentationError, SyntaxError, KSyntaxError, "Improper indentation.")                        \
    X(TabError, IndentationError, KSyntaxError, "Improper mixture of spaces and tabs.")            \
    X(SystemError, Exception, KException,                                                          \
      "Internal error in the Python interpreter.\n\nPlease report this to the "                    \
      "Python maintainer, along with the traceback,\nthe Python version, and "                     \
      "the hardware/OS platform and version.")                                                     \
    X(TypeError, Exception, KException, "Inappropriate argument type.")                            \
    X(ValueError, Exception, KException, "Inappropriate argument value (of correct type).")        \
    X(UnicodeError, ValueError, KException, "Unicode related error.")                              \
    X(UnicodeDecodeError, UnicodeError, KUnicodeError, "Unicode decoding error.")                  \
    X(UnicodeEncodeError, UnicodeError, KUnicodeError, "Unicode encoding error.")                  \
    X(UnicodeTranslateError, UnicodeError, KUnicodeError, "Unicode translation error.")            \
    X(Warning, Exception, KException, "Base class for warning categories.")                        \
    X(DeprecationWarning, Warning, KException,                                                     \
      "Base class for warnings about deprecated features.")                                        \
    X(PendingDeprecationWarning, Warning, KException,                                              \
      "Base class for warnings about features which will be deprecated\nin the "                   \
      "future.")                                                                                   \
    X(RuntimeWarning, Warning, KException,                                                         \
      "Base class for warnings about dubious runtime behavior.")                                   \
    X(SyntaxWarning, Warning, KException, "Base class for warnings about dubious syntax.")         \
    X(UserWarning, Warning, KException, "Base class for warnings generated by user code.")         \
    X(FutureWarning, Warning, KException,                                                          \
      "Base class for warnings about constructs that will change "                                 \
      "semantically\nin the future.")                                                              \
    X(ImportWarning, Warning, KException,                                                          \
      "Base class for warnings about probable mistakes in module imports")                         \
    X(UnicodeWarning, Warning, KException,                                                         \
      "Base class for warnings about Unicode related problems, mostly\nrelated "                   \
      "to conversion problems.")                                                                   \
    X(BytesWarning, Warning, KException,                                                           \
      "Base class for warnings about bytes and buffer related problems, "                          \
      "mostly\nrelated to conversion from str or comparing to str.")                               \
    X(ResourceWarning, Warning, KException, "Base class for warnings about resource usage.")       \
    X(EncodingWarning, Warning, KException, "Base class for warnings about encodings.")            \
    X(ExceptionGroup, BaseExceptionGroup, KExceptionGroup, NULL)

#define KEXC_DECLARE(name, base, layout, doc) extern KType kexc_##name;
KEXC_TYPES(KEXC_DECLARE)
#undef KEXC_DECLARE

// Instances of BaseException.
typedef struct KException {
    KOBJ_HEAD;
    KValue dict;
    KValue args;      // tuple
    KValue notes;     // list or KV_NULL (__notes__ lives in the dict as in CPython;
                      // unused)
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
static inline int kexc_is_instance(KValue v) { return kval_has_flag(v, KTF_EXC_SUBCLASS); }
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
// Raises OSError (or the subclass for 'errno') from errno, with 'filename'
// (KV_NULL: none).
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
// Makes 'exc' (owned; KV_NULL clears) the pending exception again, without
// chaining.
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
// Reports the pending exception as CPython's unraisable hook does and clears
// it: "MSG: repr(obj)" ('fallback' when obj is KV_NULL or its repr fails),
// then its traceback, to stderr.
void kerr_write_unraisable(const char *msg, KValue obj, const char *fallback);
// The exception currently being handled (sys.exception()), borrowed, or
// KV_NONE.
KValue kerr_handled_borrow(void);

// Raises UnicodeDecodeError('encoding', bytes 'data' of 'len', start, end,
// 'reason').
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
// Makes ExceptionGroup a subclass of Exception too (after the types are ready);
// -1 on error.
int kexcgroup_ready(void);
// BaseExceptionGroup('msg', excs): an ExceptionGroup when every member is an
// Exception.
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
