# pyexpat in depth: ParserCreate's checks, every handler's arguments
# (content models, attribute lists, entities, namespaces), ordered and
# specified attributes, namespace prefixes, interning, buffer_text, the
# position attributes, ParseFile, GetInputContext, external entity parsers,
# unknown encodings, ExpatError's message, code and position, exceptions
# raised by handlers, and the errors and model submodules.
import io
import sys
import pyexpat as E
from xml.parsers import expat


def t(label, f):
    try:
        r = f()
        print(label, "ok", repr(r))
    except Exception as e:
        extra = (e.code, e.lineno, e.offset) if isinstance(e, E.ExpatError) else ""
        print(label, type(e).__name__, e, extra)


print(expat.ParserCreate is E.ParserCreate, E.error is E.ExpatError, E.ExpatError.__module__)
print(E.ExpatError.__mro__[1:], E.XMLParserType.__name__)
print(E.EXPAT_VERSION.startswith("expat_"), len(E.version_info), E.native_encoding)
print(dict(E.features).get("sizeof(XML_Char)"), E.XML_PARAM_ENTITY_PARSING_NEVER,
      E.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE, E.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(E.errors.__name__, sys.modules["pyexpat.model"] is E.model, E.errors.__doc__)
print(E.errors.XML_ERROR_SYNTAX, E.errors.codes[E.errors.XML_ERROR_TAG_MISMATCH],
      E.errors.messages[3], len(E.errors.codes) == len(E.errors.messages))
print(sorted((k, v) for k, v in vars(E.model).items() if k.startswith("XML_")))
for code in (1, 4, 7, 400, -1):
    t("ErrorString", lambda: E.ErrorString(code))
t("ErrorString", lambda: E.ErrorString("x"))
t("ErrorString", lambda: E.ErrorString(2**70))
t("ErrorString", lambda: E.ErrorString(-2**70))

# ParserCreate's arguments
t("create", lambda: E.ParserCreate(1))
t("create", lambda: E.ParserCreate(None, 1))
t("create", lambda: E.ParserCreate(namespace_separator="ab"))
t("create", lambda: E.ParserCreate(namespace_separator="\xe9"))
t("create", lambda: E.ParserCreate(intern=1))
t("create", lambda: E.ParserCreate(intern=None).intern)
t("create", lambda: E.ParserCreate().intern)
t("create", lambda: E.ParserCreate(foo=1))
t("create", lambda: E.ParserCreate("a", "b", "c", "d"))
t("create", lambda: E.ParserCreate("a\0b"))
t("create", lambda: E.XMLParserType())

# Parse: arguments, results and errors
p = E.ParserCreate()
t("parse", lambda: p.Parse(5))
t("parse", lambda: p.Parse())
t("parse", lambda: p.Parse(data=b""))
t("parse", lambda: p.Parse("<a>", "x"))
t("parse", lambda: p.Parse("<a>", 2**40))
t("parse", lambda: p.Parse("<a>", -2**40))
t("parse", lambda: p.Parse("<a></b>", True))
t("parse", lambda: p.ErrorCode == E.errors.codes[E.errors.XML_ERROR_TAG_MISMATCH])
print(p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
for doc in ["<a>", "", "<a/><b/>", "<a x='1' x='2'/>", "<a>&e;</a>", "<a>\n<b>\n</a>", "<?xml version='2'?>"]:
    t("error " + repr(doc), lambda: E.ParserCreate().Parse(doc, True))
p = E.ParserCreate()
t("chunks", lambda: [p.Parse(c) for c in ["<r", "oot>te", "xt</ro", "ot>"]] + [p.Parse("", 1)])
t("after end", lambda: p.Parse("<x/>", True))
t("surrogate", lambda: E.ParserCreate().Parse("<a>\ud800</a>", True))
t("bytearray", lambda: E.ParserCreate().Parse(bytearray(b"<a/>"), True))
t("memoryview", lambda: E.ParserCreate().Parse(memoryview(b"<a/>"), True))

# every handler
p = E.ParserCreate()
def recorder(name):
    def handler(*args):
        print(" ", name, args)
        return 1
    return handler
for name in dir(p):
    if name.endswith("Handler") and name != "DefaultHandler":
        setattr(p, name, recorder(name))
doc = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "r.dtd" [
<!ELEMENT root (a|b)*>
<!ELEMENT a (#PCDATA|b)*>
<!ELEMENT b EMPTY>
<!ELEMENT c ANY>
<!ELEMENT d (a,(b|c)+,a?)>
<!ATTLIST a x CDATA #IMPLIED y (p|q) "p" z ID #REQUIRED w CDATA #FIXED "w">
<!ENTITY e "ent">
<!ENTITY % pe "pent">
<!ENTITY ext SYSTEM "ext.xml">
<!ENTITY unp SYSTEM "u.gif" NDATA gif>
<!NOTATION gif PUBLIC "-//gif">
]>
<root xmlns:n="urn:n"><!-- c --><?pi data?><a z="1">t&e;&amp;<![CDATA[cd]]></a>&ext;&undef;</root>
"""
t("all", lambda: p.Parse(doc, True))
print(p.StartElementHandler.__name__, p.DefaultHandler)

# a deep content model
p = E.ParserCreate()
def depth(name, model):
    d = 0
    while model[3]:
        model = model[3][0]
        d += 1
    print(name, d, model)
p.ElementDeclHandler = depth
p.Parse("<!DOCTYPE a [<!ELEMENT a " + "(" * 3000 + "b" + ")*" * 3000 + ">]><a/>", True)

# namespaces, prefixes, ordered and specified attributes
for sep, prefixes, ordered in [("!", 0, 0), ("!", 1, 1), (" ", 0, 1)]:
    p = E.ParserCreate(namespace_separator=sep)
    p.namespace_prefixes, p.ordered_attributes = prefixes, ordered
    print(p.namespace_prefixes, p.ordered_attributes)
    p.StartElementHandler = lambda *a: print("  S", a)
    p.EndElementHandler = lambda *a: print("  E", a)
    p.StartNamespaceDeclHandler = lambda *a: print("  NS", a)
    p.EndNamespaceDeclHandler = lambda *a: print("  NE", a)
    p.Parse('<r xmlns="urn:d" xmlns:q="urn:q" q:a="1" b="2"><q:x/></r>', True)
t("unbound", lambda: E.ParserCreate(namespace_separator="}").Parse("<q:a/>", True))
for spec in (0, 1):
    p = E.ParserCreate()
    p.specified_attributes = spec
    p.StartElementHandler = lambda *a: print("  S", a)
    p.Parse('<!DOCTYPE r [<!ATTLIST r d CDATA "dd">]><r a="1"/>', True)

# interning
for intern in ({}, None):
    p = E.ParserCreate(intern=intern)
    names = []
    p.StartElementHandler = lambda n, a: names.append(n)
    p.Parse("<a><a/><b/></a>", True)
    print(names, names[0] is names[1], p.intern if p.intern is None else sorted(p.intern))

# buffer_text and buffer_size
for buffered, size in [(False, None), (True, None), (True, 3)]:
    p = E.ParserCreate()
    p.buffer_text = buffered
    if size:
        p.buffer_size = size
    p.CharacterDataHandler = lambda d: print("  C", repr(d), p.buffer_used)
    p.StartElementHandler = lambda n, a: print("  S", n)
    p.Parse("<a>abcdefgh<b/>x&amp;y\nz<b/>w</a>", True)
p = E.ParserCreate()
print(p.buffer_text, p.buffer_size, p.buffer_used)
p.buffer_size = 16
print(p.buffer_text, p.buffer_size)
for value in [0, -5, "x", 2**40, 2**70]:
    t("buffer_size", lambda: setattr(p, "buffer_size", value))
for attr in ["buffer_size", "buffer_text", "StartElementHandler", "intern", "ordered_attributes"]:
    t("del " + attr, lambda: delattr(p, attr))
t("set intern", lambda: setattr(p, "intern", {}))
class Bad:
    def __bool__(self):
        raise KeyError("b")
t("bad bool", lambda: setattr(p, "ordered_attributes", Bad()))
p.ordered_attributes = 2
print(p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)

# positions and input context
p = E.ParserCreate()
p.StartElementHandler = lambda n, a: print("  ctx", n, p.GetInputContext(), p.CurrentLineNumber,
                                           p.CurrentColumnNumber, p.CurrentByteIndex)
p.Parse("<a>\n  <bb x='1'/></a>", True)
print(p.GetInputContext(), p.CurrentLineNumber)

# the default handlers
for name in ("DefaultHandler", "DefaultHandlerExpand"):
    p = E.ParserCreate()
    out = []
    setattr(p, name, out.append)
    p.Parse('<!DOCTYPE a [<!ENTITY e "E">]><a>&e;&amp;</a>', True)
    print(name, out)

# handlers that raise, or return what libexpat cannot use
p = E.ParserCreate()
def boom(*a):
    raise ValueError("boom")
p.StartElementHandler = boom
p.EndElementHandler = print
t("raise", lambda: p.Parse("<a><b/></a>"))
print(p.StartElementHandler, p.EndElementHandler, p.ErrorCode)
t("after raise", lambda: p.Parse("<c/>"))
p = E.ParserCreate()
p.StartElementHandler = 5
t("not callable", lambda: p.Parse("<a/>", True))
p = E.ParserCreate()
p.NotStandaloneHandler = lambda: None
t("int result", lambda: p.Parse('<?xml version="1.0" standalone="no"?><!DOCTYPE a SYSTEM "x"><a/>', True))
p = E.ParserCreate()
p.NotStandaloneHandler = lambda: 0
t("not standalone", lambda: p.Parse('<?xml version="1.0" standalone="no"?><!DOCTYPE a SYSTEM "x"><a/>', True))

# ParseFile
p = E.ParserCreate()
p.StartElementHandler = lambda n, a: print("  S", n)
t("file", lambda: p.ParseFile(io.BytesIO(b"<a><b/></a>")))
t("file str", lambda: E.ParserCreate().ParseFile(io.StringIO("<a/>")))
t("file no read", lambda: E.ParserCreate().ParseFile(5))
class TooMuch:
    def read(self, n):
        return b"x" * (n + 1)
t("file too much", lambda: E.ParserCreate().ParseFile(TooMuch()))
t("file truncated", lambda: E.ParserCreate().ParseFile(io.BytesIO(b"<a>")))
big = b"<r>" + b"<i>text</i>" * 1000 + b"</r>"
p = E.ParserCreate()
count = []
p.StartElementHandler = lambda n, a: count.append(n)
t("file big", lambda: (p.ParseFile(io.BytesIO(big)), len(count)))

# base, foreign DTD, parameter entities
p = E.ParserCreate()
t("base", lambda: (p.GetBase(), p.SetBase("http://x/"), p.GetBase()))
t("base", lambda: p.SetBase(5))
t("foreign", lambda: p.UseForeignDTD())
t("pe", lambda: p.SetParamEntityParsing(E.XML_PARAM_ENTITY_PARSING_ALWAYS))
p.Parse("<a>")
t("foreign late", lambda: p.UseForeignDTD(True))

# external entities through a second parser
p = E.ParserCreate()
p.buffer_text = True
def ext_ref(context, base, system_id, public_id):
    print("  ext", context, base, system_id, public_id)
    child = p.ExternalEntityParserCreate(context)
    print("  child", child.buffer_text, child.StartElementHandler is p.StartElementHandler)
    return child.Parse(b"<inner>from " + system_id.encode() + b"</inner>", True)
p.ExternalEntityRefHandler = ext_ref
p.StartElementHandler = lambda n, a: print("  S", n)
p.CharacterDataHandler = lambda d: print("  C", repr(d))
p.SetBase("file:///base/")
t("external", lambda: p.Parse(b'<!DOCTYPE r [<!ENTITY x SYSTEM "x.xml">]><r>&x;</r>', True))
t("ext args", lambda: p.ExternalEntityParserCreate(5))
t("ext args", lambda: p.ExternalEntityParserCreate(None, 5))
p = E.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
t("ext refused", lambda: p.Parse(b'<!DOCTYPE r [<!ENTITY x SYSTEM "x.xml">]><r>&x;</r>', True))

# encodings
for enc, data in [(None, '<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode("latin-1")),
                  ("cp1252", b"<a>\x80\xe9</a>"), ("iso8859-15", b"<a>\xa4</a>"),
                  ("nosuchcodec", b"<a/>"), ("utf-16", b"<a/>"), (None, "<a>\u20ac\U0001F600</a>")]:
    p = E.ParserCreate(enc)
    p.CharacterDataHandler = lambda d: print("  C", ascii(d))
    t("encoding %s" % enc, lambda: p.Parse(data, True))
