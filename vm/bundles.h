// vm/bundles.h: bundle files on sys.path (vm/bundles.c), for the finder
// and the command line.
#ifndef KRAIT_VM_BUNDLES_H
#define KRAIT_VM_BUNDLES_H

#include "finder.h"

struct KlBundleFile;

// Searches the path entry 'key' for the module 'tail' when 'key' is a
// bundle or a directory inside one ('app.kbz/pkg'). Returns 1 when found
// ('out' filled, kind KFIND_BUNDLE), 0 when not (with '*portion', when NULL
// before, set to a malloc'd namespace directory 'key/tail' if the bundle
// has that namespace package), 2 when 'key' is no bundle (search it as a
// directory), -1 with ImportError set when it is a broken bundle.
K_MUST_CHECK int kbundles_find(const char *key, const char *tail, KFound *out, char **portion);

// The bundle at 'path', mapped once and kept: borrowed, valid until
// kbundles_close_all. NULL with ImportError set (naming the file and the
// reason) when it is broken or no bundle.
const struct KlBundleFile *kbundles_open(const char *path);

// Unmaps every bundle (at the runtime's end).
void kbundles_close_all(void);

#endif
