// vm/modules/time.c: the time module: the clocks (time, monotonic,
// perf_counter, process_time, thread_time and their _ns forms), sleep,
// struct_time (a tuple of nine fields plus tm_zone and tm_gmtoff, as
// CPython's structseq), gmtime, localtime, mktime, strftime, asctime,
// ctime, strptime (through the pure-Python _strptime, as CPython), and
// timezone/altzone/daylight/tzname, with CPython's checks and messages.
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "_signal.h"
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../gil.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../structseq.h"
#include "../tuple.h"
#include "../type.h"

// ---------------------------------------------------------------------------
// Clocks

static KValue clock_float(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return kfloat_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static KValue clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    // Nanoseconds since 1970 fit a tagged int until the year 2116.
    return kval_from_int((intptr_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FN(name, id)                                                                       \
    static KValue t_##name(KValue self, const KValue *args, size_t nargs, KValue kw) {           \
        (void)self, (void)args, (void)nargs, (void)kw;                                           \
        return clock_float(id);                                                                  \
    }                                                                                            \
    static KValue t_##name##_ns(KValue self, const KValue *args, size_t nargs, KValue kw) {      \
        (void)self, (void)args, (void)nargs, (void)kw;                                           \
        return clock_ns(id);                                                                     \
    }
CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)

// A number of seconds as a double: float, or anything with __index__.
static int seconds_arg(KValue v, double *out) {
    if (kval_has_flag(v, KTF_INT_SUBCLASS) || kval_type(v) == &kfloat_type ||
        ktype_is_subtype(kval_type(v), &kfloat_type)) {
        *out = knum_as_double(v);
        return *out == -1.0 && kerr_occurred() ? -1 : 0;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    *out = knum_as_double(i);
    kval_decref(i);
    return *out == -1.0 && kerr_occurred() ? -1 : 0;
}

static KValue t_sleep(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    double secs;
    if (seconds_arg(args[0], &secs) < 0) {
        return KV_NULL;
    }
    if (isnan(secs)) {
        kerr_set(&kexc_ValueError, "Invalid value NaN (not a number)");
        return KV_NULL;
    }
    if (secs < 0) {
        kerr_set(&kexc_ValueError, "sleep length must be non-negative");
        return KV_NULL;
    }
    struct timespec ts = {(time_t)secs, (long)((secs - floor(secs)) * 1e9)};
    for (;;) {
        KThreadState *saved = kgil_save();
        int r = nanosleep(&ts, &ts);
        kgil_restore(saved);
        if (r == 0 || errno != EINTR) {
            break;
        }
        if (!ksignal_retry()) {
            return KV_NULL; // a signal handler raised (PEP 475)
        }
    }
    return kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// struct_time

enum { ST_VISIBLE = 9, ST_FIELDS = 11 };

static const char *const st_names[ST_FIELDS] = {
    "tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",   "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static const KStructSeqDesc struct_time_desc = {"time.struct_time", st_names, ST_VISIBLE,
                                                ST_FIELDS};

static KType struct_time_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static KValue tm_to_struct_time(const struct tm *tm) {
    KValue values[ST_FIELDS] = {
        kval_from_int((intptr_t)tm->tm_year + 1900), kval_from_int(tm->tm_mon + 1),
        kval_from_int(tm->tm_mday), kval_from_int(tm->tm_hour), kval_from_int(tm->tm_min),
        kval_from_int(tm->tm_sec), kval_from_int((tm->tm_wday + 6) % 7),
        kval_from_int(tm->tm_yday + 1), kval_from_int(tm->tm_isdst),
        tm->tm_zone ? kstr_from_cstr(tm->tm_zone) : kval_newref(KV_NONE),
        kval_from_int(tm->tm_gmtoff),
    };
    if (!values[9]) {
        return KV_NULL;
    }
    return kstructseq_new(&struct_time_type, values);
}

// ---------------------------------------------------------------------------
// Conversions

// A timestamp argument (None or absent: now) as time_t, rounded down.
static int timestamp_arg(KValue v, time_t *out) {
    if (!v || v == KV_NONE) {
        *out = time(NULL);
        return 0;
    }
    if (kval_type(v) == &kfloat_type || ktype_is_subtype(kval_type(v), &kfloat_type)) {
        double d = floor(kfloat_value(v));
        if (isnan(d)) {
            kerr_set(&kexc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
            kerr_set(&kexc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    ssize_t n = knum_as_ssize(i, &kexc_OverflowError);
    kval_decref(i);
    if (n == -1 && kerr_occurred()) {
        kerr_clear();
        kerr_set(&kexc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)n;
    return 0;
}

static KValue convert_time(KValue arg, int local) {
    time_t t;
    if (timestamp_arg(arg, &t) < 0) {
        return KV_NULL;
    }
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        kerr_set(&kexc_OverflowError, "timestamp out of range for platform time_t");
        return KV_NULL;
    }
    return tm_to_struct_time(&tm);
}

static KValue t_gmtime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("gmtime", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    return convert_time(nargs ? args[0] : KV_NULL, 0);
}

static KValue t_localtime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("localtime", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    return convert_time(nargs ? args[0] : KV_NULL, 1);
}

// A 9-tuple or struct_time into 'tm' (CPython's gettmarg): 'fname' names
// the caller in "fname(): illegal time tuple argument".
static int tuple_to_tm(KValue v, struct tm *tm, const char *fname) {
    if (!ktuple_check(v)) {
        kerr_set(&kexc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (ktuple_len(v) != ST_VISIBLE) {
        kerr_format(&kexc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    long f[ST_VISIBLE];
    for (int i = 0; i < ST_VISIBLE; i++) {
        KValue item = ktuple_items(v)[i];
        if (kval_type(item) == &kfloat_type) {
            kerr_set(&kexc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        ssize_t n = knum_as_ssize(item, &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return -1;
        }
        if (i > 0 && (n > 2147483647 || n < -2147483647 - 1)) {
            kerr_set(&kexc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        f[i] = (long)n;
    }
    memset(tm, 0, sizeof *tm);
    if (f[0] - 1900 > 2147483647 || f[0] - 1900 < -2147483647 - 1) {
        kerr_set(&kexc_OverflowError, "year out of range");
        return -1;
    }
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)f[8];
    if (kval_type(v) == &struct_time_type) {
        KValue zone = ((KTuple *)v)->items[9], off = ((KTuple *)v)->items[10];
        if (zone != KV_NONE && kstr_check(zone)) {
            tm->tm_zone = kstr_utf8(zone, NULL);
        }
        if (off != KV_NONE) {
            tm->tm_gmtoff = knum_as_ssize(off, NULL);
            if (kerr_occurred()) {
                return -1;
            }
        }
    }
    return 0;
}

static int range_error(const char *msg) {
    kerr_set(&kexc_ValueError, msg);
    return -1;
}

// CPython's checktm: out-of-range fields of a tuple from Python raise; 0
// for month, day and day of year is taken as the first.
static int check_tm(struct tm *tm) {
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    } else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        return range_error("month out of range");
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    } else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        return range_error("day of month out of range");
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        return range_error("hour out of range");
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        return range_error("minute out of range");
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        return range_error("seconds out of range");
    }
    if (tm->tm_wday < 0) {
        return range_error("day of week out of range");
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    } else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        return range_error("day of year out of range");
    }
    if (tm->tm_isdst < -1) {
        tm->tm_isdst = -1;
    } else if (tm->tm_isdst > 1) {
        tm->tm_isdst = 1;
    }
    return 0;
}

// The struct tm of the optional tuple argument, or of localtime() now.
static int tm_arg(KValue v, struct tm *tm, const char *fname) {
    if (!v) {
        time_t now = time(NULL);
        localtime_r(&now, tm);
        return 0;
    }
    return tuple_to_tm(v, tm, fname) < 0 || check_tm(tm) < 0 ? -1 : 0;
}

static KValue t_mktime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    struct tm tm;
    if (tuple_to_tm(args[0], &tm, "mktime") < 0) {
        return KV_NULL;
    }
    tm.tm_wday = -1; // sentinel: mktime() leaves it alone on failure
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        kerr_set(&kexc_OverflowError, "mktime argument out of range");
        return KV_NULL;
    }
    return kfloat_new((double)t);
}

static KValue t_strftime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("strftime", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
        return KV_NULL;
    }
    struct tm tm;
    if (tm_arg(nargs > 1 ? args[1] : KV_NULL, &tm, "strftime") < 0) {
        return KV_NULL;
    }
    ssize_t flen;
    const char *fmt = kstr_utf8(args[0], &flen);
    if (!fmt) {
        return KV_NULL;
    }
    if (flen == 0) {
        return kstr_from_cstr("");
    }
    if ((ssize_t)strlen(fmt) != flen) {
        kerr_set(&kexc_ValueError, "embedded null character");
        return KV_NULL;
    }
    // strftime returns 0 both for "too small" and for an empty result: grow
    // up to 256 times the format's length, as CPython does.
    for (size_t size = 1024; size <= (size_t)flen * 256 + 1024; size *= 2) {
        char *buf = kmem_alloc(size);
        if (!buf) {
            return kerr_no_memory();
        }
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0 || size >= (size_t)flen * 256) {
            KValue r = kstr_from_utf8(buf, (ssize_t)n);
            kmem_free(buf);
            return r;
        }
        kmem_free(buf);
    }
    return kstr_from_cstr("");
}

static KValue format_asctime(const struct tm *tm) {
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return kstr_from_format("%s %s%3d %02d:%02d:%02d %d", wday[tm->tm_wday], mon[tm->tm_mon],
                            tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                            1900 + tm->tm_year);
}

static KValue t_asctime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("asctime", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    struct tm tm;
    if (tm_arg(nargs ? args[0] : KV_NULL, &tm, "asctime") < 0) {
        return KV_NULL;
    }
    return format_asctime(&tm);
}

static KValue t_ctime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("ctime", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    time_t t;
    struct tm tm;
    if (timestamp_arg(nargs ? args[0] : KV_NULL, &t) < 0) {
        return KV_NULL;
    }
    if (!localtime_r(&t, &tm)) {
        kerr_set(&kexc_OverflowError, "timestamp out of range for platform time_t");
        return KV_NULL;
    }
    return format_asctime(&tm);
}

static KValue t_strptime(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    KValue name = kstr_from_cstr("_strptime");
    KValue mod = name ? kimport_module(name, KV_NULL, KV_NULL, 0) : KV_NULL;
    kval_xdecref(name);
    if (!mod) {
        return KV_NULL;
    }
    KValue fn = kobj_getattr_cstr(mod, "_strptime_time");
    kval_decref(mod);
    if (!fn) {
        return KV_NULL;
    }
    KValue r = kobj_call(fn, args, nargs, KV_NULL);
    kval_decref(fn);
    return r;
}

// get_clock_info(name): a SimpleNamespace of the clock's implementation,
// monotonic, adjustable and resolution, as CPython on Linux reports them.
static KValue t_get_clock_info(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    static const struct {
        const char *name, *impl;
        clockid_t id;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1,
         0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "get_clock_info() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!kstr_eq_cstr(args[0], clocks[i].name)) {
            continue;
        }
        struct timespec res;
        double resolution = clock_getres(clocks[i].id, &res) == 0
                                ? (double)res.tv_sec + (double)res.tv_nsec * 1e-9
                                : 1e-9;
        KValue d = kdict_new();
        KValue impl = d ? kstr_from_cstr(clocks[i].impl) : KV_NULL;
        KValue r = impl ? kfloat_new(resolution) : KV_NULL;
        int ok = r && kdict_set_cstr(d, "implementation", impl) == 0 &&
                 kdict_set_cstr(d, "monotonic", kbool_from(clocks[i].monotonic)) == 0 &&
                 kdict_set_cstr(d, "adjustable", kbool_from(clocks[i].adjustable)) == 0 &&
                 kdict_set_cstr(d, "resolution", r) == 0;
        KValue ns = ok ? knamespace_new(d) : KV_NULL;
        kval_xdecref(d);
        kval_xdecref(impl);
        kval_xdecref(r);
        return ns;
    }
    kerr_set(&kexc_ValueError, "unknown clock");
    return KV_NULL;
}

static const KMethodDef time_methods[] = {
    {"get_clock_info", t_get_clock_info, KMETH_O, NULL},
    {"time", t_time, KMETH_NOARGS, NULL},
    {"time_ns", t_time_ns, KMETH_NOARGS, NULL},
    {"monotonic", t_monotonic, KMETH_NOARGS, NULL},
    {"monotonic_ns", t_monotonic_ns, KMETH_NOARGS, NULL},
    {"perf_counter", t_perf_counter, KMETH_NOARGS, NULL},
    {"perf_counter_ns", t_perf_counter_ns, KMETH_NOARGS, NULL},
    {"process_time", t_process_time, KMETH_NOARGS, NULL},
    {"process_time_ns", t_process_time_ns, KMETH_NOARGS, NULL},
    {"thread_time", t_thread_time, KMETH_NOARGS, NULL},
    {"thread_time_ns", t_thread_time_ns, KMETH_NOARGS, NULL},
    {"sleep", t_sleep, KMETH_O, NULL},
    {"gmtime", t_gmtime, KMETH_FAST, NULL},
    {"localtime", t_localtime, KMETH_FAST, NULL},
    {"mktime", t_mktime, KMETH_O, NULL},
    {"strftime", t_strftime, KMETH_FAST, NULL},
    {"asctime", t_asctime, KMETH_FAST, NULL},
    {"ctime", t_ctime, KMETH_FAST, NULL},
    {"strptime", t_strptime, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_timezone(KValue m) {
    tzset();
    KValue names = ktuple_new(2);
    if (!names) {
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        ktuple_items(names)[i] = kstr_from_cstr(tzname[i]);
        if (!ktuple_items(names)[i]) {
            ktuple_items(names)[i] = kval_newref(KV_NONE);
            kval_decref(names);
            return -1;
        }
    }
    long tz = (long)timezone;
    int r = kmod_add(m, "tzname", names) < 0 ||
                    kmod_add(m, "timezone", kval_from_int(tz)) < 0 ||
                    kmod_add(m, "altzone", kval_from_int(daylight ? tz - 3600 : tz)) < 0 ||
                    kmod_add(m, "daylight", kval_from_int(daylight)) < 0
                ? -1
                : 0;
    kval_decref(names);
    return r;
}

KValue kmod_time_create(void) {
    if (!struct_time_type.name && kstructseq_init_type(&struct_time_type, &struct_time_desc) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("time");
    if (!m || kmod_add_functions(m, time_methods) < 0 ||
        kmod_add(m, "struct_time", kval_of(&struct_time_type)) < 0 || add_timezone(m) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
