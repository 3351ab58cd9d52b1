// vm/modules/_sre_validate.c: checks a code list handed to _sre.compile
// before the matcher may run it. re/_compiler.py only produces valid code,
// but _sre.compile takes any list of ints, and the matcher reads operands
// and follows skips without bounds checks: here every construct is parsed
// as the compiler lays it out, every skip must land on the boundary its
// construct expects, every operand (group, category, position code) must
// be in range, and the code must end with SUCCESS or FAILURE. Anything
// else is RuntimeError("invalid SRE code"), as CPython says.
#include "../errors.h"
#include "_sre.h"

// Nesting deeper than this is refused (the parser in Python never gets near).
#define MAX_DEPTH 2000

typedef struct {
    const SreCode *code;
    size_t len;
    ssize_t groups;
} Checker;

static int block(const Checker *ck, size_t start, size_t end, int depth, SreCode *last_op);

// A charset body from 'p' that must end with FAILURE exactly at end - 1.
static int charset(const Checker *ck, size_t p, size_t end) {
    const SreCode *code = ck->code;
    while (p < end) {
        switch (code[p]) {
        case SRE_OP_FAILURE:
            return p + 1 == end ? 0 : -1;
        case SRE_OP_NEGATE:
            p += 1;
            break;
        case SRE_OP_LITERAL:
            p += 2;
            break;
        case SRE_OP_CATEGORY:
            if (p + 1 >= end || code[p + 1] >= SRE_CAT_COUNT) {
                return -1;
            }
            p += 2;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            p += 3;
            break;
        case SRE_OP_CHARSET:
            p += 9;
            break;
        case SRE_OP_BIGCHARSET: {
            if (p + 66 > end) {
                return -1;
            }
            SreCode count = code[p + 1];
            const uint8_t *map = (const uint8_t *)(code + p + 2);
            for (int i = 0; i < 256; i++) {
                if (map[i] >= count) {
                    return -1;
                }
            }
            if ((size_t)count > (end - p - 66) / 8) {
                return -1;
            }
            p += 66 + (size_t)count * 8;
            break;
        }
        default:
            return -1;
        }
    }
    return -1;
}

static int is_one_char_op(SreCode op) {
    switch (op) {
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
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

// The target of the skip word at 'p' (p + code[p]), or 0 when it leaves
// (start, end].
static size_t skip_target(const Checker *ck, size_t p, size_t start, size_t end) {
    if (p >= end) {
        return 0;
    }
    size_t t = p + ck->code[p];
    return t > start && t <= end ? t : 0;
}

// The width of the operation at 'p' without checking what is inside it,
// or 0 when it does not fit in [p, end). Used to tell the two shapes of
// GROUPREF_EXISTS apart.
static size_t width(const Checker *ck, size_t p, size_t end, int depth);

static int lands_at(const Checker *ck, size_t p, size_t stop, int depth) {
    while (p < stop) {
        size_t w = width(ck, p, stop, depth);
        if (!w) {
            return 0;
        }
        p += w;
    }
    return p == stop;
}

// GROUPREF_EXISTS at 'p': sets the end of its yes branch ('*yes_end'),
// where its no branch ends ('*next', == the target when there is none).
static int cond_shape(const Checker *ck, size_t p, size_t end, int depth, size_t *yes_end,
                      size_t *next) {
    if (p + 2 >= end || depth > MAX_DEPTH) {
        return -1;
    }
    size_t target = p + 1 + ck->code[p + 2]; // the skip counts from the group word
    if (target < p + 3 || target > end) {
        return -1;
    }
    if (target >= p + 5 && ck->code[target - 2] == SRE_OP_JUMP &&
        lands_at(ck, p + 3, target - 2, depth + 1)) {
        size_t jt = skip_target(ck, target - 1, target - 1, end);
        if (!jt || jt < target) {
            return -1;
        }
        *yes_end = target - 2;
        *next = jt;
        return 0;
    }
    *yes_end = target;
    *next = target;
    return 0;
}

static size_t width(const Checker *ck, size_t p, size_t end, int depth) {
    const SreCode *code = ck->code;
    size_t t, w;
    switch (code[p]) {
    case SRE_OP_FAILURE:
    case SRE_OP_SUCCESS:
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
        w = 1;
        break;
    case SRE_OP_BRANCH:
        t = p + 1;
        while (t < end && code[t]) {
            t += code[t];
        }
        w = t + 1 - p;
        break;
    case SRE_OP_GROUPREF_EXISTS: {
        size_t yes_end, next;
        if (cond_shape(ck, p, end, depth, &yes_end, &next) < 0) {
            return 0;
        }
        w = next - p;
        break;
    }
    case SRE_OP_REPEAT:
    case SRE_OP_POSSESSIVE_REPEAT:
        t = skip_target(ck, p + 1, p + 1, end);
        w = t ? t + 1 - p : 0;
        break;
    case SRE_OP_IN:
    case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE:
    case SRE_OP_IN_LOC_IGNORE:
    case SRE_OP_INFO:
    case SRE_OP_REPEAT_ONE:
    case SRE_OP_MIN_REPEAT_ONE:
    case SRE_OP_POSSESSIVE_REPEAT_ONE:
    case SRE_OP_ASSERT:
    case SRE_OP_ASSERT_NOT:
    case SRE_OP_ATOMIC_GROUP:
    case SRE_OP_JUMP:
        t = skip_target(ck, p + 1, p + 1, end);
        w = t ? t - p : 0;
        break;
    default:
        w = 2;
        break;
    }
    return p + w <= end ? w : 0;
}

static int info_block(const Checker *ck, size_t p, size_t next) {
    const SreCode *code = ck->code;
    if (next < p + 5) {
        return -1;
    }
    SreCode flags = code[p + 2];
    if (flags & SRE_INFO_PREFIX) {
        if (next < p + 7) {
            return -1;
        }
        SreCode plen = code[p + 5];
        if ((size_t)plen > (next - p - 7) / 2 || code[p + 6] > plen) {
            return -1;
        }
        return 0;
    }
    if (flags & SRE_INFO_CHARSET) {
        return charset(ck, p + 5, next);
    }
    return 0;
}

static int repeat_one(const Checker *ck, size_t p, size_t next, int depth) {
    const SreCode *code = ck->code;
    if (next < p + 6 || code[p + 2] > code[p + 3] || !is_one_char_op(code[p + 4]) ||
        code[next - 1] != SRE_OP_SUCCESS || width(ck, p + 4, next - 1, depth) != next - 5 - p) {
        return -1;
    }
    SreCode op;
    return block(ck, p + 4, next - 1, depth + 1, &op);
}

static int branch(const Checker *ck, size_t p, size_t end, int depth, size_t *next) {
    const SreCode *code = ck->code;
    size_t a = p + 1, jump_to = 0;
    while (a < end && code[a]) {
        size_t alt_end = a + code[a];
        if (code[a] < 3 || alt_end > end || code[alt_end - 2] != SRE_OP_JUMP) {
            return -1;
        }
        size_t t = (alt_end - 1) + code[alt_end - 1];
        if ((jump_to && t != jump_to) || t > end) {
            return -1;
        }
        jump_to = t;
        SreCode op;
        if (block(ck, a + 1, alt_end - 2, depth + 1, &op) < 0) {
            return -1;
        }
        a = alt_end;
    }
    if (a >= end || (jump_to && jump_to != a + 1)) {
        return -1;
    }
    *next = a + 1;
    return 0;
}

// One operation at 'p' inside [p, end): sets '*next'.
static int operation(const Checker *ck, size_t p, size_t end, int depth, size_t *next) {
    const SreCode *code = ck->code;
    SreCode op = code[p], arg = p + 1 < end ? code[p + 1] : 0;
    size_t t;
    if (op != SRE_OP_BRANCH && op != SRE_OP_GROUPREF_EXISTS) {
        size_t w = width(ck, p, end, depth);
        if (!w) {
            return -1;
        }
        *next = p + w;
    }
    switch (op) {
    case SRE_OP_FAILURE:
    case SRE_OP_SUCCESS:
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
    case SRE_OP_LITERAL:
    case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        return 0;
    case SRE_OP_AT:
        return arg < SRE_AT_COUNT ? 0 : -1;
    case SRE_OP_CATEGORY:
        return arg < SRE_CAT_COUNT ? 0 : -1;
    case SRE_OP_MARK:
        return (ssize_t)arg < 2 * ck->groups ? 0 : -1;
    case SRE_OP_GROUPREF:
    case SRE_OP_GROUPREF_IGNORE:
    case SRE_OP_GROUPREF_UNI_IGNORE:
    case SRE_OP_GROUPREF_LOC_IGNORE:
        return (ssize_t)arg < ck->groups ? 0 : -1;
    case SRE_OP_IN:
    case SRE_OP_IN_IGNORE:
    case SRE_OP_IN_UNI_IGNORE:
    case SRE_OP_IN_LOC_IGNORE:
        return charset(ck, p + 2, *next);
    case SRE_OP_INFO:
        return info_block(ck, p, *next);
    case SRE_OP_REPEAT_ONE:
    case SRE_OP_MIN_REPEAT_ONE:
    case SRE_OP_POSSESSIVE_REPEAT_ONE:
        return repeat_one(ck, p, *next, depth);
    case SRE_OP_REPEAT:
    case SRE_OP_POSSESSIVE_REPEAT: {
        t = *next - 1; // the UNTIL (or SUCCESS) ending the body
        SreCode until = code[t];
        int ok = op == SRE_OP_REPEAT
                     ? (until == SRE_OP_MAX_UNTIL || until == SRE_OP_MIN_UNTIL)
                     : until == SRE_OP_SUCCESS;
        if (!ok || t < p + 4 || code[p + 2] > code[p + 3]) {
            return -1;
        }
        return block(ck, p + 4, t, depth + 1, &until);
    }
    case SRE_OP_ASSERT:
    case SRE_OP_ASSERT_NOT:
        if (*next < p + 4 || code[*next - 1] != SRE_OP_SUCCESS) {
            return -1;
        }
        return block(ck, p + 3, *next - 1, depth + 1, &op);
    case SRE_OP_ATOMIC_GROUP:
        if (*next < p + 3 || code[*next - 1] != SRE_OP_SUCCESS) {
            return -1;
        }
        return block(ck, p + 2, *next - 1, depth + 1, &op);
    case SRE_OP_BRANCH:
        return branch(ck, p, end, depth, next);
    case SRE_OP_GROUPREF_EXISTS: {
        size_t yes_end;
        if (p + 3 > end || (ssize_t)arg >= ck->groups ||
            cond_shape(ck, p, end, depth, &yes_end, next) < 0) {
            return -1;
        }
        if (block(ck, p + 3, yes_end, depth + 1, &op) < 0) {
            return -1;
        }
        // With a no branch, the yes branch ends in the JUMP over it.
        return *next == yes_end ? 0 : block(ck, yes_end + 2, *next, depth + 1, &op);
    }
    default: // JUMP outside its constructs, UNTILs without REPEAT, charset items
        return -1;
    }
}

// The operations filling [start, end) exactly; '*last_op' gets the opcode
// of the last one (FAILURE when the block is empty).
static int block(const Checker *ck, size_t start, size_t end, int depth, SreCode *last_op) {
    if (depth > MAX_DEPTH) {
        return -1;
    }
    *last_op = SRE_OP_FAILURE;
    size_t p = start;
    while (p < end) {
        size_t next;
        if (operation(ck, p, end, depth, &next) < 0 || next <= p) {
            return -1;
        }
        *last_op = ck->code[p];
        p = next;
    }
    return p == end ? 0 : -1;
}

int ksre_validate(const SreCode *code, ssize_t len, ssize_t groups) {
    Checker ck = {code, (size_t)len, groups};
    SreCode last;
    if (len < 1 || groups < 0 || groups > SRE_MAXGROUPS ||
        block(&ck, 0, (size_t)len, 0, &last) < 0 ||
        (last != SRE_OP_SUCCESS && last != SRE_OP_FAILURE)) {
        kerr_set(&kexc_RuntimeError, "invalid SRE code");
        return -1;
    }
    return 0;
}
