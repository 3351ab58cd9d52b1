# sys's descriptive attributes: float_info and hash_info (the values
# fractions and decimal hash with), the file system encoding, the
# executable, warnoptions/_xoptions, orig_argv, frames through _getframe,
# and small functions (call_tracing, audit hooks).
import sys

print(sys.float_info)
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.rounds, len(fi), fi[0] == fi.max)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0, fi.max * 2 == float("inf"))
hi = sys.hash_info
print(hi.width, hi.modulus, hi.inf, hi.nan, hi.imag, hi.cutoff)
print(hash(float("inf")) == hi.inf, hash(-float("inf")) == -hi.inf, hash(2**61 - 1), hash(1j) == hi.imag)
print(hash(10**30) == 10**30 % hi.modulus, hash(-(2**61)) == -(2**61 % hi.modulus))
ii = sys.int_info
print(ii.default_max_str_digits, ii.str_digits_check_threshold, ii.sizeof_digit)
print(type(sys.thread_info).__name__, sys.thread_info.name)
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.float_repr_style)
print(sys.executable.startswith("/"), sys.executable == sys._base_executable)
print(sys.prefix == sys.exec_prefix == sys.base_prefix, sys.executable.startswith(sys.prefix))
print(sys.warnoptions, sys._xoptions, sys.orig_argv[-1].endswith("mod_sys_info.py"))
print(sys.maxunicode, sys.maxsize, sys.byteorder, sys.is_finalizing(), sys.api_version)
print(sys.call_tracing(divmod, (17, 5)))
try:
    sys.call_tracing(divmod, [17, 5])
except TypeError as e:
    print(e)

# Frames: what warnings and inspect-style code read.
def where(depth):
    f = sys._getframe(depth)
    return f.f_code.co_name, f.f_lineno, f.f_globals is globals(), f.f_back is not None
def outer():
    return where(0), where(1), where(2)
print(outer())
try:
    sys._getframe(10**6)
except ValueError as e:
    print(e)

# Audit hooks see every audit() call made after they are added.
events = []
sys.addaudithook(lambda event, args: events.append((event, args)))
sys.audit("my.event", 1, "two")
sys.audit("other")
print(events)
try:
    sys.audit(5)
except TypeError as e:
    print(e)
