// loader/bundle.h: bundles as the loader handles them: mapping a bundle
// file (a .kbz, or an executable with a bundle appended), loading its
// members, and kraitc's --bundle and --exe modes. Part of loader.h's public
// face (it includes this file); loader/bundle.c and bundle_build.c
// implement it.
#ifndef KRAIT_LOADER_BUNDLE_H
#define KRAIT_LOADER_BUNDLE_H

#include "loader.h"

// A mapped bundle: 'bundle' views 'map' (the whole file, read-only).
typedef struct KlBundleFile {
    char *path;        // as given to kl_bundle_map
    uint8_t *map;      // the file, mmap'd (NULL for an empty file)
    size_t map_len;
    uint64_t offset;   // the bundle's offset in the file (an executable's trailer)
    KfBundle bundle;
} KlBundleFile;

// What kl_bundle_map found at a path.
typedef enum {
    KL_BUNDLE_OK,      // a sound bundle, mapped
    KL_BUNDLE_NOT,     // a readable file that is no bundle (no bundle magic,
                       // no executable trailer, not named *.kbz)
    KL_BUNDLE_BAD,     // unreadable, or a bundle that is refused
} KlBundleState;

// Maps the file at 'path' as a bundle: one that starts with the bundle
// magic, or ends with an executable trailer. On KL_BUNDLE_OK fills '*out'
// (release it with kl_bundle_unmap); on KL_BUNDLE_BAD sets '*message' to a
// malloc'd "ImportError: bad bundle '...': reason (check)" naming the file
// (or the OSError's text), NULL when out of memory.
KlBundleState kl_bundle_map(const char *path, KlBundleFile *out, char **message);

// Unmaps and frees what 'f' holds; the struct itself is the caller's.
void kl_bundle_unmap(KlBundleFile *f);

// The code of entry 'index' of the mapped bundle 'f' (not a namespace
// package), checked and decoded as a cache file. On failure 'out->message'
// names the bundle, the module and the reason. Release 'out' with
// kl_result_free.
KlError kl_bundle_load(const KlBundleFile *f, uint32_t index, KlResult *out);

// The relative source path of an entry as its code's co_filename holds it
// ("pkg/__init__.py", "pkg/mod.py"); malloc'd, NULL when out of memory.
char *kl_bundle_member_path(const KfBundleEntry *e);

// kraitc's bundle modes:
//   kraitc --bundle OUT.kbz [-m MAIN] [-o LEVEL] [-z] [-q] DIR|FILE.py...
//   kraitc --exe OUT [-m MAIN] [--runtime KRAIT] [-o LEVEL] [-z] [-q] DIR|FILE.py...
// Each DIR's modules, packages and namespace packages become entries named
// from DIR (DIR/pkg/mod.py is pkg.mod); a FILE.py is a top-level module.
// The main entry is MAIN (MAIN.__main__ for a package) or __main__; --exe
// requires one. Reports go to 'err'. Returns 0, 1 when a module did not
// compile or the output could not be written (nothing is written then), 2
// for a usage error.
int kl_bundle_main(int argc, char **argv, const KlCompiler *compiler, FILE *out, FILE *err);

// 1 when 'argv' asks for a bundle mode (--bundle or --exe).
int kl_is_bundle_mode(int argc, char **argv);

#endif
