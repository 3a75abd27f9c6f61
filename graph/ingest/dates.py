"""Event dates: the date expression nearest a trigger, resolved against the article date.

Absolute dates ("21 September 2020", "in May 2018", "in 2020") need no anchor; partial and
relative ones ("on 21 September", "last year", "next week", "on Monday") need the article date
and give None without it.
"""

from __future__ import annotations

import datetime as dt
import re

from graph.ingest.fastre import Scanner, fold, lowered, scanner

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON_RE = (
    r"(?P<NAME>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


_SINCE = scanner(r"\b(?:since|until|till|before)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _mon(name: str) -> str:
    return _MON_RE.replace("NAME", name)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The alternatives of _DATE, each with the kind of word that every match of it holds, if any: a
# month (m), "week", "month" or "year" (u), "day", "tomorrow" or "tonight" (a). A sentence is
# scanned only with the alternatives it can match (_SCANNERS[_kinds(sentence)]): each one the
# pattern tries costs a few hundred instructions at every candidate place, even when it fails at
# the first character. (All eight variants are compiled here: a compile costs a few articles.)
_BRANCHES = (
    ("m", rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_mon('m1')}(?:,?\s+(?P<y1>(?:19|20)\d\d))?\b"),
    ("m", rf"\b{_mon('m2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?"),
    (
        "m",
        rf"\b(?:in|since|from|until|by|of|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?{_mon('m3')}"
        r"(?:\s+(?P<y3>(?:19|20)\d\d))?\b",
    ),
    ("", r"\b(?P<y4>(?:19|20)\d\d)\b"),
    ("u", r"\b(?P<rel>last|next|this|previous|coming)\s+(?P<unit>week|month|year)\b"),
    ("a", r"\b(?P<day>yesterday|today|tomorrow|tonight)\b"),
    ("a", r"\b(?:on\s+|last\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
)
_DATE = scanner("|".join(pattern for _, pattern in _BRANCHES))
_SCANNERS = {
    kinds: scanner("|".join(pattern for need, pattern in _BRANCHES if need in kinds))
    for kinds in ("", "m", "u", "a", "mu", "ma", "ua", "mua")
}
_MONTH_WORDS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DIGIT = re.compile(r"\d")


def _kinds(text: str) -> str:
    """The kinds of word (as in _BRANCHES) that ``text`` holds, in the order of "mua"."""
    kinds = ""
    for month in _MONTH_WORDS:
        if month in text:
            kinds = "m"
            break
    if "year" in text or "month" in text or "week" in text:
        kinds += "u"
    if "day" in text or "tomorrow" in text or "tonight" in text:
        kinds += "a"
    return kinds


def _month(g: dict[str, str | None]) -> int:
    name = (g.get("m1") or g.get("m2") or g.get("m3") or "").lower().rstrip(".")
    return _MONTHS[name[:3]]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(m: re.Match[str], anchor: dt.date | None) -> dt.date | None:
    g: dict[str, str | None] = m.groupdict()  # (a _date_scanner pattern lacks some of the groups)
    if g.get("m1") or g.get("m2") or g.get("m3"):
        year_s = g.get("y1") or g.get("y2") or g.get("y3")
        day = int(g.get("d1") or g.get("d2") or 1)
        if year_s:
            return _safe(int(year_s), _month(g), day)
        return _nearest_year(_month(g), day, anchor) if anchor else None
    y4, rel, unit, day_word, wd = g.get("y4"), g.get("rel"), g.get("unit"), g.get("day"), g.get("wd")
    if y4:
        return dt.date(int(y4), 1, 1)
    if anchor is None:
        return None
    if rel and unit:
        return _relative(rel.lower(), unit.lower(), anchor)
    if day_word:
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[day_word.lower()]
        return anchor + dt.timedelta(days=shift)
    back = (anchor.weekday() - _WEEKDAYS.index((wd or "").lower())) % 7
    return anchor - dt.timedelta(days=back)


def _nearest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """A day and month without a year: the year that puts it closest to the article date
    ("from 1 January" in a December article is next January)."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _relative(rel: str, unit: str, anchor: dt.date) -> dt.date:
    sign = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "week":
        return anchor + dt.timedelta(days=7 * sign)
    if unit == "month":
        month = anchor.month + sign
        year = anchor.year + (month - 1) // 12
        return dt.date(year, (month - 1) % 12 + 1, 1)
    return dt.date(anchor.year + sign, 1, 1)


# searched in the folded sentence; most sentences hold none of the words, which ``in`` tells cheaply
_CLAUSE_BREAK = Scanner(lowered(r";|\s[—–]\s|\b(?:after|before|when|following|while|but|whereas|although)\b"))
_BREAK_HINTS = (";", "—", "–", "after", "before", "when", "following", "while", "but", "whereas", "although")


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    folded = fold(sentence)
    for hint in _BREAK_HINTS:
        if hint in folded:
            break
    else:
        return start, end
    for m in _CLAUSE_BREAK.finditer(folded):
        if m.start() <= position:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,")


def _asides(sentence: str, position: int) -> list[tuple[int, int]]:
    """The ", which ...," asides of the sentence that do not hold ``position``."""
    return [
        (m.start(), m.end())
        for m in _RELATIVE_ASIDE.finditer(sentence)
        if not m.start() <= position < m.end()
    ]


def event_date(sentence: str, position: int, anchor: dt.date | None) -> dt.date | None:
    """The date nearest ``position`` within its clause ("after Egypt in 1979" dates Egypt's act, not
    this one), or None. Only years 1900-2099 count."""
    kinds = _kinds(sentence)
    if not kinds and _DIGIT.search(sentence) is None:
        return None  # most sentences name no date, which the word tests tell far more cheaply
    best: tuple[int, dt.date] | None = None
    lo, hi = _clause_bounds(sentence, position)
    asides: list[tuple[int, int]] | None = None if "," in sentence else []
    for m in _SCANNERS[kinds].finditer(sentence, lo, hi):
        if asides is None:
            asides = _asides(sentence, position)
        if any(a <= m.start() < b for a, b in asides):
            continue  # "Gabon, which left OPEC in 1995, rejoined in July": 1995 dates the aside
        if _SINCE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "for the first time since 2019": the start of a period, not the event
        value = _resolve(m, anchor)
        if value is None:
            continue
        if anchor and value > anchor and _yearless(m) and _told_as_past(sentence, lo, hi):
            # "were among the first to do so in February": last February, not the next one
            value = _safe(value.year - 1, value.month, value.day) or value
        distance = abs((m.start() + m.end()) // 2 - position)
        if m.end() < position and " and " in sentence[m.end() : position]:
            distance += 1000  # "left in 1984 and rejoined in 2017": the first verb's date, if no other
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|due|expected|set\s+to|plans?|planned|intends?|from|until|by|scheduled)\b",
    re.I,
)


def _yearless(m: re.Match[str]) -> bool:
    g = m.groupdict()
    return bool(g.get("m1") or g.get("m2") or g.get("m3")) and not (g.get("y1") or g.get("y2") or g.get("y3"))


def _told_as_past(sentence: str, lo: int, hi: int) -> bool:
    """A clause in the past tense with no word of the future: a month named without a year lies
    behind the article date, not ahead of it."""
    return _PAST.search(sentence, lo, hi) is not None and _FUTURE.search(sentence, lo, hi) is None


def has_past_date(sentence: str, anchor: dt.date | None) -> bool:
    """Whether the sentence dates its event clearly before the article (background history)."""
    if anchor is None:
        return False
    for m in _DATE.finditer(sentence):
        value = _resolve(m, anchor)
        if value is not None and (anchor - value).days > 200:
            return True
    return False
