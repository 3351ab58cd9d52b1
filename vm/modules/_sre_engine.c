// vm/modules/_sre_engine.c: the regular expression matcher behind _sre.
// It runs the code re/_compiler.py produces (already checked by
// _sre_validate.c, so every operand read is in bounds) over a str of any
// width or a bytes-like buffer, with CPython's semantics.
//
// The machine backtracks with an explicit stack of frames, so neither deep
// patterns nor long subjects recurse in C:
// - a choice point (a BRANCH alternative still to try, a REPEAT_ONE that
//   may give back a character, a MAX_UNTIL that may stop repeating ...)
//   records where to resume and how much of the trail to undo;
// - every piece of state that backtracking must restore (group marks,
//   lastindex, the current REPEAT record, the current barrier, the fields
//   of REPEAT records) lives in 'slots' and is changed only through
//   set_slot, which logs the old value on the trail: failing back to a
//   frame undoes the trail down to the frame's mark, so groups are exactly
//   what the successful path set;
// - sub-matches that end at their own SUCCESS opcode (lookaround, atomic
//   groups, iterations of possessive repeats) push a barrier frame; their
//   SUCCESS cuts every frame above the barrier (CPython's sub-matches are
//   atomic too), and failing back into the barrier means the sub-match
//   failed. With no barrier active, SUCCESS ends the whole match.
#include <ctype.h>
#include <string.h>

#include "../errors.h"
#include "../mem.h"
#include "../unicode.h"
#include "_signal.h"
#include "_sre.h"

enum {
    F_BRANCH,         // pc: the skip word of the next alternative
    F_REPEAT_ONE,     // pc: the REPEAT_ONE; ptr: where it started; a: count tried
    F_MIN_REPEAT_ONE, // pc: the MIN_REPEAT_ONE; ptr: start; a: count tried
    F_MAX_UNTIL_TAIL, // pc: the MAX_UNTIL; a: its REPEAT record: try the tail instead
    F_MIN_UNTIL_BODY, // pc: the MIN_UNTIL; a: record; b: count: try one more instead
    F_ASSERT,         // barriers: pc the continuation, ptr the saved position,
    F_ASSERT_NOT,     //   c the previous barrier
    F_ATOMIC,
    F_POSS, // pc: the POSSESSIVE_REPEAT; ptr: iteration start; a: count before it
};

struct SreFrame {
    int kind;
    size_t pc;
    ssize_t ptr;
    size_t trail, nslots;
    ssize_t a, b, c;
};

// A REPEAT record: four slots from its index.
enum { REP_COUNT, REP_LAST_PTR, REP_PREV, REP_PC, REP_SIZE };

#define NO_PTR ((ssize_t)-1)

// ---------------------------------------------------------------------------
// Characters.

uint32_t ksre_lower_ascii(uint32_t c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

uint32_t ksre_upper_ascii(uint32_t c) {
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

// CPython's Py_UNICODE_TOLOWER/TOUPPER: the first character of the full
// mapping when there is one (so upper('ß') is 'S'), else the simple one.
uint32_t ksre_lower_unicode(uint32_t c) {
    if (c < 128) {
        return ksre_lower_ascii(c);
    }
    const KUniSpecial *s = kuni_special(c);
    return s && s->lower[0] ? s->lower[0] : kuni_tolower(c);
}

uint32_t ksre_upper_unicode(uint32_t c) {
    if (c < 128) {
        return ksre_upper_ascii(c);
    }
    const KUniSpecial *s = kuni_special(c);
    return s && s->upper[0] ? s->upper[0] : kuni_toupper(c);
}

static uint32_t lower_locale(uint32_t c) {
    return c < 256 ? (uint32_t)tolower((int)c) : c;
}

static uint32_t upper_locale(uint32_t c) {
    return c < 256 ? (uint32_t)toupper((int)c) : c;
}

static int is_ascii_digit(uint32_t c) {
    return c >= '0' && c <= '9';
}

static int is_ascii_word(uint32_t c) {
    return c < 128 && (isalnum((int)c) || c == '_');
}

static int is_loc_word(uint32_t c) {
    return c < 256 && (isalnum((int)c) || c == '_');
}

static int is_uni_word(uint32_t c) {
    return c == '_' || kuni_has(c, KUNI_ALNUM);
}

static int is_uni_linebreak(uint32_t c) {
    switch (c) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x1C: case 0x1D: case 0x1E:
    case 0x85: case 0x2028: case 0x2029:
        return 1;
    default:
        return 0;
    }
}

static int in_category(SreCode cat, uint32_t c) {
    switch (cat) {
    case SRE_CAT_DIGIT:
        return is_ascii_digit(c);
    case SRE_CAT_NOT_DIGIT:
        return !is_ascii_digit(c);
    case SRE_CAT_SPACE:
        return c == ' ' || (c >= 9 && c <= 13);
    case SRE_CAT_NOT_SPACE:
        return !(c == ' ' || (c >= 9 && c <= 13));
    case SRE_CAT_WORD:
        return is_ascii_word(c);
    case SRE_CAT_NOT_WORD:
        return !is_ascii_word(c);
    case SRE_CAT_LINEBREAK:
        return c == '\n';
    case SRE_CAT_NOT_LINEBREAK:
        return c != '\n';
    case SRE_CAT_LOC_WORD:
        return is_loc_word(c);
    case SRE_CAT_LOC_NOT_WORD:
        return !is_loc_word(c);
    case SRE_CAT_UNI_DIGIT:
        return kuni_has(c, KUNI_DECIMAL);
    case SRE_CAT_UNI_NOT_DIGIT:
        return !kuni_has(c, KUNI_DECIMAL);
    case SRE_CAT_UNI_SPACE:
        return kuni_isspace(c);
    case SRE_CAT_UNI_NOT_SPACE:
        return !kuni_isspace(c);
    case SRE_CAT_UNI_WORD:
        return is_uni_word(c);
    case SRE_CAT_UNI_NOT_WORD:
        return !is_uni_word(c);
    case SRE_CAT_UNI_LINEBREAK:
        return is_uni_linebreak(c);
    case SRE_CAT_UNI_NOT_LINEBREAK:
        return !is_uni_linebreak(c);
    default:
        return 0;
    }
}

// Whether 'c' is in the set whose items start at 'set' (ended by FAILURE).
static int in_charset(const SreCode *set, uint32_t c) {
    int ok = 1;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (c == set[0]) {
                return ok;
            }
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (in_category(set[0], c)) {
                return ok;
            }
            set++;
            break;
        case SRE_OP_CHARSET:
            if (c < 256 && (set[c >> 5] & (1u << (c & 31)))) {
                return ok;
            }
            set += 8;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= c && c <= set[1]) {
                return ok;
            }
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (set[0] <= c && c <= set[1]) {
                return ok;
            }
            uint32_t u = ksre_upper_unicode(c);
            if (set[0] <= u && u <= set[1]) {
                return ok;
            }
            set += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            // count, 256 block numbers (bytes, in the words' memory order), blocks.
            SreCode count = *set++;
            if (c < 65536) {
                unsigned block = ((const uint8_t *)set)[c >> 8];
                const SreCode *bits = set + 64 + (size_t)block * 8;
                if (bits[(c & 255) >> 5] & (1u << (c & 31))) {
                    return ok;
                }
            }
            set += 64 + (size_t)count * 8;
            break;
        }
        default:
            return 0; // the validator lets nothing else through
        }
    }
}

static int in_charset_loc_ignore(const SreCode *set, uint32_t c) {
    if (in_charset(set, c)) {
        return 1;
    }
    uint32_t lo = lower_locale(c), up = upper_locale(c);
    return (lo != c && in_charset(set, lo)) || (up != c && in_charset(set, up));
}

static int literal_loc_ignore(SreCode lit, uint32_t c) {
    return c == lit || lower_locale(c) == lit || upper_locale(c) == lit;
}

// Whether the one-character operation at 'op' accepts 'c'.
static int match_one(const SreCode *op, uint32_t c) {
    switch (op[0]) {
    case SRE_OP_ANY:
        return c != '\n';
    case SRE_OP_ANY_ALL:
        return 1;
    case SRE_OP_LITERAL:
        return c == op[1];
    case SRE_OP_NOT_LITERAL:
        return c != op[1];
    case SRE_OP_LITERAL_IGNORE:
        return ksre_lower_ascii(c) == op[1];
    case SRE_OP_NOT_LITERAL_IGNORE:
        return ksre_lower_ascii(c) != op[1];
    case SRE_OP_LITERAL_UNI_IGNORE:
        return ksre_lower_unicode(c) == op[1];
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        return ksre_lower_unicode(c) != op[1];
    case SRE_OP_LITERAL_LOC_IGNORE:
        return literal_loc_ignore(op[1], c);
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        return !literal_loc_ignore(op[1], c);
    case SRE_OP_IN:
        return in_charset(op + 2, c);
    case SRE_OP_IN_IGNORE:
        return in_charset(op + 2, ksre_lower_ascii(c));
    case SRE_OP_IN_UNI_IGNORE:
        return in_charset(op + 2, ksre_lower_unicode(c));
    case SRE_OP_IN_LOC_IGNORE:
        return in_charset_loc_ignore(op + 2, c);
    case SRE_OP_CATEGORY:
        return in_category(op[1], c);
    default:
        return 0;
    }
}

// How many characters from 'ptr' (at most 'max') the one-character
// operation at 'op' accepts in a row.
static ssize_t count_run(const SreState *st, const SreCode *op, ssize_t ptr, SreCode max) {
    ssize_t end = st->endpos;
    ssize_t limit = ptr < end ? end - ptr : 0;
    if (max != SRE_MAXREPEAT && (ssize_t)max < limit) {
        limit = max;
    }
    ssize_t n = 0;
    switch (op[0]) {
    case SRE_OP_ANY_ALL:
        return limit;
    case SRE_OP_LITERAL:
        while (n < limit && sre_char(st, ptr + n) == op[1]) {
            n++;
        }
        return n;
    case SRE_OP_ANY:
        while (n < limit && sre_char(st, ptr + n) != '\n') {
            n++;
        }
        return n;
    default:
        while (n < limit && match_one(op, sre_char(st, ptr + n))) {
            n++;
        }
        return n;
    }
}

// Whether 'op' is an operation that consumes exactly one character.
static int is_first_op(SreCode op) {
    switch (op) {
    case SRE_OP_ANY:
    case SRE_OP_LITERAL:
    case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
    case SRE_OP_IN:
    case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE:
    case SRE_OP_IN_LOC_IGNORE:
    case SRE_OP_CATEGORY:
        return 1;
    default:
        return 0;
    }
}

// The width in code words of the one-character operation at 'op'.
static size_t one_width(const SreCode *op) {
    switch (op[0]) {
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
        return 1;
    case SRE_OP_IN:
    case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE:
    case SRE_OP_IN_LOC_IGNORE:
        return 1 + (size_t)op[1];
    default:
        return 2;
    }
}

static int at_word(const SreState *st, ssize_t ptr, int (*is_word)(uint32_t)) {
    ssize_t end = st->endpos;
    if (end == 0) {
        return -1; // CPython: no boundary (and no non-boundary) in an empty slice
    }
    int before = ptr > 0 && is_word(sre_char(st, ptr - 1));
    int here = ptr < end && is_word(sre_char(st, ptr));
    return before != here;
}

static int at_position(const SreState *st, ssize_t ptr, SreCode at) {
    ssize_t end = st->endpos;
    int b;
    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == 0;
    case SRE_AT_BEGINNING_LINE:
        return ptr == 0 || sre_char(st, ptr - 1) == '\n';
    case SRE_AT_END:
        return ptr == end || (ptr + 1 == end && sre_char(st, ptr) == '\n');
    case SRE_AT_END_LINE:
        // CPython looks at the character even past endpos.
        return ptr == end || (ptr < st->len && sre_char(st, ptr) == '\n');
    case SRE_AT_END_STRING:
        return ptr == end;
    case SRE_AT_BOUNDARY:
        return at_word(st, ptr, is_ascii_word) == 1;
    case SRE_AT_NON_BOUNDARY:
        return at_word(st, ptr, is_ascii_word) == 0;
    case SRE_AT_LOC_BOUNDARY:
        return at_word(st, ptr, is_loc_word) == 1;
    case SRE_AT_LOC_NON_BOUNDARY:
        return at_word(st, ptr, is_loc_word) == 0;
    case SRE_AT_UNI_BOUNDARY:
        return at_word(st, ptr, is_uni_word) == 1;
    case SRE_AT_UNI_NON_BOUNDARY:
        b = at_word(st, ptr, is_uni_word);
        return b == 0;
    default:
        return 0;
    }
}

// ---------------------------------------------------------------------------
// Slots, trail and frames.

static int grow(void **buf, size_t *cap, size_t need, size_t item) {
    if (need <= *cap) {
        return 0;
    }
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need) {
        ncap *= 2;
    }
    void *p = kmem_realloc(*buf, ncap * item);
    if (!p) {
        kerr_no_memory();
        return -1;
    }
    *buf = p;
    *cap = ncap;
    return 0;
}

// slots[i] = v, remembering the old value for backtracking. -1 on MemoryError.
static int set_slot(SreState *st, size_t i, ssize_t v) {
    if (st->nframes > 0) { // with no frame, nothing can fail back to it
        if (st->ntrail == st->captrail &&
            grow((void **)&st->trail, &st->captrail, st->ntrail + 1, sizeof(SreTrail)) < 0) {
            return -1;
        }
        st->trail[st->ntrail].slot = i;
        st->trail[st->ntrail].old = st->slots[i];
        st->ntrail++;
    }
    st->slots[i] = v;
    return 0;
}

static void unwind(SreState *st, size_t mark) {
    while (st->ntrail > mark) {
        st->ntrail--;
        st->slots[st->trail[st->ntrail].slot] = st->trail[st->ntrail].old;
    }
}

static SreFrame *push_frame(SreState *st, int kind, size_t pc, ssize_t ptr) {
    if (st->nframes == st->capframes &&
        grow((void **)&st->frames, &st->capframes, st->nframes + 1, sizeof(SreFrame)) < 0) {
        return NULL;
    }
    SreFrame *f = &st->frames[st->nframes++];
    f->kind = kind;
    f->pc = pc;
    f->ptr = ptr;
    f->trail = st->ntrail;
    f->nslots = st->nslots;
    f->a = f->b = f->c = 0;
    return f;
}

// Pushes a barrier frame and makes it the current one; -1 on MemoryError.
static int push_barrier(SreState *st, int kind, size_t pc, ssize_t ptr, ssize_t count) {
    ssize_t prev = st->slots[SRE_SLOT_BARRIER];
    SreFrame *f = push_frame(st, kind, pc, ptr);
    if (!f) {
        return -1;
    }
    f->a = count;
    f->c = prev;
    return set_slot(st, SRE_SLOT_BARRIER, (ssize_t)st->nframes - 1);
}

// A new REPEAT record for the REPEAT at 'pc': its slot index, or -1.
static ssize_t new_repeat(SreState *st, size_t pc) {
    size_t at = st->nslots;
    if (grow((void **)&st->slots, &st->capslots, at + REP_SIZE, sizeof(ssize_t)) < 0) {
        return -1;
    }
    st->slots[at + REP_COUNT] = -1;
    st->slots[at + REP_LAST_PTR] = NO_PTR;
    st->slots[at + REP_PREV] = st->slots[SRE_SLOT_REPEAT];
    st->slots[at + REP_PC] = (ssize_t)pc;
    st->nslots = at + REP_SIZE;
    return (ssize_t)at;
}

// Interrupting long matches: krait has no signal hook yet, so this only
// bounds the work between checks for a future one.
// Every 4096 steps: the handlers of signals that arrived run, so Ctrl-C
// interrupts a long match, as in CPython. 0, or -1 with their exception.
static int periodic_check(SreState *st) {
    (void)st;
    return ksignal_pending ? ksignal_run_pending() : 0;
}

// ---------------------------------------------------------------------------
// The machine.

static int group_span(const SreState *st, SreCode g, ssize_t *s, ssize_t *e) {
    *s = st->slots[SRE_SLOT_MARKS + 2 * (size_t)g];
    *e = st->slots[SRE_SLOT_MARKS + 2 * (size_t)g + 1];
    return *s >= 0 && *e >= 0 && *e >= *s;
}

static int groupref(const SreState *st, SreCode op, SreCode g, ssize_t *ptrp) {
    ssize_t s, e, ptr = *ptrp;
    if (!group_span(st, g, &s, &e)) {
        return 0;
    }
    if (e - s > st->endpos - ptr) {
        return 0;
    }
    for (ssize_t i = s; i < e; i++, ptr++) {
        uint32_t a = sre_char(st, ptr), b = sre_char(st, i);
        switch (op) {
        case SRE_OP_GROUPREF_IGNORE:
            a = ksre_lower_ascii(a);
            b = ksre_lower_ascii(b);
            break;
        case SRE_OP_GROUPREF_UNI_IGNORE:
            a = ksre_lower_unicode(a);
            b = ksre_lower_unicode(b);
            break;
        case SRE_OP_GROUPREF_LOC_IGNORE:
            a = lower_locale(a);
            b = lower_locale(b);
            break;
        default:
            break;
        }
        if (a != b) {
            return 0;
        }
    }
    *ptrp = ptr;
    return 1;
}

// REPEAT_ONE frame 'f': lowers its count to the next one at which the tail
// can start (a literal tail needs its character there). 0 when none is left.
static int repeat_one_settle(const SreState *st, const SreCode *code, SreFrame *f, ssize_t count) {
    size_t pc = f->pc;
    ssize_t min = code[pc + 2];
    size_t tail = pc + 1 + code[pc + 1];
    if (code[tail] == SRE_OP_LITERAL) {
        SreCode lit = code[tail + 1];
        while (count >= min &&
               (f->ptr + count >= st->endpos || sre_char(st, f->ptr + count) != lit)) {
            count--;
        }
    }
    f->a = count;
    return count >= min;
}

// The first alternative of a BRANCH from the skip word at 'alt' that may
// match at 'ptr' (one starting with a literal that differs is passed
// over), or 0 when none is left.
static size_t viable_alt(const SreState *st, const SreCode *code, size_t alt, ssize_t ptr) {
    for (; code[alt]; alt += code[alt]) {
        if (code[alt + 1] == SRE_OP_LITERAL &&
            (ptr >= st->endpos || sre_char(st, ptr) != code[alt + 2])) {
            continue;
        }
        return alt;
    }
    return 0;
}

// Starts the iteration after 'count' done ones of the POSSESSIVE_REPEAT at
// 'opc', or its tail: sets '*pc'. 'prev' is where the last iteration
// started (NO_PTR when it was a mandatory one). -1 on MemoryError.
static int poss_next(SreState *st, const SreCode *code, size_t opc, ssize_t count, ssize_t ptr,
                     ssize_t prev, size_t *pc) {
    SreCode min = code[opc + 2], max = code[opc + 3];
    if (count < (ssize_t)min ||
        ((max == SRE_MAXREPEAT || count < (ssize_t)max) && ptr != prev)) {
        *pc = opc + 4;
        return push_barrier(st, F_POSS, opc, ptr, count);
    }
    *pc = opc + 1 + code[opc + 1] + 1;
    return 0;
}

// Runs the code from 'pc' at 'ptr' until the top-level SUCCESS or the
// exhaustion of all choices: 1 (st->ptr set), 0, -1 with an exception.
static int run(SreState *st, const SreCode *code, size_t pc, ssize_t ptr, int must_advance) {
    const ssize_t end = st->endpos;
    ssize_t *slots;
    SreFrame *f;
    ssize_t count, rep;
    for (;;) {
        if (K_UNLIKELY((++st->steps & 0xFFF) == 0) && periodic_check(st) < 0) {
            return -1;
        }
        slots = st->slots;
        switch (code[pc]) {
        case SRE_OP_FAILURE:
            goto fail;
        case SRE_OP_SUCCESS: {
            ssize_t b = slots[SRE_SLOT_BARRIER];
            if (b < 0) {
                if ((st->match_all && ptr != end) || (must_advance && ptr == st->start)) {
                    goto fail;
                }
                st->ptr = ptr;
                return 1;
            }
            SreFrame bf = st->frames[b];
            st->nframes = (size_t)b;
            if (bf.kind == F_ASSERT_NOT) {
                goto fail;
            }
            if (set_slot(st, SRE_SLOT_BARRIER, bf.c) < 0) {
                return -1;
            }
            if (bf.kind == F_ASSERT) {
                pc = bf.pc;
                ptr = bf.ptr;
            } else if (bf.kind == F_ATOMIC) {
                pc = bf.pc;
            } else { // F_POSS: one more iteration done
                SreCode min = code[bf.pc + 2];
                ssize_t prev = bf.a < (ssize_t)min ? NO_PTR : bf.ptr;
                if (poss_next(st, code, bf.pc, bf.a + 1, ptr, prev, &pc) < 0) {
                    return -1;
                }
            }
            break;
        }
        case SRE_OP_ANY:
            if (ptr >= end || sre_char(st, ptr) == '\n') {
                goto fail;
            }
            ptr++;
            pc++;
            break;
        case SRE_OP_ANY_ALL:
            if (ptr >= end) {
                goto fail;
            }
            ptr++;
            pc++;
            break;
        case SRE_OP_LITERAL:
            if (ptr >= end || sre_char(st, ptr) != code[pc + 1]) {
                goto fail;
            }
            ptr++;
            pc += 2;
            break;
        case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        case SRE_OP_CATEGORY:
        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !match_one(code + pc, sre_char(st, ptr))) {
                goto fail;
            }
            ptr++;
            pc += one_width(code + pc);
            break;
        case SRE_OP_AT:
            if (!at_position(st, ptr, code[pc + 1])) {
                goto fail;
            }
            pc += 2;
            break;
        case SRE_OP_INFO:
            if (code[pc + 3] && end - ptr >= 0 && end - ptr < (ssize_t)code[pc + 3]) {
                goto fail;
            }
            pc += 1 + code[pc + 1];
            break;
        case SRE_OP_JUMP:
            pc += 1 + code[pc + 1];
            break;
        case SRE_OP_MARK: {
            SreCode i = code[pc + 1];
            if ((i & 1) && set_slot(st, SRE_SLOT_LASTINDEX, (ssize_t)(i / 2 + 1)) < 0) {
                return -1;
            }
            if (set_slot(st, SRE_SLOT_MARKS + i, ptr) < 0) {
                return -1;
            }
            pc += 2;
            break;
        }
        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (!groupref(st, code[pc], code[pc + 1], &ptr)) {
                goto fail;
            }
            pc += 2;
            break;
        case SRE_OP_GROUPREF_EXISTS: {
            ssize_t s, e;
            if (group_span(st, code[pc + 1], &s, &e)) {
                pc += 3;
            } else {
                pc += 1 + code[pc + 2];
            }
            break;
        }
        case SRE_OP_BRANCH: {
            size_t alt = viable_alt(st, code, pc + 1, ptr);
            if (!alt) {
                goto fail;
            }
            if (code[alt + code[alt]] && !push_frame(st, F_BRANCH, alt + code[alt], ptr)) {
                return -1;
            }
            pc = alt + 1;
            break;
        }
        case SRE_OP_REPEAT_ONE: {
            SreCode min = code[pc + 2];
            if (ptr > end || (ssize_t)min > end - ptr) {
                goto fail;
            }
            count = count_run(st, code + pc + 4, ptr, code[pc + 3]);
            if (count < (ssize_t)min) {
                goto fail;
            }
            size_t tail = pc + 1 + code[pc + 1];
            if (count > (ssize_t)min || code[tail] == SRE_OP_LITERAL) {
                if (!(f = push_frame(st, F_REPEAT_ONE, pc, ptr))) {
                    return -1;
                }
                if (!repeat_one_settle(st, code, f, count)) {
                    st->nframes--;
                    goto fail;
                }
                count = f->a;
            }
            ptr += count;
            pc = tail;
            break;
        }
        case SRE_OP_MIN_REPEAT_ONE: {
            SreCode min = code[pc + 2];
            if (ptr > end || (ssize_t)min > end - ptr) {
                goto fail;
            }
            count = 0;
            if (min > 0) {
                count = count_run(st, code + pc + 4, ptr, min);
                if (count < (ssize_t)min) {
                    goto fail;
                }
            }
            if (!(f = push_frame(st, F_MIN_REPEAT_ONE, pc, ptr))) {
                return -1;
            }
            f->a = count;
            ptr += count;
            pc = pc + 1 + code[pc + 1];
            break;
        }
        case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            SreCode min = code[pc + 2];
            if (ptr > end || (ssize_t)min > end - ptr) {
                goto fail;
            }
            count = count_run(st, code + pc + 4, ptr, code[pc + 3]);
            if (count < (ssize_t)min) {
                goto fail;
            }
            ptr += count;
            pc = pc + 1 + code[pc + 1];
            break;
        }
        case SRE_OP_REPEAT:
            if ((rep = new_repeat(st, pc)) < 0 || set_slot(st, SRE_SLOT_REPEAT, rep) < 0) {
                return -1;
            }
            pc = pc + 1 + code[pc + 1];
            break;
        case SRE_OP_MAX_UNTIL:
        case SRE_OP_MIN_UNTIL: {
            rep = slots[SRE_SLOT_REPEAT];
            if (rep < 0) {
                kerr_set(&kexc_RuntimeError, "internal error in regular expression engine");
                return -1;
            }
            size_t rpc = (size_t)slots[rep + REP_PC];
            SreCode min = code[rpc + 2], max = code[rpc + 3];
            count = slots[rep + REP_COUNT] + 1;
            if (count < (ssize_t)min) {
                if (set_slot(st, (size_t)rep + REP_COUNT, count) < 0) {
                    return -1;
                }
                pc = rpc + 4;
                break;
            }
            if (code[pc] == SRE_OP_MIN_UNTIL) {
                // Lazy: the tail first, one more iteration when it fails.
                if (!(f = push_frame(st, F_MIN_UNTIL_BODY, pc, ptr))) {
                    return -1;
                }
                f->a = rep;
                f->b = count;
            } else if ((max == SRE_MAXREPEAT || count < (ssize_t)max) &&
                       ptr != slots[rep + REP_LAST_PTR]) {
                // Greedy: one more iteration, the tail when it fails.
                if (!(f = push_frame(st, F_MAX_UNTIL_TAIL, pc, ptr))) {
                    return -1;
                }
                f->a = rep;
                if (set_slot(st, (size_t)rep + REP_COUNT, count) < 0 ||
                    set_slot(st, (size_t)rep + REP_LAST_PTR, ptr) < 0) {
                    return -1;
                }
                pc = rpc + 4;
                break;
            }
            if (set_slot(st, SRE_SLOT_REPEAT, st->slots[rep + REP_PREV]) < 0) {
                return -1;
            }
            pc++;
            break;
        }
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT: {
            SreCode back = code[pc + 2];
            size_t next = pc + 1 + code[pc + 1];
            if (ptr < (ssize_t)back) {
                if (code[pc] == SRE_OP_ASSERT) {
                    goto fail;
                }
                pc = next;
                break;
            }
            if (push_barrier(st, code[pc] == SRE_OP_ASSERT ? F_ASSERT : F_ASSERT_NOT, next, ptr,
                             0) < 0) {
                return -1;
            }
            ptr -= back;
            pc += 3;
            break;
        }
        case SRE_OP_ATOMIC_GROUP:
            if (push_barrier(st, F_ATOMIC, pc + 1 + code[pc + 1], ptr, 0) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case SRE_OP_POSSESSIVE_REPEAT:
            if (poss_next(st, code, pc, 0, ptr, NO_PTR, &pc) < 0) {
                return -1;
            }
            break;
        default:
            kerr_set(&kexc_RuntimeError, "internal error in regular expression engine");
            return -1;
        }
        continue;

    fail:
        // Back to the most recent frame: undo what was done since, then
        // take its next choice (or keep failing).
        for (;;) {
            if (st->nframes == 0) {
                return 0;
            }
            f = &st->frames[st->nframes - 1];
            unwind(st, f->trail);
            st->nslots = f->nslots;
            ptr = f->ptr;
            slots = st->slots;
            switch (f->kind) {
            case F_BRANCH: {
                size_t alt = viable_alt(st, code, f->pc, ptr);
                if (!alt) {
                    st->nframes--;
                    continue;
                }
                if (code[alt + code[alt]]) {
                    f->pc = alt + code[alt];
                } else {
                    st->nframes--;
                }
                pc = alt + 1;
                goto resume;
            }
            case F_REPEAT_ONE:
                if (!repeat_one_settle(st, code, f, f->a - 1)) {
                    st->nframes--;
                    continue;
                }
                pc = f->pc + 1 + code[f->pc + 1];
                ptr += f->a;
                goto resume;
            case F_MIN_REPEAT_ONE: {
                SreCode max = code[f->pc + 3];
                count = f->a;
                if ((max != SRE_MAXREPEAT && count >= (ssize_t)max) || ptr + count >= end ||
                    !match_one(code + f->pc + 4, sre_char(st, ptr + count))) {
                    st->nframes--;
                    continue;
                }
                f->a = ++count;
                pc = f->pc + 1 + code[f->pc + 1];
                ptr += count;
                goto resume;
            }
            case F_MAX_UNTIL_TAIL:
                rep = f->a;
                pc = f->pc + 1;
                st->nframes--;
                if (set_slot(st, SRE_SLOT_REPEAT, slots[rep + REP_PREV]) < 0) {
                    return -1;
                }
                goto resume;
            case F_MIN_UNTIL_BODY: {
                rep = f->a;
                count = f->b;
                size_t rpc = (size_t)slots[rep + REP_PC];
                SreCode max = code[rpc + 3];
                st->nframes--;
                if ((max != SRE_MAXREPEAT && count >= (ssize_t)max) ||
                    ptr == slots[rep + REP_LAST_PTR]) {
                    continue;
                }
                if (set_slot(st, (size_t)rep + REP_COUNT, count) < 0 ||
                    set_slot(st, (size_t)rep + REP_LAST_PTR, ptr) < 0) {
                    return -1;
                }
                pc = rpc + 4;
                goto resume;
            }
            case F_ASSERT_NOT:
                pc = f->pc;
                st->nframes--;
                goto resume;
            case F_POSS: {
                SreCode min = code[f->pc + 2];
                ssize_t done = f->a;
                pc = f->pc + 1 + code[f->pc + 1] + 1;
                st->nframes--;
                if (done < (ssize_t)min) {
                    continue;
                }
                goto resume;
            }
            default: // F_ASSERT, F_ATOMIC: the sub-match failed
                st->nframes--;
                continue;
            }
        }
    resume:;
    }
}

// ---------------------------------------------------------------------------
// Attempts and searches.

// One attempt at 'ptr': fresh groups and workspace, then the machine.
static int attempt(SreState *st, const SreCode *code, ssize_t ptr, int must_advance) {
    size_t nfixed = SRE_SLOT_MARKS + 2 * (size_t)st->groups;
    if (grow((void **)&st->slots, &st->capslots, nfixed, sizeof(ssize_t)) < 0) {
        return -1;
    }
    for (size_t i = 0; i < nfixed; i++) {
        st->slots[i] = -1;
    }
    st->nslots = nfixed;
    st->ntrail = 0;
    st->nframes = 0;
    st->start = ptr;
    size_t pc = 0;
    if (code[0] == SRE_OP_INFO) {
        ssize_t left = st->endpos - ptr;
        if (code[3] && left >= 0 && left < (ssize_t)code[3]) {
            return 0;
        }
        pc = 1 + code[1];
    }
    return run(st, code, pc, ptr, must_advance);
}

// The first position in [from, to) holding 'c', or -1.
static ssize_t find_char(const SreState *st, uint32_t c, ssize_t from, ssize_t to) {
    if (from >= to) {
        return -1;
    }
    if (st->kind == 1) {
        if (c > 255) {
            return -1;
        }
        const uint8_t *d = st->data;
        const uint8_t *hit = memchr(d + from, (int)c, (size_t)(to - from));
        return hit ? hit - d : -1;
    }
    for (ssize_t i = from; i < to; i++) {
        if (sre_char(st, i) == c) {
            return i;
        }
    }
    return -1;
}

static int first_char_ok(const SreState *st, const SreCode *code, size_t first, ssize_t p);

// Whether a match may start at 'p' judging by the INFO block's literal
// prefix or first-character set ('info' 1), then by the first operation
// that consumes a character ('first', 0 when there is none to test).
static int may_start(const SreState *st, const SreCode *code, int info, size_t first, ssize_t p) {
    if (info) {
        SreCode flags = code[2];
        if (flags & SRE_INFO_PREFIX) {
            SreCode plen = code[5];
            if ((ssize_t)plen > st->endpos - p) {
                return 0;
            }
            for (SreCode i = 0; i < plen; i++) {
                if (sre_char(st, p + i) != code[7 + i]) {
                    return 0;
                }
            }
            return 1;
        }
        if ((flags & SRE_INFO_CHARSET) &&
            !(p < st->endpos && in_charset(code + 5, sre_char(st, p)))) {
            return 0;
        }
    }
    return !first || first_char_ok(st, code, first, p);
}

// The one-character operation every match from 'pc' must start with
// (skipping the group marks before it), or 0.
static size_t simple_first(const SreCode *code, size_t pc) {
    while (code[pc] == SRE_OP_MARK) {
        pc += 2;
    }
    switch (code[pc]) {
    case SRE_OP_REPEAT_ONE:
    case SRE_OP_MIN_REPEAT_ONE:
    case SRE_OP_POSSESSIVE_REPEAT_ONE:
        return code[pc + 2] > 0 ? pc + 4 : 0;
    default:
        return is_first_op(code[pc]) ? pc : 0;
    }
}

// As simple_first, but a BRANCH whose every alternative starts with a
// literal qualifies too (the filter then tries each). Alternatives
// starting with sets are left alone: testing them at every position costs
// more than it saves when matches are dense (a tokenizer's alternation).
static size_t first_char_op(const SreCode *code, size_t pc) {
    while (code[pc] == SRE_OP_MARK) {
        pc += 2;
    }
    if (code[pc] != SRE_OP_BRANCH) {
        return simple_first(code, pc);
    }
    for (size_t alt = pc + 1; code[alt]; alt += code[alt]) {
        size_t f = simple_first(code, alt + 1);
        switch (f ? code[f] : SRE_OP_FAILURE) {
        case SRE_OP_LITERAL:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
            break;
        default:
            return 0;
        }
    }
    return pc;
}

// Whether the character at 'p' passes the filter 'first_char_op' gave.
static int first_char_ok(const SreState *st, const SreCode *code, size_t first, ssize_t p) {
    if (p >= st->endpos) {
        return 0;
    }
    uint32_t c = sre_char(st, p);
    if (code[first] != SRE_OP_BRANCH) {
        return match_one(code + first, c);
    }
    for (size_t alt = first + 1; code[alt]; alt += code[alt]) {
        if (match_one(code + simple_first(code, alt + 1), c)) {
            return 1;
        }
    }
    return 0;
}

int ksre_match(SreState *st, SrePattern *pat, int search) {
    const SreCode *code = pat->code;
    ssize_t start = st->start, end = st->endpos;
    if (!search) {
        return attempt(st, code, start, st->must_advance);
    }
    if (start > end) {
        return 0;
    }
    ssize_t last = end;
    int info = 0;
    size_t body = 0;
    uint32_t lead = 0;
    int has_lead = 0;
    if (code[0] == SRE_OP_INFO) {
        SreCode min = code[3];
        if (min && end - start < (ssize_t)min) {
            return 0;
        }
        last = end - (ssize_t)min;
        info = (code[2] & (SRE_INFO_PREFIX | SRE_INFO_CHARSET)) != 0;
        body = 1 + code[1];
        if ((code[2] & SRE_INFO_PREFIX) && code[5] > 0) {
            lead = code[7];
            has_lead = 1;
        }
    }
    size_t first = first_char_op(code, body);
    int anchored = code[body] == SRE_OP_AT &&
                   (code[body + 1] == SRE_AT_BEGINNING || code[body + 1] == SRE_AT_BEGINNING_STRING);
    for (ssize_t p = start; p <= last; p++) {
        if (has_lead) {
            p = find_char(st, lead, p, last + 1);
            if (p < 0) {
                break;
            }
        }
        if (!anchored && !may_start(st, code, info, first, p)) {
            continue;
        }
        int r = attempt(st, code, p, st->must_advance && p == start);
        if (r != 0) {
            return r;
        }
        if (anchored) {
            break;
        }
    }
    return 0;
}

void ksre_state_span(const SreState *st, ssize_t g, ssize_t *start, ssize_t *end) {
    if (g == 0) {
        *start = st->start;
        *end = st->ptr;
        return;
    }
    if (!group_span(st, (SreCode)(g - 1), start, end)) {
        *start = *end = -1;
    }
}

ssize_t ksre_state_lastindex(const SreState *st) {
    return st->slots[SRE_SLOT_LASTINDEX];
}

void ksre_state_reset(SreState *st) {
    st->nframes = 0;
    st->ntrail = 0;
}
