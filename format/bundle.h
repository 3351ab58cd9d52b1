// format/bundle.h: bundle files (.kbz) and the executable trailer, as
// FORMAT.md ("Bundles") specifies them. Part of format.h's public face (it
// includes this file); bundle.c implements it. A bundle is read in place:
// kf_bundle_open validates the header, index and names once, after which
// every lookup reads the caller's bytes without further checks; members are
// cache files, checked by kf_read when they are loaded.
#ifndef KRAIT_FORMAT_BUNDLE_H
#define KRAIT_FORMAT_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"

#define KF_BUNDLE_VERSION_MAJOR 1
#define KF_BUNDLE_VERSION_MINOR 0
#define KF_BUNDLE_HEADER_SIZE 64
#define KF_BUNDLE_MAGIC "\xCBKBZ\r\n\x1A\n"
// The executable trailer: u64 offset, u64 size, magic; it ends the file.
#define KF_EXE_TRAILER_SIZE 24
#define KF_EXE_MAGIC "\xCBKEX\r\n\x1A\n"
// Where an executable's bundle starts: a multiple of this.
#define KF_EXE_ALIGN 4096

// Index entry flags.
enum { KF_BUNDLE_PACKAGE = 1, KF_BUNDLE_NAMESPACE = 2 };

// An opened bundle: a view of the caller's bytes, which must outlive it.
typedef struct KfBundle {
    const uint8_t *data;
    size_t len;
    uint32_t count;       // entries
    uint32_t main;        // 1 + the main entry's index, or 0
    uint64_t names_size;
    uint64_t members_start;
    int major, minor;
    uint64_t index_checksum, contents_checksum;
} KfBundle;

// One entry of the index.
typedef struct KfBundleEntry {
    const char *name;     // dotted, followed by a 0 byte inside the bundle
    size_t name_len;
    int flags;            // KF_BUNDLE_*
    const uint8_t *member; // the member's cache file bytes (NULL for a namespace)
    size_t member_len;
    uint64_t member_offset;
} KfBundleEntry;

// Validates the bundle of 'len' bytes at 'data' (header, index, names and
// the placement of members, not the members' contents) and fills '*b'.
// Returns KF_OK, or the reason with '*detail' (when not NULL) naming the
// failed check (a static string).
KfError kf_bundle_open(const uint8_t *data, size_t len, KfBundle *b, const char **detail);

// The message for a bundle refused with 'err' ("truncated bundle", ...).
const char *kf_bundle_strerror(KfError err);

// Entry 'index' (below b->count) of an opened bundle.
void kf_bundle_entry(const KfBundle *b, uint32_t index, KfBundleEntry *out);

// The index of the entry named 'name' ('len' bytes), or -1 (binary search).
long kf_bundle_find(const KfBundle *b, const char *name, size_t len);

// KF_OK when the contents checksum matches, else KF_ERR_CHECKSUM.
KfError kf_bundle_check_contents(const KfBundle *b);

// What kf_bundle_write puts in a bundle: 'name' dotted, 'bytes' a cache
// file (NULL and 0 for a namespace package).
typedef struct KfBundleMember {
    const char *name;
    int flags;
    const uint8_t *bytes;
    size_t len;
} KfBundleMember;

// Writes a bundle of the 'n' members (in any order: they are sorted by
// name) into a malloc'd buffer '*out' of '*out_len' bytes; 'main' names the
// entry run as __main__, or is NULL. The bytes depend only on the members.
// Returns KF_OK, or KF_ERR_INVALID with '*detail' naming the broken rule (a
// duplicate name, a missing parent package, an unknown main), or
// KF_ERR_NOMEM / KF_ERR_TOO_LARGE; '*out' is then NULL.
KfError kf_bundle_write(const KfBundleMember *members, size_t n, const char *main, uint8_t **out,
                        size_t *out_len, const char **detail);

// Fills the KF_EXE_TRAILER_SIZE bytes at 'out' for a bundle of 'size'
// bytes at 'offset'.
void kf_exe_trailer_write(uint8_t *out, uint64_t offset, uint64_t size);

// Reads the trailer at the end of a file of 'file_len' bytes, 'tail' being
// its last KF_EXE_TRAILER_SIZE bytes. Returns 0 when there is no trailer
// magic, 1 with the bundle's place in '*offset', '*size' when the trailer
// is sound, -1 when the magic is there but the place does not fit the file.
int kf_exe_trailer_read(const uint8_t *tail, uint64_t file_len, uint64_t *offset,
                        uint64_t *size);

#endif
