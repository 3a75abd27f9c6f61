"""Mention finding: every lexicon name in an article, longest match first, with offsets.

One pass over the tokens; at each token the names starting with it are tried longest first.
Case matters: names must be capitalised in the text and acronyms must match exactly, so
"us" and "china" (the porcelain) are never countries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

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


_CASE_BLIND = frozenset({"the", "of", "and", "-", "'", "’", "da", "de", "du", "del", "la", "al", "el"})


def _case_ok(entry: Entry, spans: list[tuple[int, int, str]], tokens: tuple[str, ...]) -> bool:
    """Whether the words ``spans[:len(tokens)]`` have the case the entry needs."""
    if entry.kind in _CASE_FREE or entry.lower_ok:
        return True
    if entry.exact_case:  # acronyms: "UN", "US"; long ones also title-cased ("Nato", "Bric")
        words = [w for _, _, w in spans[: len(tokens)]]
        return all(
            w.isupper() or not w.isalpha() or (len(w) >= 4 and w.istitle()) for w in words if w.isalnum()
        )
    at = _deciding_word(tokens)
    if at < 0:
        return True
    word = spans[at][2]
    return word[:1].isupper() or word[:1].isdigit()


@cache
def _deciding_word(tokens: tuple[str, ...]) -> int:
    """The first word of a name whose capital counts ("the Gambia": "Gambia"), or -1."""
    return next((j for j, low in enumerate(tokens) if low not in _CASE_BLIND), -1)


def _leader_ids(entry: Entry, day: dt.date | None) -> tuple[str, ...]:
    """The countries an officeholder spoke for on the article's date (none if out of office)."""
    if day is None:
        return entry.ids
    return tuple(sorted({p.country for p in entry.leaders if p.in_office(day)}))


# Where a name can start: a capitalised word or digit, or a word that opens a description.
_STARTERS = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Bb]oth|[Hh]is|[Hh]er|[Tt]hat|[Tt]his|[Tt]hose|[Tt]hese|[Ee]ach|all|al|el|de|da|du|"
    r"van|von|bin|ibn|sub)\b|\b[A-Z0-9]"
)
# "the Adriatic country", "the Central Asian nation": a description whose antecedent is the latest country.
_GENERIC_DESC = re.compile(
    r"[Tt]he\s+(?:(?:small|tiny|landlocked|former|impoverished|oil-rich|mountainous|neighbouring)\s+)?"
    r"(?:[A-Z][\w-]+\s+){1,3}(?:country|nation|state|kingdom|republic|monarchy)\b"
    r"(?!\s+(?:of|Department|Council|Duma|Assembly|Secretary)\b)"
)
# "the former Serbian province", "its breakaway region": a state whose recognition is in question.
_GENERIC_NEW_STATE = re.compile(
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:two\s+)?(?:former|breakaway|separatist|rebel|"
    r"self-proclaimed|self-declared|secessionist|disputed)\s+(?:[A-Z][\w-]+\s+)?"
    r"(?:province|provinces|region|regions|territory|territories|republic|republics|enclave|"
    r"state|entity|entities)\b(?!\s+of\s)"  # "the breakaway regions of Abkhazia and ...": the names follow
)
_GENERIC = re.compile(f"{_GENERIC_NEW_STATE.pattern}|{_GENERIC_DESC.pattern}")
_GENERIC_STARTS = frozenset({"the", "its", "their"})
_WINDOW = 160  # characters of text tried from a start: longer than any name in the lexicon


def find_mentions(text: str, *, day: dt.date | None = None, lexicon: Lexicon | None = None) -> list[Mention]:
    """All mentions in ``text`` in order, non-overlapping, resolved to ids where the lexicon can.

    Only positions where a name can start are tried; the tokens after each are read lazily."""
    lex = lexicon or get_lexicon()
    by_first = lex.by_first
    out: list[Mention] = []
    done = 0
    for start_m in _starters(frozenset(lex.lower_starts)).finditer(text):
        pos = start_m.start()
        if pos < done:
            continue
        first = TOKEN.match(text, pos)
        low0 = first.group().lower() if first else ""
        generic = low0 in _GENERIC_STARTS
        if not generic and low0 not in by_first:
            continue  # most capitalised words start no name: one dictionary lookup rejects them
        # the tokens of text[pos:pos + _WINDOW], as TOKEN.finditer would give them, read on demand
        limit = pos + _WINDOW
        spans, lows = _first_two(text, pos, limit, first)
        table = by_first.get(lows[0]) if spans and spans[0][0] == pos else None
        hit = _lookup(text, spans, lows, pos, limit, table)
        if generic:
            mention = _generic(text, pos, spans[hit[0] - 1][1] if hit else None)
            if mention and not _name_inside(text, spans, mention.end, by_first):
                out.append(mention)
                done = mention.end
                continue
        if hit is None:
            continue
        length, entry = hit
        start, end = spans[0][0], spans[length - 1][1]
        if entry.kind in _CASE_FREE and _name_inside(text, spans, end, by_first):
            continue  # "the Treaty on Open Skies": the name after the article, not "the treaty"
        ids = _leader_ids(entry, day) if entry.kind is Kind.LEADER else entry.ids
        if entry.kind is not Kind.LEADER or ids:
            out.append(Mention(start, end, entry.kind, ids, text[start:end]))
        done = end
    return out


Spans = list[tuple[int, int, str]]
_NEXT = re.compile(rf"\s*({TOKEN.pattern})")  # the next token: what TOKEN.search finds from here


def _first_two(text: str, pos: int, limit: int, first: re.Match[str] | None) -> tuple[Spans, list[str]]:
    """The first two tokens of ``text[pos:limit]`` (``first``: the token at ``pos``, unbounded)."""
    if first is None or first.end() > limit:  # a token longer than the window: read it cut
        spans: Spans = []
        lows: list[str] = []
        _read(text, spans, lows, pos, limit, 2)
        return spans, lows
    word = first.group()
    spans, lows = [(pos, first.end(), word)], [word.lower()]
    after = _NEXT.match(text, first.end(), limit)
    if after:
        spans.append((after.start(1), after.end(1), after.group(1)))
        lows.append(after.group(1).lower())
    return spans, lows


def _read(text: str, spans: Spans, lows: list[str], pos: int, limit: int, count: int) -> None:
    """Read tokens up to ``limit`` until there are ``count`` (fewer at the end of the window)."""
    at = spans[-1][1] if spans else pos
    while len(spans) < count:
        m = TOKEN.search(text, at, limit)
        if m is None:
            return
        at = m.end()
        spans.append((m.start(), at, m.group()))
        lows.append(m.group().lower())


def _lookup(
    text: str,
    spans: Spans,
    lows: list[str],
    pos: int,
    limit: int,
    table: dict[str, list[tuple[tuple[str, ...], Entry]]] | None,
) -> tuple[int, Entry] | None:
    """The longest name of ``table`` (the names starting with the token at ``pos``) spelled there."""
    cands = _candidates(table, lows) if table else []
    if not cands:
        return None
    need = len(cands[0][0]) + 1  # one token more than the longest name (buckets are longest first):
    if len(spans) < need:  # what follows a name decides some readings
        _read(text, spans, lows, pos, limit, need)
    return _match_at(spans, lows, cands)


def _name_inside(text: str, spans: Spans, end: int, by_first: dict[str, Any]) -> bool:
    """Whether a name starts at the word after the article and reaches at least ``end`` ("the
    Turkish Cypriot state", "the Treaty on Conventional Armed Forces in Europe")."""
    if len(spans) < 2:
        return False
    pos = spans[1][0]
    limit = pos + _WINDOW
    first = TOKEN.match(text, pos)
    if first is None:
        return False
    tail, lows = _first_two(text, pos, limit, first)
    hit = _lookup(text, tail, lows, pos, limit, by_first.get(lows[0]))
    return hit is not None and hit[1].kind not in _CASE_FREE | {Kind.GROUP} and tail[hit[0] - 1][1] >= end


def _generic(text: str, pos: int, hit_end: int | None) -> Mention | None:
    """ "the Adriatic country", "its breakaway region" at ``pos``, unless the name found there is longer."""
    if not _GENERIC.match(text, pos):
        return None  # neither kind starts here (most "the"s): one match instead of two
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


def _candidates(
    table: dict[str, list[tuple[tuple[str, ...], Entry]]], lows: list[str]
) -> list[tuple[tuple[str, ...], Entry]]:
    """The names that start with the first token (``table``) and fit the second, longest first."""
    two = table.get(lows[1], []) if len(lows) > 1 else []
    one = table.get("", [])
    if two and one:  # keep the longest-first order across both buckets
        return sorted(two + one, key=lambda pair: -len(pair[0]))
    return two or one


def _match_at(
    spans: list[tuple[int, int, str]], lows: list[str], cands: list[tuple[tuple[str, ...], Entry]]
) -> tuple[int, Entry] | None:
    """The longest candidate name that the tokens at ``spans[0]`` spell, with the right case."""
    n = len(spans)
    for tokens, entry in cands:
        k = len(tokens)
        if k > n:
            continue
        if k == 1:
            if lows[0] != tokens[0]:
                continue
        elif tuple(lows[:k]) != tokens or not _contiguous(spans, 0, k):
            continue
        if not _case_ok(entry, spans, tokens):
            continue
        if entry.kind in _CASE_FREE and k < n and (spans[k][2][:1].isupper() or lows[k] == "of"):
            continue  # "the State Department", "the State of Palestine": the start of a longer name
        return k, entry
    return None


def _contiguous(spans: list[tuple[int, int, str]], i: int, k: int) -> bool:
    """A name never spans a line break or a wide gap (the tokens must be a single phrase)."""
    for j in range(i + 1, min(i + k, len(spans))):
        if spans[j][0] - spans[j - 1][1] > 2:
            return False
    return i + k <= len(spans)
