// compiler/tokens.h: the token kinds of Python 3.11, as one X-macro list, so
// that the enum, the names printed by --dump-tokens and the operator spellings
// cannot drift apart. Names follow CPython's Grammar/Tokens; keywords are
// KW_<word> so the parser compares kinds, never strings. Soft keywords
// (match, case, _) stay NAME tokens.
#ifndef KRAIT_COMPILER_TOKENS_H
#define KRAIT_COMPILER_TOKENS_H

// KTOK_LIST(X): X(NAME, "spelling or NULL")
#define KTOK_LIST(X)                 \
    X(ENDMARKER, NULL)               \
    X(NAME, NULL)                    \
    X(NUMBER, NULL)                  \
    X(STRING, NULL)                  \
    X(NEWLINE, NULL)                 \
    X(INDENT, NULL)                  \
    X(DEDENT, NULL)                  \
    X(LPAR, "(")                     \
    X(RPAR, ")")                     \
    X(LSQB, "[")                     \
    X(RSQB, "]")                     \
    X(COLON, ":")                    \
    X(COMMA, ",")                    \
    X(SEMI, ";")                     \
    X(PLUS, "+")                     \
    X(MINUS, "-")                    \
    X(STAR, "*")                     \
    X(SLASH, "/")                    \
    X(VBAR, "|")                     \
    X(AMPER, "&")                    \
    X(LESS, "<")                     \
    X(GREATER, ">")                  \
    X(EQUAL, "=")                    \
    X(DOT, ".")                      \
    X(PERCENT, "%")                  \
    X(LBRACE, "{")                   \
    X(RBRACE, "}")                   \
    X(EQEQUAL, "==")                 \
    X(NOTEQUAL, "!=")                \
    X(LESSEQUAL, "<=")               \
    X(GREATEREQUAL, ">=")            \
    X(TILDE, "~")                    \
    X(CIRCUMFLEX, "^")               \
    X(LEFTSHIFT, "<<")               \
    X(RIGHTSHIFT, ">>")              \
    X(DOUBLESTAR, "**")              \
    X(PLUSEQUAL, "+=")               \
    X(MINEQUAL, "-=")                \
    X(STAREQUAL, "*=")               \
    X(SLASHEQUAL, "/=")              \
    X(PERCENTEQUAL, "%=")            \
    X(AMPEREQUAL, "&=")              \
    X(VBAREQUAL, "|=")               \
    X(CIRCUMFLEXEQUAL, "^=")         \
    X(LEFTSHIFTEQUAL, "<<=")         \
    X(RIGHTSHIFTEQUAL, ">>=")        \
    X(DOUBLESTAREQUAL, "**=")        \
    X(DOUBLESLASH, "//")             \
    X(DOUBLESLASHEQUAL, "//=")       \
    X(AT, "@")                       \
    X(ATEQUAL, "@=")                 \
    X(RARROW, "->")                  \
    X(ELLIPSIS, "...")               \
    X(COLONEQUAL, ":=")              \
    X(KW_FALSE, "False")             \
    X(KW_NONE, "None")               \
    X(KW_TRUE, "True")               \
    X(KW_AND, "and")                 \
    X(KW_AS, "as")                   \
    X(KW_ASSERT, "assert")           \
    X(KW_ASYNC, "async")             \
    X(KW_AWAIT, "await")             \
    X(KW_BREAK, "break")             \
    X(KW_CLASS, "class")             \
    X(KW_CONTINUE, "continue")       \
    X(KW_DEF, "def")                 \
    X(KW_DEL, "del")                 \
    X(KW_ELIF, "elif")               \
    X(KW_ELSE, "else")               \
    X(KW_EXCEPT, "except")           \
    X(KW_FINALLY, "finally")         \
    X(KW_FOR, "for")                 \
    X(KW_FROM, "from")               \
    X(KW_GLOBAL, "global")           \
    X(KW_IF, "if")                   \
    X(KW_IMPORT, "import")           \
    X(KW_IN, "in")                   \
    X(KW_IS, "is")                   \
    X(KW_LAMBDA, "lambda")           \
    X(KW_NONLOCAL, "nonlocal")       \
    X(KW_NOT, "not")                 \
    X(KW_OR, "or")                   \
    X(KW_PASS, "pass")               \
    X(KW_RAISE, "raise")             \
    X(KW_RETURN, "return")           \
    X(KW_TRY, "try")                 \
    X(KW_WHILE, "while")             \
    X(KW_WITH, "with")               \
    X(KW_YIELD, "yield")             \
    X(ERRORTOKEN, NULL)

typedef enum {
#define KTOK_ENUM(name, spelling) KTOK_##name,
    KTOK_LIST(KTOK_ENUM)
#undef KTOK_ENUM
    KTOK_COUNT
} KTokKind;

#define KTOK_FIRST_KEYWORD KTOK_KW_FALSE
#define KTOK_LAST_KEYWORD KTOK_KW_YIELD

#endif
