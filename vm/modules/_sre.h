// vm/modules/_sre.h: what the files of the _sre module share (private to
// them). re/_compiler.py turns a pattern into a list of 32-bit code words
// (opcodes of re/_constants.py) and hands it to _sre.compile; _sre.c holds
// the module and the Pattern type, _sre_match.c the Match and Scanner types,
// _sre_validate.c checks code lists before anything runs them, and
// _sre_engine.c is the matcher: a backtracking machine whose choice points
// live on an explicit stack, never on the C stack.
#ifndef KRAIT_VM_MODULES_SRE_H
#define KRAIT_VM_MODULES_SRE_H

#include <stdint.h>

#include "../object.h"

typedef uint32_t SreCode;

#define SRE_MAGIC 20220615
#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 0x3FFFFFFF

// Opcodes (re/_constants.py OPCODES order).
enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT,
    SRE_OP_ASSERT_NOT, SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET,
    SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO,
    SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
    SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE,
    SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
    SRE_OP_COUNT
};

// AT codes.
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY,
    SRE_AT_UNI_NON_BOUNDARY, SRE_AT_COUNT
};

// Category codes.
enum {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK, SRE_CAT_COUNT
};

// Pattern flags (re.IGNORECASE ...) and INFO flags.
enum {
    SRE_FLAG_TEMPLATE = 1, SRE_FLAG_IGNORECASE = 2, SRE_FLAG_LOCALE = 4,
    SRE_FLAG_MULTILINE = 8, SRE_FLAG_DOTALL = 16, SRE_FLAG_UNICODE = 32,
    SRE_FLAG_VERBOSE = 64, SRE_FLAG_DEBUG = 128, SRE_FLAG_ASCII = 256,
};
enum { SRE_INFO_PREFIX = 1, SRE_INFO_LITERAL = 2, SRE_INFO_CHARSET = 4 };

typedef struct SrePattern {
    KOBJ_HEAD;
    KValue pattern;    // the source: str, bytes or None
    KValue groupindex; // dict name -> group number (owned copy)
    KValue indexgroup; // tuple group number -> name or None
    ssize_t groups;    // capturing groups, group 0 not counted
    int flags;
    int isbytes;       // 1 bytes, 0 str, -1 either (source None)
    ssize_t codesize;
    SreCode *code;
} SrePattern;

// A choice point or barrier of the matcher (see _sre_engine.c).
typedef struct SreFrame SreFrame;

typedef struct SreTrail {
    size_t slot;
    ssize_t old;
} SreTrail;

// One search or match over a subject string. 'data' stays valid while the
// state lives: the subject is referenced and a bytearray behind it is
// pinned (its export count raised) so it cannot be resized.
typedef struct SreState {
    KValue string;       // the subject (owned)
    KValue pin;          // a pinned bytearray (owned) or KV_NULL
    const void *data;
    int kind;            // bytes per character: 1, 2 or 4
    int isbytes;
    ssize_t len;         // of the whole subject
    ssize_t pos, endpos; // the slice searched, clipped to [0, len]
    ssize_t start;       // where the current attempt starts
    ssize_t ptr;         // where the match ended (after success)
    int match_all;       // fullmatch: only a match ending at endpos counts
    int must_advance;    // an empty match at 'start' does not count
    ssize_t groups;
    // Matcher workspace: 'slots' holds the mutable state backtracking
    // restores (see _sre_engine.c), 'trail' the values to restore.
    ssize_t *slots;
    size_t nslots, capslots;
    SreTrail *trail;
    size_t ntrail, captrail;
    SreFrame *frames;
    size_t nframes, capframes;
    unsigned steps;      // for periodic checks
} SreState;

// Fixed slots of SreState.slots; the group marks follow them (group g
// spans marks SRE_SLOT_MARKS + 2g - 2 and + 2g - 1, -1 when unset).
enum { SRE_SLOT_LASTINDEX, SRE_SLOT_REPEAT, SRE_SLOT_BARRIER, SRE_SLOT_MARKS };

static inline uint32_t sre_char(const SreState *st, ssize_t i) {
    switch (st->kind) {
    case 1:
        return ((const uint8_t *)st->data)[i];
    case 2:
        return ((const uint16_t *)st->data)[i];
    default:
        return ((const uint32_t *)st->data)[i];
    }
}

// The pattern and Scanner types (_sre.c, _sre_match.c).
extern KType ksre_pattern_type, ksre_match_type, ksre_scanner_type;

// Prepares 'st' to run 'pat' over string[pos:endpos] (clipped as CPython
// does): type checks ("cannot use a string pattern on a bytes-like
// object"...), the subject referenced and pinned. -1 on error (nothing to
// release then).
K_MUST_CHECK int ksre_state_init(SreState *st, SrePattern *pat, KValue string, ssize_t pos,
                                 ssize_t endpos);
// Releases everything 'st' holds.
void ksre_state_fini(SreState *st);
// Forgets the groups of the last attempt (before the next one).
void ksre_state_reset(SreState *st);
// One attempt at st->start ('search' 0) or the first match at or after it:
// 1 found (st->start and st->ptr delimit it, the marks are in the slots),
// 0 not found, -1 with an exception.
int ksre_match(SreState *st, SrePattern *pat, int search);
// Group 'g' of the last success: its span, or -1/-1 when it did not take part.
void ksre_state_span(const SreState *st, ssize_t g, ssize_t *start, ssize_t *end);
ssize_t ksre_state_lastindex(const SreState *st);

// Checks a code list: 0 valid, -1 with RuntimeError("invalid SRE code").
K_MUST_CHECK int ksre_validate(const SreCode *code, ssize_t len, ssize_t groups);

// The simple case mappings _sre uses (CPython's sre_lower_unicode ...).
uint32_t ksre_lower_unicode(uint32_t c);
uint32_t ksre_upper_unicode(uint32_t c);
uint32_t ksre_lower_ascii(uint32_t c);
uint32_t ksre_upper_ascii(uint32_t c);

// A slice of the subject as CPython's getslice: bytes for a bytes-like
// subject (the subject itself when it is exact bytes and whole), else an
// exact str.
KValue ksre_getslice(int isbytes, KValue string, ssize_t start, ssize_t end);
// A new Match for the last success of 'st' (status 1), None for 0, NULL for -1.
KValue ksre_match_new(SrePattern *pat, SreState *st, int status);
// A new Scanner over string[pos:endpos].
KValue ksre_scanner_new(SrePattern *pat, KValue string, ssize_t pos, ssize_t endpos);
// pos/endpos arguments as ssize_t; -1 with an error.
K_MUST_CHECK int ksre_ssize_arg(KValue v, ssize_t *out);
// Calls re.NAME(args...) of the Python-level re module (re._expand, re._subx).
KValue ksre_call_re(const char *name, const KValue *args, size_t nargs);

#endif
