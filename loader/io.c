// loader/io.c: whole-file reads, atomic writes (an unnamed file in the
// target's directory linked in once complete, or a new file beside the
// target then renamed, so a reader sees the old file or the new one, never
// a torn one), in-place header refreshes, and OSError messages in Python's words.
#include "io.h"

#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

char *kio_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

int64_t kio_mtime_ns(const struct stat *st) {
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

// Reads all of 'fd' into a malloc'd buffer; 'hint' is the size fstat gave,
// where reading stops (a file of size 0 as fstat sees it is read to its end).
static int read_all(int fd, size_t hint, char **bytes, size_t *len) {
    size_t cap = hint + 1, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        return ENOMEM;
    }
    for (;;) {
        if (n == cap) {
            char *bigger = cap < SIZE_MAX / 4 ? realloc(buf, cap * 2 + 1) : NULL;
            if (!bigger) {
                free(buf);
                return ENOMEM;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (got == 0) {
            break;
        }
        n += (size_t)got;
        if (n == hint && hint > 0) {
            break; // the size fstat gave: no read just to see the end (a system call a file)
        }
    }
    buf[n] = 0;
    *bytes = buf;
    *len = n;
    return 0;
}

int kio_read_file(const char *path, char **bytes, size_t *len, struct stat *st) {
    struct stat local;
    st = st ? st : &local;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    int e = fstat(fd, st) != 0 ? errno : 0;
    if (e == 0 && S_ISDIR(st->st_mode)) {
        e = EISDIR;
    }
    if (e == 0) {
        e = read_all(fd, (size_t)st->st_size, bytes, len);
    }
    close(fd);
    return e;
}

int kio_map_file(const char *path, KlImage *im) {
    memset(im, 0, sizeof *im);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    struct stat st;
    int e = fstat(fd, &st) != 0 ? errno : 0;
    if (e == 0 && S_ISDIR(st.st_mode)) {
        e = EISDIR;
    }
    if (e == 0 && (st.st_size < 0 || (uint64_t)st.st_size > SIZE_MAX / 2)) {
        e = EFBIG;
    }
    if (e == 0 && st.st_size > 0) {
        // Populated at once: every page is read by the payload checksum
        // right away, and one call maps them all where touching them took
        // a fault per 16 pages (26 for tools/bench/import-large's 1.7 MB).
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (m == MAP_FAILED) {
            e = errno;
        } else {
            im->map = m;
            im->map_len = (size_t)st.st_size;
            im->file = m;
            im->file_len = (size_t)st.st_size;
        }
    } else if (e == 0) {
        im->file = (const uint8_t *)"";
    }
    close(fd);
    return e;
}

void kio_unmap(void *map, size_t len) {
    if (map) {
        munmap(map, len);
    }
}

static int write_all(int fd, const uint8_t *p, size_t len) {
    while (len > 0) {
        ssize_t put = write(fd, p, len);
        if (put < 0 && errno == EINTR) {
            continue;
        }
        if (put < 0) {
            return errno;
        }
        p += put;
        len -= (size_t)put;
    }
    return 0;
}

// Makes the directory that will hold 'path' when it is missing (with its
// own missing parents: a pycache_prefix tree mirrors whole paths). Returns 0
// or an errno; '*dir' gets the directory's name.
static int make_parent(const char *path, char **dir) {
    const char *slash = strrchr(path, '/');
    *dir = NULL;
    if (!slash || slash == path) {
        return 0;
    }
    *dir = strndup(path, (size_t)(slash - path));
    if (!*dir) {
        return ENOMEM;
    }
    if (mkdir(*dir, 0777) == 0 || errno == EEXIST) {
        return 0;
    }
    if (errno != ENOENT) {
        return errno;
    }
    char *up = NULL;
    int e = make_parent(*dir, &up);
    free(up);
    if (e == 0 && mkdir(*dir, 0777) != 0 && errno != EEXIST) {
        e = errno;
    }
    return e;
}

// Writes 'data' to 'fd', then fsyncs it when 'do_fsync'. Returns 0 or an errno.
static int fill(int fd, const void *data, size_t len, int do_fsync) {
    int e = write_all(fd, data, len);
    if (e == 0 && do_fsync && fsync(fd) != 0) {
        e = errno;
    }
    return e;
}

// A fresh temporary name beside 'path' (malloc'd; NULL when out of memory).
// The process id is asked once per call, not once per try.
static char *temp_name(const char *path, long pid) {
    static atomic_uint counter;
    return kio_format("%s.%ld.%u.tmp", path, pid, atomic_fetch_add(&counter, 1));
}

// The classic way: a new file under a temporary name beside 'path', filled,
// then renamed over 'path'.
static int write_renamed(const char *path, const void *data, size_t len, mode_t mode,
                         int do_fsync, int *in_dir) {
    int e = 0;
    int made_parent = 0;
    char *tmp = NULL;
    int fd = -1;
    long pid = (long)getpid();
    // The directory is made only when the temporary file cannot be created
    // for want of it: a tree's __pycache__ exists for all but its first
    // file, and a mkdir per file was a system call each (kraitc's
    // compile-speed).
    for (int tries = 0; tries < 100 && fd < 0; tries++) {
        free(tmp);
        tmp = temp_name(path, pid);
        if (!tmp) {
            return ENOMEM;
        }
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0666);
        if (fd < 0 && errno == ENOENT && !made_parent) {
            char *dir = NULL;
            e = make_parent(path, &dir);
            free(dir);
            made_parent = 1;
            if (e != 0) {
                *in_dir = 1;
                free(tmp);
                return e;
            }
            continue;
        }
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        e = errno;
        free(tmp);
        return e;
    }
    e = fill(fd, data, len, do_fsync);
    if (close(fd) != 0 && e == 0) {
        e = errno;
    }
    if (e == 0 && rename(tmp, path) != 0) {
        e = errno;
    }
    if (e != 0) {
        unlink(tmp);
    }
    free(tmp);
    return e;
}

// Gives the unnamed file 'fd' the name 'path' when nothing has it yet, else
// a temporary name that is then renamed over 'path'. Returns 0 or an errno.
static int link_unnamed(int fd, const char *path) {
    char self[64];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, self, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) {
        return 0;
    }
    if (errno != EEXIST) {
        return errno;
    }
    long pid = (long)getpid();
    for (int tries = 0; tries < 100; tries++) {
        char *tmp = temp_name(path, pid);
        if (!tmp) {
            return ENOMEM;
        }
        int e = linkat(AT_FDCWD, self, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
        if (e == 0 && rename(tmp, path) != 0) {
            e = errno;
            unlink(tmp);
        }
        free(tmp);
        if (e != EEXIST) {
            return e;
        }
    }
    return EEXIST;
}

// 1 while O_TMPFILE and linking through /proc work here; a file system or
// kernel without them turns it off for the rest of the process.
static atomic_int unnamed_usable = 1;

// The unnamed way (O_TMPFILE): the file is made without a name in the
// directory of 'path', filled, then linked in under its name, so it appears
// complete or not at all, as with a rename. Returns -1 when this system
// cannot (the caller then writes under a temporary name), else 0 or an errno.
// Measured on ext4 (kraitc -j 2 over the standard library): the new inode is
// allocated outside the directory's lock, where a create under a temporary
// name held it, so workers writing into one __pycache__ no longer wait on
// each other (and there is no rename, which takes the lock again).
static int write_unnamed(const char *path, const void *data, size_t len, mode_t mode,
                         int do_fsync, int *in_dir) {
    const char *slash = strrchr(path, '/');
    char small[512];
    char *dir = small;
    size_t n = slash ? (slash == path ? 1 : (size_t)(slash - path)) : 1;
    if (n >= sizeof small && !(dir = malloc(n + 1))) {
        return ENOMEM;
    }
    memcpy(dir, slash ? path : ".", n);
    dir[n] = 0;
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode & 0666);
    int e = fd < 0 ? errno : 0;
    if (fd < 0 && e == ENOENT) {
        char *made = NULL;
        e = make_parent(path, &made);
        free(made);
        if (e != 0) {
            *in_dir = 1;
        } else {
            fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode & 0666);
            e = fd < 0 ? errno : 0;
        }
    }
    if (dir != small) {
        free(dir);
    }
    if (fd < 0) {
        if (e == EOPNOTSUPP || e == EISDIR || e == EINVAL) {
            atomic_store(&unnamed_usable, 0); // no O_TMPFILE here
            return -1;
        }
        return e;
    }
    e = fill(fd, data, len, do_fsync);
    if (e == 0) {
        e = link_unnamed(fd, path);
        if (e == ENOENT || e == EPERM || e == EACCES) {
            // No /proc, or a policy against linking it: named files from now on.
            atomic_store(&unnamed_usable, 0);
            e = -1;
        }
    }
    if (close(fd) != 0 && e == 0) {
        e = errno;
    }
    return e;
}

int kio_write_atomic(const char *path, const void *data, size_t len, mode_t mode, int do_fsync,
                     int *in_dir) {
    *in_dir = 0;
    if (atomic_load(&unnamed_usable)) {
        int e = write_unnamed(path, data, len, mode, do_fsync, in_dir);
        if (e != -1) {
            return e;
        }
    }
    return write_renamed(path, data, len, mode, do_fsync, in_dir);
}

int kio_overwrite_prefix(const char *path, const void *data, size_t len) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    int e = 0;
    ssize_t put = pwrite(fd, data, len, 0);
    if (put < 0) {
        e = errno;
    } else if ((size_t)put != len) {
        e = EIO;
    }
    if (close(fd) != 0 && e == 0) {
        e = errno;
    }
    return e;
}

size_t kio_utf8_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    size_t more = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c <= 0xDF ? 1 : 9;
    if (c >= 0xF5 || more == 9 || more >= n) {
        return 0;
    }
    for (size_t i = 1; i <= more; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90)) {
        return 0;
    }
    return more + 1;
}

char *kio_repr(const char *s) {
    size_t n = strlen(s);
    char quote = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    char *out = malloc(n * 6 + 3), *o = out;
    if (!out) {
        return NULL;
    }
    *o++ = quote;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t k = c >= 0x80 ? kio_utf8_len(p + i, n - i) : 1;
        if (c == '\\' || c == (unsigned char)quote) {
            o += sprintf(o, "\\%c", c);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            o += sprintf(o, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        } else if (c < 0x20 || c == 0x7F) {
            o += sprintf(o, "\\x%02x", c);
        } else if (c >= 0x80 && k == 0) {
            o += sprintf(o, "\\udc%02x", c);
            k = 1;
        } else if (k == 2 && c == 0xC2 && (p[i + 1] <= 0xA0 || p[i + 1] == 0xAD)) {
            o += sprintf(o, "\\x%02x", p[i + 1]); // C1 controls, NBSP, SHY: not printable
        } else if (k == 1) {
            *o++ = (char)c; // most paths: a call per byte cost ~60 instructions a byte
        } else {
            memcpy(o, p + i, k);
            o += k;
        }
        i += k;
    }
    *o++ = quote;
    *o = 0;
    return out;
}

// The OSError subclass Python raises for 'errnum'.
static const char *error_class(int errnum) {
    switch (errnum) {
    case ENOENT: return "FileNotFoundError";
    case EACCES:
    case EPERM: return "PermissionError";
    case EEXIST: return "FileExistsError";
    case EISDIR: return "IsADirectoryError";
    case ENOTDIR: return "NotADirectoryError";
    case EINTR: return "InterruptedError";
    case ENOMEM: return "MemoryError";
    default: return "OSError";
    }
}

char *kio_oserror(int errnum, const char *path) {
    if (errnum == ENOMEM) {
        return kio_format("MemoryError");
    }
    char *r = kio_repr(path);
    char *msg = r ? kio_format("%s: [Errno %d] %s: %s", error_class(errnum), errnum,
                               strerror(errnum), r)
                  : NULL;
    free(r);
    return msg;
}
