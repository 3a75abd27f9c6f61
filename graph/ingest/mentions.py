"""Mention finding: every lexicon name in an article, longest match first, with offsets.

One pass over the tokens; at each token the names starting with it are tried longest first.
Case matters: names must be capitalised in the text and acronyms must match exactly, so
"us" and "china" (the porcelain) are never countries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Set
from dataclasses import dataclass

from graph.ingest.lexicon import (
    CASE_FREE,
    EXACT_CASE,
    Entry,
    Kind,
    Lexicon,
    Names,
    get_lexicon,
)
from graph.ingest.sentences import TOKEN


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: Kind
    ids: tuple[str, ...]
    surface: str


def _exact_ok(spans: list[tuple[int, int, str]], k: int) -> bool:
    """Acronyms ("UN", "US") match in capitals only; long ones also title-cased ("Nato", "Bric")."""
    words = [w for _, _, w in spans[:k]]
    return all(w.isupper() or not w.isalpha() or (len(w) >= 4 and w.istitle()) for w in words if w.isalnum())


def _leader_ids(entry: Entry, day: dt.date | None) -> tuple[str, ...]:
    """The countries an officeholder spoke for on the article's date (none if out of office)."""
    if day is None:
        return entry.ids
    return tuple(sorted({p.country for p in entry.leaders if p.in_office(day)}))


# Lower-case words where a name can start (besides the catalog's lower-case names, "euro area");
# a capitalised word or a digit can always start one.
_LOWER_STARTERS = frozenset(
    {"the", "its", "their", "both", "his", "her", "that", "this", "those", "these", "each", "all", "neither"}
    | {"al", "el", "de", "da", "du", "van", "von", "bin", "ibn", "sub"}
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
# "the three junta-led states": as many countries as were just named, whatever the modifiers (a
# regional one, "the five Central Asian states", is capitalised and names the region's members)
_GENERIC_COUNT = re.compile(
    r"[Tt]he\s+(?:three|four|five|six)\s+(?:[a-z][\w-]*\s+){1,2}"
    r"(?:states|countries|nations|governments|neighbou?rs|republics|monarchies|allies)\b"
)
# "the tiny island nation", "the hurricane-hit Caribbean island": one of the island states
_GENERIC_ISLAND = re.compile(
    r"[Tt]he\s+(?:[\w-]+\s+){1,2}island(?:\s+(?:nation|state|country|republic|kingdom))?\b(?!\s+of\b)"
)
_GENERIC = re.compile(
    f"{_GENERIC_NEW_STATE.pattern}|{_GENERIC_DESC.pattern}|{_GENERIC_COUNT.pattern}|{_GENERIC_ISLAND.pattern}"
)
_GENERIC_STARTS = frozenset({"the", "its", "their"})
_WINDOW = 160  # characters of text tried from a start: longer than any name in the lexicon


def find_mentions(text: str, *, day: dt.date | None = None, lexicon: Lexicon | None = None) -> list[Mention]:
    """All mentions in ``text`` in order, non-overlapping, resolved to ids where the lexicon can.

    Only positions where a name can start are tried: one scan finds them with the token there and
    the next one, and most are rejected by two dictionary look-ups; the rest read more tokens lazily."""
    lex = lexicon or get_lexicon()
    starts = lex.starts
    out: list[Mention] = []
    done = 0
    for m in _scan(text, lex):
        pos = m.start(1)
        if pos < done:
            continue
        word = m.group(1)
        low0 = word.lower()
        table = starts.get(low0)
        generic = low0 in _GENERIC_STARTS
        if table is None and not generic:
            continue  # most capitalised words start no name: one dictionary lookup rejects them
        after = m.group(2)
        limit = pos + _WINDOW
        if (m.end(2) if after is not None else m.end(1)) > limit:  # the window cuts a token: read it cut
            spans, lows = _first_two(text, pos, limit, TOKEN.match(text, pos))
            table = starts.get(lows[0])
            maybe_generic = generic
        else:
            spans, lows = [(pos, m.end(1), word)], [low0]
            if after is not None:
                spans.append((m.start(2), m.end(2), after))
                lows.append(after.lower())
            maybe_generic = generic and _may_be_generic(spans)
        cands = _candidates(table, lows) if table is not None else None
        if not cands and not maybe_generic:
            continue
        hit = _lookup(text, spans, lows, pos, limit, cands)
        if generic:
            mention = _generic(text, pos, spans[hit[0] - 1][1] if hit else None)
            if mention and not _name_inside(text, spans, mention.end, starts):
                out.append(mention)
                done = mention.end
                continue
        if hit is None:
            continue
        length, entry = hit
        start, end = spans[0][0], spans[length - 1][1]
        if entry.kind in CASE_FREE and _name_inside(text, spans, end, starts):
            continue  # "the Treaty on Open Skies": the name after the article, not "the treaty"
        ids = _leader_ids(entry, day) if entry.kind is Kind.LEADER else entry.ids
        if entry.kind is not Kind.LEADER or ids:
            out.append(Mention(start, end, entry.kind, ids, text[start:end]))
        done = end
    return out


Spans = list[tuple[int, int, str]]
Table = dict[str, Names]
_NEXT = re.compile(rf"\s*({TOKEN.pattern})")  # the next token: what TOKEN.search finds from here


def _scan(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """Where a name can start, each match holding that token (group 1) and the next (group 2)."""
    scanners = lex.memo.get("mentions._scanners")
    if scanners is None:
        scanners = lex.memo["mentions._scanners"] = _scanners(lex.lower_starts, lex.starts.keys())
    at_start, inside = scanners
    first = at_start.match(text)
    if first:
        yield first
    yield from inside.finditer(text)


def _scanners(lower: Set[str], known: Set[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns for a name's start at the text's start and after a non-word character. The
    latter begins with that character's class, which lets ``re`` skip to it instead of trying the
    pattern at every position; the tokens are read by lookahead, so that every start is seen (the
    "S" of "U.S." too). Lower-case starters that begin no name (and no description) are left out."""
    words = sorted(w for w in {*_LOWER_STARTERS, *lower} if w in known or w in _GENERIC_STARTS)
    by_letter: dict[str, list[str]] = {}
    for w in words:
        by_letter.setdefault(w[0], []).append(re.escape(w[1:]))
    lows = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in by_letter.items())
    # a capitalised word or number as TOKEN reads it ("U.S." is one token), or a lower-case starter
    first = r"[A-Z0-9](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|\w*)" + (rf"|(?:{lows})(?!\w)" if lows else "")
    body = rf"(?=({first})(?:\s*({TOKEN.pattern}))?)"
    return re.compile(body), re.compile(rf"\W{body}")


# What can follow "the"/"its"/"their" in a generic description (_GENERIC): a capitalised word
# or one of these; the cheap test spares most "the"s the full match.
_GENERIC_SECOND = frozenset(
    {"two", "former", "breakaway", "separatist", "rebel", "self", "secessionist", "disputed"}
    | {"small", "tiny", "landlocked", "impoverished", "oil", "mountainous", "neighbouring"}
    | {"three", "four", "five", "six", "remote", "poor", "low", "hurricane"}
)


def _may_be_generic(spans: Spans) -> bool:
    if len(spans) < 2:
        return False
    word = spans[1][2]
    return "A" <= word[:1] <= "Z" or word in _GENERIC_SECOND


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
    text: str, spans: Spans, lows: list[str], pos: int, limit: int, cands: Names | None
) -> tuple[int, Entry] | None:
    """The longest of ``cands`` (names starting with the token at ``pos``) spelled there."""
    if not cands:
        return None
    need = cands.lengths[0] + 1  # one token more than the longest name:
    if len(spans) < need:  # what follows a name decides some readings
        _read(text, spans, lows, pos, limit, need)
    return _match_at(spans, lows, cands)


def _name_inside(text: str, spans: Spans, end: int, starts: dict[str, Table]) -> bool:
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
    table = starts.get(lows[0]) if tail and tail[0][0] == pos else None
    hit = _lookup(text, tail, lows, pos, limit, _candidates(table, lows) if table is not None else None)
    return (
        hit is not None
        and hit[1].kind not in CASE_FREE
        and hit[1].kind is not Kind.GROUP
        and tail[hit[0] - 1][1] >= end
    )


def _generic(text: str, pos: int, hit_end: int | None) -> Mention | None:
    """ "the Adriatic country", "its breakaway region" at ``pos``, unless the name found there is longer."""
    if not _GENERIC.match(text, pos):
        return None  # neither kind starts here (most "the"s): one match instead of two
    kinds = ((_GENERIC_NEW_STATE, Kind.NEW_STATE), (_GENERIC_DESC, Kind.DESC), (_GENERIC_COUNT, Kind.PAIR))
    for pattern, kind in kinds:
        generic = pattern.match(text, pos)
        if generic and (hit_end is None or hit_end < generic.end()):
            return Mention(pos, generic.end(), kind, (), generic.group())
    island = _GENERIC_ISLAND.match(text, pos)
    if island and (hit_end is None or hit_end < island.end()):
        return Mention(pos, island.end(), Kind.DESC, get_lexicon().islands, island.group())
    return None


def _candidates(table: Table, lows: list[str]) -> Names | None:
    """The names that start with the first token (``table``) and fit the second."""
    return (table.get(lows[1]) if len(lows) > 1 else None) or table.get("")


def _match_at(spans: Spans, lows: list[str], cands: Names) -> tuple[int, Entry] | None:
    """The longest candidate name that the tokens at ``spans[0]`` spell, with the right case."""
    n = len(spans)
    for k in cands.lengths:
        if k > n:
            continue
        cand = cands.by_tokens.get(tuple(lows[:k]))
        if cand is None or (k > 1 and not _contiguous(spans, 0, k)):
            continue
        _, _, entry, rule, free = cand
        if rule >= 0:
            first = spans[rule][2][:1]
            if not (first.isupper() or first.isdigit()):
                continue
        elif rule == EXACT_CASE and not _exact_ok(spans, k):
            continue
        if free and k < n and (spans[k][2][:1].isupper() or lows[k] == "of"):
            continue  # "the State Department", "the State of Palestine": the start of a longer name
        return k, entry
    return None


def _contiguous(spans: list[tuple[int, int, str]], i: int, k: int) -> bool:
    """A name never spans a line break or a wide gap (the tokens must be a single phrase)."""
    for j in range(i + 1, min(i + k, len(spans))):
        if spans[j][0] - spans[j - 1][1] > 2:
            return False
    return i + k <= len(spans)


# "the Strasbourg-based body", "the 35-member hemispheric body", "the East African bloc": an
# organisation described with modifiers, read like "the bloc" (resolve picks which one is meant;
# not before "of" or a possessive: "the continental body's predecessor" is another body).
# Heads that also name other things ("the militant group", "the international community") are
# left out, and so are modifiers that make the head something else than an inter-state body.
# the head nouns: one list for the pattern and for the scan that finds where to try it
_HEADS = ("body", "bloc", "alliance", "organisation", "organization", "grouping", "pact", "club", "league")
_DESCRIBED_AGREEMENT = re.compile(
    r"\b[Tt]he\s+((?:(?!(?i:of|the|a|an|and|or|to|in|on|for|with|by|its|their|from|at|as|that|which|who|"
    r"whose|is|are|was|were|has|have|had|international|militant|armed|rebel|terrorist|political|"
    r"opposition|governing|advocacy|human|rights|research|aid|charity|humanitarian|student|criminal|"
    r"extremist|jihadist|islamist|business|lobby|industry|football|sports|same|other|new|first|last|"
    r"two|three|four|five|six|both|whole|entire|executive|ruling)\s)[\w’'-]+\s+){1,3})"
    rf"(?:{'|'.join(_HEADS)})\b(?!\s+of\b|-|['’])"
)
# Looking for descriptions only near their head nouns: scanning the whole text for "the" costs
# more than all the rest (re tests each character against a class), finding a word does not.
_THE = re.compile(r"[Tt](?<!\w[Tt])he")  # where the full pattern can start (its "\b[Tt]he")
# a head noun at most three words after that "the" (the full pattern tries its ~70 excluded
# words, case-insensitively so one by one, at every word after every "the")
_HEAD_AHEAD = re.compile(rf"[Tt]he\s+(?:\S++\s+){{1,3}}(?:{'|'.join(_HEADS)})\b")
_REACH = 200  # characters before a head noun searched for its "the" (if they hold five words)
# kinds of mention that may stand inside the modifiers: a region's or a demonym's adjective, or a
# name in a compound ("the Washington-based body", "the Soviet-led alliance")
_MODIFIER_KINDS = (Kind.DEMONYM, Kind.GROUP, Kind.BLOCK)


def described_agreements(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each "the <modifiers> bloc" added as an agreement description; a mention
    inside the modifiers gives way to it, unless it names an agreement or a country on its own."""
    found = _described_matches(text)
    if not found:
        return mentions
    out = list(mentions)
    for match in found:
        start, end = match.span()
        inside = [m for m in out if m.start < end and m.end > start]
        named = next((m for m in out if m.start >= end), None)
        if named and named.kind is Kind.AGREEMENT and not text[end : named.start].strip():
            continue  # "the regional bloc IGAD": the name follows
        if any(
            m.start < start
            or m.end > end
            or not (m.kind in _MODIFIER_KINDS or text.startswith("-", m.end))
            for m in inside
        ):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, Kind.AGR_DESC, (), match.group()))
    out.sort(key=lambda m: m.start)
    return out


def _described_matches(text: str) -> list[re.Match[str]]:
    """What ``_DESCRIBED_AGREEMENT.finditer`` finds, trying it only at the "the"s within four words
    before a head noun (each window starts where the last one ended, so every "the" is tried once,
    in order)."""
    found: list[re.Match[str]] = []
    end = scanned = 0
    for head in _head_starts(text):
        lo = max(scanned, head - _REACH)
        if lo > scanned and len(text[lo:head].split()) < 5:
            lo = scanned  # long words: the "the" may be further back
        for the in _THE.finditer(text, lo, head):
            at = the.start()
            if at < end or not _HEAD_AHEAD.match(text, at):
                continue
            match = _DESCRIBED_AGREEMENT.match(text, at)
            if match:
                found.append(match)
                end = match.end()
        scanned = head
    return found


def _head_starts(text: str) -> list[int]:
    """Where a head noun of a description can start (after white space), in order."""
    found = []
    for word in _HEADS:
        at = text.find(word)
        while at >= 0:
            if at and text[at - 1].isspace():
                found.append(at)
            at = text.find(word, at + len(word))
    return sorted(found)


def later_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the bare surname of each officeholder named in full before ("President
    Serzh Sargsyan ... Sargsyan and Aliyev met"; "Kim Jong-un ... Kim"): news names a person in full
    once, then by surname. A surname shared by two countries' officeholders, or that names
    something itself, is left alone."""
    owners: dict[str, tuple[str, ...]] = {}
    first_at: dict[str, int] = {}
    for m in mentions:
        if m.kind is not Kind.LEADER or not m.ids:
            continue
        words = m.surface.split()
        if len(words) < 2:
            continue
        # Korean names put the family name first ("Kim Jong-un", "Kim Jong Un")
        korean = "-" in words[-1] or (len(words) == 3 and len(words[-1]) <= 3)
        surname = words[0] if korean else words[-1]
        if owners.setdefault(surname, m.ids) != m.ids:
            owners[surname] = ()  # two countries' officeholders: ambiguous
        first_at.setdefault(surname, m.end)
    found: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    lex = get_lexicon()
    for surname, ids in owners.items():
        if not ids or lex.starts.get(surname.lower(), {}).get(""):  # ("Jordan" is a country too)
            continue
        rest = text[first_at[surname] :]
        if surname not in rest:
            continue
        for hit in _surname_pattern(surname).finditer(rest):
            start, end = hit.start() + first_at[surname], hit.end() + first_at[surname]
            if not any(a < end and start < b for a, b in taken):
                found.append(Mention(start, end, Kind.LEADER, ids, surname))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _surname_pattern(surname: str) -> re.Pattern[str]:
    """A bare surname (whole word, not before another capitalised word), the name first: re skips
    to a pattern's leading literal but tries one that starts with a word boundary at every
    position, so the boundary before the name is a lookbehind over it."""
    name = re.escape(surname)
    boundary = rf"(?<!\w{name})" if re.match(r"\w", surname) else rf"(?<=\w{name})"
    return re.compile(rf"{name}{boundary}\b(?![\s-]+[A-Z])")
