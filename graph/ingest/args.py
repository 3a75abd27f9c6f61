"""Arguments of a trigger: coordinated groups of actors and the subject/object search around it.

A *group* is a run of country actors joined by commas and "and" ("Canada, France and the United
Kingdom"). A trigger's subject is the nearest group before it whose gap to the trigger holds no
clause boundary; its object is the first group after it within a short gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ingest.fastre import Scanner, fold, lowered, scanner
from graph.ingest.lexicon import Kind
from graph.ingest.resolve import Actor, Group

# what may join two actors of one group: a conjunction, a determiner, then perhaps a noun phrase
# ending in "state of" (the tail: it always names a state noun, so without one the head decides)
_SEP_HEAD = (
    r"^\s*(?:,|,?\s*and|,?\s*or|,?\s*nor|,?\s*as\s+well\s+as|&|,?\s*plus|,?\s*along\s+with|,?\s*together\s+with|"
    r")?\s*(?:the\s+|also\s+|then\s+|now\s+|even\s+|later\s+)?(?:so-called\s+)?"
)
_SEP_TAIL = (
    r"(?:(?:every|each|all(?:\s+the)?|other)\s+(?:countr\w+|nations?|states?)\s+(?:in|of)\s+(?:the\s+)?|"
    r"(?:[\w-]+\s+){0,3}(?:state|nation|country|kingdom|republic|archipelago|island|emirate|sultanate)\s+of\s+)?$"
)
_SEP = lowered(_SEP_HEAD + _SEP_TAIL)  # both searched in the folded gap
_SEP_SHORT = lowered(_SEP_HEAD + "$")
_STATE_NOUNS = (
    "countr", "nation", "state", "kingdom", "republic", "archipelago", "island", "emirate", "sultanate",
)  # fmt: skip


def holds(folded: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is in ``folded`` (a pre-test: cheaper than a regex alternation)."""
    for word in words:  # noqa: SIM110 - a loop costs less than any() with a generator
        if word in folded:
            return True
    return False


def _separates(gap: str) -> bool:
    """Whether ``gap`` can join two actors of a group (the long pattern only when it can matter)."""
    folded = fold(gap)
    if holds(folded, _STATE_NOUNS):
        return _SEP.match(folded) is not None
    return _SEP_SHORT.match(folded) is not None


# used as a yes/no test on short gaps: lookbehinds instead of a leading space or "^" let the
# first-character scanner skip ahead (same answers); the words share one "\b" so that re tries
# them only where a word starts
_BOUNDARY = (
    r";|\b(?:but|while|whereas|although|though|after|before|because|"
    r"(?<!has\s)(?<!have\s)(?<!had\s)since(?!\s+(?:19|20)\d\d)|when|following|"  # "has since": an adverb
    r"unlike|despite|amid|where|whom?|as\s+part\s+of|unless|if|than)\b|"
    r"(?<=\s)[—–]\s|—|“|(?<!\S)\"(?=\w)|\b(?:said|says|told|added|stated)\b\s*[.,]|(?<!\.\w)[.?!][\"”’]?\s|\bas\s+\w+\s+(?:said|says)\b"
)
BOUNDARY = scanner(_BOUNDARY, re.I)
_BOUNDARY_FOLDED = Scanner(lowered(_BOUNDARY))


def _boundary(gap: str) -> bool:
    """``BOUNDARY.search(gap)``, as a yes/no answer from the folded gap (cheaper)."""
    return _BOUNDARY_FOLDED.search(fold(gap)) is not None


def _boundary_in(c: Clause, a: int, b: int) -> bool:
    """``_boundary(c.text[a:b])`` from the clause's folded text (a slice, not a search from ``a``:
    the lookbehinds must not see the text before the gap)."""
    return _BOUNDARY_FOLDED.search(c.folded[a:b]) is not None


_CLOSED_QUOTE = re.compile(r"“[^”]{0,60}”|(?:^|\s)\"[^\"]{0,60}\"")  # a quoted phrase inside a clause
_QUOTES = re.compile(r"[\"“”]")
_OBJECT_STOP = re.compile(r",\s+(?:and|but|or|with|while|who|which)\b|\bwhich\b|\bwho\b", re.I)
_OBJECT_PREP = re.compile(
    r"\b(?:with|to|against|on|toward|towards|between|among|amid|near|than|followed|follows|follow|joined|"
    r"joins|border|borders|bordering|defend|defending|invaded|invade|invading|recogni[sz](?:e|es|ed)|"
    r"recognition\s+of)\s+(?:the\s+)?$",
    re.I,
)
# in the folded gap: "..., and it does not", "and in March it suspended", "and said it would not"
_GAP_PRONOUN = lowered(
    r"(?:(?:^|,|\band\b|\bbut\b)\s*(?:(?:in|on|last|this|earlier|later)\s+\w+(?:\s+\w+)?\s+)?|"
    r"(?:,|\band\b|\bbut\b)\s*(?:said|says|added|stressed|insisted|announced)\s+(?:that\s+)?)"
    r"(?:it|they)\s+(?:\w+\s+){0,4}$"
)
_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|become|became|remain|remains)\b", re.I)
_PRONOUN = re.compile(r"\b(it|they|she|he|its\s+government|their\s+governments?)\b[^,;]{0,40}$", re.I)
# between a speaker and its pronoun: "Malta said it would do the same"
_SAID_THAT = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says|added|stressed|insisted|announced)\s+(?:that\s+)?"
)
# an opening adverbial before a sentence's pronoun subject: "Since then, it ...", "In 2019, they ..."
_OPENER = re.compile(r"[^,;]{2,30},\s*")
_PRONOUN_START = re.compile(r"(?:It|They)\s")
# the pronoun that opens a sentence, perhaps after a time ("In September last year it severed ...")
_FIRST_PRONOUN = re.compile(
    r"(?:(?:In|On|By|Since|Last|This|Earlier|Later)\b[^,;.]{0,30}?\s)?(it|they|It|They)\s"
)
_FIRST_PERSON = re.compile(r"(?:^|[\s“\"])(I|[Ww]e|[Oo]ur\s+(?:government|country))\b[^,;“”\"]{0,40}$")
_SPEAKER = re.compile(
    r"\b(?:said|says|told\s+\w+|added|declared|announced|stated|wrote)\s*:?\s*[“\"]\s*$", re.I
)
# searched in the folded gap, and only if it names one of the nouns every branch ends in
_SUBJECT_NOUN = Scanner(
    lowered(
        r"\b(?:\d+|several|many|some|most|all|other|few|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
        r"no|any|every|each|which|whose)\s+(?:other\s+)?(?:\w+\s+){0,2}(?:countries|country|nations|nation|states|"
        r"state|governments|members)\b|\b(?:countries|nations|states|governments)\s+(?:that|which|who)\b",
    )
)
_SUBJECT_NOUNS = ("countr", "nation", "state", "government", "member")


_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?$")


@dataclass
class Clause:
    """The actors of one sentence, with the article text and the sentence bounds."""

    text: str
    start: int
    end: int
    actors: list[Actor]
    barriers: list[int] = field(default_factory=list)  # starts of non-state names
    groups: list[Group] = field(default_factory=list)
    agreements: list[Actor] = field(default_factory=list)
    topic: Group | None = None  # the previous sentence's first group, for pronouns
    pair: tuple[str, ...] = ()  # the two countries the story is about so far
    recent_objects: list[str] = field(default_factory=list)  # for "them" ("... have not recognised them")
    last_agreement: Actor | None = None  # the latest agreement named before this sentence
    contested: str | None = None  # the latest partially recognised state named so far
    contested_group: tuple[str, ...] = ()  # the latest coordination of such states ("A and B")
    folded: str = field(default="", repr=False)  # fastre.fold(text), shared by an article's clauses

    def __post_init__(self) -> None:
        if len(self.folded) != len(self.text):
            self.folded = fold(self.text)
        self.groups = build_groups([a for a in self.actors if not a.agreement], self.text)
        self.agreements = [a for a in self.actors if a.agreement]

    def span(self, a: int, b: int) -> str:
        start, end = self.start, self.end  # (comparisons: cheaper than calls of max and min)
        return self.text[a if a > start else start : b if b < end else end]

    def barrier_between(self, a: int, b: int) -> bool:
        for x in self.barriers:  # noqa: SIM110 - a loop costs less than any() with a generator
            # (a place after "in": "the island nation in the Gulf of Guinea broke off ties" is geography)
            if a <= x < b and not _IN_PLACE.search(self.text, max(0, x - 8), x):
                return True
        return False


def build_groups(actors: list[Actor], text: str) -> list[Group]:
    groups: list[Group] = []
    for actor in actors:
        if actor.venue or actor.mediator or (actor.weak and not actor.state_noun):
            continue
        last = groups[-1] if groups else None
        if last is None:
            groups.append(Group(actor.start, actor.end, [actor]))
            continue
        gap = text[last.end : actor.start]
        if _same_person(last.members[-1], actor, gap):
            last.end = actor.end  # "Indian Prime Minister Narendra Modi": one element
            continue
        if last.members[-1].kind is Kind.LEADER:
            gap = _NAME_TAIL.sub("", gap, count=1)  # "President Xi| Jinping and ...": the rest of the name
        # "Turkey, Azerbaijan's closest ally", "Qatar, the UAE's partner in the GCC"
        apposition = actor.possessive and gap.strip() in (",", ", the")
        # "recognise Kosovo, and Algeria hosts ...": a comma before "and" after one name starts a clause
        clause_and = len(last.members) == 1 and "," in gap and _COMMA_AND.match(gap) is not None
        owned = last.members[-1].possessive
        officials = owned and actor.possessive and _OFFICIAL_AND.match(gap) is not None
        if officials or (not owned and not apposition and not clause_and and _joins(gap, actor)):
            last.members.append(actor)
            last.end = actor.end
        else:
            groups.append(Group(actor.start, actor.end, [actor]))
    return groups


_COMMA_AND = re.compile(r"\s*,\s*(?:and|or|but)\s+(?:the\s+)?$")
# "Ethiopia's prime minister and Eritrea's president signed": two governments, one subject
_OFFICIAL_AND = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+)?(?:president|prime\s+minister|premier|foreign\s+minister|leader|king|emir|"
    r"chancellor|envoy|negotiators?|delegation)\s+and\s+$",
    re.I,
)


def _joins(gap: str, actor: Actor) -> bool:
    """Whether ``gap`` joins ``actor`` to the group before it."""
    if gap in {"-", "–", "/"} or (actor.kind is not Kind.DESC and _separates(gap)):
        return True
    if "and" not in gap:
        return False
    if actor.kind is Kind.LEADER:
        return _AND_TITLE.match(gap) is not None  # "Vajpayee and President Pervez Musharraf met"
    return actor.kind in (Kind.DEMONYM, Kind.COUNTRY) and _TITLED_PERSON.match(gap) is not None


_AND_TITLE = re.compile(r"^\s*,?\s+and\s+(?:[A-Z][\w.-]*\s+){1,3}$")


# "US Treasury Secretary Scott Bessent and Chinese Vice Premier ...": two officials, two countries
_TITLED_PERSON = re.compile(
    r"^\s+(?:(?:Treasury|Defence|Defense|Foreign|Trade|Vice|Deputy|Prime|Secretary|Minister|President|Premier|"
    r"Chancellor|King|Emir|Envoy|Ambassador|Commerce|Finance|Interior)\s+)+(?:[A-Z][\w.'’-]*\s+){1,3}and\s+$"
)
_NAME_TAIL = re.compile(r"^(?:\s+(?:[A-Z][\w'’.-]*|bin|bint|ibn|al|el|de|da))+(?=\s|,)")
_TITLE_GAP = re.compile(r"^\s+(?:[A-Z][\w-]*\s+){1,4}$")


# "Thailand's acting prime minister, Phumtham Wechayachai,": the officeholder named in apposition
_TITLE_APPOSITION = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){1,4}?[\w-]+,\s+$")


def _same_person(prev: Actor, actor: Actor, gap: str) -> bool:
    if actor.kind is not Kind.LEADER or prev.ids != actor.ids:
        return False
    if prev.kind is Kind.DEMONYM:
        return _TITLE_GAP.match(gap) is not None  # "Indian Prime Minister Narendra Modi"
    return prev.possessive and prev.gov and _TITLE_APPOSITION.match(gap) is not None


def _subject_noun(folded: str) -> re.Match[str] | None:
    """``_SUBJECT_NOUN`` in a folded gap (only the match's span is read)."""
    for noun in _SUBJECT_NOUNS:
        if noun in folded:
            return _SUBJECT_NOUN.search(folded)
    return None


def _subject_ok(group: Group) -> bool:
    last = group.members[-1]
    if last.possessive:
        return last.gov or last.nominal
    return not (last.weak and not last.gov and not last.nominal)


# (a comma inside a number, "70,000 people", does not close an aside)
_ASIDE_OPEN = re.compile(
    r",\s*(?:which|who|whose|both|all|each|an?|the|like|unlike)\b(?:[^,;]|(?<=\d),(?=\d))*$|,\s*$", re.I
)
_ASIDE = re.compile(
    r"^,\s*(?:(?:which|who|whose)\b[^;]{0,110}?|(?:both|all|each|like|unlike)\b[^,;]{0,70}?|"
    r"(?:the|a|an)\s+[^,;]{1,60}?),\s*",  # ("Ethiopia, the region's most populous country, remains")
    re.I,
)


_OWN_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\b[^,;]*$", re.I)


def in_aside(c: Clause, group: Group, pos: int) -> bool:
    """Whether ``group`` sits in a relative clause closed before ``pos`` ("Spain, which faces
    pressures in Catalonia, said ...": Catalonia is not the subject)."""
    if c.text.find(",", group.end, pos) < 0:
        return False  # (the cheap test first)
    opened = _ASIDE_OPEN.search(c.span(group.start - 100, group.start))
    if not opened or _OWN_RELATIVE.match(c.text, group.end, pos):
        return False  # (", which both joined": the trigger is in the group's own relative clause)
    # a bare ", Y's closest ally," apposition counts; a bare ", Y" is a list ("A, B and C")
    return opened.group().strip() != "," or group.members[-1].possessive


def subject_before(c: Clause, pos: int, *, max_gap: int = 110) -> Group | None:
    """The nearest group before ``pos`` that can be the subject of a trigger at ``pos``."""
    window = c.span(pos - 40, pos)  # (one slice; the tests below read its tail)
    before = window[-8:]
    if "ing" in window[-30:] and _BECOMING_LEAD.search(window):
        first = _first_subject(c)  # "Somalia deepened its ties, formally becoming a member of the EAC"
        if first is not None and first.end < pos:
            return first
    subordinate = ("whil" in before or "fore" in before or "fter" in before) and _SUBORDINATOR.search(before)
    if subordinate and c.text.startswith(("apply", "seek", "bidd"), pos):
        subordinate = None  # "joined in 2013, a decade after applying": a step the main verb completed
    lead = ("," in before and _COMMA_BEFORE.search(before)) or subordinate
    if lead and c.groups and _PARTICIPLE.match(c.text, pos, c.end):
        first = _first_subject(c)  # "X recognised Y ..., establishing ties with Z": X's act
        if first is None and subordinate:  # "... after Barbados removed the queen while remaining in"
            first = _verb_subject(c, pos)
        if first is not None and first.end < pos:
            return first
    found = _nearest_subject(c, pos, max_gap)
    if found is None:
        found = _antecedent(c, pos) or _coordinated(c, pos) or _colon_list(c, pos) or _counted_list(c, pos)
    return found


_AND_MORE = re.compile(r"\s*,?\s*(?:and|or)\s+(?:the\s+)?")
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
_COMMA_BEFORE = re.compile(r",\s*$")
_BECOMING_LEAD = re.compile(
    r",\s*(?:\w+ly\s+)?(?:becoming|remaining|joining)\s+(?:an?\s+|the\s+)?(?:full\s+)?$"
)
_SUBORDINATOR = re.compile(r"\b(?:whil(?:e|st)|after|before)\s+$")  # "while remaining in", "after leaving"
_COUNT_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|some|most|other|a\s+dozen|dozens|"
    r"a\s+handful\s+of|a\s+few|a\s+number\s+of)\s+"
    r"(?:(?:\w+\s+){0,2}(?:countries|nations|states|governments|members)\s+)?(?:\w+\s+){0,3}$",
    re.I,
)
# a match of _COUNT_BEFORE holds a digit or one of these words
_COUNT_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some", "most",
    "other", "dozen", "handful", "few", "number",
)
_DIGIT = re.compile(r"\d")


_LIST_LEAD = re.compile(
    # (not past a "but": "145 states recognise it, but most big powers, including the US, do not")
    r"^(?:(?!\bbut\b)[^.;]){0,100}?,\s+(?:including|such\s+as|among\s+them|notably|among\s+which)\s+(?:the\s+)?",
    re.I,
)


def _counted_list(c: Clause, pos: int) -> Group | None:
    """ "22 had formally applied, according to officials, among them A, B and C": the counted
    subject is spelled out after the verb."""
    before = c.span(pos - 45, pos)
    if not (holds(fold(before), _COUNT_WORDS) or _DIGIT.search(before)) or not _COUNT_BEFORE.search(before):
        return None
    lead = _LIST_LEAD.match(c.span(pos, pos + 130))
    if not lead or OTHER_NOUN.search(lead.group()):
        return None  # ("its members are to start talks with six partners, including A": the partners)
    group = object_after(c, pos + lead.end(), max_gap=25)  # "including neighbouring Nicaragua"
    return extend_list(c, group) if group else None


# a plural noun for other countries between a counted noun and its list: the list is theirs
OTHER_NOUN = re.compile(r"\b(?:partners?|observers?|allies|neighbou?rs|guests|rivals)\b", re.I)
_COUNTED = re.compile(
    r"^\W*(?:the\s+)?(?:\w+\s+){0,2}(?:countries|nations|states|governments|members)\b", re.I
)


def _colon_list(c: Clause, pos: int) -> Group | None:
    """ "Four Arab countries normalised relations with Israel in 2020: the UAE, Bahrain, Morocco
    and Sudan": the counted subject is spelled out after the colon."""
    if not _COUNTED.match(c.span(c.start, pos)):
        return None
    colon = c.text.find(":", pos, c.end)
    if colon < 0:
        return None
    group = next((g for g in c.groups if g.start > colon), None)
    if group is None or not re.fullmatch(r"\s*(?:the\s+)?", c.text[colon + 1 : group.start]):
        return None
    return extend_list(c, group)


_AND_THEN = re.compile(
    r"(?:,\s*|\s)and\s+(?:(?:later|then|subsequently|eventually|was|were|has|have|had|is|are|been|fully|"
    r"formally|finally|officially|again)\s+){0,3}$"
)


def _coordinated(c: Clause, pos: int) -> Group | None:
    """ "The Gambia left in 2013 under its former president, who ..., and rejoined in 2018": a
    verb coordinated after "and" shares the sentence's first subject."""
    before = c.span(pos - 30, pos)
    if "and" not in before or not _AND_THEN.search(before):
        return None
    first = _first_subject(c) if c.groups else None
    return first if first is not None and first.end < pos else None


_OPEN_RELATIVE = re.compile(r",\s*(?:which|who)\s+[^,;]*$", re.I)


def _antecedent(c: Clause, pos: int) -> Group | None:
    """ "The United States, which arms Taiwan but does not recognise it": a trigger inside an
    open relative clause whose own subject search failed belongs to the clause's antecedent."""
    m = _OPEN_RELATIVE.search(c.span(pos - 160, pos))
    if not m:
        return None
    at = pos - len(c.span(pos - 160, pos)) + m.start()
    group = next((g for g in reversed(c.groups) if g.end <= at), None)
    if any(at < g.start < pos and g.members[-1].possessive for g in c.groups):
        return None  # "which blocked the Palestinians' bid for membership": the bid is theirs
    return group if group and at - group.end <= 1 and _subject_ok(group) else None


def _nearest_subject(c: Clause, pos: int, max_gap: int) -> Group | None:
    for group in reversed(c.groups):
        if group.end > pos:
            continue
        if pos - group.end <= 45 and _WHICH_VERB.fullmatch(c.text, group.end, pos):
            return group  # "..., includes A, B and C, all of which have switched": the relative's antecedent
        if in_aside(c, group, pos):
            continue
        gap = c.text[group.end : pos]
        aside = _ASIDE.match(gap) if gap[:1] == "," else None
        after_aside = group.end + (aside.end() if aside else 0)
        if aside:
            gap = gap[aside.end() :]  # the antecedent of a relative clause: skip the clause
        if (
            len(gap) > max_gap
            or _gap_boundary(c, gap, after_aside, pos)
            or c.barrier_between(after_aside, pos)
        ):
            if group is not c.groups[0] and "but" in gap and _VP_AND.match(gap):
                return _first_subject(c)  # "X has no ties with Y but has been holding talks with Z"
            conjoined = ";" not in gap and _CONJOINED_VP.search(gap, max(0, len(gap) - 50))
            if conjoined and _opens_clause(c, group):
                return group  # "Sudan signed the accords in 2021 but has yet to establish ..."
            return pronoun_subject(c, pos)
        folded = c.folded[after_aside:pos]
        if ("it" in folded or "they" in folded) and _GAP_PRONOUN.search(folded):
            return pronoun_subject(c, pos)  # "..., and it does not have relations with ..."
        if " and " in gap and _CONJOINED_VP.search(gap, max(0, len(gap) - 50)) and _opens_clause(c, group):
            return group  # "X signed its accession agreement ... and is expected to become a member"
        noun = _subject_noun(folded)
        if noun and not _COPULA.search(gap[: noun.start()]) and not _AND_MORE.fullmatch(gap[: noun.start()]):
            # "Canada said 15 countries have recognised ...": the subject is the noun; but in "Brazil,
            # Argentina and several other governments recognised" the names are part of it
            return None
        if (
            gap.strip()
            and not _WHICH.match(gap)
            and _OBJECT_PREP.search(c.text[max(c.start, group.start - 16) : group.start])
        ):
            continue  # "cut ties with Taipei and switched to Beijing": Taipei is an object
        if group is not c.groups[0] and _VP_AND.match(gap):
            return _first_subject(c)  # "Russia has bases in A and B, and is negotiating with C"
        return group if _subject_ok(group) else None
    return pronoun_subject(c, pos)


_WHICH_VERB = re.compile(
    r"\s*,\s*(?:all|both|each)\s+of\s+(?:which|whom)\s+(?:[\w-]+\s+){0,3}"  # (not "several of which")
)
_WHICH = re.compile(r"\s*,\s*(?:which|who)\b")


def _gap_boundary(c: Clause, gap: str, a: int, b: int) -> bool:
    """Whether ``gap`` (``c.text[a:b]``) holds a clause boundary outside closed quotes."""
    if "\"" in gap or "“" in gap:
        return _boundary(_CLOSED_QUOTE.sub(" ", gap))
    return _boundary_in(c, a, b)  # (no quote to blank out: the folded text's own slice)


# ", and is negotiating": a second verb phrase with no subject of its own
# (or "... with Pyongyang but has been holding talks with": "but" too, with its own auxiliary)
_VP_AND = re.compile(
    r"^\s*(?:,\s*and|,?\s*but)\s+(?:(?:is|are|was|were|has|have|had|will|would|also|now|still|then|later|"
    r"been)\s+)+(?:\w+\s+)?$",
    re.I,
)


def _verb_subject(c: Clause, pos: int) -> Group | None:
    """The last group before ``pos`` with only a verb phrase (no comma, no other name) after it."""
    near = next((g for g in reversed(c.groups) if g.end < pos), None)
    if near is None or any(ch in c.text[near.end : pos] for ch in ",;:"):
        return None
    if _OBJECT_PREP.search(c.text[max(c.start, near.start - 16) : near.start]):
        return None
    return near if _subject_ok(near) else None


def _opens_clause(c: Clause, group: Group) -> bool:
    """Whether ``group`` is the subject opening its sentence, or the part after a semicolon."""
    start = max(c.start, c.text.rfind(";", c.start, group.start) + 1)
    if any(start <= g.start < group.start for g in c.groups) or group.start - start > 40:
        return False
    return not _OBJECT_PREP.search(c.text[max(start, group.start - 16) : group.start]) and _subject_ok(group)


def _first_subject(c: Clause) -> Group | None:
    """The sentence's opening group, when it can be a subject (callers know there is a group)."""
    first = c.groups[0]
    if _OBJECT_PREP.search(c.text[max(c.start, first.start - 16) : first.start]):
        return None  # "In December it broke with Taiwan and ...": the first name is an object
    return first if first.start - c.start <= 40 and _subject_ok(first) else None


def pronoun_subject(c: Clause, pos: int) -> Group | None:
    """ "it"/"they" right before the verb chain: the first group of the sentence, else the topic."""
    window = c.span(max(c.start, pos - 60), pos)
    speaker = _speaker(c, pos, window)
    if speaker is not None:
        return speaker
    m = _PRONOUN.search(window)
    if not m:
        return _conjoined_pronoun(c, pos)
    if _boundary(window[m.end() :]) or _subject_noun(fold(window[m.end(1) :])):
        return None  # (a noun after the pronoun is the subject: "It says 114 countries recognise it")
    plural = m[1].lower().startswith(("they", "their"))
    at = pos - len(window) + m.start()
    speaker = next((g for g in reversed(c.groups) if g.end <= at), None)
    if speaker and _SAID_THAT.fullmatch(c.text, speaker.end, at) and _subject_ok(speaker):
        return Group(at, at + len(m[1]), speaker.members)  # "Malta said it would do the same"
    for group in c.groups:
        if group.start < at and _subject_ok(group):
            if _OBJECT_PREP.search(c.text[max(c.start, group.start - 16) : group.start]):
                continue  # "it severed ties with the Netherlands, and in March it ...": an object
            if plural == (len(group.ids) > 1):
                return Group(at, at + len(m[1]), group.members)
            break
    topic = c.topic
    first = _FIRST_PRONOUN.match(c.text, c.start)
    opening = (
        at - c.start < 12
        or _OPENER.fullmatch(c.text, c.start, at) is not None
        # "It stayed out of both wars, though it joined the EU": the sentence's own subject again
        or (first is not None and first[1].lower() == m[1].lower())
    )
    if topic and plural == (len(topic.ids) > 1) and opening:
        if any(set(g.ids) & set(topic.ids) for g in c.groups if at < g.start < pos):
            return None  # "it broke with Taiwan and ...": the topic is the object here, not "it"
        return Group(at, at + len(m[1]), topic.members)
    return None


# "..., and became a full member of": a second verb phrase of the sentence's opening pronoun
_CONJOINED_VP = re.compile(
    r"(?:,\s*|\s)(?:and|but)\s+(?!(?:neither|none|nor|it|they|he|she|we|the|its|their|each|both|all|this|that|"
    r"these|those|no|one|some|most|many)\b)(?:[a-z]+\s+){0,6}$"
)


def _conjoined_pronoun(c: Clause, pos: int) -> Group | None:
    """ "It joined BRICS last year, and became a full member of the SCO in 2023": "It", the topic."""
    start = _PRONOUN_START.match(c.text, c.start)
    topic = c.topic
    if start is None or topic is None or any(g.start < pos for g in c.groups):
        return None
    if (start.group().startswith("They")) != (len(topic.ids) > 1):
        return None
    if not _CONJOINED_VP.search(c.text, max(c.start, pos - 60), pos):
        return None
    return Group(c.start, start.end() - 1, topic.members)


def _speaker(c: Clause, pos: int, window: str) -> Group | None:
    """ "X said: “I have ordered the ministry to negotiate ...”": I/we is the speaker X."""
    m = _FIRST_PERSON.search(window)
    if not m:
        return None
    at = pos - len(window) + m.start(1)
    quote = max(c.text.rfind("“", c.start, at), c.text.rfind('"', c.start, at))
    if quote < 0 or not _SPEAKER.search(c.text[c.start : quote + 1]):
        return None
    before = [g for g in c.groups if g.end <= quote and _subject_ok(g)]
    return Group(at, at + len(m[1]), before[-1].members) if before else None


def object_after(
    c: Clause, pos: int, *, max_gap: int = 45, skip: tuple[str, ...] = (), gov: bool = False
) -> Group | None:
    """The first group after ``pos`` within ``max_gap`` characters and no clause boundary."""
    for group in c.groups:
        if group.start < pos:
            continue
        gap = c.text[pos : group.start]
        if (
            len(gap) > max_gap
            or _unquoted_boundary(c, gap, pos, group.start)
            or (("," in gap or "wh" in c.folded[pos : group.start]) and _OBJECT_STOP.search(gap))
            or c.barrier_between(pos, group.start)
        ):
            return None
        first = group.members[0]
        if (
            first.possessive
            and not (gov and first.gov)
            and not re.match(
                r"^['’]s?\s+(?:\w+\s+){0,3}?(?:independence|statehood|sovereignty|declaration|unilateral)",
                first.tail,
                re.I,
            )
        ):
            if re.match(r"^['’]s?\s+(?:[\w-]+\s+){0,3}of\s", first.tail):
                continue  # "Georgia's breakaway regions of Abkhazia ...": the object comes later
            return None
        if skip and set(group.ids) <= set(skip):
            continue
        return group
    return None


def agreement_near(c: Clause, pos: int, *, after: int = 45, before: int = 0) -> Actor | None:
    """The agreement right after ``pos`` (or, if ``before`` > 0, the nearest one before it)."""
    for a in c.agreements:
        if a.start >= pos and a.start - pos <= after and not _boundary_in(c, pos, a.start):
            return a
    if before:
        for a in reversed(c.agreements):
            if a.end <= pos and pos - a.end <= before and not _dash_boundary(c, a.end, pos):
                return a
    return None


def _unquoted_boundary(c: Clause, gap: str, a: int, b: int) -> bool:
    """A boundary in ``gap`` (``c.text[a:b]``) with its quote marks read as spaces."""
    if _QUOTES.search(gap):
        return _boundary(_QUOTES.sub(" ", gap))
    return _boundary_in(c, a, b)


def _dash_boundary(c: Clause, a: int, b: int) -> bool:
    """A boundary in ``c.text[a:b]`` other than a dash (one reads as a comma there)."""
    gap = c.text[a:b]
    if "—" in gap or " – " in gap:
        return _boundary(gap.replace("—", ",").replace(" – ", ", "))
    return _boundary_in(c, a, b)


def elements(group: Group) -> list[tuple[str, ...]]:
    """The coordinated elements of a group (a named group such as "the P5+1" is one element,
    "the two countries" is two)."""
    if len(group.members) == 1 and group.members[0].kind in (Kind.PAIR, Kind.GROUP):
        return [(i,) for i in group.members[0].ids]
    return [m.ids for m in group.members]


_REGION = r"in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
_LIST_GAP = re.compile(
    rf"^\s*(?:{_REGION}\s*)?(?:,\s*(?:its|their|the)\s+[^,;]{{1,45}},)?\s*,?\s*(?:and|as\s+well\s+as|plus)?"
    rf"\s*,?\s*(?:{_REGION}\s*,\s*)?(?:the\s+)?$"
)


def extend_list(c: Clause, group: Group, gap: re.Pattern[str] | None = None) -> Group:
    """A list that runs on past region labels and asides: "Paraguay and Guatemala in Latin
    America, Eswatini in Africa, the Holy See and, in the Pacific, Palau" is one list. With ``gap``,
    the parts are joined only where that pattern spans the whole text between them."""
    members, end = list(group.members), group.end
    for nxt in c.groups:
        if nxt.start < end:
            continue
        if gap is not None:
            joined = gap.fullmatch(c.text, end, nxt.start) is not None
        else:
            joined = nxt.start - end <= 70 and _LIST_GAP.match(c.text[end : nxt.start]) is not None
        if not joined:
            break
        members += nxt.members
        end = nxt.end
    return group if end == group.end else Group(group.start, end, members)

