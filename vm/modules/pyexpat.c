// vm/modules/pyexpat.c: the pyexpat module over the system's libexpat, as
// CPython 3.11's, under xml.parsers.expat, xml.etree.ElementTree,
// xml.dom.minidom, xml.sax, plistlib and xmlrpc: ParserCreate and the
// xmlparser type (Parse of str and bytes, ParseFile, the handler
// attributes, buffer_text, ordered/specified attributes, namespace
// prefixes, interning, positions, external entity parsers), ExpatError
// with code/lineno/offset, and the errors and model submodules. The
// callbacks that call the Python handlers are in pyexpat_handlers.c.
#include "pyexpat.h"

#include <limits.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

// What ParseFile asks read() for at a time, and the default buffer_size.
#define READ_SIZE 2048
#define DEFAULT_BUFFER_SIZE 8192
// Parse hands libexpat at most this many bytes per call (its lengths are int).
#define MAX_CHUNK (1 << 20)

static KValue expat_error; // xml.parsers.expat.ExpatError

static KType xmlparser_type;

// ---------------------------------------------------------------------------
// Conversions and errors

// A str-or-None argument as UTF-8 without NUL ('*out' NULL for None), with
// the messages of CPython's converters ("ParserCreate() argument
// 'encoding' must be str or None, not int"). 'what' names the argument.
static int str_or_none(KValue v, const char *fname, const char *what, int allow_none,
                       const char **out) {
    if (allow_none && v == KV_NONE) {
        *out = NULL;
        return 0;
    }
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument%s%s must be str%s, not %T", fname,
                    what[0] ? " " : "", what, allow_none ? " or None" : "", v);
        return -1;
    }
    ssize_t len;
    const char *s = kstr_utf8(v, &len);
    if (!s) {
        return -1;
    }
    if ((ssize_t)strlen(s) != len) {
        kerr_set(&kexc_ValueError, "embedded null character");
        return -1;
    }
    *out = s;
    return 0;
}

// Raises ExpatError("MESSAGE: line L, column C") for 'code' with the
// parser's error position as its code, lineno and offset. Returns KV_NULL.
static KValue set_error(XmlParser *p, enum XML_Error code) {
    XML_Size line = XML_GetErrorLineNumber(p->itself);
    XML_Size column = XML_GetErrorColumnNumber(p->itself);
    const char *msg = XML_ErrorString(code);
    KValue text = kstr_from_format("%s: line %d, column %d", msg ? msg : "(null)", (int)line,
                                   (int)column);
    KValue err = text ? kobj_call1(expat_error, text) : KV_NULL;
    kval_xdecref(text);
    if (!err) {
        return KV_NULL;
    }
    static const char *const names[] = {"code", "offset", "lineno"};
    const long values[] = {(long)code, (long)column, (long)line};
    for (int i = 0; i < 3; i++) {
        KValue v = kint_from_i64(values[i]);
        KValue n = v ? kstr_from_cstr(names[i]) : KV_NULL;
        int r = n ? kobj_setattr(err, n, v) : -1;
        kval_xdecref(v);
        kval_xdecref(n);
        if (r < 0) {
            kval_decref(err);
            return KV_NULL;
        }
    }
    kerr_raise(err);
    kval_decref(err);
    return KV_NULL;
}

// What Parse and ParseFile return after libexpat's status 'rv': the
// handlers' exception, ExpatError, or 1 once buffered text is delivered.
static KValue parse_result(XmlParser *p, int rv) {
    if (kerr_occurred()) {
        return KV_NULL;
    }
    if (rv == 0) {
        return set_error(p, XML_GetErrorCode(p->itself));
    }
    if (kexpat_flush(p) < 0) {
        return KV_NULL;
    }
    return kint_from_i64(rv);
}

// Refuses a parse started from one of the parser's own handlers: libexpat
// cannot be re-entered (CPython 3.11 lets it happen and may crash).
static int check_not_parsing(XmlParser *p, const char *fname) {
    if (p->in_parse) {
        kerr_format(&kexc_RuntimeError, "cannot call %s() from within a handler", fname);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The parser object

// A new parser over libexpat's XML_ParserCreate(NS); 'intern' (borrowed) a
// dict or KV_NULL.
static XmlParser *parser_new(const char *encoding, const char *separator, KValue intern) {
    XmlParser *p = (XmlParser *)kobj_alloc(&xmlparser_type, sizeof(XmlParser));
    if (!p) {
        return NULL;
    }
    p->buffer_size = DEFAULT_BUFFER_SIZE;
    p->intern = kval_xnewref(intern);
    p->itself = separator ? XML_ParserCreateNS(encoding, separator[0])
                          : XML_ParserCreate(encoding);
    if (!p->itself) {
        kval_decref(kval_of(p));
        kerr_set(&kexc_RuntimeError, "XML_ParserCreate failed");
        return NULL;
    }
    kexpat_init_parser(p);
    return p;
}

static void parser_dealloc(KObject *o) {
    XmlParser *p = (XmlParser *)o;
    kgc_untrack(o);
    // An external entity parser is freed before the parser it came from.
    if (p->itself) {
        XML_ParserFree(p->itself);
        p->itself = NULL;
    }
    for (int i = 0; i < H_COUNT; i++) {
        KVAL_CLEAR(p->handlers[i]);
    }
    kmem_free(p->buffer);
    p->buffer = NULL;
    KVAL_CLEAR(p->intern);
    KVAL_CLEAR(p->parent);
    kobj_free(o);
}

static int parser_traverse(KObject *o, KVisitFn visit, void *arg) {
    XmlParser *p = (XmlParser *)o;
    for (int i = 0; i < H_COUNT; i++) {
        if (p->handlers[i] && visit(p->handlers[i], arg)) {
            return 1;
        }
    }
    return (p->intern && visit(p->intern, arg)) || (p->parent && visit(p->parent, arg));
}

// The parent stays: this parser's libexpat state needs the parent's until
// this one is freed.
static void parser_clear(KObject *o) {
    XmlParser *p = (XmlParser *)o;
    kexpat_clear_handlers(p);
    KVAL_CLEAR(p->intern);
}

// Parse(data, isfinal=False, /): feeds a str (as UTF-8, which it then
// declares) or a bytes-like object; 1, or ExpatError.
static KValue parser_parse(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"", "", NULL};
    XmlParser *p = (XmlParser *)self;
    KValue a[2];
    int isfinal = 0;
    if (kargs_unpack("Parse", args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        (a[1] && knum_as_int(a[1], &isfinal) < 0) || check_not_parsing(p, "Parse") < 0) {
        return KV_NULL;
    }
    KValue bytes;
    if (kstr_check(a[0])) {
        bytes = kcodec_encode(a[0], "utf-8", "strict");
        if (!bytes) {
            return KV_NULL;
        }
        XML_SetEncoding(p->itself, "utf-8");
    } else {
        const char *data;
        ssize_t len;
        if (kbytes_need_buffer(a[0], &data, &len) < 0) {
            return KV_NULL;
        }
        // A bytearray could be resized by a handler while libexpat reads it.
        bytes = kval_type(a[0]) == &kbytes_type ? kval_newref(a[0])
                                                 : kbytes_from_data(data, len);
        if (!bytes) {
            return KV_NULL;
        }
    }
    ssize_t len;
    const char *s = kbytes_data(bytes, &len);
    int rv = 1;
    p->in_parse = 1;
    while (len > MAX_CHUNK && rv) {
        rv = XML_Parse(p->itself, s, MAX_CHUNK, 0);
        s += MAX_CHUNK;
        len -= MAX_CHUNK;
    }
    if (rv) {
        rv = XML_Parse(p->itself, s, (int)len, isfinal);
    }
    p->in_parse = 0;
    kval_decref(bytes);
    return parse_result(p, rv);
}

// Calls read(READ_SIZE) and copies its bytes to 'buf': the count, or -1.
static int read_chunk(KValue read, char *buf) {
    KValue n = kval_from_int(READ_SIZE);
    KValue r = kobj_call1(read, n);
    if (!r) {
        return -1;
    }
    KType *t = kval_type(r);
    if (!kbytes_check(r) && t != &kbytearray_type && !ktype_is_subtype(t, &kbytearray_type)) {
        kerr_format(&kexc_TypeError, "read() did not return a bytes object (type=%.400s)",
                    ktype_name(t));
        kval_decref(r);
        return -1;
    }
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(r, &data, &len) < 0) {
        kval_decref(r);
        return -1;
    }
    if (len > READ_SIZE) {
        kerr_format(&kexc_ValueError, "read() returned too much data: %d bytes requested, %zd returned",
                    READ_SIZE, len);
        kval_decref(r);
        return -1;
    }
    memcpy(buf, data, (size_t)len);
    kval_decref(r);
    return (int)len;
}

// ParseFile(file, /): feeds what file.read(2048) returns until it returns
// nothing.
static KValue parser_parse_file(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"", NULL};
    XmlParser *p = (XmlParser *)self;
    KValue a[1];
    if (kargs_unpack("ParseFile", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        check_not_parsing(p, "ParseFile") < 0) {
        return KV_NULL;
    }
    KValue name = kstr_from_cstr("read");
    KValue read = KV_NULL;
    int found = name ? kobj_lookup_attr(a[0], name, &read) : -1;
    kval_xdecref(name);
    if (found <= 0) {
        if (found == 0) {
            kerr_set(&kexc_TypeError, "argument must have 'read' attribute");
        }
        return KV_NULL;
    }
    // read() runs between XML_GetBuffer and XML_ParseBuffer: a nested parse
    // there would move the buffer, so the parse counts as running throughout.
    p->in_parse = 1;
    int rv = 1;
    for (;;) {
        void *buf = XML_GetBuffer(p->itself, READ_SIZE);
        if (!buf) {
            rv = 0;
            break;
        }
        int n = read_chunk(read, buf);
        if (n < 0) {
            p->in_parse = 0;
            kval_decref(read);
            return KV_NULL;
        }
        rv = XML_ParseBuffer(p->itself, n, n == 0);
        if (kerr_occurred() || !rv || n == 0) {
            break;
        }
    }
    p->in_parse = 0;
    kval_decref(read);
    return parse_result(p, rv);
}

static KValue parser_set_base(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    const char *base;
    if (str_or_none(args[0], "SetBase", "", 0, &base) < 0) {
        return KV_NULL;
    }
    if (!XML_SetBase(((XmlParser *)self)->itself, base)) {
        return kerr_no_memory();
    }
    return kval_newref(KV_NONE);
}

static KValue parser_get_base(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    const char *base = XML_GetBase(((XmlParser *)self)->itself);
    return base ? kstr_from_utf8(base, (ssize_t)strlen(base)) : kval_newref(KV_NONE);
}

// GetInputContext(): inside a handler, the bytes of the input from the
// current event on (as far as libexpat keeps them); None elsewhere.
static KValue parser_get_input_context(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    XmlParser *p = (XmlParser *)self;
    if (!p->in_callback) {
        return kval_newref(KV_NONE);
    }
    int offset, size;
    const char *buf = XML_GetInputContext(p->itself, &offset, &size);
    if (!buf) {
        return kval_newref(KV_NONE);
    }
    return kbytes_from_data(buf + offset, size - offset);
}

// ExternalEntityParserCreate(context, encoding=<unset>, /): a parser for
// an external entity met by this one, with its handlers and settings.
static KValue parser_external_entity_parser_create(KValue self, const KValue *args, size_t nargs,
                                                   KValue kwnames) {
    static const char *const kwlist[] = {"", "", NULL};
    XmlParser *p = (XmlParser *)self;
    KValue a[2];
    const char *context, *encoding = NULL;
    if (kargs_unpack("ExternalEntityParserCreate", args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        str_or_none(a[0], "ExternalEntityParserCreate", "1", 1, &context) < 0 ||
        (a[1] && str_or_none(a[1], "ExternalEntityParserCreate", "2", 0, &encoding) < 0)) {
        return KV_NULL;
    }
    XmlParser *c = (XmlParser *)kobj_alloc(&xmlparser_type, sizeof(XmlParser));
    if (!c) {
        return KV_NULL;
    }
    c->buffer_size = p->buffer_size;
    c->ordered_attributes = p->ordered_attributes;
    c->specified_attributes = p->specified_attributes;
    c->ns_prefixes = p->ns_prefixes;
    c->intern = kval_xnewref(p->intern);
    c->itself = XML_ExternalEntityParserCreate(p->itself, context, encoding);
    if (!c->itself) {
        kval_decref(kval_of(c));
        return kerr_no_memory();
    }
    c->parent = kval_newref(self);
    kexpat_init_parser(c);
    if (p->buffer) {
        c->buffer = kmem_alloc((size_t)c->buffer_size);
        if (!c->buffer) {
            kval_decref(kval_of(c));
            return kerr_no_memory();
        }
    }
    for (int i = 0; i < H_COUNT; i++) {
        if (p->handlers[i]) {
            c->handlers[i] = kval_newref(p->handlers[i]);
            kexpat_set_callback(c, i, 1);
        }
    }
    return kval_of(c);
}

static KValue parser_set_param_entity_parsing(KValue self, const KValue *args, size_t nargs,
                                              KValue kw) {
    (void)nargs, (void)kw;
    int flag;
    if (knum_as_int(args[0], &flag) < 0) {
        return KV_NULL;
    }
    return kint_from_i64(
        XML_SetParamEntityParsing(((XmlParser *)self)->itself, (enum XML_ParamEntityParsing)flag));
}

// UseForeignDTD(flag=True, /): ExpatError once parsing has begun.
static KValue parser_use_foreign_dtd(KValue self, const KValue *args, size_t nargs,
                                     KValue kwnames) {
    static const char *const kwlist[] = {"", NULL};
    XmlParser *p = (XmlParser *)self;
    KValue a[1];
    int flag = 1;
    if (kargs_unpack("UseForeignDTD", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    if (a[0] && (flag = kobj_is_true(a[0])) < 0) {
        return KV_NULL;
    }
    enum XML_Error rc = XML_UseForeignDTD(p->itself, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE) {
        return set_error(p, rc);
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef parser_methods[] = {
    {"Parse", parser_parse, KMETH_KW, "Parse XML data."},
    {"ParseFile", parser_parse_file, KMETH_KW, "Parse XML data from file-like object."},
    {"SetBase", parser_set_base, KMETH_O, "Set the base URL for the parser."},
    {"GetBase", parser_get_base, KMETH_NOARGS, "Return base URL string for the parser."},
    {"GetInputContext", parser_get_input_context, KMETH_NOARGS,
     "Return the untranslated text of the input that caused the current event."},
    {"ExternalEntityParserCreate", parser_external_entity_parser_create, KMETH_KW,
     "Create a parser for parsing an external entity based on the information passed to the "
     "ExternalEntityRefHandler."},
    {"SetParamEntityParsing", parser_set_param_entity_parsing, KMETH_O,
     "Controls parsing of parameter entities (including the external DTD subset)."},
    {"UseForeignDTD", parser_use_foreign_dtd, KMETH_KW,
     "Allows the application to provide an artificial external subset if one is not specified "
     "as part of the document instance."},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Attributes

static int no_delete(KValue v) {
    if (!v) {
        kerr_set(&kexc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    return 0;
}

static KValue get_handler(KValue self, int which) {
    KValue h = ((XmlParser *)self)->handlers[which];
    return kval_newref(h ? h : KV_NONE);
}

static int set_handler(KValue self, int which, KValue v) {
    return no_delete(v) < 0 ? -1 : kexpat_set_handler((XmlParser *)self, which, v);
}

#define HANDLER_ACCESSORS(N)                                                                     \
    static KValue get_handler_##N(KValue self) {                                                 \
        return get_handler(self, N);                                                             \
    }                                                                                            \
    static int set_handler_##N(KValue self, KValue v) {                                          \
        return set_handler(self, N, v);                                                          \
    }
HANDLER_ACCESSORS(0)
HANDLER_ACCESSORS(1)
HANDLER_ACCESSORS(2)
HANDLER_ACCESSORS(3)
HANDLER_ACCESSORS(4)
HANDLER_ACCESSORS(5)
HANDLER_ACCESSORS(6)
HANDLER_ACCESSORS(7)
HANDLER_ACCESSORS(8)
HANDLER_ACCESSORS(9)
HANDLER_ACCESSORS(10)
HANDLER_ACCESSORS(11)
HANDLER_ACCESSORS(12)
HANDLER_ACCESSORS(13)
HANDLER_ACCESSORS(14)
HANDLER_ACCESSORS(15)
HANDLER_ACCESSORS(16)
HANDLER_ACCESSORS(17)
HANDLER_ACCESSORS(18)
HANDLER_ACCESSORS(19)
HANDLER_ACCESSORS(20)
HANDLER_ACCESSORS(21)
#undef HANDLER_ACCESSORS

_Static_assert(H_COUNT == 22, "one pair of accessors per handler");

#define POSITION_GETTER(NAME, CALL)                                                              \
    static KValue get_##NAME(KValue self) {                                                      \
        return kint_from_i64((int64_t)CALL(((XmlParser *)self)->itself));                        \
    }
POSITION_GETTER(error_code, XML_GetErrorCode)
POSITION_GETTER(error_line, XML_GetErrorLineNumber)
POSITION_GETTER(error_column, XML_GetErrorColumnNumber)
POSITION_GETTER(error_byte, XML_GetErrorByteIndex)
POSITION_GETTER(current_line, XML_GetCurrentLineNumber)
POSITION_GETTER(current_column, XML_GetCurrentColumnNumber)
POSITION_GETTER(current_byte, XML_GetCurrentByteIndex)
#undef POSITION_GETTER

static KValue get_buffer_text(KValue self) {
    return kval_newref(kbool_from(((XmlParser *)self)->buffer != NULL));
}

// buffer_text = flag: a buffer of buffer_size bytes collects adjacent
// character data into one call; turning it off delivers what is held.
static int set_buffer_text(KValue self, KValue v) {
    XmlParser *p = (XmlParser *)self;
    int on = no_delete(v) < 0 ? -1 : kobj_is_true(v);
    if (on < 0) {
        return -1;
    }
    if (on && !p->buffer) {
        p->buffer = kmem_alloc((size_t)p->buffer_size);
        if (!p->buffer) {
            kerr_no_memory();
            return -1;
        }
        p->buffer_used = 0;
    } else if (!on && p->buffer) {
        if (kexpat_flush(p) < 0) {
            return -1;
        }
        kmem_free(p->buffer); // the handler may have replaced it meanwhile
        p->buffer = NULL;
        p->buffer_used = 0;
    }
    return 0;
}

static KValue get_buffer_size(KValue self) {
    return kint_from_i64(((XmlParser *)self)->buffer_size);
}

// buffer_size = n: as CPython's, a new size delivers what is held and
// allocates a buffer of that size (turning buffer_text on).
static int set_buffer_size(KValue self, KValue v) {
    XmlParser *p = (XmlParser *)self;
    if (no_delete(v) < 0) {
        return -1;
    }
    if (!kint_check(v)) {
        kerr_set(&kexc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    long size;
    if (knum_as_long(v, &size) < 0) {
        return -1;
    }
    if (size <= 0) {
        kerr_set(&kexc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (size == p->buffer_size) {
        return 0;
    }
    if (size > INT_MAX) {
        kerr_format(&kexc_ValueError, "buffer_size must not be greater than %d", INT_MAX);
        return -1;
    }
    if (p->buffer && p->buffer_used && kexpat_flush(p) < 0) {
        return -1;
    }
    char *buf = kmem_alloc((size_t)size);
    if (!buf) {
        kerr_no_memory();
        return -1;
    }
    kmem_free(p->buffer);
    p->buffer = buf;
    p->buffer_used = 0;
    p->buffer_size = (int)size;
    return 0;
}

static KValue get_buffer_used(KValue self) {
    return kint_from_i64(((XmlParser *)self)->buffer_used);
}

static int set_flag(KValue v, int *flag) {
    int b = no_delete(v) < 0 ? -1 : kobj_is_true(v);
    if (b < 0) {
        return -1;
    }
    *flag = b;
    return 0;
}

static KValue get_namespace_prefixes(KValue self) {
    return kval_newref(kbool_from(((XmlParser *)self)->ns_prefixes));
}

static int set_namespace_prefixes(KValue self, KValue v) {
    XmlParser *p = (XmlParser *)self;
    if (set_flag(v, &p->ns_prefixes) < 0) {
        return -1;
    }
    XML_SetReturnNSTriplet(p->itself, p->ns_prefixes);
    return 0;
}

static KValue get_ordered_attributes(KValue self) {
    return kval_newref(kbool_from(((XmlParser *)self)->ordered_attributes));
}

static int set_ordered_attributes(KValue self, KValue v) {
    return set_flag(v, &((XmlParser *)self)->ordered_attributes);
}

static KValue get_specified_attributes(KValue self) {
    return kval_newref(kbool_from(((XmlParser *)self)->specified_attributes));
}

static int set_specified_attributes(KValue self, KValue v) {
    return set_flag(v, &((XmlParser *)self)->specified_attributes);
}

#define HANDLER(N, NAME) {NAME, get_handler_##N, set_handler_##N, NULL}
static const KGetSetDef parser_getsets[] = {
    HANDLER(0, "StartElementHandler"),
    HANDLER(1, "EndElementHandler"),
    HANDLER(2, "ProcessingInstructionHandler"),
    HANDLER(3, "CharacterDataHandler"),
    HANDLER(4, "UnparsedEntityDeclHandler"),
    HANDLER(5, "NotationDeclHandler"),
    HANDLER(6, "StartNamespaceDeclHandler"),
    HANDLER(7, "EndNamespaceDeclHandler"),
    HANDLER(8, "CommentHandler"),
    HANDLER(9, "StartCdataSectionHandler"),
    HANDLER(10, "EndCdataSectionHandler"),
    HANDLER(11, "DefaultHandler"),
    HANDLER(12, "DefaultHandlerExpand"),
    HANDLER(13, "NotStandaloneHandler"),
    HANDLER(14, "ExternalEntityRefHandler"),
    HANDLER(15, "StartDoctypeDeclHandler"),
    HANDLER(16, "EndDoctypeDeclHandler"),
    HANDLER(17, "EntityDeclHandler"),
    HANDLER(18, "XmlDeclHandler"),
    HANDLER(19, "ElementDeclHandler"),
    HANDLER(20, "AttlistDeclHandler"),
    HANDLER(21, "SkippedEntityHandler"),
    {"ErrorCode", get_error_code, NULL, NULL},
    {"ErrorLineNumber", get_error_line, NULL, NULL},
    {"ErrorColumnNumber", get_error_column, NULL, NULL},
    {"ErrorByteIndex", get_error_byte, NULL, NULL},
    {"CurrentLineNumber", get_current_line, NULL, NULL},
    {"CurrentColumnNumber", get_current_column, NULL, NULL},
    {"CurrentByteIndex", get_current_byte, NULL, NULL},
    {"buffer_size", get_buffer_size, set_buffer_size, NULL},
    {"buffer_text", get_buffer_text, set_buffer_text, NULL},
    {"buffer_used", get_buffer_used, NULL, NULL},
    {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes, NULL},
    {"ordered_attributes", get_ordered_attributes, set_ordered_attributes, NULL},
    {"specified_attributes", get_specified_attributes, set_specified_attributes, NULL},
    {NULL, NULL, NULL, NULL},
};
#undef HANDLER

static const KMemberDef parser_members[] = {
    {"intern", KMEMBER_OBJECT, offsetof(XmlParser, intern), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KType xmlparser_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "pyexpat.xmlparser",
    .basicsize = sizeof(XmlParser),
    .flags = KTF_GC,
    .dealloc = parser_dealloc,
    .traverse = parser_traverse,
    .clear = parser_clear,
    .methods = parser_methods,
    .members = parser_members,
    .getsets = parser_getsets,
    .doc = "XML parser",
};

// ---------------------------------------------------------------------------
// The module

// ParserCreate(encoding=None, namespace_separator=None, intern=<unset>):
// intern unset makes a fresh dict, None turns interning off.
static KValue expat_parser_create(KValue self, const KValue *args, size_t nargs,
                                  KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"encoding", "namespace_separator", "intern", NULL};
    KValue a[3];
    const char *encoding = NULL, *separator = NULL;
    if (kargs_unpack("ParserCreate", args, nargs, kwnames, kwlist, 0, 3, a) < 0 ||
        (a[0] && str_or_none(a[0], "ParserCreate", "'encoding'", 1, &encoding) < 0) ||
        (a[1] && str_or_none(a[1], "ParserCreate", "'namespace_separator'", 1, &separator) < 0)) {
        return KV_NULL;
    }
    if (separator && strlen(separator) > 1) {
        kerr_set(&kexc_ValueError,
                 "namespace_separator must be at most one character, omitted, or None");
        return KV_NULL;
    }
    KValue intern = a[2];
    if (intern == KV_NONE) {
        intern = KV_NULL;
    } else if (!intern) {
        intern = kdict_new();
        if (!intern) {
            return KV_NULL;
        }
    } else if (!kdict_check(intern)) {
        kerr_set(&kexc_TypeError, "intern must be a dictionary");
        return KV_NULL;
    } else {
        kval_incref(intern);
    }
    XmlParser *p = parser_new(encoding, separator, intern);
    kval_xdecref(intern);
    return p ? kval_of(p) : KV_NULL;
}

// ErrorString(code, /): libexpat's message for an error code, or None.
static KValue expat_error_string(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    long code;
    if (knum_as_long(args[0], &code) < 0) {
        return KV_NULL;
    }
    const char *msg = code < INT_MIN || code > INT_MAX ? NULL
                                                       : XML_ErrorString((enum XML_Error)code);
    return msg ? kstr_from_cstr(msg) : kval_newref(KV_NONE);
}

static const KMethodDef expat_functions[] = {
    {"ParserCreate", expat_parser_create, KMETH_KW, "Return a new XML parser object."},
    {"ErrorString", expat_error_string, KMETH_O, "Returns string error for given number."},
    {NULL, NULL, 0, NULL},
};

// The names of libexpat's error codes from 1 on, as pyexpat.errors has them.
static const char *const error_names[] = {
    "XML_ERROR_NO_MEMORY",
    "XML_ERROR_SYNTAX",
    "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN",
    "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT",
    "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF",
    "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF",
    "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING",
    "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE",
    "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL",
    "XML_ERROR_TEXT_DECL",
    "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED",
    "XML_ERROR_ABORTED",
    "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE",
    "XML_ERROR_RESERVED_PREFIX_XML",
    "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI",
    "XML_ERROR_INVALID_ARGUMENT",
    "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};
_Static_assert(sizeof error_names / sizeof error_names[0] == XML_ERROR_AMPLIFICATION_LIMIT_BREACH,
               "one name per libexpat error code");

// A module 'name' registered in sys.modules (the submodules are reached as
// pyexpat.errors as well as attributes), with 'doc'.
static KValue new_submodule(const char *name, const char *doc) {
    KValue m = kmod_new(name);
    KValue d = m ? kstr_from_cstr(doc) : KV_NULL;
    int r = d ? kmod_add(m, "__doc__", d) : -1;
    kval_xdecref(d);
    if (r < 0 || kdict_set_cstr(kruntime.modules, name, m) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}

// pyexpat.errors: XML_ERROR_* = message, codes (message -> code) and
// messages (code -> message).
static KValue make_errors_module(void) {
    KValue m = new_submodule("pyexpat.errors", "Constants used to describe error conditions.");
    KValue codes = m ? kdict_new() : KV_NULL;
    KValue messages = codes ? kdict_new() : KV_NULL;
    int r = messages ? 0 : -1;
    for (int code = 1; r == 0 && code <= XML_ERROR_AMPLIFICATION_LIMIT_BREACH; code++) {
        KValue msg = kstr_from_cstr(XML_ErrorString((enum XML_Error)code));
        KValue num = kval_from_int(code);
        r = msg ? kmod_add(m, error_names[code - 1], msg) | kdict_set(codes, msg, num) |
                      kdict_set(messages, num, msg)
                : -1;
        kval_xdecref(msg);
    }
    if (r == 0) {
        r = kmod_add(m, "codes", codes) | kmod_add(m, "messages", messages);
    }
    kval_xdecref(codes);
    kval_xdecref(messages);
    if (r < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}

// pyexpat.model: the content model constants of ElementDeclHandler.
static KValue make_model_module(void) {
    KValue m = new_submodule("pyexpat.model",
                             "Constants used to interpret content model information.");
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
        {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
        {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
        {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
        {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
    };
    for (size_t i = 0; m && i < sizeof consts / sizeof consts[0]; i++) {
        if (kmod_add(m, consts[i].name, kval_from_int(consts[i].value)) < 0) {
            KVAL_CLEAR(m);
        }
    }
    return m;
}

// features: libexpat's compile-time features as (name, value) pairs.
static KValue make_features(void) {
    KValue list = klist_new(0);
    for (const XML_Feature *f = XML_GetFeatureList(); list && f->feature != XML_FEATURE_END;
         f++) {
        KValue name = kstr_from_cstr(f->name);
        KValue value = name ? kint_from_i64(f->value) : KV_NULL;
        KValue pair = value ? ktuple_pack(2, name, value) : KV_NULL;
        if (!pair || klist_append(list, pair) < 0) {
            KVAL_CLEAR(list);
        }
        kval_xdecref(name);
        kval_xdecref(value);
        kval_xdecref(pair);
    }
    return list;
}

// Adds the owned 'value' as 'name' (released either way): 0, or -1.
static int add_steal(KValue m, const char *name, KValue value) {
    int r = value ? kmod_add(m, name, value) : -1;
    kval_xdecref(value);
    return r;
}

KValue kmod_pyexpat_create(void) {
    if (ktype_ready(&xmlparser_type) < 0) {
        return KV_NULL;
    }
    if (!expat_error &&
        !(expat_error = kmod_new_exception("xml.parsers.expat", "ExpatError", &kexc_Exception))) {
        return KV_NULL;
    }
    KValue m = kmod_new("pyexpat");
    if (!m || kmod_add_functions(m, expat_functions) < 0 ||
        kmod_add(m, "ExpatError", expat_error) < 0 || kmod_add(m, "error", expat_error) < 0 ||
        kmod_add(m, "XMLParserType", kval_of(&xmlparser_type)) < 0 ||
        add_steal(m, "__doc__", kstr_from_cstr("Python wrapper for Expat parser.")) < 0 ||
        add_steal(m, "EXPAT_VERSION", kstr_from_cstr(XML_ExpatVersion())) < 0 ||
        add_steal(m, "native_encoding", kstr_from_cstr("UTF-8")) < 0 ||
        add_steal(m, "features", make_features()) < 0 ||
        add_steal(m, "errors", make_errors_module()) < 0 ||
        add_steal(m, "model", make_model_module()) < 0) {
        goto error;
    }
    XML_Expat_Version v = XML_ExpatVersionInfo();
    if (add_steal(m, "version_info",
                  ktuple_pack(3, kval_from_int(v.major), kval_from_int(v.minor),
                              kval_from_int(v.micro))) < 0 ||
        kmod_add(m, "XML_PARAM_ENTITY_PARSING_NEVER",
                 kval_from_int(XML_PARAM_ENTITY_PARSING_NEVER)) < 0 ||
        kmod_add(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                 kval_from_int(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)) < 0 ||
        kmod_add(m, "XML_PARAM_ENTITY_PARSING_ALWAYS",
                 kval_from_int(XML_PARAM_ENTITY_PARSING_ALWAYS)) < 0) {
        goto error;
    }
    return m;
error:
    kval_xdecref(m);
    return KV_NULL;
}
