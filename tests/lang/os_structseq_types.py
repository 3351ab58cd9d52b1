# Struct sequences (os.stat_result, os.statvfs_result, os.terminal_size,
# posix.uname_result, posix.times_result, time.struct_time): constructors
# with their length rules and dict of hidden fields, repr naming unnamed
# fields CPython's way, attributes, tuple behaviour, __reduce__, copy,
# match, and what cannot be done to them.
import copy
import os
import time

def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!", type(e).__name__, e)

S = os.stat_result
t("fields", lambda: (S.n_sequence_fields, S.n_fields, S.n_unnamed_fields, S.__match_args__))
s = S(range(10))
t("repr", lambda: repr(s))
t("hidden", lambda: (s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize, s.st_rdev))
t("tuple", lambda: (len(s), s[7], s[-1], s[2:5], tuple(s) == tuple(range(10)), s == tuple(range(10))))
t("reduce", lambda: s.__reduce__())
s2 = S(range(10), {"st_atime": 1.5, "st_blocks": 8, "bogus": 1})
t("dict", lambda: (s2.st_atime, s2.st_mtime, s2.st_blocks, s2.st_rdev))
t("full", lambda: S(range(19)).st_rdev)
t("copy", lambda: (copy.copy(s2) == s2, copy.copy(s2).st_blocks, type(copy.deepcopy(s2)).__name__))
t("short", lambda: S((1, 2)))
t("long", lambda: S(range(20)))
t("not seq", lambda: S(5))
t("bad dict", lambda: S(range(10), 5))
t("none dict", lambda: S(range(10), None).st_mode)
t("kw", lambda: S(sequence=range(10)).st_size)
t("setattr", lambda: setattr(s, "st_mode", 1))
t("subclass", lambda: type("X", (S,), {}))
t("hash", lambda: hash(S(range(10))) == hash(tuple(range(10))))
t("member", lambda: repr(S.st_mode))
t("doc type", lambda: (S.__name__, S.__qualname__, S.__module__, S.__mro__))
match s:
    case S(st_mode=m, st_size=size):
        print("match", m, size)

T = os.terminal_size
t("terminal", lambda: (T((80, 24)), T((80, 24)).columns, T((80, 24)).lines, T.n_fields))
t("terminal 3", lambda: T((1, 2, 3)))
t("terminal 1", lambda: T((1,)))
t("terminal size", lambda: type(os.get_terminal_size(os.open("/dev/null", os.O_RDONLY))))

U = type(os.uname())
t("uname", lambda: (U.__name__, U.__module__, U.n_fields, U.__match_args__))
t("uname new", lambda: U(("a", "b", "c", "d", "e")))
TR = type(os.times())
t("times new", lambda: TR((1.0, 2.0, 3.0, 4.0, 5.0)))
V = os.statvfs_result
t("statvfs", lambda: (V.n_sequence_fields, V.n_fields, V(range(10)).f_fsid, V(range(11)).f_fsid))
sv = os.statvfs("/")
t("statvfs real", lambda: (len(sv), sv.f_bsize > 0, sv.f_namemax > 0, sv[0] == sv.f_bsize))

ST = time.struct_time
t("struct_time", lambda: (ST.n_sequence_fields, ST.n_fields, ST.n_unnamed_fields))
t("struct_time dict", lambda: ST(range(9), {"tm_zone": "Z"}).tm_zone)
t("struct_time reduce", lambda: ST(range(11)).__reduce__())
t("gmtime", lambda: (time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff, len(time.gmtime(0))))
