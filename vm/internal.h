// vm/internal.h: entry points shared between runtime files that have no
// header of their own (builtins implemented across files, init hooks of
// each file, formatting helpers).
#ifndef KRAIT_VM_INTERNAL_H
#define KRAIT_VM_INTERNAL_H

#include "object.h"

// Start-up hooks of the files that define extra types (state.c calls them).
int ktuple_init(void);
int kstr_init_types(void);
int klist_init(void);
int kdictview_init(void);
int kobject_init_types(void);
int kset_init(void);
int krange_init(void);
int kbytes_init(void);
int kfloat_init(void);
int kiter_init(void);
int kmisc_init(void);
int kerr_init_memory_error(void);

// compile.c: compile(), exec(), eval(), open(); the compiler hook main.c sets.
extern KValue (*kcompile_hook)(KValue source, KValue filename, int mode, int optimize);
KValue kbuiltin_compile(const KValue *args, size_t nargs, KValue kwnames);
KValue kbuiltin_exec(const KValue *args, size_t nargs, KValue kwnames, int is_eval);
KValue kio_open(const KValue *args, size_t nargs, KValue kwnames);

// import.c: the import statement; the loader installs kimport_hook to find
// modules not in sys.modules (new reference, or KV_NULL without an error
// when not found).
extern KValue (*kimport_hook)(KValue absname);
KValue kimport_module(KValue name, KValue globals, KValue fromlist, int level);
// The module named 'dotted' ("importlib._bootstrap"), imported if need be:
// the module itself, not its top package. A new reference, or KV_NULL with
// an exception.
KValue kimport_cstr(const char *dotted);
// sys.builtin_module_names: the sorted names of the builtin modules.
KValue kimport_builtin_names(void);
// 1 when 'name' (a str) names a builtin module, else 0.
int kimport_is_builtin(KValue name);

// modules/atexit.c: runs the atexit callbacks, last registered first (kv_fini).
void katexit_run(void);

// complex.c
KValue kcomplex_new(double real, double imag);
// The parts of a complex (or complex subclass instance) 'v'.
void kcomplex_parts(KValue v, double *real, double *imag);
// As CPython's PyComplex_AsCComplex: a complex, __complex__, or a real
// number through __float__/__index__ (TypeError "must be real number, not
// T" otherwise). 0, or -1 with an exception.
K_MUST_CHECK int kcomplex_as_parts(KValue v, double *re, double *im);
KValue kcomplex_pow_real(double x, double y);

// dictview.c
KValue kdictview_new(KValue dict, int kind);
KValue kdict_iter(KValue d);
KValue kdict_reversed_iter(KValue d);

// float.c / format.c
KValue kfloat_from_string(KValue s);
KValue kfloat_format_spec(KValue self, KValue spec);
// format(complex(re, im), spec) for a non-empty 'spec'.
KValue kcomplex_format_spec(double re, double im, KValue spec);
KValue kstr_format_spec(KValue self, KValue spec);
KValue kstr_format_value(KValue v, int conversion, KValue spec);
KValue kstr_format_method(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kstr_format_map(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kstr_percent_format(KValue fmt, KValue args);
KValue kbytes_percent_format(KValue fmt, KValue args);

// iter.c
extern KType kenumerate_type, kzip_type, kmap_type, kfilter_type, kreversed_type;
KValue kcallable_iter_new(KValue callable, KValue sentinel);

// misc.c
KValue kgeneric_alias_new(KValue origin, KValue args);
KValue kunion_new(KValue a, KValue b);
int kunion_check(KValue v);
int kgeneric_alias_check(KValue v);
KValue kunion_args_borrow(KValue v);
KValue knamespace_new(KValue dict);
int kmatch_is_mapping(KValue v);
int kmatch_is_sequence(KValue v);
int kmatch_keys(KValue map, KValue keys, KValue *result);
int kmatch_class(KValue subject, KValue type, int nargs, KValue kwargs, KValue *result);
// __reduce__ of an iterator over 'seq' at 'index': (builtins.FN, (seq,),
// index), or once exhausted ('seq' KV_NULL) (iter, (empty,)) (vm/iter.c).
KValue kiter_reduce_indexed(const char *fn, KValue seq, ssize_t index, KValue empty);
// __setstate__'s index, clamped to [lo, hi]; -1 with an error.
int kiter_setstate_index(KValue state, ssize_t lo, ssize_t hi, ssize_t *index);
// The __dict__ getset of objects with a dict pointer (vm/class_new.c).
KValue kobj_generic_get_dict(KValue self);
int kobj_generic_set_dict(KValue self, KValue value);
// object.__reduce_ex__, __reduce__ and __getstate__ (vm/reduce.c).
KValue kobject_reduce_ex(KValue self, const KValue *args, size_t nargs, KValue kw);
KValue kobject_reduce(KValue self, const KValue *args, size_t nargs, KValue kw);
KValue kobject_getstate(KValue self, const KValue *args, size_t nargs, KValue kw);

// modules/sys.c
// Flushes sys.stdout and sys.stderr (errors ignored; a pending exception kept).
void ksys_flush_std(void);
void ksys_flush_streams(void);
int ksys_stream_write(KValue file, KValue text);

// str_methods.c
KValue kstr_new_from_object(KType *type, KValue obj, KValue encoding, KValue errors);
KValue kstr_getitem(KValue v, KValue key);
int kstr_is_identifier(KValue v);

// tuple.c: helpers shared by the sequence types.
KValue kseq_richcompare(const KValue *a, ssize_t na, const KValue *b, ssize_t nb, int op);
ssize_t kseq_clip_arg(KValue v, ssize_t len, ssize_t dflt);
KValue kseq_index_method(const KValue *items, ssize_t len, const KValue *args, size_t nargs,
                         const char *what);

// type.c: the type a builtin __new__ wrapper belongs to, or KV_NULL.
KValue ktype_new_wrapper_self(KValue f);

#endif
