# locale and calendar from CPython's library on krait's _locale (under
# LC_ALL=C.UTF-8, as the test runners set): setlocale/getlocale,
# localeconv, number formatting, normalize, nl_langinfo, strcoll/strxfrm,
# getpreferredencoding; calendar text and date arithmetic.
import calendar
import locale

print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_CTYPE))
print(locale.getlocale(locale.LC_CTYPE), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_NUMERIC, "C"), locale.localeconv()["decimal_point"],
      locale.localeconv()["grouping"], locale.localeconv()["int_frac_digits"])
print(locale.format_string("%d items, %.2f each", (1234567, 3.14159)),
      locale.format_string("%s", "x"), locale.str(2.5), locale.atof("3.5"), locale.atoi("42"),
      locale.currency(1.5, symbol=False, international=False) if locale.localeconv()["frac_digits"] != 127 else "no currency")
print(locale.normalize("en_US.utf8"), locale.normalize("C"), locale.normalize("fr_FR"))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.DAY_1), locale.getpreferredencoding(False),
      locale.getencoding())
print(sorted(["b", "a", "C"], key=locale.strxfrm), locale.strcoll("a", "b") < 0)
try:
    locale.setlocale(locale.LC_ALL, "no_SUCH.locale")
except locale.Error as e:
    print("locale.Error", e)
print(locale.delocalize("1,234.5"), locale.localize("1234.5"))

print(calendar.month(2024, 2))
print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.weekday(2026, 11, 26),
      calendar.monthrange(2023, 2), calendar.month_name[3], calendar.day_abbr[0])
print(calendar.TextCalendar(calendar.SUNDAY).formatweek([(1, 6), (2, 0)], 3))
print(list(calendar.Calendar().itermonthdays(2025, 1))[:10], calendar.timegm((2000, 1, 1, 0, 0, 0)))
print(calendar.HTMLCalendar().formatmonthname(2020, 5))
