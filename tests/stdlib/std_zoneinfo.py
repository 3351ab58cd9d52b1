# zoneinfo and sysconfig unchanged from CPython's library: sysconfig finds
# its build-time data module through sys.implementation._multiarch (a module
# name with dashes, reached by __import__), zoneinfo reads the system's TZif
# files.
import datetime
import sys
import sysconfig
import zoneinfo

print(sys.implementation._multiarch)
print(sysconfig.get_config_var("TZPATH").split(":")[0], sysconfig.get_platform())
print(sorted(k for k in ("prefix", "LIBDIR", "TZPATH") if sysconfig.get_config_var(k)))

paris = zoneinfo.ZoneInfo("Europe/Paris")
ny = zoneinfo.ZoneInfo("America/New_York")
print(paris, ny.key, paris is zoneinfo.ZoneInfo("Europe/Paris"))
for month in (1, 3, 7, 10, 12):
    d = datetime.datetime(2024, month, 15, 12, 30, tzinfo=paris)
    print(d.isoformat(), d.tzname(), d.utcoffset(), d.dst(), d.astimezone(ny).isoformat())
# The DST changes of 2024 in Paris: the hour that does not exist and the one
# that happens twice (fold).
gap = datetime.datetime(2024, 3, 31, 2, 30, tzinfo=paris)
print(gap.utcoffset(), gap.replace(fold=1).utcoffset())
twice = datetime.datetime(2024, 10, 27, 2, 30, tzinfo=paris)
print(twice.utcoffset(), twice.replace(fold=1).utcoffset(), twice.replace(fold=1).tzname())
utc = datetime.datetime(2024, 10, 27, 0, 30, tzinfo=datetime.timezone.utc)
for h in range(4):
    t = (utc + datetime.timedelta(hours=h)).astimezone(paris)
    print(t.isoformat(), t.fold)
print(zoneinfo.ZoneInfo("UTC").utcoffset(None), "Europe/Paris" in zoneinfo.available_timezones())
for bad in ("No/Such_Zone", "../etc/passwd", ""):
    try:
        zoneinfo.ZoneInfo(bad)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
        print(type(e).__name__, e)
m = __import__(sysconfig._get_sysconfigdata_name(), fromlist=["build_time_vars"])
print(type(m.build_time_vars).__name__, "TZPATH" in m.build_time_vars)
