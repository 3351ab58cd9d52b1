// loader/compileall.c: kraitc's tree compiler, speaking python -m
// compileall's language and printing what it prints ("Listing 'dir'...",
// "Compiling 'f.py'...", "*** " and the error), with the same exit status:
// 1 when any file failed, after every file was tried. Caches that are valid
// (by the loader's own rules, kl_check_cache) are skipped silently.
//
// With -j N (0: every core) the walk first lists the files to compile as
// jobs, then N threads take jobs from a shared counter while the main thread
// prints each job's report in walk order, so the output and the caches are
// the same as with one worker. The compiler and the writer keep no mutable
// static state (unicode.c's name table is built under pthread_once).
//
// --json replaces the text report with one JSON document on stdout
// (report.c); on a terminal, without -q, a progress bar on stderr counts the
// files (the walk then lists every job first, even with one worker, so the
// total is known).
#include "loader.h"

#include "io.h"
#include "pyregex.h"
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char USAGE[] =
    "usage: kraitc [-h] [-l] [-r RECURSION] [-f] [-q] [-b] [-d DESTDIR] [-s STRIPDIR]\n"
    "              [-p PREPENDDIR] [-x REGEXP] [-i FILE] [-j WORKERS]\n"
    "              [--invalidation-mode {checked-hash,timestamp,unchecked-hash}]\n"
    "              [-o OPT_LEVELS] [-e DIR] [--hardlink-dupes] [--json]\n"
    "              [FILE|DIR ...]\n"
    "       kraitc --dump-ast [--attrs] [--mode exec|eval|single] FILE\n"
    "       kraitc --dump-tokens FILE\n";

// One file to compile, or (with no 'fullname') only a line to print; its
// report is kept in 'text' until printed in walk order.
typedef struct Job {
    char *fullname, *dfile;
    char *text;
    size_t len;
    int failed;
    KReportStatus status;
    char *error; // the failure's message, for --json
    int done;    // under Run.lock
} Job;

typedef struct Run {
    int quiet, force, legacy, maxlevels;
    int has_r, r, has_l; // -r N wins over -l
    int levels[3], nlevels; // sorted, distinct
    KfInvalidation mode;
    const char *ddir, *stripdir, *prependdir, *list;
    regex_t rx;
    int has_rx;
    char *limit_sl;     // -e DIR, resolved: symlinks to files outside it are skipped
    int hardlink_dupes; // --hardlink-dupes
    int nlevels_given;  // -o options given (compileall counts repeats)
    const KlCompiler *compiler;
    FILE *out, *err;
    int ok;
    int json;          // --json: 'report' instead of text
    KReport report;
    int progress;      // draw the progress bar on 'err'
    size_t nfiles, nfiles_done;
    int queued;        // jobs go to worker threads (-j N > 1, or the progress bar)
    int workers;       // -j: 1 compiles each file as the walk meets it
    // When queued, the workers start before the walk and take its jobs as
    // it adds them; this thread prints the reports in walk order. Under 'lock':
    Job **jobs;        // the walk's jobs, in order (each allocated: a worker
    size_t njobs, cap; //   keeps its pointer while the array grows)
    size_t next;       // the next job a worker takes
    size_t want;       // the job the printer waits for (SIZE_MAX: none)
    int walking;       // the walk may still add jobs
    int idle;          // workers waiting for a job
    pthread_t *threads;
    size_t nthreads;
    pthread_mutex_t lock;
    pthread_cond_t job_added, job_done;
} Run;

// os.path.join(a, b).
static char *path_join(const char *a, const char *b) {
    if (b[0] == '/' || !a[0]) {
        return strdup(b);
    }
    // Copied, not formatted: a path per entry of a tree.
    size_t n = strlen(a), m = strlen(b), slash = a[n - 1] != '/';
    char *p = malloc(n + slash + m + 1);
    if (p) {
        memcpy(p, a, n);
        p[n] = '/';
        memcpy(p + n + slash, b, m + 1);
    }
    return p;
}

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path, int follow) {
    struct stat st;
    return (follow ? stat(path, &st) : lstat(path, &st)) == 0 && S_ISDIR(st.st_mode);
}

// compileall's stripdir: drops from 'fullname' the leading parts it shares
// with 'stripdir' (each by its first occurrence, as list.remove does).
static char *strip_parts(const char *fullname, const char *stripdir) {
    char *full = strdup(fullname), *strip = strdup(stripdir);
    size_t nparts = 1;
    for (const char *p = fullname; *p; p++) {
        nparts += *p == '/';
    }
    char **parts = calloc(nparts, sizeof *parts);
    char *out = NULL;
    if (full && strip && parts) {
        size_t n = 0;
        for (char *save = full, *part; (part = strsep(&save, "/"));) {
            parts[n++] = part;
        }
        char **orig = calloc(n, sizeof *orig);
        if (orig) {
            memcpy(orig, parts, n * sizeof *parts);
            size_t i = 0, kept = n;
            for (char *save = strip, *spart; (spart = strsep(&save, "/")) && i < n; i++) {
                if (strcmp(spart, orig[i]) != 0) {
                    continue;
                }
                for (size_t k = 0; k < kept; k++) {
                    if (strcmp(parts[k], spart) == 0) {
                        memmove(parts + k, parts + k + 1, (kept - k - 1) * sizeof *parts);
                        kept--;
                        break;
                    }
                }
            }
            out = strdup(kept ? "" : fullname);
            for (size_t k = 0; k < kept && out; k++) {
                char *joined = k ? path_join(out, parts[k]) : strdup(parts[k]);
                free(out);
                out = joined;
            }
            free(orig);
        }
    }
    free(full);
    free(strip);
    free(parts);
    return out;
}

// The file name compiled into the code (compileall's dfile); NULL: as given.
static char *display_name(const Run *run, const char *fullname, const char *ddir,
                          const char *stripdir, const char *prependdir) {
    char *dfile = NULL;
    if (ddir) {
        const char *slash = strrchr(fullname, '/');
        dfile = path_join(ddir, slash ? slash + 1 : fullname);
    }
    if (stripdir) {
        free(dfile);
        dfile = strip_parts(fullname, stripdir);
    }
    if (prependdir) {
        char *joined = path_join(prependdir, dfile ? dfile : fullname);
        free(dfile);
        dfile = joined;
    }
    (void)run;
    return dfile;
}

static char *cache_path_for(const Run *run, const char *fullname, int level) {
    return run->legacy ? kl_legacy_cache_path(fullname) : kl_cache_path(fullname, level);
}

static KlOptions options_for(const Run *run, int level, const char *dfile) {
    KlOptions o;
    memset(&o, 0, sizeof o);
    o.optimize = level;
    o.invalidation = run->mode;
    o.require_mode = 1;
    o.report_write_errors = 1;
    o.legacy = run->legacy;
    o.display_name = dfile;
    o.compiler = run->compiler;
    o.no_code = 1;
    return o;
}

// 1 when every level's cache of 'fullname' is valid.
static int caches_valid(const Run *run, const char *fullname) {
    for (int i = 0; i < run->nlevels; i++) {
        char *cache = cache_path_for(run, fullname, run->levels[i]);
        KlOptions o = options_for(run, run->levels[i], NULL);
        KlCacheState state = cache ? kl_check_cache(cache, fullname, &o) : KL_CACHE_MISSING;
        free(cache);
        if (state != KL_CACHE_VALID && state != KL_CACHE_REFRESHED) {
            return 0;
        }
    }
    return 1;
}

// Writes the failure of 'fullname' to 'out', as compileall words it.
static void report_failure(const Run *run, FILE *out, const char *fullname, const char *message) {
    if (run->quiet >= 2) {
        return;
    }
    if (run->quiet) {
        char *r = kio_repr(fullname);
        fprintf(out, "*** Error compiling %s...\n", r ? r : fullname);
        free(r);
    } else {
        fputs("*** ", out);
    }
    fprintf(out, "%s\n", message ? message : "MemoryError");
}

// 1 when the files at 'a' and 'b' have the same bytes.
static int same_bytes(const char *a, const char *b) {
    char *da = NULL, *db = NULL;
    size_t na = 0, nb = 0;
    int same = kio_read_file(a, &da, &na, NULL) == 0 && kio_read_file(b, &db, &nb, NULL) == 0 &&
               na == nb && memcmp(da, db, na) == 0;
    free(da);
    free(db);
    return same;
}

// --hardlink-dupes, as compileall: when the cache of level 'level' has the
// bytes of the one of level 'prev', it becomes a hard link to it. (A krait
// cache records its optimization level, so two levels' files differ unless
// a future format stops recording it; the check stays compileall's.)
static void link_if_same(const Run *run, const char *fullname, int prev, int level) {
    char *a = cache_path_for(run, fullname, prev), *b = cache_path_for(run, fullname, level);
    if (a && b && strcmp(a, b) != 0 && same_bytes(a, b) && unlink(b) == 0) {
        (void)link(a, b);
    }
    free(a);
    free(b);
}

// Compiles 'job' at every level; the report goes to 'out' (and the outcome
// to 'job->status', 'job->error'). Returns 1 when it failed.
static int compile_job(const Run *run, Job *job, FILE *out) {
    job->status = KREPORT_COMPILED;
    if (!run->quiet) {
        char *r = kio_repr(job->fullname);
        fprintf(out, "Compiling %s...\n", r ? r : job->fullname);
        free(r);
    }
    for (int i = 0; i < run->nlevels; i++) {
        KlOptions o = options_for(run, run->levels[i], job->dfile);
        o.force = 1;
        KlResult result;
        KlError err = kl_load_source(job->fullname, &o, &result);
        if (err != KL_OK) {
            report_failure(run, out, job->fullname, result.message);
            job->status = KREPORT_FAILED;
            job->error = result.message ? strdup(result.message) : NULL;
        }
        kl_result_free(&result);
        if (err != KL_OK) {
            return 1;
        }
        if (i > 0 && run->hardlink_dupes) {
            link_if_same(run, job->fullname, run->levels[i - 1], run->levels[i]);
        }
    }
    return 0;
}

// Runs 'job' (nothing when its caches are valid) with its report captured
// in 'job->text'.
static void run_job(const Run *run, Job *job) {
    job->status = KREPORT_SKIPPED;
    if (!run->force && caches_valid(run, job->fullname)) {
        return; // silent: no stream made (each one callocs 8 KiB)
    }
    FILE *out = open_memstream(&job->text, &job->len);
    if (!out) {
        job->failed = 1;
        return;
    }
    job->failed = compile_job(run, job, out);
    if (fclose(out) != 0) {
        job->failed = 1;
    }
}

static void print_job(Run *run, Job *job) {
    if (job->len && !run->json) {
        if (run->progress) {
            kreport_progress(run->err, 0, 0);
        }
        fwrite(job->text, 1, job->len, run->out);
        if (run->progress) {
            fflush(run->out);
        }
    }
    if (run->json && job->fullname) {
        kreport_file(&run->report, job->fullname, job->failed ? KREPORT_FAILED : job->status,
                     job->error);
    } else if (run->json && job->failed) {
        kreport_error(&run->report, job->text ? job->text : "MemoryError");
    }
    if (run->progress && job->fullname) {
        kreport_progress(run->err, ++run->nfiles_done, run->nfiles);
    }
    run->ok &= !job->failed;
    free(job->text);
    free(job->error);
    free(job->fullname);
    free(job->dfile);
    memset(job, 0, sizeof *job);
}

// Adds 'job' (taking its strings): run at once with one worker, else queued
// for the workers.
static void add_job(Run *run, Job job) {
    if (!run->queued) {
        if (job.fullname) {
            run_job(run, &job);
        }
        print_job(run, &job);
        return;
    }
    job.done = !job.fullname; // a line of text is ready at once
    Job *copy = malloc(sizeof *copy);
    pthread_mutex_lock(&run->lock);
    if (copy && run->njobs == run->cap) {
        size_t cap = run->cap ? 2 * run->cap : 256;
        Job **bigger = realloc(run->jobs, cap * sizeof *bigger);
        if (bigger) {
            run->jobs = bigger;
            run->cap = cap;
        }
    }
    if (!copy || run->njobs == run->cap) {
        pthread_mutex_unlock(&run->lock);
        free(copy);
        job.failed = 1;
        job.done = 1;
        print_job(run, &job); // out of memory: reported now, out of order
        return;
    }
    *copy = job;
    run->nfiles += job.fullname != NULL;
    run->jobs[run->njobs++] = copy;
    if (run->idle && job.fullname) {
        pthread_cond_signal(&run->job_added);
    }
    pthread_mutex_unlock(&run->lock);
}

// Queues a line of the walk's own report ("Listing ..."); 'is_error' for
// one --json lists among its errors.
static void add_text(Run *run, char *text, int is_error) {
    if (run->json) {
        if (is_error || !text) {
            kreport_error(&run->report, text ? text : "MemoryError");
        }
        free(text);
        return;
    }
    Job job = {0};
    job.text = text;
    job.len = text ? strlen(text) : 0;
    job.failed = !text;
    add_job(run, job);
}

static void *worker_main(void *arg) {
    Run *run = arg;
    pthread_mutex_lock(&run->lock);
    for (;;) {
        // A line of text is done already, and NULL once the printer took it.
        Job *job = run->next < run->njobs ? run->jobs[run->next] : NULL;
        if (run->next < run->njobs && (!job || job->done)) {
            run->next++;
            continue;
        }
        if (!job && !run->walking) {
            pthread_mutex_unlock(&run->lock);
            return NULL;
        }
        if (!job) {
            run->idle++;
            pthread_cond_wait(&run->job_added, &run->lock);
            run->idle--;
            continue;
        }
        size_t i = run->next++;
        pthread_mutex_unlock(&run->lock);
        run_job(run, job);
        pthread_mutex_lock(&run->lock);
        job->done = 1;
        if (run->want == i) { // only the job the printer waits for wakes it
            pthread_cond_signal(&run->job_done);
        }
    }
}

// Starts the workers before the walk ('run->workers' of them; one when
// only the progress bar queues, so it moves as files finish). A thread that
// cannot be started leaves its share to the others, or to this thread
// after the walk (finish_jobs) when none started.
static void start_workers(Run *run) {
    size_t want = run->workers > 1 ? (size_t)run->workers : 1;
    pthread_mutex_init(&run->lock, NULL);
    pthread_cond_init(&run->job_added, NULL);
    pthread_cond_init(&run->job_done, NULL);
    run->walking = 1;
    run->want = SIZE_MAX;
    run->threads = calloc(want, sizeof *run->threads);
    for (size_t t = 0; run->threads && t < want; t++) {
        run->nthreads += pthread_create(&run->threads[run->nthreads], NULL, worker_main, run) == 0;
    }
}

// Ends the walk: the workers finish the queue while this thread prints each
// report in walk order as soon as it is done.
static void finish_jobs(Run *run) {
    pthread_mutex_lock(&run->lock);
    run->walking = 0;
    pthread_cond_broadcast(&run->job_added);
    pthread_mutex_unlock(&run->lock);
    if (run->nthreads == 0) {
        worker_main(run);
    }
    for (size_t i = 0; i < run->njobs; i++) {
        pthread_mutex_lock(&run->lock);
        while (!run->jobs[i]->done) {
            run->want = i;
            pthread_cond_wait(&run->job_done, &run->lock);
        }
        run->want = SIZE_MAX;
        Job *job = run->jobs[i];
        run->jobs[i] = NULL; // no worker looks at it again
        pthread_mutex_unlock(&run->lock);
        print_job(run, job);
        free(job);
        fflush(run->out);
    }
    for (size_t t = 0; t < run->nthreads; t++) {
        pthread_join(run->threads[t], NULL);
    }
    free(run->threads);
    pthread_cond_destroy(&run->job_added);
    pthread_cond_destroy(&run->job_done);
    pthread_mutex_destroy(&run->lock);
    free(run->jobs);
    run->jobs = NULL;
    run->threads = NULL;
    run->njobs = run->cap = run->next = run->nthreads = 0;
}

// -e DIR: 1 when 'fullname' is a symbolic link whose target, resolved, is
// not inside the resolved DIR (compileall's limit_sl_dest; one that cannot
// be resolved leads nowhere to compile either).
static int link_leaves(const Run *run, const char *fullname) {
    struct stat st;
    if (!run->limit_sl || lstat(fullname, &st) != 0 || !S_ISLNK(st.st_mode)) {
        return 0;
    }
    char *target = realpath(fullname, NULL);
    size_t n = strlen(run->limit_sl);
    int inside = target && strncmp(target, run->limit_sl, n) == 0 &&
                 (target[n] == '/' || (n == 1 && target[n])); // a strict parent ("/" too)
    free(target);
    return !inside;
}

// Queues 'fullname' when it is a .py file; 'is_regular' when the walk knows
// it is a regular file already (no stat then).
static void compile_file(Run *run, const char *fullname, const char *ddir, const char *stripdir,
                         const char *prependdir, int is_regular) {
    if (run->has_rx && regexec(&run->rx, fullname, 0, NULL, 0) == 0) {
        return;
    }
    size_t n = strlen(fullname);
    const char *slash = strrchr(fullname, '/');
    const char *name = slash ? slash + 1 : fullname;
    if (strlen(name) < 3 || strcmp(fullname + n - 3, ".py") != 0 ||
        (!is_regular && !is_file(fullname)) || (!is_regular && link_leaves(run, fullname))) {
        return;
    }
    Job job = {0};
    job.fullname = strdup(fullname);
    job.dfile = display_name(run, fullname, ddir, stripdir, prependdir);
    if (!job.fullname) {
        job.failed = 1;
    }
    add_job(run, job);
}

// A directory entry: its name and readdir's d_type (DT_UNKNOWN: ask stat).
typedef struct Entry {
    char *name;
    unsigned char type;
} Entry;

static int by_name(const void *a, const void *b) {
    return strcmp(((const Entry *)a)->name, ((const Entry *)b)->name);
}

// The sorted entries of 'dir' but __pycache__; NULL (and '*n' 0) when unlistable.
static Entry *list_dir(const char *dir, size_t *n) {
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        return NULL;
    }
    size_t cap = 16;
    Entry *entries = malloc(cap * sizeof *entries);
    for (struct dirent *e; entries && (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
            !strcmp(e->d_name, "__pycache__")) {
            continue;
        }
        if (*n == cap) {
            Entry *bigger = realloc(entries, 2 * cap * sizeof *entries);
            if (!bigger) {
                break;
            }
            entries = bigger;
            cap *= 2;
        }
        entries[*n].name = strdup(e->d_name);
        entries[*n].type = e->d_type;
        *n += entries[*n].name != NULL;
    }
    closedir(d);
    if (entries) {
        qsort(entries, *n, sizeof *entries, by_name);
    }
    return entries;
}

static void compile_dir(Run *run, const char *dir, int maxlevels, const char *stripdir,
                        const char *prependdir) {
    char *r = kio_repr(dir);
    if (!run->quiet) {
        add_text(run, kio_format("Listing %s...\n", r ? r : dir), 0);
    }
    size_t n = 0;
    Entry *entries = list_dir(dir, &n);
    if (!entries && run->quiet < 2) {
        add_text(run, kio_format("Can't list %s\n", r ? r : dir), 1);
    }
    free(r);
    for (size_t i = 0; i < n; i++) {
        // readdir's type saves the stats of compileall's isdir/islink/isfile
        // (a symbolic link or an unknown type still asks stat).
        char *fullname = path_join(dir, entries[i].name);
        unsigned char type = entries[i].type;
        if (fullname && (type == DT_REG || (type != DT_DIR && !is_dir(fullname, 1)))) {
            compile_file(run, fullname, NULL, stripdir, prependdir, type == DT_REG);
        } else if (fullname && maxlevels > 0 && (type == DT_DIR || is_dir(fullname, 0))) {
            compile_dir(run, fullname, maxlevels - 1, stripdir, prependdir);
        }
        free(fullname);
        free(entries[i].name);
    }
    free(entries);
}

// The destination 'dest': a file, or a directory to walk.
static void compile_dest(Run *run, const char *dest) {
    if (is_file(dest)) {
        compile_file(run, dest, run->ddir, run->stripdir, run->prependdir, 0);
    } else if (run->ddir) {
        compile_dir(run, dest, run->maxlevels, dest, run->ddir); // -d: strip dest, prepend ddir
    } else {
        compile_dir(run, dest, run->maxlevels, run->stripdir, run->prependdir);
    }
}

static int usage_error(Run *run, const char *fmt, const char *arg) {
    fputs(USAGE, run->err);
    fputs("kraitc: error: ", run->err);
    fprintf(run->err, fmt, arg);
    fputc('\n', run->err);
    return 2;
}

static int parse_int(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < -1000000 || v > 1000000) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

// Applies the option letter 'opt' with its value 'val' (NULL for a flag).
static int apply_option(Run *run, char opt, const char *val, int *levels_seen) {
    int v = 0;
    switch (opt) {
    case 'q': run->quiet++; return 0;
    case 'f': run->force = 1; return 0;
    case 'b': run->legacy = 1; return 0;
    case 'l': run->has_l = 1; return 0;
    case 'd': run->ddir = val; return 0;
    case 's': run->stripdir = val; return 0;
    case 'p': run->prependdir = val; return 0;
    case 'i': run->list = val; return 0;
    case 'e':
        free(run->limit_sl);
        run->limit_sl = NULL;
        if (*val) { // compileall: an empty DIR is no limit
            // Path.resolve(): as far as it exists; a missing DIR holds nothing.
            run->limit_sl = realpath(val, NULL);
            if (!run->limit_sl) {
                run->limit_sl = strdup("/nonexistent/\x01");
            }
        }
        return 0;
    case 'j':
        if (parse_int(val, &v) != 0 || v < 0) {
            return usage_error(run, "bad -j value: '%s'", val);
        }
        run->workers = v ? v : (int)sysconf(_SC_NPROCESSORS_ONLN); // 0: every core
        return 0;
    case 'r':
        if (parse_int(val, &v) != 0) {
            return usage_error(run, "argument -r: invalid int value: '%s'", val);
        }
        run->has_r = 1;
        run->r = v;
        return 0;
    case 'o':
        if (parse_int(val, &v) != 0 || v < -1 || v > 2) {
            return usage_error(run, "argument -o: invalid optimization level: '%s'", val);
        }
        *levels_seen |= 1 << (v < 0 ? 0 : v);
        run->nlevels_given++;
        return 0;
    case 'x':
        if (run->has_rx) {
            regfree(&run->rx);
        }
    {
        char why[200], *msg;
        run->has_rx = kl_regcomp_python(&run->rx, val, why, sizeof why) == 0;
        if (run->has_rx) {
            return 0;
        }
        msg = kio_format("bad regular expression '%s': %s", val, why);
        int status = usage_error(run, "%s", msg ? msg : "bad regular expression");
        free(msg);
        return status;
    }
    default: break;
    }
    char flag[3] = {'-', opt, 0};
    return usage_error(run, "unrecognized arguments: %s", flag);
}

static int parse_mode(Run *run, const char *val) {
    if (!strcmp(val, "timestamp")) {
        run->mode = KF_INVALIDATE_TIMESTAMP;
    } else if (!strcmp(val, "checked-hash")) {
        run->mode = KF_INVALIDATE_CHECKED_HASH;
    } else if (!strcmp(val, "unchecked-hash")) {
        run->mode = KF_INVALIDATE_UNCHECKED_HASH;
    } else {
        return usage_error(run,
                           "argument --invalidation-mode: invalid choice: '%s' (choose from "
                           "'checked-hash', 'timestamp', 'unchecked-hash')",
                           val);
    }
    return 0;
}

// Parses argv into 'run' and 'dests' (argv entries); returns 0 or an exit status.
static int parse_args(Run *run, int argc, char **argv, const char **dests, int *ndests) {
    int levels_seen = 0, only_dests = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_dests || arg[0] != '-' || !arg[1]) {
            dests[(*ndests)++] = arg;
        } else if (!strcmp(arg, "--")) {
            only_dests = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            fputs(USAGE, run->out);
            return -1;
        } else if (!strncmp(arg, "--invalidation-mode", 19)) {
            const char *val = arg[19] == '=' ? arg + 20 : i + 1 < argc ? argv[++i] : NULL;
            if (!val || (arg[19] && arg[19] != '=')) {
                return usage_error(run, "unrecognized arguments: %s", arg);
            }
            if (parse_mode(run, val) != 0) {
                return 2;
            }
        } else if (!strcmp(arg, "--json")) {
            run->json = 1;
        } else if (!strcmp(arg, "--hardlink-dupes")) {
            run->hardlink_dupes = 1;
        } else if (!strcmp(arg, "--workers")) {
            i++;
        } else if (arg[1] == '-') {
            return usage_error(run, "unrecognized arguments: %s", arg);
        } else {
            for (const char *p = arg + 1; *p; p++) {
                const char *val = NULL;
                if (strchr("rdspxioje", *p)) {
                    val = p[1] ? p + 1 : i + 1 < argc ? argv[++i] : NULL;
                    if (!val) {
                        char flag[3] = {'-', *p, 0};
                        return usage_error(run, "argument %s: expected one argument", flag);
                    }
                }
                if (apply_option(run, *p, val, &levels_seen) != 0) {
                    return 2;
                }
                if (val) {
                    break;
                }
            }
        }
    }
    if (run->ddir && (run->stripdir || run->prependdir)) {
        return usage_error(run, "%s", "-d cannot be used in combination with -s or -p");
    }
    levels_seen = levels_seen ? levels_seen : 1; // -1: the interpreter's level, 0
    for (int level = 0; level <= 2; level++) {
        if (levels_seen & (1 << level)) {
            run->levels[run->nlevels++] = level;
        }
    }
    if (run->hardlink_dupes && run->nlevels_given < 2) {
        return usage_error(run, "%s",
                           "Hardlinking of duplicated bytecode makes sense only for more than one "
                           "optimization level.");
    }
    run->maxlevels = run->has_r ? run->r : run->has_l ? 0 : 1000; // sys.getrecursionlimit()
    return 0;
}

// Adds the names listed in 'run->list' (one a line; "-" is stdin) to 'dests'.
static int read_list(Run *run, char ***owned, size_t *nowned) {
    FILE *f = strcmp(run->list, "-") ? fopen(run->list, "r") : stdin;
    if (!f) {
        if (run->json) {
            char *text = kio_format("Error reading file list %s", run->list);
            kreport_error(&run->report, text ? text : "MemoryError");
            free(text);
        } else if (run->quiet < 2) {
            fprintf(run->out, "Error reading file list %s\n", run->list);
        }
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    for (ssize_t got; (got = getline(&line, &cap, f)) >= 0;) {
        char *s = line, *e = line + got;
        while (s < e && strchr(" \t\r\n\f\v", *s)) {
            s++;
        }
        while (e > s && strchr(" \t\r\n\f\v", e[-1])) {
            e--;
        }
        char **bigger = realloc(*owned, (*nowned + 1) * sizeof **owned);
        if (!bigger) {
            break;
        }
        *owned = bigger;
        (*owned)[(*nowned)++] = strndup(s, (size_t)(e - s));
    }
    free(line);
    if (f != stdin) {
        fclose(f);
    }
    return 0;
}

int kl_compileall_main(int argc, char **argv, const KlCompiler *compiler, FILE *out, FILE *err) {
    Run run;
    memset(&run, 0, sizeof run);
    run.mode = getenv("SOURCE_DATE_EPOCH") && *getenv("SOURCE_DATE_EPOCH")
                   ? KF_INVALIDATE_CHECKED_HASH
                   : KF_INVALIDATE_TIMESTAMP;
    run.compiler = compiler;
    run.out = out;
    run.err = err;
    run.ok = 1;
    const char **dests = calloc((size_t)argc + 1, sizeof *dests);
    int ndests = 0;
    int status = dests ? parse_args(&run, argc, argv, dests, &ndests) : 1;
    char **listed = NULL;
    size_t nlisted = 0;
    run.progress = status == 0 && !run.quiet && isatty(fileno(err));
    run.queued = run.workers > 1 || run.progress;
    if (status == 0 && run.json) {
        kreport_begin(&run.report, out);
    }
    if (status == 0 && run.list && read_list(&run, &listed, &nlisted) != 0) {
        status = 1;
    }
    if (status == 0 && ndests == 0 && nlisted == 0) {
        status = usage_error(&run, "%s", "no FILE or DIR given");
    }
    if (status == 0 && run.queued) {
        start_workers(&run);
    }
    for (int i = 0; status == 0 && i < ndests; i++) {
        compile_dest(&run, dests[i]);
    }
    for (size_t i = 0; status == 0 && i < nlisted; i++) {
        if (listed[i]) {
            compile_dest(&run, listed[i]);
        }
    }
    if (run.walking) {
        finish_jobs(&run);
    }
    if (run.progress) {
        kreport_progress(err, 0, 0);
    }
    if (run.report.out) {
        kreport_end(&run.report, run.ok && status == 0);
    }
    for (size_t i = 0; i < nlisted; i++) {
        free(listed[i]);
    }
    free(listed);
    free(dests);
    if (run.has_rx) {
        regfree(&run.rx);
    }
    free(run.limit_sl);
    if (status == -1) {
        return 0;
    }
    if (fflush(out) != 0) {
        return 1;
    }
    return status ? status : !run.ok;
}
