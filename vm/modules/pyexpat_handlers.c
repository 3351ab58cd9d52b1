// vm/modules/pyexpat_handlers.c: the callbacks libexpat calls while it
// parses, each turning its C arguments into Python values (names through
// the parser's intern dict, content models into nested tuples) and calling
// the parser's Python handler, as CPython 3.11's pyexpat does: a pending
// exception silences every later callback, character data waiting in the
// buffer_text buffer goes out before any other event, and a handler that
// raises drops every handler and stops the parse, so Parse() raises it.
// Also the handler for encodings libexpat does not know (a Python codec's
// 256-byte map).
#include "pyexpat.h"

#include <string.h>

#include "../abstract.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../str.h"
#include "../tuple.h"

// Content models nest as deep as the DTD's parentheses: deeper than this
// raises RecursionError rather than exhausting the C stack.
#define MAX_MODEL_DEPTH 20000

// ---------------------------------------------------------------------------
// Conversions

// The str of the NUL-terminated UTF-8 's', or None for NULL.
static KValue conv(const XML_Char *s) {
    return s ? kstr_from_utf8(s, (ssize_t)strlen(s)) : kval_newref(KV_NONE);
}

static KValue conv_len(const XML_Char *s, int len) {
    return s ? kstr_from_utf8(s, len) : kval_newref(KV_NONE);
}

// The str of 's' through the parser's intern dict (the one object for each
// name), or None for NULL.
static KValue intern_name(XmlParser *p, const XML_Char *s) {
    KValue str = conv(s);
    if (!str || !s || !p->intern) {
        return str;
    }
    KValue known = kdict_get_borrow(p->intern, str);
    if (known) {
        kval_decref(str);
        return kval_newref(known);
    }
    if (kerr_occurred() || kdict_set(p->intern, str, str) < 0) {
        kval_decref(str);
        return KV_NULL;
    }
    return str;
}

// ---------------------------------------------------------------------------
// Calling the Python handlers

// Whether handler 'which' is to be called: it is set, no exception is
// pending, and buffered character data went out first (which may have
// changed the handlers).
static int ready(XmlParser *p, int which) {
    if (!p->handlers[which] || kerr_occurred()) {
        return 0;
    }
    return kexpat_flush(p) == 0 && p->handlers[which];
}

// Calls handler 'which' with the 'n' owned 'args' (released here; a
// KV_NULL one means its conversion failed). A handler that raises (or
// arguments that could not be made) drops every handler; a raising handler
// also stops the parse. The result, or KV_NULL with the exception.
static KValue call(XmlParser *p, int which, KValue *args, int n) {
    KValue r = KV_NULL;
    int made = 1;
    for (int i = 0; i < n; i++) {
        made = made && args[i];
    }
    if (made && p->handlers[which]) {
        KValue handler = kval_newref(p->handlers[which]); // the call may replace it
        int outer = p->in_callback;
        p->in_callback = 1;
        r = kobj_call(handler, args, (size_t)n, KV_NULL);
        p->in_callback = outer;
        kval_decref(handler);
    }
    for (int i = 0; i < n; i++) {
        kval_xdecref(args[i]);
    }
    if (!r) {
        kexpat_clear_handlers(p);
        if (made) {
            XML_StopParser(p->itself, XML_FALSE);
        }
    }
    return r;
}

// Calls handler 'which' for an event whose result is ignored.
static void notify(XmlParser *p, int which, KValue *args, int n) {
    kval_xdecref(call(p, which, args, n));
}

// Calls handler 'which' for an event libexpat wants an int back from.
static int notify_int(XmlParser *p, int which, KValue *args, int n) {
    KValue r = call(p, which, args, n);
    if (!r) {
        return 0;
    }
    // As CPython's PyLong_AsLong: -1 with the error when it is no int.
    long rc;
    if (knum_as_long(r, &rc) < 0) {
        rc = -1;
    }
    kval_decref(r);
    return (int)rc;
}

// ---------------------------------------------------------------------------
// Character data and buffer_text

static void noop_character_data(void *data, const XML_Char *s, int len) {
    (void)data, (void)s, (void)len;
}

static int call_character_handler(XmlParser *p, const XML_Char *s, int len) {
    if (!p->handlers[H_CHARACTER_DATA]) {
        return 0;
    }
    KValue text = kstr_from_utf8(s, len);
    KValue r = call(p, H_CHARACTER_DATA, &text, 1);
    if (!r) {
        XML_SetCharacterDataHandler(p->itself, noop_character_data);
        return -1;
    }
    kval_decref(r);
    return 0;
}

int kexpat_flush(XmlParser *p) {
    if (!p->buffer || p->buffer_used == 0) {
        return 0;
    }
    // The text is made before the handler runs, so the handler may resize or
    // drop the buffer; buffer_used keeps its value meanwhile, as CPython's.
    int r = call_character_handler(p, p->buffer, p->buffer_used);
    p->buffer_used = 0;
    return r;
}

static void character_data(void *data, const XML_Char *s, int len) {
    XmlParser *p = data;
    if (kerr_occurred()) {
        return;
    }
    if (!p->buffer) {
        call_character_handler(p, s, len);
        return;
    }
    if (p->buffer_used + len > p->buffer_size) {
        if (kexpat_flush(p) < 0 || !p->handlers[H_CHARACTER_DATA]) {
            return;
        }
    }
    // The flushed handler may have turned buffering off or resized it.
    if (!p->buffer || len > p->buffer_size - p->buffer_used) {
        call_character_handler(p, s, len);
        if (p->buffer) {
            p->buffer_used = 0;
        }
        return;
    }
    memcpy(p->buffer + p->buffer_used, s, (size_t)len);
    p->buffer_used += len;
}

// ---------------------------------------------------------------------------
// Elements and the other events of the document

static void start_element(void *data, const XML_Char *name, const XML_Char **atts) {
    XmlParser *p = data;
    if (!ready(p, H_START_ELEMENT)) {
        return;
    }
    int n = 0;
    while (atts[n]) {
        n += 2;
    }
    if (p->specified_attributes) {
        n = XML_GetSpecifiedAttributeCount(p->itself);
    }
    KValue attrs = p->ordered_attributes ? klist_new(0) : kdict_new();
    for (int i = 0; attrs && i < n; i += 2) {
        KValue k = intern_name(p, atts[i]);
        KValue v = k ? conv(atts[i + 1]) : KV_NULL;
        int r = !v ? -1
                : p->ordered_attributes ? (klist_append(attrs, k) | klist_append(attrs, v))
                                        : kdict_set(attrs, k, v);
        kval_xdecref(k);
        kval_xdecref(v);
        if (r < 0) {
            KVAL_CLEAR(attrs);
        }
    }
    // The attribute names are interned before the element's, as in CPython.
    KValue args[2] = {attrs ? intern_name(p, name) : KV_NULL, attrs};
    notify(p, H_START_ELEMENT, args, 2);
}

static void end_element(void *data, const XML_Char *name) {
    XmlParser *p = data;
    if (ready(p, H_END_ELEMENT)) {
        KValue args[1] = {intern_name(p, name)};
        notify(p, H_END_ELEMENT, args, 1);
    }
}

static void processing_instruction(void *data, const XML_Char *target, const XML_Char *pi) {
    XmlParser *p = data;
    if (ready(p, H_PROCESSING_INSTRUCTION)) {
        KValue args[2] = {intern_name(p, target), conv(pi)};
        notify(p, H_PROCESSING_INSTRUCTION, args, 2);
    }
}

static void unparsed_entity_decl(void *data, const XML_Char *name, const XML_Char *base,
                                 const XML_Char *system_id, const XML_Char *public_id,
                                 const XML_Char *notation) {
    XmlParser *p = data;
    if (ready(p, H_UNPARSED_ENTITY_DECL)) {
        KValue args[5] = {intern_name(p, name), intern_name(p, base), intern_name(p, system_id),
                          intern_name(p, public_id), intern_name(p, notation)};
        notify(p, H_UNPARSED_ENTITY_DECL, args, 5);
    }
}

static void notation_decl(void *data, const XML_Char *name, const XML_Char *base,
                          const XML_Char *system_id, const XML_Char *public_id) {
    XmlParser *p = data;
    if (ready(p, H_NOTATION_DECL)) {
        KValue args[4] = {intern_name(p, name), intern_name(p, base), intern_name(p, system_id),
                          intern_name(p, public_id)};
        notify(p, H_NOTATION_DECL, args, 4);
    }
}

static void start_namespace_decl(void *data, const XML_Char *prefix, const XML_Char *uri) {
    XmlParser *p = data;
    if (ready(p, H_START_NAMESPACE_DECL)) {
        KValue args[2] = {intern_name(p, prefix), intern_name(p, uri)};
        notify(p, H_START_NAMESPACE_DECL, args, 2);
    }
}

static void end_namespace_decl(void *data, const XML_Char *prefix) {
    XmlParser *p = data;
    if (ready(p, H_END_NAMESPACE_DECL)) {
        KValue args[1] = {intern_name(p, prefix)};
        notify(p, H_END_NAMESPACE_DECL, args, 1);
    }
}

static void comment(void *data, const XML_Char *text) {
    XmlParser *p = data;
    if (ready(p, H_COMMENT)) {
        KValue args[1] = {conv(text)};
        notify(p, H_COMMENT, args, 1);
    }
}

static void start_cdata_section(void *data) {
    XmlParser *p = data;
    if (ready(p, H_START_CDATA_SECTION)) {
        notify(p, H_START_CDATA_SECTION, NULL, 0);
    }
}

static void end_cdata_section(void *data) {
    XmlParser *p = data;
    if (ready(p, H_END_CDATA_SECTION)) {
        notify(p, H_END_CDATA_SECTION, NULL, 0);
    }
}

static void default_text(void *data, const XML_Char *s, int len) {
    XmlParser *p = data;
    if (ready(p, H_DEFAULT)) {
        KValue args[1] = {conv_len(s, len)};
        notify(p, H_DEFAULT, args, 1);
    }
}

static void default_expand(void *data, const XML_Char *s, int len) {
    XmlParser *p = data;
    if (ready(p, H_DEFAULT_EXPAND)) {
        KValue args[1] = {conv_len(s, len)};
        notify(p, H_DEFAULT_EXPAND, args, 1);
    }
}

static int not_standalone(void *data) {
    XmlParser *p = data;
    return ready(p, H_NOT_STANDALONE) ? notify_int(p, H_NOT_STANDALONE, NULL, 0) : 0;
}

static int external_entity_ref(XML_Parser parser, const XML_Char *context, const XML_Char *base,
                               const XML_Char *system_id, const XML_Char *public_id) {
    XmlParser *p = XML_GetUserData(parser);
    if (!ready(p, H_EXTERNAL_ENTITY_REF)) {
        return 0;
    }
    KValue args[4] = {conv(context), intern_name(p, base), intern_name(p, system_id),
                      intern_name(p, public_id)};
    return notify_int(p, H_EXTERNAL_ENTITY_REF, args, 4);
}

static void start_doctype_decl(void *data, const XML_Char *name, const XML_Char *system_id,
                               const XML_Char *public_id, int has_internal_subset) {
    XmlParser *p = data;
    if (ready(p, H_START_DOCTYPE_DECL)) {
        KValue args[4] = {intern_name(p, name), intern_name(p, system_id),
                          intern_name(p, public_id), kval_from_int(has_internal_subset)};
        notify(p, H_START_DOCTYPE_DECL, args, 4);
    }
}

static void end_doctype_decl(void *data) {
    XmlParser *p = data;
    if (ready(p, H_END_DOCTYPE_DECL)) {
        notify(p, H_END_DOCTYPE_DECL, NULL, 0);
    }
}

static void entity_decl(void *data, const XML_Char *name, int is_parameter_entity,
                        const XML_Char *value, int value_len, const XML_Char *base,
                        const XML_Char *system_id, const XML_Char *public_id,
                        const XML_Char *notation) {
    XmlParser *p = data;
    if (ready(p, H_ENTITY_DECL)) {
        KValue args[7] = {intern_name(p, name),          kval_from_int(is_parameter_entity),
                          conv_len(value, value_len),    intern_name(p, base),
                          intern_name(p, system_id),     intern_name(p, public_id),
                          intern_name(p, notation)};
        notify(p, H_ENTITY_DECL, args, 7);
    }
}

static void xml_decl(void *data, const XML_Char *version, const XML_Char *encoding,
                     int standalone) {
    XmlParser *p = data;
    if (ready(p, H_XML_DECL)) {
        KValue args[3] = {conv(version), conv(encoding), kval_from_int(standalone)};
        notify(p, H_XML_DECL, args, 3);
    }
}

// The content model 'm' as (type, quantifier, name or None, children).
static KValue conv_model(const XML_Content *m, int depth) {
    if (depth > MAX_MODEL_DEPTH) {
        kerr_set(&kexc_RecursionError, "maximum recursion depth exceeded");
        return KV_NULL;
    }
    KValue children = ktuple_new(m->numchildren);
    for (unsigned i = 0; children && i < m->numchildren; i++) {
        KValue c = conv_model(&m->children[i], depth + 1);
        if (!c) {
            // The unfilled slots are KV_NULL, which the tuple's release skips.
            KVAL_CLEAR(children);
            return KV_NULL;
        }
        ((KTuple *)children)->items[i] = c;
    }
    KValue name = children ? conv(m->name) : KV_NULL;
    KValue r = name ? ktuple_pack(4, kval_from_int(m->type), kval_from_int(m->quant), name,
                                  children)
                    : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(children);
    return r;
}

static void element_decl(void *data, const XML_Char *name, XML_Content *model) {
    XmlParser *p = data;
    if (ready(p, H_ELEMENT_DECL)) {
        KValue m = conv_model(model, 0);
        KValue args[2] = {m ? intern_name(p, name) : KV_NULL, m};
        notify(p, H_ELEMENT_DECL, args, 2);
    }
    XML_FreeContentModel(p->itself, model);
}

static void attlist_decl(void *data, const XML_Char *element, const XML_Char *attribute,
                         const XML_Char *type, const XML_Char *dflt, int is_required) {
    XmlParser *p = data;
    if (ready(p, H_ATTLIST_DECL)) {
        KValue args[5] = {intern_name(p, element), intern_name(p, attribute), conv(type),
                          conv(dflt), kval_from_int(is_required)};
        notify(p, H_ATTLIST_DECL, args, 5);
    }
}

static void skipped_entity(void *data, const XML_Char *name, int is_parameter_entity) {
    XmlParser *p = data;
    if (ready(p, H_SKIPPED_ENTITY)) {
        KValue args[2] = {intern_name(p, name), kval_from_int(is_parameter_entity)};
        notify(p, H_SKIPPED_ENTITY, args, 2);
    }
}

// ---------------------------------------------------------------------------
// Installing callbacks

void kexpat_set_callback(XmlParser *p, int which, int on) {
    XML_Parser x = p->itself;
    switch (which) {
    case H_START_ELEMENT: XML_SetStartElementHandler(x, on ? start_element : NULL); break;
    case H_END_ELEMENT: XML_SetEndElementHandler(x, on ? end_element : NULL); break;
    case H_PROCESSING_INSTRUCTION:
        XML_SetProcessingInstructionHandler(x, on ? processing_instruction : NULL);
        break;
    case H_CHARACTER_DATA:
        // Dropped from inside a handler, libexpat may still be delivering the
        // text of one event: a callback that does nothing takes the rest.
        XML_SetCharacterDataHandler(x, on ? character_data
                                       : p->in_callback ? noop_character_data : NULL);
        break;
    case H_UNPARSED_ENTITY_DECL:
        XML_SetUnparsedEntityDeclHandler(x, on ? unparsed_entity_decl : NULL);
        break;
    case H_NOTATION_DECL: XML_SetNotationDeclHandler(x, on ? notation_decl : NULL); break;
    case H_START_NAMESPACE_DECL:
        XML_SetStartNamespaceDeclHandler(x, on ? start_namespace_decl : NULL);
        break;
    case H_END_NAMESPACE_DECL:
        XML_SetEndNamespaceDeclHandler(x, on ? end_namespace_decl : NULL);
        break;
    case H_COMMENT: XML_SetCommentHandler(x, on ? comment : NULL); break;
    case H_START_CDATA_SECTION:
        XML_SetStartCdataSectionHandler(x, on ? start_cdata_section : NULL);
        break;
    case H_END_CDATA_SECTION:
        XML_SetEndCdataSectionHandler(x, on ? end_cdata_section : NULL);
        break;
    case H_DEFAULT: XML_SetDefaultHandler(x, on ? default_text : NULL); break;
    case H_DEFAULT_EXPAND: XML_SetDefaultHandlerExpand(x, on ? default_expand : NULL); break;
    case H_NOT_STANDALONE: XML_SetNotStandaloneHandler(x, on ? not_standalone : NULL); break;
    case H_EXTERNAL_ENTITY_REF:
        XML_SetExternalEntityRefHandler(x, on ? external_entity_ref : NULL);
        break;
    case H_START_DOCTYPE_DECL:
        XML_SetStartDoctypeDeclHandler(x, on ? start_doctype_decl : NULL);
        break;
    case H_END_DOCTYPE_DECL: XML_SetEndDoctypeDeclHandler(x, on ? end_doctype_decl : NULL); break;
    case H_ENTITY_DECL: XML_SetEntityDeclHandler(x, on ? entity_decl : NULL); break;
    case H_XML_DECL: XML_SetXmlDeclHandler(x, on ? xml_decl : NULL); break;
    case H_ELEMENT_DECL: XML_SetElementDeclHandler(x, on ? element_decl : NULL); break;
    case H_ATTLIST_DECL: XML_SetAttlistDeclHandler(x, on ? attlist_decl : NULL); break;
    case H_SKIPPED_ENTITY: XML_SetSkippedEntityHandler(x, on ? skipped_entity : NULL); break;
    default: break;
    }
}

int kexpat_set_handler(XmlParser *p, int which, KValue value) {
    if (which == H_CHARACTER_DATA && kexpat_flush(p) < 0) {
        return -1;
    }
    KValue h = value && value != KV_NONE ? kval_newref(value) : KV_NULL;
    KValue old = p->handlers[which];
    p->handlers[which] = h;
    kexpat_set_callback(p, which, h != KV_NULL);
    kval_xdecref(old);
    return 0;
}

void kexpat_clear_handlers(XmlParser *p) {
    for (int i = 0; i < H_COUNT; i++) {
        KValue old = p->handlers[i];
        p->handlers[i] = KV_NULL;
        if (p->itself) {
            kexpat_set_callback(p, i, 0);
        }
        kval_xdecref(old);
    }
}

// ---------------------------------------------------------------------------
// Encodings libexpat does not know

// Maps the 256 bytes through the Python codec 'name' (decoded with
// "replace": U+FFFD marks a byte the codec cannot decode). Only single-byte
// codecs can be described to libexpat this way.
static int unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info) {
    (void)data;
    if (kerr_occurred()) {
        return XML_STATUS_ERROR;
    }
    char bytes[256];
    for (int i = 0; i < 256; i++) {
        bytes[i] = (char)i;
    }
    KValue enc = kstr_from_cstr(name);
    KValue errors = enc ? kstr_from_cstr("replace") : KV_NULL;
    KValue u = errors ? kcodec_decode_obj(bytes, 256, enc, errors, "decode") : KV_NULL;
    kval_xdecref(enc);
    kval_xdecref(errors);
    if (!u) {
        return XML_STATUS_ERROR;
    }
    if (!kstr_check(u) || kstr_len(u) != 256) {
        kval_decref(u);
        kerr_set(&kexc_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; i++) {
        uint32_t c = kstr_char((KStr *)u, i);
        info->map[i] = c == 0xFFFD ? -1 : (int)c;
    }
    kval_decref(u);
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

void kexpat_init_parser(XmlParser *p) {
    XML_SetUserData(p->itself, p);
    XML_SetUnknownEncodingHandler(p->itself, unknown_encoding, NULL);
}
