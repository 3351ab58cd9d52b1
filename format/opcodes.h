// format/opcodes.h: krait's instruction set, as one X-macro list, the single
// source of the opcode enum, kdis's names, the stack effects used by codegen
// and the verifier, and the interpreter's dispatch table.
//
// An instruction is one 32-bit little-endian word: bits 0-7 the opcode,
// bits 8-31 the argument (0 when unused). Jump arguments are absolute
// instruction indices in the same code object. The set follows CPython 3.11's
// (dis output reads familiarly) without CACHE entries: specialised forms live
// only in a hot function's private copy of its code.
//
// KF_OPCODES(X): X(NAME, ARG, IN, POP, EFFECT, JUMP_EFFECT)
//   ARG         what the argument means: NONE, CONST (index into consts),
//               NAME (into names), LOCAL (into localsplus), FREE (into
//               localsplus, a cell or free slot), JUMP (instruction index),
//               COUNT, FLAGS, OP
//   IN          how deep into the stack the instruction reaches: the depth
//               it needs (the verifier proves it is there), in terms of 'arg'
//   POP         how many of those items it may have removed when it raises:
//               an exception handler covering it must keep the stack at
//               least this far below the instruction's depth
//   EFFECT      net stack effect when execution falls through, in terms of 'arg'
//   JUMP_EFFECT net stack effect when the jump is taken (jumping opcodes only;
//               otherwise equal to EFFECT)
// Stack notation below: [... a b] -> [... c], rightmost is the top.
// RETURN_GENERATOR's effect is +1: it returns the generator, and the first
// send() resumes after it with the value sent on the stack (which the POP_TOP
// after it drops).
#ifndef KRAIT_FORMAT_OPCODES_H
#define KRAIT_FORMAT_OPCODES_H

#define KF_OPCODES(X)                                                                            \
    /* no operation */                                                                           \
    X(NOP, NONE, 0, 0, 0, 0)                                                                     \
    /* [a] -> [] */                                                                              \
    X(POP_TOP, NONE, 1, 1, -1, -1)                                                               \
    /* [.. a(arg-th from top)] -> [.. a .. a]; arg >= 1 */                                       \
    X(COPY, COUNT, (arg), 0, 1, 1)                                                               \
    /* swaps the top with the arg-th item from the top (arg >= 2) */                             \
    X(SWAP, COUNT, (arg), 0, 0, 0)                                                               \
    /* pushes a NULL (a call without self) */                                                    \
    X(PUSH_NULL, NONE, 0, 0, 1, 1)                                                               \
    /* [] -> [consts[arg]] */                                                                    \
    X(LOAD_CONST, CONST, 0, 0, 1, 1)                                                             \
    /* [] -> [locals[arg]]; UnboundLocalError when unbound */                                    \
    X(LOAD_FAST, LOCAL, 0, 0, 1, 1)                                                              \
    X(STORE_FAST, LOCAL, 1, 1, -1, -1)                                                           \
    X(DELETE_FAST, LOCAL, 0, 0, 0, 0)                                                            \
    /* module/class-body names: locals dict, then globals, then builtins */                      \
    X(LOAD_NAME, NAME, 0, 0, 1, 1)                                                               \
    X(STORE_NAME, NAME, 1, 1, -1, -1)                                                            \
    X(DELETE_NAME, NAME, 0, 0, 0, 0)                                                             \
    /* arg>>1 indexes names; when arg&1, a NULL is pushed first (call of a global) */            \
    X(LOAD_GLOBAL, NAME, 0, 0, 1 + ((arg) & 1), 1 + ((arg) & 1))                                 \
    X(STORE_GLOBAL, NAME, 1, 1, -1, -1)                                                          \
    X(DELETE_GLOBAL, NAME, 0, 0, 0, 0)                                                           \
    /* cells: arg indexes localsplus (a cell or free slot) */                                    \
    X(MAKE_CELL, FREE, 0, 0, 0, 0)                                                               \
    X(LOAD_CLOSURE, FREE, 0, 0, 1, 1)                                                            \
    X(LOAD_DEREF, FREE, 0, 0, 1, 1)                                                              \
    X(LOAD_CLASSDEREF, FREE, 0, 0, 1, 1)                                                         \
    X(STORE_DEREF, FREE, 1, 1, -1, -1)                                                           \
    X(DELETE_DEREF, FREE, 0, 0, 0, 0)                                                            \
    /* copies the function's closure cells into the frame (arg = count) */                       \
    X(COPY_FREE_VARS, COUNT, 0, 0, 0, 0)                                                         \
    /* [obj] -> [obj.names[arg]] */                                                              \
    X(LOAD_ATTR, NAME, 1, 1, 0, 0)                                                               \
    /* [value obj] -> [] */                                                                      \
    X(STORE_ATTR, NAME, 2, 2, -2, -2)                                                            \
    X(DELETE_ATTR, NAME, 1, 1, -1, -1)                                                           \
    /* [obj] -> [meth obj] or [NULL attr] */                                                     \
    X(LOAD_METHOD, NAME, 1, 1, 1, 1)                                                             \
    /* [a b] -> [a OP b]; arg is the operator (KF_BINOP_*), in-place forms included */           \
    X(BINARY_OP, OP, 2, 2, -1, -1)                                                               \
    X(UNARY_POSITIVE, NONE, 1, 1, 0, 0)                                                          \
    X(UNARY_NEGATIVE, NONE, 1, 1, 0, 0)                                                          \
    X(UNARY_NOT, NONE, 1, 1, 0, 0)                                                               \
    X(UNARY_INVERT, NONE, 1, 1, 0, 0)                                                            \
    /* [a b] -> [a CMP b]; arg is KF_CMP_* */                                                    \
    X(COMPARE_OP, OP, 2, 2, -1, -1)                                                              \
    /* [a b] -> [a is b] (arg 1: is not) */                                                      \
    X(IS_OP, FLAGS, 2, 2, -1, -1)                                                                \
    /* [a b] -> [a in b] (arg 1: not in) */                                                      \
    X(CONTAINS_OP, FLAGS, 2, 2, -1, -1)                                                          \
    /* [c k] -> [c[k]] */                                                                        \
    X(BINARY_SUBSCR, NONE, 2, 2, -1, -1)                                                         \
    /* [v c k] -> [] */                                                                          \
    X(STORE_SUBSCR, NONE, 3, 3, -3, -3)                                                          \
    X(DELETE_SUBSCR, NONE, 2, 2, -2, -2)                                                         \
    /* [a b] or [a b c] -> [slice] (arg 2 or 3) */                                               \
    X(BUILD_SLICE, COUNT, (arg), (arg), 1 - (arg), 1 - (arg))                                    \
    X(BUILD_TUPLE, COUNT, (arg), (arg), 1 - (arg), 1 - (arg))                                    \
    X(BUILD_LIST, COUNT, (arg), (arg), 1 - (arg), 1 - (arg))                                     \
    X(BUILD_SET, COUNT, (arg), (arg), 1 - (arg), 1 - (arg))                                      \
    /* [k1 v1 .. kn vn] -> [dict] */                                                             \
    X(BUILD_MAP, COUNT, 2 * (arg), 2 * (arg), 1 - 2 * (arg), 1 - 2 * (arg))                      \
    /* [v1 .. vn keys-tuple] -> [dict] */                                                        \
    X(BUILD_CONST_KEY_MAP, COUNT, (arg) + 1, (arg) + 1, -(arg), -(arg))                          \
    /* [s1 .. sn] -> [s1+..+sn] */                                                               \
    X(BUILD_STRING, COUNT, (arg), (arg), 1 - (arg), 1 - (arg))                                   \
    /* [list .. (arg-1 items) .. v] -> [list .. ]: list.append(v) */                             \
    X(LIST_APPEND, COUNT, (arg) + 1, 1, -1, -1)                                                  \
    X(SET_ADD, COUNT, (arg) + 1, 1, -1, -1)                                                      \
    /* [dict .. k v] -> [dict ..] */                                                             \
    X(MAP_ADD, COUNT, (arg) + 2, 2, -2, -2)                                                      \
    X(LIST_EXTEND, COUNT, (arg) + 1, 1, -1, -1)                                                  \
    X(SET_UPDATE, COUNT, (arg) + 1, 1, -1, -1)                                                   \
    X(DICT_UPDATE, COUNT, (arg) + 1, 1, -1, -1)                                                  \
    /* as DICT_UPDATE, raising on duplicate keys (f(**a, **b)) */                                \
    X(DICT_MERGE, COUNT, (arg) + 3, 1, -1, -1)                                                   \
    X(LIST_TO_TUPLE, NONE, 1, 1, 0, 0)                                                           \
    /* [seq] -> [item_n-1 .. item_0] */                                                          \
    X(UNPACK_SEQUENCE, COUNT, 1, 1, (arg) - 1, (arg) - 1)                                        \
    /* arg = before | after << 8: [seq] -> [after items, list, before items] */                  \
    X(UNPACK_EX, COUNT, 1, 1, ((arg) & 0xFF) + ((arg) >> 8), ((arg) & 0xFF) + ((arg) >> 8))      \
    X(JUMP_FORWARD, JUMP, 0, 0, 0, 0)                                                            \
    /* a backward jump: checks for signals/thread switches */                                    \
    X(JUMP_BACKWARD, JUMP, 0, 0, 0, 0)                                                           \
    X(JUMP_BACKWARD_NO_INTERRUPT, JUMP, 0, 0, 0, 0)                                              \
    X(POP_JUMP_IF_FALSE, JUMP, 1, 1, -1, -1)                                                     \
    X(POP_JUMP_IF_TRUE, JUMP, 1, 1, -1, -1)                                                      \
    X(POP_JUMP_IF_NONE, JUMP, 1, 1, -1, -1)                                                      \
    X(POP_JUMP_IF_NOT_NONE, JUMP, 1, 1, -1, -1)                                                  \
    /* keeps the value when jumping, pops it otherwise */                                        \
    X(JUMP_IF_FALSE_OR_POP, JUMP, 1, 1, -1, 0)                                                   \
    X(JUMP_IF_TRUE_OR_POP, JUMP, 1, 1, -1, 0)                                                    \
    /* [obj] -> [iter(obj)] */                                                                   \
    X(GET_ITER, NONE, 1, 1, 0, 0)                                                                \
    /* [it] -> [it next(it)], or at exhaustion pops it and jumps */                              \
    X(FOR_ITER, JUMP, 1, 1, 1, -1)                                                               \
    /* consts[arg] is the tuple of keyword names of the next CALL */                             \
    X(KW_NAMES, CONST, 0, 0, 0, 0)                                                               \
    /* [callable-or-NULL self-or-callable a1 .. an] -> [result] */                               \
    X(CALL, COUNT, (arg) + 2, (arg) + 2, -1 - (arg), -1 - (arg))                                 \
    /* [NULL f args-tuple (kwargs-dict if arg&1)] -> [result] */                                 \
    X(CALL_FUNCTION_EX, FLAGS, 3 + ((arg) & 1), 3 + ((arg) & 1), -2 - ((arg) & 1),               \
      -2 - ((arg) & 1))                                                                          \
    /* [(defaults) (kwdefaults) (annotations) (closure) code] -> [function]; arg: KF_MAKE_* */   \
    X(MAKE_FUNCTION, FLAGS,                                                                      \
      1 + ((arg) & 1) + (((arg) >> 1) & 1) + (((arg) >> 2) & 1) + (((arg) >> 3) & 1),            \
      1 + ((arg) & 1) + (((arg) >> 1) & 1) + (((arg) >> 2) & 1) + (((arg) >> 3) & 1),            \
      -(((arg) & 1) + (((arg) >> 1) & 1) + (((arg) >> 2) & 1) + (((arg) >> 3) & 1)),             \
      -(((arg) & 1) + (((arg) >> 1) & 1) + (((arg) >> 2) & 1) + (((arg) >> 3) & 1)))             \
    X(RETURN_VALUE, NONE, 1, 1, -1, -1)                                                          \
    /* arg 0: re-raise; 1: [exc]; 2: [exc cause] */                                              \
    X(RAISE_VARARGS, COUNT, (arg), (arg), -(arg), -(arg))                                        \
    /* [.. exc] re-raises exc; arg 1: restore f_lasti from the item below */                     \
    X(RERAISE, FLAGS, 1 + (arg), 1, -1, -1)                                                      \
    /* [exc] -> [prev_exc exc] */                                                                \
    X(PUSH_EXC_INFO, NONE, 1, 0, 1, 1)                                                           \
    /* [prev_exc] -> [] restores the handled exception */                                        \
    X(POP_EXCEPT, NONE, 1, 1, -1, -1)                                                            \
    /* [exc type] -> [exc bool] */                                                               \
    X(CHECK_EXC_MATCH, NONE, 2, 1, 0, 0)                                                         \
    /* [eg type] -> [rest match] */                                                              \
    X(CHECK_EG_MATCH, NONE, 2, 2, 0, 0)                                                          \
    X(PREP_RERAISE_STAR, NONE, 2, 2, -1, -1)                                                     \
    /* [exit lasti prev_exc exc] -> [.. res] calls exit(type, exc, tb) */                        \
    X(WITH_EXCEPT_START, NONE, 4, 0, 1, 1)                                                       \
    /* [mgr] -> [exit enter_result] */                                                           \
    X(BEFORE_WITH, NONE, 1, 1, 1, 1)                                                             \
    X(BEFORE_ASYNC_WITH, NONE, 1, 1, 1, 1)                                                       \
    /* [level fromlist] -> [module] */                                                           \
    X(IMPORT_NAME, NAME, 2, 2, -1, -1)                                                           \
    /* [module] -> [module attr] */                                                              \
    X(IMPORT_FROM, NAME, 1, 0, 1, 1)                                                             \
    X(IMPORT_STAR, NONE, 1, 1, -1, -1)                                                           \
    X(LOAD_BUILD_CLASS, NONE, 0, 0, 1, 1)                                                        \
    X(LOAD_ASSERTION_ERROR, NONE, 0, 0, 1, 1)                                                    \
    X(SETUP_ANNOTATIONS, NONE, 0, 0, 0, 0)                                                       \
    /* interactive mode: [v] -> [] displays v via sys.displayhook */                             \
    X(PRINT_EXPR, NONE, 1, 1, -1, -1)                                                            \
    /* arg&3: conversion (0 none, 1 str, 2 repr, 3 ascii); arg&4: spec on top */                 \
    X(FORMAT_VALUE, FLAGS, 1 + (((arg) & 4) >> 2), 1 + (((arg) & 4) >> 2), -(((arg) & 4) >> 2),  \
      -(((arg) & 4) >> 2))                                                                       \
    /* generators and coroutines */                                                              \
    X(RETURN_GENERATOR, NONE, 0, 0, 1, 1)                                                        \
    X(YIELD_VALUE, NONE, 1, 1, 0, 0)                                                             \
    /* [receiver value] -> [receiver result], jumps with [value] at end */                       \
    X(SEND, JUMP, 2, 2, 0, -1)                                                                   \
    X(GET_YIELD_FROM_ITER, NONE, 1, 1, 0, 0)                                                     \
    X(GET_AWAITABLE, FLAGS, 1, 1, 0, 0)                                                          \
    X(GET_AITER, NONE, 1, 1, 0, 0)                                                               \
    X(GET_ANEXT, NONE, 1, 0, 1, 1)                                                               \
    X(END_ASYNC_FOR, NONE, 2, 2, -2, -2)                                                         \
    X(ASYNC_GEN_WRAP, NONE, 1, 1, 0, 0)                                                          \
    /* pattern matching */                                                                       \
    X(GET_LEN, NONE, 1, 0, 1, 1)                                                                 \
    X(MATCH_MAPPING, NONE, 1, 0, 1, 1)                                                           \
    X(MATCH_SEQUENCE, NONE, 1, 0, 1, 1)                                                          \
    X(MATCH_KEYS, NONE, 2, 0, 1, 1)                                                              \
    /* [subject cls names] -> [attrs-or-None] */                                                 \
    X(MATCH_CLASS, COUNT, 3, 3, -2, -2)

typedef enum {
#define KF_OPCODE_ENUM(name, arg, in, pop, effect, jump_effect) KF_OP_##name,
    KF_OPCODES(KF_OPCODE_ENUM)
#undef KF_OPCODE_ENUM
        KF_OP_COUNT
} KfOpcode;

// BINARY_OP arguments, in CPython 3.11's order (NB_ADD ...); the in-place
// forms are the plain ones + KF_BINOP_INPLACE.
enum {
    KF_BINOP_ADD, KF_BINOP_AND, KF_BINOP_FLOOR_DIVIDE, KF_BINOP_LSHIFT, KF_BINOP_MATRIX_MULTIPLY,
    KF_BINOP_MULTIPLY, KF_BINOP_REMAINDER, KF_BINOP_OR, KF_BINOP_POWER, KF_BINOP_RSHIFT,
    KF_BINOP_SUBTRACT, KF_BINOP_TRUE_DIVIDE, KF_BINOP_XOR, KF_BINOP_INPLACE
};

// COMPARE_OP arguments, in the order of Python's rich comparison (Py_LT ...).
enum { KF_CMP_LT, KF_CMP_LE, KF_CMP_EQ, KF_CMP_NE, KF_CMP_GT, KF_CMP_GE };

// MAKE_FUNCTION flags.
enum { KF_MAKE_DEFAULTS = 1, KF_MAKE_KWDEFAULTS = 2, KF_MAKE_ANNOTATIONS = 4, KF_MAKE_CLOSURE = 8 };

#define KF_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define KF_INSTR_OP(word) ((int)((word) & 0xFF))
#define KF_INSTR_ARG(word) ((int)((word) >> 8))
#define KF_MAX_ARG 0xFFFFFF

#endif
