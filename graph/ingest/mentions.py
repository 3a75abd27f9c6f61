"""Mention finding: every lexicon name in an article, longest match first, with offsets.

One pass over the tokens; at each token the names starting with it are tried longest first.
Case matters: names must be capitalised in the text and acronyms must match exactly, so
"us" and "china" (the porcelain) are never countries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from graph.ingest.lexicon import Entry, Kind, Lexicon, get_lexicon
from graph.ingest.sentences import TOKEN

_CASE_FREE = {Kind.DESC, Kind.PAIR, Kind.AGR_DESC, Kind.NEW_STATE}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: Kind
    ids: tuple[str, ...]
    surface: str


def _case_ok(entry: Entry, words: list[str], tokens: tuple[str, ...]) -> bool:
    if entry.kind in _CASE_FREE or entry.lower_ok:
        return True
    if entry.exact_case:  # acronyms: "UN", "US"; long ones also title-cased ("Nato", "Bric")
        return all(
            w.isupper() or not w.isalpha() or (len(w) >= 4 and w.istitle()) for w in words if w.isalnum()
        )
    for word, low in zip(words, tokens, strict=True):
        if low in {"the", "of", "and", "-", "'", "’", "da", "de", "du", "del", "la", "al", "el"}:
            continue
        return word[:1].isupper() or word[:1].isdigit()
    return True


def _leader_ids(entry: Entry, day: dt.date | None) -> tuple[str, ...]:
    """The countries an officeholder spoke for on the article's date (none if out of office)."""
    if day is None:
        return entry.ids
    return tuple(sorted({p.country for p in entry.leaders if p.in_office(day)}))


# Where a name can start: a capitalised word or digit, or a word that opens a description.
_STARTERS = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Bb]oth|[Hh]is|[Hh]er|[Tt]hat|[Tt]his|[Ee]ach|al|el|de|da|du|van|von|bin|ibn|sub)\b|\b[A-Z0-9]"
)
# "the Adriatic country", "the Central Asian nation": a description whose antecedent is the latest country.
_GENERIC_DESC = re.compile(
    r"[Tt]he\s+(?:[A-Z][\w-]+\s+){1,3}(?:country|nation|state|kingdom|republic|monarchy)\b"
    r"(?!\s+(?:of|Department|Council|Duma|Assembly|Secretary)\b)"
)
# "the former Serbian province", "its breakaway region": a state whose recognition is in question.
_GENERIC_NEW_STATE = re.compile(
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:two\s+)?(?:former|breakaway|separatist|rebel|"
    r"self-proclaimed|self-declared|secessionist|disputed)\s+(?:[A-Z][\w-]+\s+)?"
    r"(?:province|provinces|region|regions|territory|territories|republic|republics|enclave|"
    r"state|entity|entities)\b"
)
_GENERIC_STARTS = frozenset({"the", "its", "their"})
_WINDOW = 160  # characters of text tried from a start: longer than any name in the lexicon


def find_mentions(text: str, *, day: dt.date | None = None, lexicon: Lexicon | None = None) -> list[Mention]:
    """All mentions in ``text`` in order, non-overlapping, resolved to ids where the lexicon can.

    Only positions where a name can start are tried; the tokens after each are read lazily."""
    lex = lexicon or get_lexicon()
    first_words = lex.first_words
    out: list[Mention] = []
    done = 0
    for start_m in _starters(frozenset(lex.lower_starts)).finditer(text):
        pos = start_m.start()
        if pos < done:
            continue
        first = TOKEN.match(text, pos)
        low0 = first.group().lower() if first else ""
        generic = low0 in _GENERIC_STARTS
        if not generic and low0 not in first_words:
            continue  # most capitalised words start no name: one set lookup rejects them
        # the tokens of text[pos:pos + _WINDOW], as TOKEN.finditer would give them, read on demand
        limit = pos + _WINDOW
        spans: list[tuple[int, int, str]] = []
        lows: list[str] = []
        if first and first.end() <= limit:
            spans.append((pos, first.end(), first.group()))
            lows.append(low0)
        _read(text, spans, lows, pos, limit, 2)
        cands = _candidates(lex, lows, 0) if spans and spans[0][0] == pos else []
        hit = None
        if cands:  # one token more than the longest name: what follows a name decides some readings
            _read(text, spans, lows, pos, limit, len(cands[0][0]) + 1)  # buckets are longest first
            hit = _match_at(spans, lows, cands)
        if generic:
            mention = _generic(text, pos, spans[hit[0] - 1][1] if hit else None)
            if mention:
                out.append(mention)
                done = mention.end
                continue
        if hit is None:
            continue
        length, entry = hit
        start, end = spans[0][0], spans[length - 1][1]
        ids = _leader_ids(entry, day) if entry.kind is Kind.LEADER else entry.ids
        if entry.kind is not Kind.LEADER or ids:
            out.append(Mention(start, end, entry.kind, ids, text[start:end]))
        done = end
    return out


def _read(
    text: str, spans: list[tuple[int, int, str]], lows: list[str], pos: int, limit: int, count: int
) -> None:
    """Read tokens up to ``limit`` until there are ``count`` (fewer at the end of the window)."""
    at = spans[-1][1] if spans else pos
    while len(spans) < count:
        m = TOKEN.search(text, at, limit)
        if m is None:
            return
        at = m.end()
        spans.append((m.start(), at, m.group()))
        lows.append(m.group().lower())


def _generic(text: str, pos: int, hit_end: int | None) -> Mention | None:
    """ "the Adriatic country", "its breakaway region" at ``pos``, unless the name found there is longer."""
    for pattern, kind in ((_GENERIC_NEW_STATE, Kind.NEW_STATE), (_GENERIC_DESC, Kind.DESC)):
        generic = pattern.match(text, pos)
        if generic and (hit_end is None or hit_end < generic.end()):
            return Mention(pos, generic.end(), kind, (), generic.group())
    return None


@lru_cache(maxsize=4)
def _starters(lower: frozenset[str]) -> re.Pattern[str]:
    """Where a name can start, including the lower-case names of the catalog ("euro area")."""
    if not lower:
        return _STARTERS
    words = "|".join(sorted(re.escape(w) for w in lower))
    return re.compile(rf"{_STARTERS.pattern}|\b(?:{words})\b")


def _candidates(lex: Lexicon, lows: list[str], i: int) -> list[tuple[tuple[str, ...], Entry]]:
    two = lex.by_start.get((lows[i], lows[i + 1]), []) if i + 1 < len(lows) else []
    one = lex.by_start.get((lows[i], ""), [])
    if two and one:  # keep the longest-first order across both buckets
        return sorted(two + one, key=lambda pair: -len(pair[0]))
    return two or one


def _match_at(
    spans: list[tuple[int, int, str]], lows: list[str], cands: list[tuple[tuple[str, ...], Entry]]
) -> tuple[int, Entry] | None:
    i = 0
    for tokens, entry in cands:
        k = len(tokens)
        if tuple(lows[i : i + k]) != tokens or not _contiguous(spans, i, k):
            continue
        if not _case_ok(entry, [w for _, _, w in spans[i : i + k]], tokens):
            continue
        if (
            entry.kind in _CASE_FREE
            and i + k < len(spans)
            and (spans[i + k][2][:1].isupper() or lows[i + k] == "of")
        ):
            continue  # "the State Department", "the State of Palestine": the start of a longer name
        return k, entry
    return None


def _contiguous(spans: list[tuple[int, int, str]], i: int, k: int) -> bool:
    """A name never spans a line break or a wide gap (the tokens must be a single phrase)."""
    for j in range(i + 1, min(i + k, len(spans))):
        if spans[j][0] - spans[j - 1][1] > 2:
            return False
    return i + k <= len(spans)
