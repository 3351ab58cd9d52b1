# datetime from CPython's library (its pure-Python implementation under
# krait): dates, times, datetimes, timedeltas, fixed-offset time zones,
# arithmetic, comparisons, formatting and parsing of ISO strings.
from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), tuple(d.isocalendar()))
print(d.replace(day=1), d.toordinal(), date.fromordinal(d.toordinal()), d.timetuple()[:3], d.ctime())
print(date.fromisoformat("2021-12-31"), date(2000, 1, 1) - date(1999, 1, 1), d.strftime("%Y/%m/%d %a %j"))
print(date.fromisocalendar(2020, 53, 7), d.isoformat(), format(d, "%B"), str(d), MINYEAR, MAXYEAR)
td = timedelta(days=1, hours=25, minutes=-30, seconds=3661, microseconds=1500000)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 3)
print(td // timedelta(hours=1), td % timedelta(hours=1), timedelta(0), timedelta(microseconds=-1), timedelta(weeks=1.5))
print(timedelta.max, timedelta.min, timedelta.resolution, timedelta(hours=1) < timedelta(hours=2))
t = time(13, 5, 9, 250000)
print(t, repr(t), t.isoformat("milliseconds"), t.replace(hour=1), time.fromisoformat("23:59:59.5"), t.strftime("%H|%M|%S"))
tz = timezone(timedelta(hours=5, minutes=30), "IST")
dt = datetime(2023, 3, 14, 15, 9, 26, 535897, tzinfo=tz)
print(dt, repr(dt), dt.utcoffset(), dt.tzname(), dt.astimezone(timezone.utc), dt.timestamp())
print(dt.isoformat(), dt.isoformat(" ", "seconds"), dt.date(), dt.time(), dt.timetz(), dt.utctimetuple()[:6])
naive = datetime(2020, 1, 31, 23, 59, 59)
print(naive + timedelta(seconds=1), naive - datetime(2019, 12, 25), naive.replace(month=2, day=29), naive.weekday())
print(datetime.fromisoformat("2011-11-04T00:05:23+04:00"), datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400))
print(datetime.combine(d, t), datetime.strptime if False else "", naive < datetime(2021, 1, 1), naive == naive.replace())
print(timezone.utc, repr(timezone.utc), timezone(timedelta(hours=-3)), timezone(timedelta(0)) == timezone.utc)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]), hash(d) == hash(date(2024, 2, 28)))
for bad in (lambda: date(2023, 2, 29), lambda: time(24), lambda: timedelta(days=10**10),
            lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=tz), lambda: date.fromisoformat("2020-1-1")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)  # the messages differ between CPython's C and Python versions
print(format(dt, "%Y-%m-%dT%H:%M:%S%z %Z"), f"{naive:%d.%m.%Y}", datetime.max, datetime.min)
