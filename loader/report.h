// loader/report.h: kraitc's machine-readable report (--json) and its
// progress bar (private to loader/). compileall.c decides what happened to
// each file; this file only writes it down.
#ifndef KRAIT_LOADER_REPORT_H
#define KRAIT_LOADER_REPORT_H

#include <stddef.h>
#include <stdio.h>

// What happened to one file.
typedef enum { KREPORT_COMPILED, KREPORT_SKIPPED, KREPORT_FAILED } KReportStatus;

typedef struct KReport {
    FILE *out;
    size_t nfiles, counts[3];
    char **errors; // malloc'd texts of kreport_error, written at the end
    size_t nerrors;
} KReport;

// Starts the JSON document on 'out'.
void kreport_begin(KReport *r, FILE *out);

// Adds one file: 'path' as given, its 'status', and for a failure the
// loader's message 'message' (traceback.format_exception_only's text, or an
// OSError line), from which the error's type, file, line and message are
// taken; 'path' stands for the file when the message names none.
void kreport_file(KReport *r, const char *path, KReportStatus status, const char *message);

// Adds an error that is not about one file ("Can't list 'dir'").
void kreport_error(KReport *r, const char *text);

// Ends the document with the totals and 'ok' (the exit status is 0).
void kreport_end(KReport *r, int ok);

// Draws the progress bar for 'done' of 'total' files on 'err' (a terminal),
// or erases it when 'total' is 0.
void kreport_progress(FILE *err, size_t done, size_t total);

#endif
