"""The extractor's name table, built once from the catalog (countries, agreements, leaders) plus
``seeds/regions.yaml`` (groups, seats of power, descriptions, non-state actors).

Names are stored as tuples of lower-cased tokens keyed by their first token, so matching is a
dictionary lookup per token rather than a scan of thousands of patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple

import yaml

from graph.catalog import SEEDS_DIR, Officeholder, load_agreements, load_countries, load_leaders
from graph.ingest.sentences import TOKEN


class Kind(StrEnum):
    COUNTRY = "country"  # a name, official name or short form
    DEMONYM = "demonym"  # "Azerbaijani": an actor only before a word like "government"
    SEAT = "seat"  # a capital or seat of power used for its government
    LEADER = "leader"  # an officeholder, mapped to a country for the article's date
    AGREEMENT = "agreement"
    GROUP = "group"  # a named group expanding to its members
    DESC = "desc"  # "the kingdom": the latest fitting country named before it
    PAIR = "pair"  # "the two countries": the latest two countries named
    NEW_STATE = "new_state"  # "the new state": the last state being recognised
    AGR_DESC = "agr_desc"  # "the accords": the latest agreement named
    BLOCK = "block"  # non-state actors and regions: never a country


@dataclass(frozen=True)
class Entry:  # noqa: D101 - one lexicon reading of a surface form
    kind: Kind
    ids: tuple[str, ...] = ()
    leaders: tuple[Officeholder, ...] = ()
    exact_case: bool = False
    lower_ok: bool = False  # the catalog writes it in lower case ("euro area")


_KEEP_ARTICLE = {Kind.DESC, Kind.PAIR, Kind.AGR_DESC, Kind.NEW_STATE}
CASE_FREE = frozenset(_KEEP_ARTICLE)  # descriptions match in any case ("The two countries")
# words whose case never decides whether a name is meant ("the Gambia": "Gambia" decides)
_CASE_BLIND = frozenset({"the", "of", "and", "-", "'", "’", "da", "de", "du", "del", "la", "al", "el"})
ANY_CASE, EXACT_CASE = -1, -2  # case rules besides "this word must be capitalised" (its index)
# A name as the mention finder tries it: (token count, tokens, entry, case rule, case-free kind).
Candidate = tuple[int, tuple[str, ...], Entry, int, bool]


class Names(NamedTuple):
    """The names to try at a place, by their tokens: at most one of each length can be spelled
    there, so the longest is found with one lookup per length (not a walk through all of them:
    "the two" starts some 350 names)."""

    lengths: tuple[int, ...]  # the names' token counts, longest first
    by_tokens: dict[tuple[str, ...], Candidate]


@dataclass
class Lexicon:
    # Names keyed by their first two tokens (one-token names by their token alone, under
    # (token, "")), so that a common word such as "the" costs one dictionary lookup.
    by_start: dict[tuple[str, str], list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # id -> display name
    contested: frozenset[str] = frozenset()  # states whose recognition is itself the news
    lower_starts: set[str] = field(default_factory=set)  # first words of lower-case names
    bilateral: dict[frozenset[str], str] = field(default_factory=dict)  # two parties -> their treaty
    # a group's qualifier ("nordic", "gulf arab") -> its members: "both Nordic countries" are two of them
    qualified: dict[str, frozenset[str]] = field(default_factory=dict)
    islands: tuple[str, ...] = ()  # what "the island", "the tiny Pacific island nation" can be
    # what users of the table derive from it once (the table does not change after load)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def first_words(self) -> frozenset[str]:
        """Every word a name can start with (computed once; the table does not change after load)."""
        cached: frozenset[str] | None = self.__dict__.get("_first_words")
        if cached is None:
            cached = frozenset(key[0] for key in self.by_start)
            self.__dict__["_first_words"] = cached
        return cached

    @property
    def by_first(self) -> dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]]:
        """``by_start`` as first token -> second token -> names (one hash per token, no tuple keys)."""
        cached: dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]] | None = self.__dict__.get(
            "_by_first"
        )
        if cached is None:
            cached = {}
            for (first, second), bucket in self.by_start.items():
                cached.setdefault(first, {})[second] = bucket
            self.__dict__["_by_first"] = cached
        return cached

    @property
    def starts(self) -> dict[str, dict[str, Names]]:
        """First token -> second token -> the names to try there (the one-token names included;
        under "" the one-token names alone), each with its case rule worked out."""
        cached: dict[str, dict[str, Names]] | None = self.__dict__.get("_starts")
        if cached is None:
            cached = {first: _merged(seconds) for first, seconds in self.by_first.items()}
            self.__dict__["_starts"] = cached
        return cached

    def add(self, surface: str, entry: Entry) -> None:
        surface = re.sub(r"\s*\([^)]*\)", "", surface).strip()
        inverted = re.fullmatch(r"([^,]+), ((?:[Tt]he )?[\w ]+ of(?: the)?)", surface)
        if inverted:  # ISO style "Palestine, State of" -> "State of Palestine"
            surface = f"{inverted[2]} {inverted[1]}"
        if surface.lower().startswith("the ") and entry.kind not in _KEEP_ARTICLE:
            surface = surface[4:]
        if not surface or ", " in surface:
            return
        tokens = tuple(t.lower() for t in TOKEN.findall(surface))
        if not tokens:
            return
        exact = entry.exact_case or (surface.isupper() and len(surface) <= 6)
        lower_ok = entry.kind is Kind.AGREEMENT and surface[0].islower()
        if exact != entry.exact_case or lower_ok:
            entry = Entry(entry.kind, entry.ids, entry.leaders, exact, lower_ok)
        if lower_ok:
            self.lower_starts.add(tokens[0])
        bucket = self.by_start.setdefault((tokens[0], tokens[1] if len(tokens) > 1 else ""), [])
        for i, (existing, old) in enumerate(bucket):
            if existing == tokens:
                # the more specific kind wins; a catalog alias in lower case ("eurozone") keeps its
                # name ("Eurozone") matching in lower case too
                lowered = entry.lower_ok and not old.lower_ok and entry.ids == old.ids
                if _rank(entry) > _rank(old) or lowered:
                    bucket[i] = (tokens, entry)
                return
        bucket.append((tokens, entry))
        bucket.sort(key=lambda pair: -len(pair[0]))


def _merged(seconds: dict[str, list[tuple[tuple[str, ...], Entry]]]) -> dict[str, Names]:
    one = seconds.get("", [])
    out = {"": _names(one)} if one else {}
    for second, two in seconds.items():
        if second:
            out[second] = _names(two + one)
    return out


def _names(pairs: list[tuple[tuple[str, ...], Entry]]) -> Names:
    by_tokens = {tokens: _candidate(tokens, entry) for tokens, entry in pairs}  # (tokens are unique)
    return Names(tuple(sorted({len(tokens) for tokens in by_tokens}, reverse=True)), by_tokens)


def _candidate(tokens: tuple[str, ...], entry: Entry) -> Candidate:
    return len(tokens), tokens, entry, _case_rule(tokens, entry), entry.kind in CASE_FREE


def _case_rule(tokens: tuple[str, ...], entry: Entry) -> int:
    """ANY_CASE, EXACT_CASE (acronyms) or the index of the word whose capital counts."""
    if entry.kind in CASE_FREE or entry.lower_ok:
        return ANY_CASE
    if entry.exact_case:
        return EXACT_CASE
    return next((j for j, low in enumerate(tokens) if low not in _CASE_BLIND), ANY_CASE)


def _rank(entry: Entry) -> int:
    """When one surface has two readings, the more specific kind wins."""
    order = [
        Kind.DEMONYM,
        Kind.SEAT,
        Kind.LEADER,
        Kind.DESC,
        Kind.AGR_DESC,
        Kind.NEW_STATE,
        Kind.PAIR,
        Kind.GROUP,
        Kind.AGREEMENT,
        Kind.COUNTRY,
        Kind.BLOCK,
    ]
    return order.index(entry.kind)


def _regions() -> dict[str, Any]:
    path = SEEDS_DIR / "regions.yaml"
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh) or {}
    return data


def _add_countries(lex: Lexicon) -> None:
    for c in load_countries():
        lex.names[c.id] = c.name
        for name in (c.name, c.official_name, *c.aliases):
            if name:
                lex.add(name, Entry(Kind.COUNTRY, (c.id,)))
        for name in c.demonyms:
            lex.add(name, Entry(Kind.DEMONYM, (c.id,)))
        for name in c.capitals:
            lex.add(name, Entry(Kind.SEAT, (c.id,)))


def _add_agreements(lex: Lexicon) -> None:
    for a in load_agreements():
        lex.names[a.id] = a.name
        for name in (a.name, *a.aliases):
            lex.add(name, Entry(Kind.AGREEMENT, (a.id,)))


def _add_leaders(lex: Lexicon) -> None:
    by_surface: dict[str, list[Officeholder]] = {}
    for person in load_leaders():
        for name in (person.name, *person.aliases):
            by_surface.setdefault(name, []).append(person)
    for name, people in by_surface.items():
        lex.add(name, Entry(Kind.LEADER, tuple(sorted({p.country for p in people})), tuple(people)))


_GROUP_NOUNS = ("countries", "states", "nations", "republics", "monarchies")


def _add_regions(lex: Lexicon, data: dict[str, Any]) -> None:
    for treaty, parties in (data.get("bilateral_treaties") or {}).items():
        lex.bilateral[frozenset(parties)] = treaty
    for group in (data.get("groups") or {}).values():
        for name in group["names"]:
            lex.add(name, Entry(Kind.GROUP, tuple(group["members"])))
            words = name.lower().split()
            if len(words) > 1 and words[-1] in _GROUP_NOUNS and words[0] != "the":
                lex.qualified[" ".join(words[:-1])] = frozenset(group["members"])
    for name in data.get("regions") or []:
        lex.add(name, Entry(Kind.BLOCK))
    for name in data.get("non_state") or []:
        lex.add(name, Entry(Kind.BLOCK))
    for country_id, names in (data.get("seats") or {}).items():
        for name in names:
            lex.add(name, Entry(Kind.SEAT, (country_id,)))
    lex.islands = tuple((data.get("descriptions") or {}).get("island", {}).get("kinds") or ())
    for desc in (data.get("descriptions") or {}).values():
        for name in desc["names"]:
            lex.add(name, Entry(Kind.DESC, tuple(desc.get("kinds") or ())))
    for name in data.get("pairs") or []:
        lex.add(name, Entry(Kind.PAIR))
    for qualifier in data.get("pair_qualifiers") or []:
        for noun in data.get("pair_nouns") or []:
            for lead in ("the two", "both", "both the"):
                lex.add(f"{lead} {qualifier} {noun}", Entry(Kind.PAIR))
        for noun in ("state", "country", "nation", "government", "monarchy"):  # "neither Gulf state"
            lex.add(f"neither {qualifier} {noun}", Entry(Kind.PAIR))
    for count in data.get("counts") or []:  # "the three neighbours", "all four": the countries just named
        for noun in data.get("pair_nouns") or []:
            for lead in ("the", "all", "all the", "those", "these"):
                lex.add(f"{lead} {count} {noun}", Entry(Kind.PAIR))
            for qualifier in data.get("count_qualifiers") or []:  # "the five coastal states"
                for lead in ("the", "all", "all the"):
                    lex.add(f"{lead} {count} {qualifier} {noun}", Entry(Kind.PAIR))
        for lead in ("all", "the"):  # bare: only before a verb (resolve._bare_count_ok)
            lex.add(f"{lead} {count}", Entry(Kind.PAIR))
    lex.contested = frozenset(data.get("contested") or ())
    for name in data.get("new_states") or []:
        lex.add(name, Entry(Kind.NEW_STATE))
    for name in data.get("agreement_descriptions") or []:
        lex.add(name, Entry(Kind.AGR_DESC))


def bilateral_treaties(left: Iterable[str], right: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(one, other, treaty) for each pair across the two sides that the catalog has a treaty for."""
    treaties = get_lexicon().bilateral
    for one in left:
        for other in right:
            treaty = treaties.get(frozenset((one, other)))
            if treaty:
                yield one, other, treaty


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The one lexicon, built on first use (catalog order is sorted, so the build is deterministic)."""
    lex = Lexicon()
    _add_regions(lex, _regions())
    _add_leaders(lex)
    _add_agreements(lex)
    _add_countries(lex)
    return lex
