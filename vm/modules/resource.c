// vm/modules/resource.c: the resource module: getrlimit/setrlimit/prlimit
// with (soft, hard) tuples (RLIM_INFINITY is -1), getrusage as
// resource.struct_rusage, getpagesize and the RLIMIT_*/RUSAGE_* constants,
// with CPython's errors.
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../abstract.h"
#include "../errors.h"
#include "../float.h"
#include "../int.h"
#include "../module.h"
#include "../structseq.h"
#include "../tuple.h"
#include "../type.h"
#include "posix.h"

#define FUNC(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static KType rusage_type = {KOBJ_STATIC_HEAD(&ktype_type)};
static const char *const rusage_fields[] = {
    "ru_utime",  "ru_stime",  "ru_maxrss", "ru_ixrss",   "ru_idrss",   "ru_isrss",
    "ru_minflt", "ru_majflt", "ru_nswap",  "ru_inblock", "ru_oublock", "ru_msgsnd",
    "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"};
static const KStructSeqDesc rusage_desc = {"resource.struct_rusage", rusage_fields, 16, 16};

static KValue rlim_value(rlim_t v) {
    return v == RLIM_INFINITY ? kval_from_int(-1) : kint_from_i64((int64_t)v);
}

// A limit as CPython converts it: a C long long, cast (so -1 is RLIM_INFINITY).
static int rlim_arg(KValue v, rlim_t *out) {
    long n;
    if (knum_as_long(v, &n) < 0) {
        return -1;
    }
    *out = (rlim_t)n;
    return 0;
}

static int resource_arg(KValue v, int *res) {
    if (kposix_int_arg(v, res) < 0) {
        return -1;
    }
    if (*res < 0 || *res >= RLIM_NLIMITS) {
        kerr_set(&kexc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

// A (soft, hard) pair: any sequence of two integers.
static int limits_arg(KValue v, struct rlimit *rl) {
    KValue seq = kseq_fast(v, NULL);
    if (!seq) {
        return -1;
    }
    ssize_t n = kobj_len(seq);
    int r = -1;
    if (n != 2) {
        kerr_set(&kexc_ValueError, "expected a tuple of 2 integers");
    } else {
        KValue zero = kval_from_int(0), one = kval_from_int(1);
        KValue a = kobj_getitem(seq, zero), b = a ? kobj_getitem(seq, one) : KV_NULL;
        r = b && rlim_arg(a, &rl->rlim_cur) == 0 && rlim_arg(b, &rl->rlim_max) == 0 ? 0 : -1;
        kval_xdecref(a);
        kval_xdecref(b);
    }
    kval_decref(seq);
    return r;
}

static KValue limits_value(const struct rlimit *rl) {
    KValue a = rlim_value(rl->rlim_cur), b = a ? rlim_value(rl->rlim_max) : KV_NULL;
    KValue t = b ? ktuple_pack(2, a, b) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    return t;
}

// Raises setrlimit's OSError: EINVAL and EPERM get CPython's ValueErrors.
static KValue limit_error(void) {
    if (errno == EINVAL) {
        kerr_set(&kexc_ValueError, "current limit exceeds maximum limit");
        return KV_NULL;
    }
    if (errno == EPERM) {
        kerr_set(&kexc_ValueError, "not allowed to raise maximum limit");
        return KV_NULL;
    }
    return kposix_error();
}

FUNC(rs_getrlimit) {
    (void)self, (void)nargs, (void)kw;
    int res;
    struct rlimit rl;
    if (resource_arg(args[0], &res) < 0) {
        return KV_NULL;
    }
    if (getrlimit(res, &rl) < 0) {
        return kposix_error();
    }
    return limits_value(&rl);
}

FUNC(rs_setrlimit) {
    (void)self, (void)kw;
    int res;
    struct rlimit rl;
    if (kargs_count("setrlimit", nargs, 2, 2) < 0 || resource_arg(args[0], &res) < 0 ||
        limits_arg(args[1], &rl) < 0) {
        return KV_NULL;
    }
    if (setrlimit(res, &rl) < 0) {
        return limit_error();
    }
    return kval_newref(KV_NONE);
}

// prlimit(pid, resource[, limits]): the old limits, setting the new ones.
FUNC(rs_prlimit) {
    (void)self, (void)kw;
    int pid, res;
    struct rlimit new_rl, old_rl;
    if (nargs < 2 || nargs > 3) {
        kerr_set(&kexc_TypeError, "resource.prlimit requires 2 to 3 arguments");
        return KV_NULL;
    }
    if (kposix_int_arg(args[0], &pid) < 0 ||
        resource_arg(args[1], &res) < 0) {
        return KV_NULL;
    }
    int set = nargs > 2 && args[2] != KV_NONE;
    if (set && limits_arg(args[2], &new_rl) < 0) {
        return KV_NULL;
    }
    if (prlimit(pid, res, set ? &new_rl : NULL, &old_rl) < 0) {
        return errno == EINVAL || (set && errno == EPERM) ? limit_error() : kposix_error();
    }
    return limits_value(&old_rl);
}

static double seconds(struct timeval tv) {
    return (double)tv.tv_sec + (double)tv.tv_usec * 1e-6;
}

FUNC(rs_getrusage) {
    (void)self, (void)nargs, (void)kw;
    int who;
    struct rusage ru;
    if (kposix_int_arg(args[0], &who) < 0) {
        return KV_NULL;
    }
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            kerr_set(&kexc_ValueError, "invalid who parameter");
            return KV_NULL;
        }
        return kposix_error();
    }
    if (!rusage_type.name && kstructseq_init_type(&rusage_type, &rusage_desc) < 0) {
        return KV_NULL;
    }
    long ints[] = {ru.ru_maxrss, ru.ru_ixrss,   ru.ru_idrss,  ru.ru_isrss,  ru.ru_minflt,
                   ru.ru_majflt, ru.ru_nswap,   ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd,
                   ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw};
    KValue v[16];
    v[0] = kfloat_new(seconds(ru.ru_utime));
    v[1] = kfloat_new(seconds(ru.ru_stime));
    int ok = v[0] && v[1];
    for (int i = 0; i < 14; i++) {
        v[i + 2] = kint_from_i64(ints[i]);
        ok = ok && v[i + 2];
    }
    if (!ok) {
        for (int i = 0; i < 16; i++) {
            kval_xdecref(v[i]);
        }
        return KV_NULL;
    }
    return kstructseq_new(&rusage_type, v);
}

FUNC(rs_getpagesize) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kint_from_i64(sysconf(_SC_PAGESIZE));
}

static const KMethodDef resource_functions[] = {
    {"getrlimit", rs_getrlimit, KMETH_O, NULL},
    {"setrlimit", rs_setrlimit, KMETH_FAST, NULL},
    {"prlimit", rs_prlimit, KMETH_FAST, NULL},
    {"getrusage", rs_getrusage, KMETH_O, NULL},
    {"getpagesize", rs_getpagesize, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KModInt constants[] = {
    KMOD_INT(RLIMIT_AS), KMOD_INT(RLIMIT_CORE), KMOD_INT(RLIMIT_CPU), KMOD_INT(RLIMIT_DATA), KMOD_INT(RLIMIT_FSIZE),
    KMOD_INT(RLIMIT_MEMLOCK), KMOD_INT(RLIMIT_MSGQUEUE), KMOD_INT(RLIMIT_NICE), KMOD_INT(RLIMIT_NOFILE), KMOD_INT(RLIMIT_NPROC),
    KMOD_INT(RLIMIT_OFILE), KMOD_INT(RLIMIT_RSS), KMOD_INT(RLIMIT_RTPRIO), KMOD_INT(RLIMIT_RTTIME), KMOD_INT(RLIMIT_SIGPENDING),
    KMOD_INT(RLIMIT_STACK), {"RLIM_INFINITY", -1}, KMOD_INT(RUSAGE_CHILDREN), KMOD_INT(RUSAGE_SELF), KMOD_INT(RUSAGE_THREAD),
};

KValue kmod_resource_create(void) {
    if (!rusage_type.name && kstructseq_init_type(&rusage_type, &rusage_desc) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("resource");
    if (!m || kmod_add_functions(m, resource_functions) < 0 ||
        kmod_add(m, "struct_rusage", kval_of(&rusage_type)) < 0 ||
        kmod_add(m, "error", kval_of(&kexc_OSError)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    if (kmod_add_ints(m, constants, KMOD_NINTS(constants)) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
