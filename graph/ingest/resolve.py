"""Resolution: mentions become actors (countries or agreements that can take part in a relation).

Descriptions ("the kingdom"), pairs ("the two countries") and agreement back-references
("the accords") take the latest fitting antecedent; demonyms, possessives and leaders count
only where they stand for a government ("Azerbaijani officials", "Trump's administration");
places after "in"/"at" are venues, and "US-mediated" marks a mediator.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from graph.catalog import load_agreements
from graph.ingest.fastre import scanner
from graph.ingest.lexicon import Kind, get_lexicon
from graph.ingest.mentions import Mention

T = TypeVar("T")

_AND_DEMONYM = re.compile(r"\s+and\s+(?:[A-Z][\w-]+\s+){1,2}(?=\w)")
GOV_HEAD = re.compile(
    r"\s*(?:new\s+|current\s+|then\s+|former\s+|top\s+|senior\s+|chief\s+|deputy\s+|acting\s+|own\s+|"
    r"interim\s+|outgoing\s+|incoming\s+|newly\s+\w+\s+|nationalist\s+|left-wing\s+|right-wing\s+)*"
    r"(?:president|prime\s+minister|premier|foreign\s+minister|foreign\s+secretary|secretary\s+of\s+state|"
    r"minister|ministry|foreign\s+ministry|foreign\s+office|government|administration|officials?|"
    r"authorities|leaders?|leadership|king|emir|crown\s+prince|sultan|monarch|chancellor|delegations?|"
    r"envoys?|negotiators?|diplomats|counterparts?|cabinet|state\s+department|team|regime|"
    r"head\s+of\s+state|ministers|side|state\s+news\s+agency|foreign\s+affairs|parliament|lawmakers|"
    r"legislature|legislators|senate|congress|house\s+of\s+commons|national\s+assembly)\b",
    re.I,
)
RECOGNITION_HEAD = re.compile(
    r"\s*(?:official\s+|formal\s+|de\s+facto\s+|diplomatic\s+|full\s+|continued\s+|latest\s+|own\s+|"
    r"eventual\s+|planned\s+|historic\s+|strategic\s+|long-term\s+|stated\s+|declared\s+|ultimate\s+)*"
    r"(?:recognition|withdrawal|accession|membership|switch|refusal|decision|move|exit|entry|bid|application|"
    r"expulsion|suspension|departure|readmission|re-admission|goal|aim|ambition|aspirations?|objective)\b",
    re.I,
)
_POSSESSIVE = re.compile(r"^['’]s?\b|^['’](?=\s)")
_APOSTROPHES = ("'", "’")  # what _POSSESSIVE starts with (a cheap test before it)
_VENUE = scanner(  # ("the alliance took in Poland": admitted it, not a place)
    r"(?:(?<!took\s)(?<!take\s)(?<!takes\s)(?<!taken\s)(?<!taking\s)"
    r"\b(?:in|at|near|inside|outside|across|throughout)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|"
    r"central|nearby|neighbouring|neighboring)\s+)?|"
    r"\b(?:in|at|near|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:capital|city|town|port|resort|island)\s*,?\s+(?:of\s+)?|"
    r"\b(?:visit(?:ed|ing|s)?|travel(?:l?ed|l?ing|s)?|trip|arrived|flew|headed|went|came)\s+(?:to|in)\s+"
    r"(?:the\s+)?)$",
    re.I,
)
_VENUE_KEEP = scanner(
    r"\b(?:every|all|each|other|the|remaining|some)\s+(?:countr\w+|nations?|states?)\s+in\s+$", re.I
)
_MEDIATOR_AFTER = re.compile(
    r"^\s*-\s*(?:mediated|brokered|hosted|sponsored|facilitated|led)\b|"
    r"^\s*,?\s*(?:acting|serving)\s+as\s+(?:a\s+|the\s+)?(?:mediator|host|broker|facilitator|go-between)\b|"
    r"^\s*,\s*(?:which|who)\s+(?:mediated|hosted|brokered|facilitated|offered\s+to\s+mediate)\b",
    re.I,
)
# the characters _MEDIATOR_AFTER can find first after the spaces ("ſ" is an "s" to re.IGNORECASE)
_MEDIATOR_AFTER_FIRST = frozenset("-,aAsS\u017f")
_MEDIATOR_BEFORE = scanner(
    r"\b(?:mediat\w+|brokered|hosted|facilitated|sponsored|chaired|help|assistance|auspices|host|hosts|"
    r"mediator|facilitator|broker|custodian|depositary|guardian)\s+(?:by|of|from)?\s*(?:the\s+)?$",
    re.I,
)


def _reversed_words(words: str) -> str:
    return "|".join(w[::-1] for w in words.split())


# How the text before a mention must end for _VENUE / _MEDIATOR_BEFORE to match there, read
# backwards from the mention (an anchored match on the reversed text): a cheap test that rules
# out most mentions before the full searches run. Each is the full pattern read backwards with
# its word boundaries and lookbehinds left out, so it accepts every text the full pattern accepts
# (tests/unit/test_fast_matching.py checks this on generated text); reading the word before "the",
# "of" or "to" too spares the full search most of those common words.
_VENUE_TAIL = re.compile(
    r"\s+(?:(?:"
    + _reversed_words("southern northern eastern western central nearby neighbouring neighboring")
    + r")\s+)?(?:eht\s+)?(?:"
    + _reversed_words("in at near inside outside across throughout")
    + r")"
    + r"|(?:\s+fo)?\s+,?\s*(?:"
    + _reversed_words("capital city town port resort island")
    + r")"
    + r"|\s+(?:eht\s+)?(?:ot|ni)\s+(?:(?:de|gni|s)?tisiv|(?:del?|gnil?|s)?levart|"
    + _reversed_words("trip arrived flew headed went came")
    + r")",
    re.I,
)
_MEDIATOR_TAIL = re.compile(
    r"(?:\s+eht)?\s*(?:yb|fo|morf)?\s+(?:\w+taidem|"
    + _reversed_words(
        "brokered hosted facilitated sponsored chaired help assistance auspices host hosts mediator "
        "facilitator broker custodian depositary guardian"
    )
    + ")",
    re.I,
)
_PARLIAMENT = re.compile(
    r"\s*(?:\w+\s+)?(?:parliament|lawmakers|legislature|legislators|senate|congress|"
    r"house\s+of\s+commons|national\s+assembly)\b",
    re.I,
)
# "ARGYLE, St Vincent and the Grenadines (Reuters) —": the place of writing, not an actor
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[^—–(\n]{1,60}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:—|–|--?)\s"
)
_MEDIA_NOUN = re.compile(
    r"\s+(?:report|reports|magazine|newspaper|daily|journal|channel|network|radio|tv|"
    r"television|website|outlet|correspondent|bureau)\b"
)
# Nouns an agreement's name modifies when the text is about something of it, not about it:
# "EU officials", "a United Nations reunification plan", "NATO troops" name no antecedent for
# "the bloc" or for "hopes to join" ("EU membership", "NATO members" still name the antecedent
# of "is not a member").
_MODIFIER_NOUN = re.compile(
    r"\s+(?:(?:[a-z]+\s+)?plan|plans|laws?|rules|regulations|officials?|envoys?|ambassadors?|chief|"
    r"spokes(?:man|woman|person)|diplomats?|resolutions?|sanctions|troops|peacekeep\w*|missions?|"
    r"reports?|data|standards|funds|funding|aid|presidency|observers|monitors|mediators?|mediation|"
    r"inspectors|investigators|experts|headquarters|agenc(?:y|ies)|programmes?|programs?|"
    r"conventions?|forces?|budget|statistics|commissioner|secretary|deadline)\b"
)
# "a bloc loosely modelled on the European Union": named for comparison, it is not what follows
# is about either
_COMPARED = re.compile(
    r"\b(?:modell?ed\s+(?:on|after)|patterned\s+(?:on|after)|inspired\s+by|similar\s+to|like|unlike|"
    r"akin\s+to)\s+(?:the\s+)?$"
)
_APPOSITION = re.compile(r"\s*(?:,|\(|—|–|--?)\s*")
_GROUP_NOUNS = ("nations", "countries", "states", "republics", "monarchies", "members")


@dataclass(slots=True)
class Actor:
    start: int
    end: int
    ids: tuple[str, ...]
    agreement: bool = False
    possessive: bool = False
    gov: bool = False  # possessive or demonym followed by a word for a government
    nominal: bool = False  # possessive followed by "recognition", "withdrawal", ...
    venue: bool = False
    mediator: bool = False
    weak: bool = False  # demonym not standing for a government
    parliament: bool = False  # a legislature: its votes are calls, not acts of the state
    state_noun: bool = False  # demonym + "state" ("a Palestinian state")
    modifier: bool = False  # an agreement named as a modifier ("EU officials", "the UN plan")
    tail: str = ""
    kind: Kind = Kind.COUNTRY


@dataclass
class Group:
    start: int
    end: int
    members: list[Actor] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return list(dict.fromkeys(i for m in self.members for i in m.ids))


# "Palestinian recognition", "a Palestinian application for UN membership": the state's own act
_DEMONYM_NOUN = re.compile(
    r"(?:['’]s?)?\s+(?:(?:full|formal|new|renewed|latest)\s+)*(?:recognition|bid|application|request|candidacy)\b"
)


def _flags(actor: Actor, text: str, kind: Kind) -> Actor:
    after = text[actor.end : actor.end + 60]
    before = text[max(0, actor.start - 40) : actor.start]
    actor.tail = after
    poss = _POSSESSIVE.match(after) if after[:1] in _APOSTROPHES else None
    if poss:
        actor.possessive = True
        rest = after[poss.end() :]
        actor.gov = bool(GOV_HEAD.match(rest))
        actor.nominal = bool(RECOGNITION_HEAD.match(rest))
        actor.parliament = bool(_PARLIAMENT.match(rest))
    elif kind is Kind.DEMONYM or kind is Kind.LEADER:
        other = _AND_DEMONYM.match(after)  # "Serbian and Kosovo Albanian negotiators"
        actor.gov = bool(GOV_HEAD.match(after)) or bool(other and GOV_HEAD.match(after, other.end()))
    if kind is Kind.DEMONYM:
        actor.state_noun = bool(re.match(r"\s+(?:state|statehood)\b", after))
        actor.nominal = bool(_DEMONYM_NOUN.match(after))
        side = _people_as_side(actor, text, before)
        actor.weak = not (actor.gov or actor.state_noun or actor.nominal or side)
        if _REGION_PREFIX.search(before) or before.endswith("ethnic "):
            # "a South American government": a region's, not the US's; "ethnic Albanian leaders": a people's
            actor.gov = actor.state_noun = actor.nominal = False
            actor.weak = True
    backwards = before[::-1]
    if (
        not actor.agreement
        and _VENUE_TAIL.match(backwards)
        and _VENUE.search(before)
        and not _VENUE_KEEP.search(before)
    ):
        actor.venue = not _venue_exception(before)
    if (
        actor.start < 60
        and not text[: actor.start].strip()
        and text[actor.start : actor.end].isupper()
        and re.match(r"\s*(?:\(|[—–-]\s|,)", after)
    ):
        actor.venue = True  # a dateline ("ADDIS ABABA (Reuters) —") names the place of writing
    if not actor.agreement and after[:1] == "," and _TOPIC_LEAD.search(before):
        actor.venue = True  # "On Syria, the two leaders discussed ...": the topic, not a party
    actor.mediator = bool(
        (after.lstrip()[:1] in _MEDIATOR_AFTER_FIRST and _MEDIATOR_AFTER.match(after))
        or (_MEDIATOR_TAIL.match(backwards) and _MEDIATOR_BEFORE.search(before))
    )
    if kind is Kind.COUNTRY and _MEDIA_NOUN.match(after):
        actor.weak = True  # "the America report", "a Russia channel": a name used as a modifier
    return actor


_SIDE_LEAD = re.compile(r"\b(?:between\s+[A-Z][\w\s-]{2,30}?\s+and|with|and|recognition\s+to)\s+the\s+$")


def _people_as_side(actor: Actor, text: str, before: str) -> bool:
    """ "talks between Israel and the Palestinians", "negotiations with the Iranians": a people in
    the plural, set beside a state or a talks word, for its side."""
    return text[actor.end - 1 : actor.end] == "s" and _SIDE_LEAD.search(before) is not None


_REGION_PREFIX = re.compile(r"\b(?:South|Latin|Central|North|Meso)[\s-]$")
_TOPIC_LEAD = re.compile(r"(?:^|[.!?]\s+|\n)(?:On|Regarding|Concerning|As\s+for|As\s+to)\s+(?:the\s+)?$")


def _venue_exception(before: str) -> bool:
    """Prepositions that introduce a party, not a place: "switch to", "ties to", "recognition of"."""
    return bool(
        re.search(
            r"\b(?:switch\w*|allegiance|recognition|ties|relations|links|allies|ally|member|members|"
            r"independence|withdrawal|leaders|governments?|officials|delegations?|representatives|"
            r"premiers|presidents|ministers|expulsion|readmission|re-admission|admission|return|entry)\s+"
            r"(?:of|to|from|in|into)\s+(?:the\s+)?(?:\w+\s+)?$",
            before,
            re.I,
        )
    )


def _antecedent(prev: list[Actor], kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The latest fitting country, preferring the first of a run of fitting names close together
    (in "Saudi Arabia, the UAE and Bahrain ... the kingdom", the kingdom is the list's head)."""
    fits = [a for a in prev[-40:] if len(a.ids) == 1 and (not kinds or a.ids[0] in kinds) and not a.weak]
    if not fits:
        return ()
    best = fits[-1]
    for actor in reversed(fits[:-1]):
        if best.start - actor.end > 120 or not kinds:
            break
        best = actor
    return best.ids


def _sentence_start(starts: list[int], pos: int, back: int = 0) -> int:
    """The start of the sentence holding ``pos`` (``back`` sentences earlier)."""
    i = bisect.bisect_right(starts, pos) - 1 - back
    return starts[i] if i >= 0 and starts else 0


_COUNTS = {"two": 2, "both": 2, "neither": 2, "pair": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def stated_count(surface: str) -> int | None:
    """How many countries "the three neighbours", "all four", "both sides" say they are, if they say."""
    return next((n for word, n in _COUNTS.items() if word in surface.lower().split()), None)


def _counted(surface: str) -> int:
    return stated_count(surface) or 2


# a bare count ("all four", "both") stands for countries only as a subject: "All four are members"
_BARE_COUNT = re.compile(
    r"^(?:(?:all|both)(?:\s+(?:three|four|five|six))?|the\s+(?:three|four|five|six))$", re.I
)
_BARE_COUNT_NEXT = re.compile(
    r"\s*(?:,|(?:is|was|are|were|have|had|has|signed|joined|said|say|will|would|also|remain\w*|belong\w*|"
    r"recogni[sz]\w*|agreed|later|now|already|then|hope\w*|want\w*|plan\w*|expect\w*|appl(?:y|ied)|"
    r"joined|left|quit|still)\b)",
    re.I,
)


def _bare_count_ok(m: Mention, text: str) -> bool:
    if not _BARE_COUNT.match(m.surface):
        return True
    # "Kuwait and Qatar have both said", "Iran and Saudi Arabia, which ..., both belong": a quantifier
    # floating after its subject, not a new subject
    floating = _FLOATING_AFTER.search(text, max(0, m.start - 12), m.start)
    if _OBJECT_COUNT.search(text, max(0, m.start - 16), m.start) and _CLAUSE_END.match(text, m.end):
        return True  # "The African Union has also suspended all three."
    return bool(_BARE_COUNT_NEXT.match(text, m.end)) and not floating


_COUNTED_BEFORE = re.compile(r"\b(?:two|both)\s+$", re.I)
_OBJECT_COUNT = re.compile(r"\b[a-z]+(?:ed|es)\s+$")  # after a verb: "suspended all three."
_CLAUSE_END = re.compile(r"\s*[.;]")
# what a floating quantifier follows: an auxiliary ("have both said") or the comma closing an aside
_FLOATING_AFTER = re.compile(
    r"\b(?:have|has|had|are|were|is|was|will|would|can|could|do|did)\s+$|,\s*$", re.I
)


def _local_pair(names: list[Actor], start: int, starts: list[int], count: int = 2) -> tuple[str, ...]:
    """Two (or ``count``) countries named just before, in this sentence or the previous one
    ("Azerbaijan's conflict with Armenia ... the two Caucasus nations")."""
    cut = _sentence_start(starts, start)
    if start - cut < 25 or not any(cut <= a.start < start for a in names[-8:]):
        cut = _sentence_start(starts, start, back=1)  # nobody named before it in its own sentence
    seen: list[str] = []
    for actor in reversed(names):
        if actor.start < cut:
            break
        if actor.ids[0] not in seen:
            seen.append(actor.ids[0])
    return tuple(sorted(seen)) if len(seen) == count else ()


def _counted_group(names: list[Actor], start: int, starts: list[int], count: int) -> tuple[str, ...]:
    """ "All four countries" some paragraphs after "Poland, Lithuania, Latvia and Estonia announced
    ...": the latest of the last eight sentences that names exactly ``count`` countries."""
    first = bisect.bisect_right(starts, start) - 1
    for back in range(1, 9):
        if first - back < 0:
            break
        lo, hi = starts[first - back], starts[first - back + 1]
        named = {a.ids[0] for a in names if lo <= a.start < hi}
        if len(named) == count:
            return tuple(sorted(named))
    return _last_named(names, start, starts[max(0, first - 3)], count)


def _last_named(names: list[Actor], start: int, since: int, count: int) -> tuple[str, ...]:
    """ "Kyrgyzstan and Tajikistan ... Uzbekistan left the alliance in 2012. All three countries":
    the last ``count`` countries named, when exactly that many were named since ``since``."""
    named = {a.ids[0] for a in names if since <= a.start < start}
    return tuple(sorted(named)) if len(named) == count else ()


def _lead_pair(names: list[Actor], text: str) -> tuple[str, ...]:
    """The two countries of the headline or first sentence, when it names exactly two: news
    about "the two countries" is about them."""
    end = min(len(text), 400)
    for stop in ("\n", ". "):
        found = text.find(stop, 0, end)
        end = found if found > 0 else end
    lead = {
        a.ids[0]
        for a in itertools.takewhile(lambda a: a.start < end, names)
        if not a.mediator and not a.venue
    }
    return tuple(sorted(lead)) if len(lead) == 2 else ()


def _pair(prev: list[Actor], strong: list[Actor]) -> tuple[str, ...]:
    """The two countries the story is about so far: the most named, recent ones winning ties."""
    for pool in (strong, prev):
        score: dict[str, tuple[int, int]] = {}
        for rank, actor in enumerate(pool):
            if actor.weak or actor.venue or actor.mediator or len(actor.ids) != 1:
                continue
            count, _ = score.get(actor.ids[0], (0, 0))
            score[actor.ids[0]] = (count + 1, rank)
        if len(score) >= 2:
            top = sorted(score, key=lambda k: score[k], reverse=True)[:2]
            return tuple(sorted(top))
    return ()


# What an agreement description can stand for: "the bloc" is not the court named just before it.
_DESC_KINDS = {
    "bloc": {"bloc", "organization", "alliance"},
    "group": {"bloc", "organization", "alliance"},
    "grouping": {"bloc", "organization", "alliance"},
    "club": {"bloc", "organization", "alliance"},
    "organisation": {"organization", "alliance"},
    "organization": {"organization", "alliance"},
    "body": {"organization", "alliance"},
    "association": {"organization", "alliance"},
    "community": {"organization", "bloc"},
    "league": {"organization", "bloc", "alliance"},
    "alliance": {"alliance"},
    "union": {"organization"},
    "court": {"treaty"},
    "statute": {"treaty"},
    "convention": {"treaty"},
    "treaty": {"treaty", "accord"},
    "accord": {"accord", "treaty"},
    "accords": {"accord", "treaty"},
    "pact": {"treaty", "accord", "alliance"},
    "deal": {"accord", "treaty"},
    "agreement": {"accord", "treaty"},
    "agency": {"organization"},
    "council": {"organization"},  # the Turkic Council, the Human Rights Council; not an alliance
}


@lru_cache(maxsize=1)
def _agreement_kinds() -> dict[str, str]:
    return {a.id: a.kind.value for a in load_agreements()}


# heads that name what the agreement calls itself: "the pact" after "the Warsaw Pact" and NATO is
# the pact, whichever was named last
_OWN_NAME_HEADS = (
    "pact", "treaty", "accord", "accords", "convention", "statute", "council", "charter", "league",
)  # fmt: skip


@lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    return {
        a.id: frozenset(w for name in (a.name, *a.aliases) for w in name.lower().split())
        for a in load_agreements()
    }


def kind_of_agreement(agreement_id: str) -> str:
    """The catalog's kind of an agreement ("treaty", "bloc", ...; "" when unknown)."""
    return _agreement_kinds().get(agreement_id, "")


# an agreement named: its ids, whether it can be an antecedent (a name used as a modifier, "EU
# officials", counts for the story's topic but is not "the bloc"), and where
Named = tuple[tuple[str, ...], bool, int]


def _described(
    surface: str, recent: list[Named], sentence: int, bound: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, ...]:
    """The latest agreement named whose kind fits the description ("the bloc", "the court"), or, for
    the broad heads in _TOPICAL, the story's own organisation when it clearly outnumbers the latest
    and the latest is not in the description's own sentence (which starts at ``sentence``), or
    the one the story itself called so (``bound``), unless another was named just before."""
    head = surface.lower().rsplit(" ", 1)[-1]
    own = (bound or {}).get(_HEAD_CLASS.get(head, head))
    if own and not any(ids != own and sentence - _JUST_BEFORE <= at for ids, _, at in recent):
        # "BRICS, the bloc of large emerging economies, ..." then "the bloc admitted"; but not one
        # named once in passing in a story the EU runs through ("the CIS, the loose grouping of ...")
        times = Counter(ids for ids, _, _ in recent)
        if times.most_common(1)[0][1] < times[own] + 3:
            return own
    fits = _DESC_KINDS.get(head)
    if fits is None:
        latest = next((ids for ids, referent, _ in reversed(recent) if referent), None)
        return latest or (recent[-1][0] if recent else ())
    excluded = _NOT_DESCRIBED.get(head, ())
    fitting = [n for n in reversed(recent) if kind_of_agreement(n[0][0]) in fits and n[0][0] not in excluded]
    referents = [named for named in fitting if named[1]] or fitting
    if not referents:
        return ()
    if head in _OWN_NAME_HEADS:
        words = _name_words()
        referents = [n for n in referents if head in words.get(n[0][0], ())] or referents
    # ("the council", "the treaty" name a kind narrow enough for the latest one to be meant)
    last = referents[0]
    if head not in _TOPICAL or last[2] >= sentence:
        return last[0]
    # the story's own organisation outweighs one named in passing since ("the Lima Group of countries
    # that ...", then "the bloc's remaining members" for the bloc the story is about)
    counts = Counter(named[0][0] for named in fitting)
    return prevailing(last, referents, lambda named: counts[named[0][0]])[0]


def prevailing(latest: T, candidates: Iterable[T], count: Callable[[T], int]) -> T:
    """The story's own agreement among ``candidates`` (the most often named; the first of equals)
    when it has been named at least twice more often than ``latest``, else ``latest``: one named
    in passing since does not take over "the bloc" or "applied to join"."""
    topic = max(candidates, key=count)
    return topic if count(topic) >= count(latest) + 2 else latest


# the broad heads that stand for one another once the story has called an organisation so
_HEAD_CLASS = {"group": "bloc", "grouping": "bloc", "club": "bloc", "organization": "organisation"}
_JUST_BEFORE = 250  # characters before the description's sentence in which a name still takes over
# "BRICS, the bloc of large emerging economies": the story calls BRICS "the bloc"
_CALLED = re.compile(
    r"\s*,\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(bloc|group|grouping|club|organi[sz]ation|alliance|union)\b"
)


def _bind(bound: dict[str, tuple[str, ...]], head: str, ids: tuple[str, ...]) -> None:
    head = head.lower()
    bound.setdefault(_HEAD_CLASS.get(head, head), ids)


_TOPICAL = {
    "bloc", "group", "grouping", "organisation", "organization", "union", "club", "body", "association",
    "community",
}


# "the agency" is one of the UN's agencies (UNESCO, the WHO), never the UN itself
_NOT_DESCRIBED = {"agency": ("united_nations",)}


def _dateline(text: str) -> tuple[int, int]:
    """Where the dateline is: at the start of the text or of a line after the headline."""
    pos = 0
    for _ in range(4):  # the headline, a blank line, a byline, then the body
        m = _DATELINE.match(text, pos)
        if m:
            return pos, m.end()
        nl = text.find("\n", pos, pos + 400)
        if nl < 0:
            break
        pos = nl + 1
    return -1, -1


def resolve(mentions: list[Mention], text: str, starts: list[int] | None = None) -> list[Actor]:
    """Actors in text order; unresolvable descriptions and non-state names are dropped.
    ``starts``: the sentence starts, for descriptions that look back one or two sentences."""
    starts = starts or [0]
    dateline = _dateline(text)
    countries: list[Actor] = []  # antecedents for descriptions
    names: list[Actor] = []  # named countries only (for pairs)
    recent_agreements: list[Named] = []
    bound: dict[str, tuple[str, ...]] = {}  # "the bloc" -> the organisation the story first called so
    out: list[Actor] = []
    for i, m in enumerate(mentions):
        if m.kind is Kind.BLOCK:
            continue
        if m.kind is Kind.DESC and _named_after(text, m, mentions[i + 1 : i + 2]):
            continue  # "the Pacific island of Nauru": the name follows
        if m.kind is Kind.AGREEMENT:
            agreement = _flags(Actor(m.start, m.end, m.ids, agreement=True, kind=m.kind), text, m.kind)
            agreement.venue = _within(agreement, dateline)
            agreement.modifier = (
                _MODIFIER_NOUN.match(text, agreement.end) is not None
                or _COMPARED.search(text, max(0, agreement.start - 30), agreement.start) is not None
            )
            recent_agreements.append((m.ids, not (agreement.venue or agreement.modifier), m.start))
            out.append(agreement)
            called = _CALLED.match(text, m.end)
            if called:
                _bind(bound, called.group(1), m.ids)
            continue
        if m.kind is Kind.AGR_DESC:
            previous = out[-1] if out else None
            if previous and previous.agreement and _APPOSITION.fullmatch(text, previous.end, m.start):
                described = previous.ids  # "the Arab Maghreb Union, the five-nation bloc": the same one
                _bind(bound, m.surface.rsplit(" ", 1)[-1], described)
            elif _unknown_apposition(text, m, previous.end if previous else 0):
                continue  # "and Comecon, the Soviet-led trading bloc, was": one the catalog lacks
            else:
                described = _described(m.surface, recent_agreements, _sentence_start(starts, m.start), bound)
            if described:
                recent_agreements.append((described, True, m.start))
                out.append(
                    _flags(Actor(m.start, m.end, described, agreement=True, kind=m.kind), text, m.kind)
                )
            continue
        if m.kind is Kind.NEW_STATE:  # resolved by the recognition rules (the last state recognised)
            out.append(Actor(m.start, m.end, (), kind=m.kind, tail=text[m.end : m.end + 60]))
            continue
        ids = _ids_for(m, countries, names, text, starts)
        if not ids:
            continue
        actor = _flags(Actor(m.start, m.end, ids, kind=m.kind), text, m.kind)
        placed = _within(actor, dateline)  # the place of writing: no antecedent for "the two countries"
        actor.venue = actor.venue or placed
        out.append(actor)
        named = len(ids) == 1 and m.kind not in (Kind.DESC, Kind.PAIR)
        if named and not (actor.weak or actor.mediator or placed):
            countries.append(actor)
            if m.kind is Kind.COUNTRY:
                names.append(actor)
    return out


_OF = re.compile(r"\s+of\s+")


def _named_after(text: str, m: Mention, following: list[Mention]) -> bool:
    if not following or following[0].kind is not Kind.COUNTRY:
        return False
    return _OF.fullmatch(text, m.end, following[0].start) is not None


# (after a verb or conjunction, not a preposition: "in Brussels, the bloc, which ..." is a place)
_UNKNOWN_NAME = re.compile(
    r"(?:(?<![\w'’])(?!(?:in|at|on|from|to|for|by|with|after|before|during|since|of|near)\s)[a-z]+|,)"
    r"\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3},\s+$"
)


def _unknown_apposition(text: str, m: Mention, known_end: int) -> bool:
    """Whether the description is set off by commas after a name no mention covers."""
    lead = _UNKNOWN_NAME.search(text, max(known_end, m.start - 60), m.start)
    return lead is not None and text.startswith(",", m.end)


def _within(actor: Actor, span: tuple[int, int]) -> bool:
    return span[0] <= actor.start and actor.end <= span[1]


def _ids_for(
    m: Mention, countries: list[Actor], names: list[Actor], text: str, starts: list[int]
) -> tuple[str, ...]:
    if m.kind is Kind.DESC:
        own = _demonym_of(m.surface)
        if own:
            return own  # "the Sahrawi republic", "the Palestinian state": the demonym names it
        if m.surface.lower().startswith(("his ", "her ")):  # the speaker's country: this sentence's first
            here = _sentence_start(starts, m.start)
            first = next((a for a in countries if here <= a.start < m.start), None)
            if first:
                return first.ids
        return _antecedent(countries, m.ids)
    if m.kind is Kind.PAIR:
        region = _qualified_region(m.surface)
        if region:  # "both Nordic countries": two of the Nordic countries named
            names = [a for a in names if set(a.ids) <= region]
            countries = [a for a in countries if set(a.ids) <= region]
        count = _counted(m.surface)
        if count != 2:  # "the three neighbours", "all four": just those named before, or nobody
            if not _bare_count_ok(m, text):
                return ()
            return _local_pair(names, m.start, starts, count) or _counted_group(names, m.start, starts, count)
        if not _bare_count_ok(m, text):
            return ()
        if "leader" in m.surface.lower():  # "the two leaders": of the story's two countries
            return _lead_pair(names, text) or _pair(countries[-12:], names[-12:])
        return (
            _local_pair(names, m.start, starts)
            or _lead_pair(names, text)
            or _pair(countries[-12:], names[-12:])
        )
    if m.kind is Kind.GROUP and not _group_is_actor(m, text):
        return ()
    return m.ids


def _qualified_region(surface: str) -> frozenset[str]:
    """The members of the group a pair's qualifier names ("the two Gulf states"), if it names one."""
    low = surface.lower()
    for qualifier, members in get_lexicon().qualified.items():
        if f" {qualifier} " in f" {low} ":
            return members
    return frozenset()


def _demonym_of(surface: str) -> tuple[str, ...]:
    """The country of a demonym among a description's modifiers ("the Sahrawi republic")."""
    words = surface.split()
    if len(words) != 3:
        return ()  # "the Central American country": a region's adjective, not a demonym
    word = words[1].lower()
    for tokens, entry in get_lexicon().by_first.get(word, {}).get("", []):
        if entry.kind is Kind.DEMONYM and tokens == (word,) and len(entry.ids) == 1:
            return entry.ids
    return ()


def _group_is_actor(m: Mention, text: str) -> bool:
    """ "Central Asia" alone is a place; "every country in Central Asia" and "Central Asian nations"
    are the states themselves."""
    low = m.surface.lower()
    if (
        any(noun in low for noun in _GROUP_NOUNS)
        or any(ch.isdigit() for ch in low)
        or m.surface.isupper()
        or low.startswith(("both ", "the two ", "the koreas"))
        or " and " in low  # "North and South Korea" names the states
        or _COUNTED_BEFORE.search(text, max(0, m.start - 6), m.start) is not None  # "the two Koreas"
    ):
        return True
    return bool(_VENUE_KEEP.search(text[max(0, m.start - 40) : m.start]))
