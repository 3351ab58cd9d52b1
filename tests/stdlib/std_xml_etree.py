# CPython's pure-Python XML stack over krait's pyexpat: ElementTree (its
# Python XMLParser: parse, fromstring, iterparse with start/end/namespace
# events, XMLPullParser, tostring, the XPath subset, namespaces, errors
# with positions), xml.dom.minidom (parseString, toxml, DOM walking),
# xml.sax with a ContentHandler, plistlib round trips and xmlrpc.client's
# marshalling.
import io
import plistlib
import datetime
import xml.etree.ElementTree as ET
import xml.dom.minidom
import xml.sax
import xml.sax.handler
import xmlrpc.client

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<!-- library -->
<library xmlns:b="urn:books" name="city">
  <b:book id="1" lang="en"><title>Dune</title><year>1965</year><tag>sf</tag><tag>classic</tag></b:book>
  <b:book id="2" lang="fr"><title>L'&#201;tranger</title><year>1942</year></b:book>
  <shelf><b:book id="3"><title>A &amp; B</title><year>2001</year></b:book></shelf>
  <note><![CDATA[<raw> & text]]></note>
  <?sort by=year?>
</library>"""

root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root))
B = "{urn:books}"
for book in root.iter(B + "book"):
    print(book.get("id"), book.get("lang", "-"), book.findtext("title"), book.find("year").text)
print([t.text for t in root.findall(f"{B}book/tag")])
print([b.get("id") for b in root.findall(f".//{B}book")])
print([b.get("id") for b in root.findall(f"{B}book[@lang='fr']")])
print([b.get("id") for b in root.findall(f".//{B}book[year='2001']")])
print([b.findtext("title") for b in root.findall(f"{B}book[2]")])
print([b.get("id") for b in root.findall(f".//{B}book[tag]")])
print(root.find("note").text)
print([e.tag for e in root.iterfind("*")])
print([e.tag for e in root.findall(".//title/..")])
ns = {"b": "urn:books"}
print([t.text for t in root.findall(".//b:book/title", ns)])
print(repr(root.find("shelf").tail), repr(root.text))

# tostring and building trees
e = ET.Element("a", {"x": "1 < 2", "y": '"q"'})
ET.SubElement(e, "b").text = "t & u"
c = ET.SubElement(e, "c")
c.tail = "after"
ET.SubElement(c, "d", z="é")
print(ET.tostring(e))
print(ET.tostring(e, encoding="unicode"))
print(ET.tostring(e, encoding="us-ascii"))
print(ET.tostring(e, method="text", encoding="unicode"))
print(ET.tostring(ET.fromstring("<r><x/><y>1</y></r>"), short_empty_elements=False))
tree = ET.ElementTree(ET.fromstring("<r a='1'><k>v</k></r>"))
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())
t2 = ET.parse(io.BytesIO(buf.getvalue()))
print(t2.getroot().tag, t2.getroot().attrib, t2.findtext("k"))
el = ET.fromstring("<r><a><b>x</b></a></r>")
ET.indent(el)
print(ET.tostring(el, encoding="unicode"))
print(ET.tostring(ET.fromstring(f"<x:r xmlns:x='urn:x'><x:c/></x:r>")))

# iterparse and the pull parser
src = io.BytesIO(b"<r xmlns='urn:d' xmlns:p='urn:p'><p:a k='v'>1</p:a><b/><!--c--><?pi x?></r>")
for ev, item in ET.iterparse(src, events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if ev in ("comment", "pi"):
        print(ev, item.tag.__name__, repr(item.text))
    else:
        print(ev, item if isinstance(item, tuple) or item is None else item.tag)
pp = ET.XMLPullParser(events=("start", "end"))
for chunk in ["<ro", "ot><it", "em n='1'/>", "<item n='2'>", "t</item></root>"]:
    pp.feed(chunk)
    print([(ev, el.tag, el.get("n")) for ev, el in pp.read_events()])
pp.close()

# errors carry CPython's code and position
for bad in ["<a></b>", "<a>", "<a x='1' x='2'/>", "<a>&nope;</a>", "", "<a/><b/>", "<a>\x01</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(repr(bad), "->", err, err.code, err.position)

# encodings declared in the document
print(ET.fromstring("<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>".encode("latin-1")).text)
print(ET.fromstring("<?xml version='1.0' encoding='utf-16'?><a>\u20ac</a>".encode("utf-16")).text)
print(ET.fromstring("<?xml version='1.0' encoding='cp1252'?><a>\x80</a>".encode("latin-1")).text)
print(ET.XMLParser().version.startswith("Expat "))

# a custom TreeBuilder target
class Target:
    def __init__(self):
        self.events = []
    def start(self, tag, attrib):
        self.events.append(("start", tag, sorted(attrib.items())))
    def end(self, tag):
        self.events.append(("end", tag))
    def data(self, data):
        self.events.append(("data", data))
    def comment(self, text):
        self.events.append(("comment", text))
    def close(self):
        return self.events
p = ET.XMLParser(target=Target())
p.feed("<a x='1'>hi<!-- c --><b/>there</a>")
print(p.close())

# xml.dom.minidom
dom = xml.dom.minidom.parseString(DOC)
top = dom.documentElement
print(top.tagName, top.getAttribute("name"), top.namespaceURI)
books = dom.getElementsByTagName("b:book")
print(len(books), [b.getAttribute("id") for b in books])
print([b.namespaceURI for b in dom.getElementsByTagNameNS("urn:books", "book")][:1])
print(books[1].getElementsByTagName("title")[0].firstChild.data)
print(dom.getElementsByTagName("note")[0].firstChild.nodeType == dom.CDATA_SECTION_NODE)
d2 = xml.dom.minidom.parseString("<a x='1'><b>t</b><!--c--><c/></a>")
print(d2.toxml())
print(d2.documentElement.toprettyxml(indent=" "))
d3 = xml.dom.minidom.parseString(b"<?xml version='1.0'?><!DOCTYPE r SYSTEM 'r.dtd'><r/>")
print(d3.doctype.name, d3.doctype.systemId, d3.toxml())
try:
    xml.dom.minidom.parseString("<a><b></a>")
except Exception as err:
    print(type(err).__name__, err)

# xml.sax
class Handler(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.out = []
    def startElement(self, name, attrs):
        self.out.append(("start", name, sorted(attrs.items())))
    def endElement(self, name):
        self.out.append(("end", name))
    def characters(self, content):
        if content.strip():
            self.out.append(("chars", content))
    def processingInstruction(self, target, data):
        self.out.append(("pi", target, data))
h = Handler()
xml.sax.parseString(b"<r a='1'><x>one</x><y b='2'>two &amp; three</y><?p d?></r>", h)
print(h.out)
class NSHandler(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, sorted(attrs.items()))
    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)
parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(NSHandler())
parser.parse(io.BytesIO(b"<r xmlns='urn:d' xmlns:q='urn:q' q:a='1'><q:x/></r>"))
class Err(xml.sax.handler.ErrorHandler):
    pass
try:
    xml.sax.parseString(b"<r><x></r>", xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as err:
    print("SAXParseException", err.getLineNumber(), err.getColumnNumber(), err.getMessage())

# plistlib
data = {
    "name": "krait", "version": 3, "ratio": 0.5, "on": True, "off": False,
    "items": [1, "two", {"three": 3}], "blob": b"\x00\x01bytes",
    "when": datetime.datetime(2024, 5, 6, 7, 8, 9), "nested": {"a": {"b": []}},
    "unicode": "h\xe9llo \u20ac",
}
raw = plistlib.dumps(data)
print(raw.decode().splitlines()[:4])
back = plistlib.loads(raw)
print(back == data, sorted(back))
print(plistlib.loads(plistlib.dumps(data, sort_keys=False)) == data)
print(plistlib.loads(plistlib.dumps(data, fmt=plistlib.FMT_BINARY)) == data)
try:
    plistlib.loads(b"<?xml version='1.0'?><plist><dict><key>a</key></plist>")
except Exception as err:
    print(type(err).__name__, err)

# xmlrpc.client marshalling goes through expat
req = xmlrpc.client.dumps((1, "two", [3.5, True], {"k": None}), "method", allow_none=True)
params, method = xmlrpc.client.loads(req)
print(method, params)
resp = xmlrpc.client.dumps(({"ok": [1, 2]},), methodresponse=True)
print(xmlrpc.client.loads(resp))
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, "too many"))
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print("Fault", f.faultCode, f.faultString)
