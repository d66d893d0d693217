"""Dates as news writes them: "5 September 2025", "Selasa (9/12/2025)", "May 24 to May 26, 2024",
"Juni lalu", "on Wednesday", "kemarin"; relative ones resolved against the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from graph.extract.vocabulary import MONTHS, WEEKDAY_NOTATION, WEEKDAYS

MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
PART_OF_DAY = r"(?:\s+(?:pagi|siang|sore|malam|night|morning|afternoon|evening))?"  # "Sabtu malam (24/10)"
_RANGE_WORDS = r"-|–|to|until|through|hingga|sampai dengan|sampai|s\.d\.?|s/d"
RANGE_WORD = rf"\s*(?:{_RANGE_WORDS})\s*"
# two days of one month joined by "and" are its first and last: "8 dan 9 Mei 2028", "between May 12 and 14"
DAYS_JOINED = rf"\s*(?:{_RANGE_WORDS}|and|dan)\s*"
TH = r"(?:st|nd|rd|th)?"  # an English day's ordinal ending: "Sept 13th to 16th", "October 2nd"
DATE_PATTERNS = [
    ("range-dmy", re.compile(rf"\b(\d{{1,2}}){DAYS_JOINED}(\d{{1,2}})\s+({MONTH})\.?\s+(\d{{4}})\b")),
    ("range-mdy", re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}}){TH}{DAYS_JOINED}(?:({MONTH})\.?\s+)?"
                             rf"(\d{{1,2}}){TH},?\s+(\d{{4}})\b")),
    # a range with no year, after a word that opens one: "from July 1 to 3", "dari 1 hingga 3 Juli", "pada 1-3 Juli"
    ("range-md", re.compile(rf"\b(?:[Ff]rom|[Oo]n|[Bb]etween)\s+({MONTH})\.?\s+(\d{{1,2}}){TH}{DAYS_JOINED}"
                            rf"(?:({MONTH})\.?\s+)?"
                            rf"(\d{{1,2}}){TH}\b(?!,?\s*\d{{4}})")),
    # in brackets after the weekdays: "from Monday to Thursday (Aug 10-13)"
    ("range-md", re.compile(rf"\(({MONTH})\.?\s+(\d{{1,2}})\s*[-–]\s*(?:({MONTH})\.?\s+)?(\d{{1,2}})\)")),
    ("range-dm", re.compile(rf"\b(?:[Dd]ari|[Pp]ada|[Ss]ejak|[Tt]anggal|[Ff]rom|[Oo]n|[Bb]etween|[Aa]ntara)\s+"
                            rf"(?:tanggal\s+)?(\d{{1,2}}){DAYS_JOINED}(\d{{1,2}})\s+({MONTH})\b(?!\.?\s+\d{{4}})")),
    # days of one month in numbers: "Rabu-Kamis (10-11/3/2027)", "Sabtu-Minggu (7-8/11)" (no year, in brackets)
    ("range-numeric", re.compile(r"\b(\d{1,2})\s*[-–]\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2})\b|(?=\)))")),
    # a month's days with no word before: "The fair runs Nov. 13-17 in Nanning" (not "Nov. 13-17, 2028": above)
    ("range-md", re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}})\s*[-–]\s*()(\d{{1,2}})\b(?!,?\s*\d{{4}})(?![/.]\d)")),
    # "Selasa (9/12/2025)", "Selasa [10/3/2026]", "Senin 8/06-2026)"
    ("numeric", re.compile(rf"(?:\b({WEEKDAY}),?\s*)?[(\[]?\b(\d{{1,2}})/(\d{{1,2}})[/-](\d{{4}}|\d{{2}})\b[)\]]?")),
    # day and month without a year, with the weekday: "Rabu (24/4)", "Friday (May 12)"
    ("weekday-dm", re.compile(rf"\b({WEEKDAY}){PART_OF_DAY},?\s*\((\d{{1,2}})/(\d{{1,2}})\)")),
    ("weekday-md", re.compile(rf"\b({WEEKDAY}){PART_OF_DAY},?\s*\(({MONTH})\.?\s+(\d{{1,2}})\)")),
    # "opened on Thursday, Aug 20 and runs through Monday, Aug 24": the same without brackets
    ("weekday-md", re.compile(rf"\b({WEEKDAY}),?\s*({MONTH})\.?\s+(\d{{1,2}}){TH}\b(?!,?\s*\d{{4}})")),
    # two days by their weekdays: "last Thursday and Friday", "pada Kamis dan Jumat" (read back from publication)
    ("range-weekdays", re.compile(rf"\b(?:(?:pada\s+)?hari\s+|[Oo]n\s+|pada\s+|[Ll]ast\s+)({WEEKDAY})\s+"
                                  rf"(?:and|dan|&|(?:-|–|to|hingga|sampai)\s*)\s*({WEEKDAY})\b"
                                  rf"(?!\s*[(\[])(?!,?\s*\d)")),
    # ("Jumat (9 Mei 2028)", "Kamis, tanggal 8 Mei 2028": the weekday before a bracket or "tanggal" is the day's)
    ("dmy", re.compile(rf"(?:\b({WEEKDAY}),?\s*(?:\(|tanggal\s+)?)?\b(\d{{1,2}})\s+({MONTH})\.?\s+(\d{{4}})\b")),
    ("mdy", re.compile(rf"(?:\b({WEEKDAY}),?\s*\(?)?\b({MONTH})\.?\s+(\d{{1,2}}){TH},?\s+(\d{{4}})\b")),
    # a weekday with a day and month by name and no year: "Kamis, 8 Mei", "Thursday (8 May)", "on Thursday May 8"
    ("weekday-dm-name", re.compile(rf"\b({WEEKDAY}){PART_OF_DAY},?\s*(?:\(|tanggal\s+)?(\d{{1,2}})\s+({MONTH})\b"
                                   rf"(?!\.?\s+\d{{4}})(?!\s+lalu)")),
    # a day of a month gone by: "12 Mei lalu", "Kamis, 8 Mei lalu" (the last such day before publication)
    ("dm-past", re.compile(rf"(?:\b({WEEKDAY}),?\s*)?\b(\d{{1,2}})\s+({MONTH})\s+(?:lalu|kemarin)\b")),
    ("my", re.compile(rf"\b({MONTH})\s+(\d{{4}})\b")),
    ("month-rel", re.compile(rf"\b(?:(?:bulan|pada|last|in|since)\s+)({MONTH})\b(?:\s+(lalu|kemarin|ini|this year))?"
                             rf"|\b({MONTH})\s+(lalu|kemarin)\b")),
    ("this-month", re.compile(r"(?i)\b(?:awal|akhir|pertengahan) bulan ini\b|\b(?:earlier|early|late) this month\b")),
    ("weekday", re.compile(rf"\b(?:(?:pada\s+)?hari\s+|[Oo]n\s+|pada\s+|[Ll]ast\s+)({WEEKDAY})\b"
                           rf"(?!\s+(?:and|dan|&)\s+(?:{WEEKDAY})\s*[(\[])|"  # (the first of two, dated in brackets)
                           rf"\b({WEEKDAY})\s+lalu\b")),  # ("last Tuesday", "Selasa lalu": the one before)
    # a weekday alone closing a sentence, after a comma: "… menerima kunjungan delegasi …, Rabu."
    ("weekday-end", re.compile(rf",\s+({WEEKDAY}){PART_OF_DAY}(?=\s*(?:\.\s|\.?\Z|\.?\n))")),
    ("yesterday", re.compile(r"(?i)\bkemarin\b|\byesterday\b")),
    # day and month, with neither weekday nor year: "on Nov 3", "pada 3 November", "tanggal 3 November"
    ("on-md", re.compile(rf"\b(?:[Oo]n|[Pp]ada|[Tt]anggal)\s+({MONTH})\.?\s+(\d{{1,2}}){TH}\b(?!,?\s*\d{{4}})")),
    ("on-dm", re.compile(rf"\b(?:[Oo]n|[Pp]ada|[Tt]anggal)\s+(\d{{1,2}})\s+({MONTH})\b(?!\.?\s+\d{{4}})")),
]


@dataclass
class DateHit:
    start: int
    end: int
    value: str  # 2025-09-05, 2025-09
    weekday: str | None
    until: str | None = None  # the last day of a range: "24-26 Mei 2025", "May 24 to May 26, 2023"


def dates(doc, start, end) -> list[DateHit]:
    hits = []
    covered = [False] * (end - start)
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(doc.text, start, end):
            if any(covered[match.start() - start:match.end() - start]):
                continue
            until = None
            if kind.startswith("range"):
                value, until = range_value(doc, kind, match)
                # "Senin hingga Jumat (10-14/4/2028)", "Sabtu-Minggu (7-8/11)": the first day's weekday, stated
                days = match if kind == "range-weekdays" else \
                    _WEEKDAYS_BEFORE_RE.search(doc.text, max(start, match.start() - 30), match.start())
                weekday = WEEKDAY_NOTATION[WEEKDAYS[days.group(1)]] if days else None
            else:
                value, weekday = date_value(doc, kind, match)
            if value is None or (kind == "weekday" and _SAID_BEFORE_RE.search(doc.text, max(start, match.start() - 60),
                                                                               match.start())) \
                    or (kind == "weekday-end" and _SPOKE_BEFORE_RE.search(doc.text, start, match.start())):
                continue
            for i in range(match.start() - start, match.end() - start):
                covered[i] = True
            hits.append(DateHit(match.start(), match.end(), value, weekday, until))
    hits = sorted(hits, key=lambda h: h.start)
    for match in _UNTIL_WEEKDAY_RE.finditer(doc.text, start, end):
        # "opened on Wednesday (Oct. 28) … and runs until Saturday": the first such day after the day before it
        before = [h for h in hits if h.end <= match.start() and len(h.value) == 10]
        if before and not any(covered[match.start() - start:match.end() - start]):
            day = dt.date.fromisoformat(before[-1].value)
            ahead = (WEEKDAYS[match.group(1)] - day.weekday()) % 7 or 7
            hits.append(DateHit(match.start(1), match.end(), (day + dt.timedelta(days=ahead)).isoformat(),
                                WEEKDAY_NOTATION[WEEKDAYS[match.group(1)]]))
    return _ranges(doc, sorted(hits, key=lambda h: h.start))


_WEEKDAYS_BEFORE_RE = re.compile(rf"\b({WEEKDAY})(?:{RANGE_WORD}|\s+(?:and|dan|&)\s+)(?:{WEEKDAY}),?\s*[(\[]?\s*\Z")
_UNTIL_WEEKDAY_RE = re.compile(rf"\b(?:until|till|through|hingga|sampai)\s+(?:hari\s+)?({WEEKDAY})\b(?!,?\s*\(?\d)")


# the day a statement came, not the day of what it reports: "…, the city government said in a statement received
# here on Monday"
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|statement|received here|told reporters)\b[^.;“”\"]*\Z")
# the day a quote was spoken, in the sentence that quotes it: "…," kata Name saat dihubungi, Minggu.
_SPOKE_BEFORE_RE = re.compile(r"(?i)\b(?:kata|ujar|ucap|tutur|jelas|ungkap|tegas|sebut|imbuh|katanya|ujarnya|"
                              r"dihubungi|said|says|told)\b[^.;“”\"]*\Z")
_FROM_TO_RE = re.compile(RANGE_WORD + r"\Z")


def _ranges(doc, hits):
    """Two days joined by "to", "hingga", "sampai": one span, "from Thursday (Aug 28) to Sunday (Aug 31)"."""
    joined = []
    for hit in hits:
        last = joined[-1] if joined else None
        if last is not None and last.until is None and len(last.value) == len(hit.value) == 10 \
                and hit.until is None and last.value < hit.value \
                and _FROM_TO_RE.fullmatch(doc.text, last.end, hit.start):
            joined[-1] = DateHit(last.start, hit.end, last.value, last.weekday, hit.value)
            continue
        joined.append(hit)
    return joined


def day_month_value(doc, match, weekday_name, day, month):
    """A day and month with its weekday, in the year that puts it nearest the publication date; a
    stated weekday that no nearby year gives is noted, never silently dropped."""
    weekday = WEEKDAY_NOTATION[WEEKDAYS[weekday_name]]
    written = match.group()
    if doc.published is None and doc.published_month is None:
        doc.notes.append(f"“{written}” has no year and the publication date is not known: the date is left open")
        return None, None
    anchor = doc.published or dt.date(doc.published_month[0], doc.published_month[1], 15)
    options = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None, None
    options.sort(key=lambda d: abs((d - anchor).days))
    agreeing = [d for d in options if d.weekday() == WEEKDAYS[weekday_name]]
    if agreeing and agreeing[0] == options[0]:
        return options[0].isoformat(), weekday
    doc.notes.append(f"“{written}”: {options[0].isoformat()} (the year of publication) is a "
                     f"{WEEKDAY_NOTATION[options[0].weekday()].capitalize()}, not a {weekday.capitalize()}")
    return options[0].isoformat(), weekday


def _day_gone_by(doc, match):
    """ "12 Mei lalu": that day in the publication year, or the year before if it is still to come."""
    if doc.published is None:
        return None, None
    day, month = int(match.group(2)), MONTHS[match.group(3)]
    for year in (doc.published.year, doc.published.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None, None
        if found <= doc.published:
            weekday = WEEKDAY_NOTATION[WEEKDAYS[match.group(1)]] if match.group(1) else None
            return found.isoformat(), weekday
    return None, None


def nearest_day(doc, month, day) -> str | None:
    """A day and month with no weekday to check, in the year that puts it nearest the publication date (None
    when that date is not known: the output says so)."""
    if doc.published is None and doc.published_month is None:
        doc.notes.append(f"day {day} of month {month} has no year and the publication date is not known: "
                         "the date is left open")
        return None
    anchor = doc.published or dt.date(doc.published_month[0], doc.published_month[1], 15)
    options = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days)).isoformat() if options else None


def range_value(doc, kind, match):
    """(first day, last day) of a range: "24-26 Mei 2025", "May 24 to May 26, 2024"; with no year ("from July 1
    to 3", "pada 1-3 Juli"), the first day in the year nearest the publication date and the last after it."""
    if kind == "range-weekdays":
        first, last = WEEKDAYS[match.group(1)], WEEKDAYS[match.group(2)]
        if doc.published is None or not 1 <= (last - first) % 7 <= 3:
            return None, None
        start = doc.published - dt.timedelta(days=(doc.published.weekday() - first) % 7)
        end = start + dt.timedelta(days=(last - first) % 7)
        return (start.isoformat(), end.isoformat()) if end <= doc.published else (None, None)
    if kind == "range-numeric":
        if match.group(4) is None:
            nearest = nearest_day(doc, int(match.group(3)), int(match.group(1)))
            if nearest is None:
                return None, None
            year = int(nearest[:4])
        else:
            year = int(match.group(4)) + (2000 if len(match.group(4)) == 2 else 0)
        try:
            start = dt.date(year, int(match.group(3)), int(match.group(1)))
            end = dt.date(year, int(match.group(3)), int(match.group(2)))
        except ValueError:
            return None, None
        return (start.isoformat(), end.isoformat()) if start < end else (None, None)
    if kind in ("range-dmy", "range-dm"):
        first, last, month = match.group(1), match.group(2), match.group(3)
        start_month = end_month = MONTHS[month]
        year = match.group(4) if kind == "range-dmy" else None
    else:
        start_month = MONTHS[match.group(1)]
        end_month = MONTHS[match.group(3)] if match.group(3) else start_month
        first, last = match.group(2), match.group(4)
        year = match.group(5) if kind == "range-mdy" else None
    rolls_over = 0
    if year is None:
        nearest = nearest_day(doc, start_month, int(first))
        if nearest is None:
            return None, None
        year, rolls_over = nearest[:4], int(end_month < start_month)  # "from December 30 to January 2"
    try:
        start = dt.date(int(year), start_month, int(first))
        end = dt.date(int(year) + rolls_over, end_month, int(last))
    except ValueError:
        return None, None
    return (start.isoformat(), end.isoformat()) if start < end else (None, None)


def date_value(doc, kind, match):
    weekday = None
    if kind == "weekday-dm":
        day, month = int(match.group(2)), int(match.group(3))
        if month > 12 >= day:
            day, month = month, day  # "Wednesday (10/13)": written month first, as English pages may
        return day_month_value(doc, match, match.group(1), day, month)
    if kind == "weekday-md":
        return day_month_value(doc, match, match.group(1), int(match.group(3)), MONTHS[match.group(2)])
    if kind == "weekday-dm-name":
        return day_month_value(doc, match, match.group(1), int(match.group(2)), MONTHS[match.group(3)])
    if kind == "dm-past":
        return _day_gone_by(doc, match)
    if kind in ("on-md", "on-dm"):
        month, day = (match.group(1), match.group(2)) if kind == "on-md" else (match.group(2), match.group(1))
        return nearest_day(doc, MONTHS[month], int(day)), None
    if kind in ("numeric", "dmy", "mdy") and match.group(1):
        weekday = WEEKDAY_NOTATION[WEEKDAYS[match.group(1)]]
    if kind == "numeric":
        day, month, year = int(match.group(2)), int(match.group(3)), int(match.group(4))
        year = year + 2000 if year < 100 else year
        try:
            return dt.date(year, month, day).isoformat(), weekday
        except ValueError:
            return None, None
    if kind in ("dmy", "mdy"):  # the pattern has found day, month and year: the month table reads them
        day, month = (match.group(2), match.group(3)) if kind == "dmy" else (match.group(3), match.group(2))
        try:
            return dt.date(int(match.group(4)), MONTHS[month], int(day)).isoformat(), weekday
        except ValueError:
            return None, None
    if kind == "my":
        return f"{int(match.group(2)):04d}-{MONTHS[match.group(1)]:02d}", None
    if kind == "month-rel":
        name = match.group(1) or match.group(3)
        if doc.published_month is None:
            return None, None
        year, month = doc.published_month
        wanted = MONTHS[name]
        if wanted > month or (wanted == month and (match.group(2) or match.group(4)) in ("lalu", "kemarin")):
            year -= 1
        return f"{year:04d}-{wanted:02d}", None
    if kind == "this-month":
        if doc.published_month is None:
            return None, None
        return f"{doc.published_month[0]:04d}-{doc.published_month[1]:02d}", None
    if kind in ("weekday", "weekday-end"):
        name = match.group(1) or match.group(2)
        weekday = WEEKDAY_NOTATION[WEEKDAYS[name]]
        if doc.published is None:
            return None, None
        back = (doc.published.weekday() - WEEKDAYS[name]) % 7
        return (doc.published - dt.timedelta(days=back)).isoformat(), weekday
    if kind == "yesterday":
        if doc.published is None:
            return None, None
        return (doc.published - dt.timedelta(days=1)).isoformat(), None
    return None, None

# ----- facts -----------------------------------------------------------
