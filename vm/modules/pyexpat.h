// vm/modules/pyexpat.h: what the files of the pyexpat module share: the
// parser object and its table of Python handlers (pyexpat.c holds the type,
// its methods and attributes, and the module; pyexpat_handlers.c the C
// callbacks libexpat calls, which call the Python handlers).
#ifndef KRAIT_VM_MODULES_PYEXPAT_H
#define KRAIT_VM_MODULES_PYEXPAT_H

#include <expat.h>

#include "../object.h"

// The handler attributes, in CPython's order (pyexpat.c's attribute table
// names them in this order).
enum {
    H_START_ELEMENT,
    H_END_ELEMENT,
    H_PROCESSING_INSTRUCTION,
    H_CHARACTER_DATA,
    H_UNPARSED_ENTITY_DECL,
    H_NOTATION_DECL,
    H_START_NAMESPACE_DECL,
    H_END_NAMESPACE_DECL,
    H_COMMENT,
    H_START_CDATA_SECTION,
    H_END_CDATA_SECTION,
    H_DEFAULT,
    H_DEFAULT_EXPAND,
    H_NOT_STANDALONE,
    H_EXTERNAL_ENTITY_REF,
    H_START_DOCTYPE_DECL,
    H_END_DOCTYPE_DECL,
    H_ENTITY_DECL,
    H_XML_DECL,
    H_ELEMENT_DECL,
    H_ATTLIST_DECL,
    H_SKIPPED_ENTITY,
    H_COUNT
};

typedef struct XmlParser {
    KOBJ_HEAD;
    XML_Parser itself;
    KValue handlers[H_COUNT]; // the Python handlers; KV_NULL where None
    KValue intern;            // dict of the names handed out, or KV_NULL (intern=None)
    KValue parent;            // ExternalEntityParserCreate's parser, kept alive, or KV_NULL
    char *buffer;             // buffer_text's character data, or NULL when off
    int buffer_size, buffer_used;
    int ordered_attributes, specified_attributes, ns_prefixes;
    int in_callback; // a Python handler is running (GetInputContext answers)
    int in_parse;    // Parse/ParseFile is running (a nested call is refused)
} XmlParser;

// Gives 'p''s libexpat parser its user data and unknown-encoding handler.
void kexpat_init_parser(XmlParser *p);
// Installs (on) or removes (off) libexpat's callback for handler 'which'.
void kexpat_set_callback(XmlParser *p, int which, int on);
// Sets handler 'which' to 'value' (borrowed; None or KV_NULL removes it).
// Character data waiting in the buffer goes to the old character data
// handler first. 0, or -1 with that handler's exception.
K_MUST_CHECK int kexpat_set_handler(XmlParser *p, int which, KValue value);
// Drops every Python handler and libexpat callback (after a handler raised,
// and for the collector).
void kexpat_clear_handlers(XmlParser *p);
// Hands buffered character data to the character data handler. 0, or -1
// with its exception.
K_MUST_CHECK int kexpat_flush(XmlParser *p);

#endif
