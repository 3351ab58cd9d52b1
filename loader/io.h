// loader/io.h: file access for the loader (private to loader/): whole-file
// reads, atomic writes, in-place header refreshes, and Python's wording for
// an OSError.
#ifndef KRAIT_LOADER_IO_H
#define KRAIT_LOADER_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

// Reads the whole file at 'path' (as large as its fstat says; to its end
// when that is 0) into a malloc'd buffer ('*bytes', '*len'; one spare 0 byte
// follows the data) and stats it into '*st' if not NULL.
// Returns 0, or the errno that stopped it.
int kio_read_file(const char *path, char **bytes, size_t *len, struct stat *st);

struct KlImage;

// Maps the whole file at 'path' read-only into 'im' ('file', 'file_len',
// 'map', 'map_len'; an empty file gets a 0-byte 'file' and no mapping).
// Returns 0, or the errno that stopped it ('im' cleared). A cache file is
// only ever replaced by rename, so the mapping stays valid (a file
// truncated in place would fault: loader/README.md).
int kio_map_file(const char *path, struct KlImage *im);

// Unmaps what kio_map_file mapped ('map' may be NULL).
void kio_unmap(void *map, size_t len);

// Writes 'len' bytes at 'data' to 'path' atomically: a new file in the same
// directory (made if missing), permissions 'mode' (under the umask), fsync'd
// when 'do_fsync', then linked in as 'path' (O_TMPFILE, when nothing has that
// name yet) or renamed over 'path'. Returns 0, or the errno of the
// failure; '*in_dir' is set when it was making the directory that failed.
int kio_write_atomic(const char *path, const void *data, size_t len, mode_t mode, int do_fsync,
                     int *in_dir);

// Overwrites the first 'len' bytes of the existing file 'path' with 'data'.
// Returns 0 or an errno.
int kio_overwrite_prefix(const char *path, const void *data, size_t len);

// Length of the valid UTF-8 sequence at 's' (at most 'n' bytes, n >= 1), 0
// when the bytes there are not one.
size_t kio_utf8_len(const unsigned char *s, size_t n);

// Python's repr() of the path 's' (UTF-8, undecodable bytes as \udcXX), malloc'd.
char *kio_repr(const char *s);

// "FileNotFoundError: [Errno 2] No such file or directory: 'x.py'", as
// Python prints the OSError for 'errnum' about 'path'; malloc'd (NULL when out of memory).
char *kio_oserror(int errnum, const char *path);

// malloc'd printf; NULL when out of memory.
char *kio_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// Nanoseconds of a stat's mtime.
int64_t kio_mtime_ns(const struct stat *st);

#endif
