# pwd, grp and _locale: the user and group databases (root is always
# there), their struct sequences and KeyError messages, id conversions;
# setlocale queries and failures, localeconv, nl_langinfo, strcoll,
# strxfrm, locale.Error (under LC_ALL=C.UTF-8, as the test runners set).
import _locale
import grp
import pwd

def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

root = pwd.getpwuid(0)
print(root, root.pw_name, root[2], len(root), type(root).__name__)
print(pwd.getpwnam("root") == root, pwd.struct_passwd.n_fields, pwd.struct_passwd.__match_args__)
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam(g.gr_name) == g, grp.struct_group.n_fields)
print(any(p.pw_uid == 0 for p in pwd.getpwall()), any(x.gr_gid == 0 for x in grp.getgrall()))
t("uid missing", lambda: pwd.getpwuid(99999))
t("name missing", lambda: pwd.getpwnam("no-such-krait-user"))
t("gid missing", lambda: grp.getgrgid(99999))
t("group missing", lambda: grp.getgrnam("no-such-krait-group"))
t("uid str", lambda: pwd.getpwuid("a"))
t("name int", lambda: pwd.getpwnam(1))
t("name nul", lambda: pwd.getpwnam("a\0b"))
t("gid negative", lambda: grp.getgrgid(-5))
t("uid negative", lambda: pwd.getpwuid(-5))
t("uid -1", lambda: pwd.getpwuid(-1))
t("uid huge", lambda: pwd.getpwuid(2**40))
t("gid huge", lambda: grp.getgrgid(2**40))
t("gid huger", lambda: grp.getgrgid(2**70))
t("gid kw", lambda: grp.getgrgid(id=0).gr_name)
t("gid str", lambda: grp.getgrgid("x"))
t("struct", lambda: pwd.struct_passwd(("a", "b", 1, 2, "c", "d", "e")))

print(_locale.CHAR_MAX, _locale.LC_ALL, _locale.LC_CTYPE, _locale.CODESET, _locale.Error.__module__)
print(_locale.Error.__mro__)
t("query ctype", lambda: _locale.setlocale(_locale.LC_CTYPE))
t("query numeric", lambda: _locale.setlocale(_locale.LC_NUMERIC, None))
t("bad category", lambda: _locale.setlocale(99))
t("bad locale", lambda: _locale.setlocale(_locale.LC_ALL, "xx_XX.krait"))
t("category str", lambda: _locale.setlocale("a"))
t("locale int", lambda: _locale.setlocale(_locale.LC_ALL, 5))
t("no args", lambda: _locale.setlocale())
t("set time", lambda: _locale.setlocale(_locale.LC_TIME, "C"))
t("localeconv", lambda: _locale.localeconv())
t("codeset", lambda: _locale.nl_langinfo(_locale.CODESET))
t("day", lambda: (_locale.nl_langinfo(_locale.DAY_1), _locale.nl_langinfo(_locale.ABMON_12)))
t("radix", lambda: (_locale.nl_langinfo(_locale.RADIXCHAR), _locale.nl_langinfo(_locale.D_FMT)))
t("bad item", lambda: _locale.nl_langinfo(99999))
t("strcoll", lambda: (_locale.strcoll("a", "b") < 0, _locale.strcoll("b", "a") > 0, _locale.strcoll("x", "x")))
t("strcoll int", lambda: _locale.strcoll("a", 1))
t("strxfrm", lambda: _locale.strxfrm("abc"))
t("getencoding", lambda: _locale.getencoding())
try:
    _locale.setlocale(_locale.LC_ALL, "xx")
except _locale.Error as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
