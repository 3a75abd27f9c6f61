"""Shared pieces of the relation rules: the raw claim, status of a trigger, pairing of groups."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graph.ingest import cues
from graph.ingest.args import Clause, holds
from graph.ingest.lexicon import Kind
from graph.ingest.resolve import Group
from graph.models import RelationType, Status

R, M, N = RelationType.RECOGNIZES, RelationType.MEMBER_OF, RelationType.NEGOTIATING_WITH
CONTROL = re.compile(
    r"\b(?:convinc\w+|persuad\w+|urg\w+|call\w*\s+on|press\w*|push\w*|invit\w+|encourag\w+|"
    r"ask\w*|want\w*|goal\s+to|efforts?\s+to|wish\w*|lead\w*\s+to|led\s+to|pav\w+\s+the\s+way\s+for|"
    r"result\s+in|prompt\w*|hop\w+\s+for|expect\w*)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_LEAD_INTENT = re.compile(
    r"\b(?:agreed|decided|voted|approved|will|would)\b[^.;]{0,25}?\bto\s+(?:admit|accept|"
    r"welcome|let|allow|invite)\s+(?:the\s+)?$",
    re.I,
)
_CONDITION_AFTER = re.compile(
    r"[^.;,]{0,70}?\b(?:only\s+if|if|unless|provided(?:\s+that)?|as\s+soon\s+as|"
    r"on\s+condition)\b",
    re.I,
)
_CONDITION_WORDS = ("if", "unless", "provided", "soon", "condition")  # one is in every _CONDITION_AFTER
_AFTER_MODAL = re.compile(r"^\s*(?:\w+\s+){0,4}?(?:would|will|could|may|might)\b", re.I)
_NOMINAL_ACT = re.compile(r"^['’]s?\s+(?:\w+\s+)?(?:decision|move)\b")


# the subject of an act whose doers the sentence only counts ("50 countries have recognised X"):
# never a claim, but what a next "A and B have refused to do so" repeats
UNNAMED = ""


@dataclass(frozen=True)
class Raw:
    subject: str
    predicate: RelationType
    object: str
    status: Status
    rule: str
    position: int  # absolute offset of the trigger
    about: str | None = None
    mirror: bool = False  # the reverse direction of a mutual statement ("X and Y restored ties")


Rule = Callable[[Clause, re.Match[str]], Iterator[Raw]]


# between "a Palestinian" and its nominal trigger: "application for full UN membership", "bid to join"
_OWNED_NOUN = re.compile(
    r"(?:['’]s?)?\s+(?:(?:full|formal|new|renewed|latest|fresh|own)\s+)*(?:(?:bid|application|request|push|quest|drive|"
    r"candidacy)\s+(?:for|to)\s+(?:(?:full|formal)\s+)?(?:[A-Z][\w.-]*\s+){0,4}?)?"
)
_BLOCKED = re.compile(
    r"\b(?:veto\w*|block\w*|reject\w*|thwart\w*|den(?:y|ies|ied))\s+(?:(?:an?|the)\s+)?$", re.I
)


def adjective_owner(c: Clause, pos: int) -> tuple[Group, bool] | None:
    """ "vetoed a Palestinian application for UN membership": the applicant is the adjective before the
    noun, not the sentence's subject; with whether the act before it blocks the bid."""
    owner = next((g for g in reversed(c.groups) if g.end <= pos), None)
    if owner is None or len(owner.members) != 1:
        return None
    if owner.members[0].kind is not Kind.DEMONYM and not owner.members[0].possessive:
        return None
    if not _OWNED_NOUN.fullmatch(c.text, owner.end, pos):
        return None
    lead = c.span(owner.start - 30, owner.start)
    blocked = _BLOCKED.search(lead) is not None
    if not (blocked or re.search(r"\b(?:an?|the|its)\s+$", lead, re.I)):
        return None  # "Palestinian officials applied": the adjective is not the owner of the noun
    return owner, blocked


_NONE_OF = re.compile(r"\b(?:none|neither)\s+of\s+$|\bneither\s+(?:the\s+)?$", re.I)  # ("Neither A nor B is")


def none_of(c: Clause, subject: Group | None) -> bool:
    """ "None of those three countries belongs to the EU": the subject is negated before it."""
    if subject is None:
        return False
    # ("Neither country has signed the NPT": the negation is the subject's own first word)
    return _NONE_OF.search(c.span(subject.start - 12, subject.start)) is not None or c.text[
        subject.start : subject.start + 8
    ].lower().startswith(("neither ", "none "))


def chain_of(c: Clause, subject: Group | None, pos: int) -> str:
    """The verb chain between a subject and its trigger (or the words just before the trigger)."""
    if subject and subject.end <= pos:
        return cues.strip_asides(c.text[subject.end : pos])
    return c.span(pos - 40, pos)


# "agreed to restore relations and reopen embassies": the second infinitive shares the first one's verbs
_COORDINATED_INFINITIVE = re.compile(r"^(.*\bto\s+)(?:[\w-]+\s+){1,8}?(?:and|or)\s+$", re.S)
_INFLECTED = re.compile(r"[\w-]+(?:ed|s)\b")


def _shared_infinitive(chain: str, trigger: str) -> str:
    if not chain.rstrip().endswith(("and", "or")):
        return chain  # (what the pattern needs at the end: the cheap test first)
    shared = _COORDINATED_INFINITIVE.match(chain)
    return shared.group(1) if shared and not _INFLECTED.match(trigger) else chain


# "was suspended in 1995 and was readmitted in May", "were invited and joined a year later": a second
# verb with its own auxiliary, or in the past itself, does not take the first verb's cues
_SECOND_VERB = re.compile(r"^(.*)\b(?:and|but)\s+((?:[\w-]+\s+){0,3})$", re.S)
_OWN_AUX = re.compile(
    r"(?:was|were|is|are|has|have|had|will|would|did|does|do|shall|can|could|may|might)\b", re.I
)
_PAST = re.compile(r"[\w-]+ed\b")


def _own_verb(chain: str, trigger: str) -> str:
    if " and " not in chain and " but " not in chain:
        return chain  # (the cheap test first)
    second = _SECOND_VERB.match(chain)
    if second is None or not _PAST.search(second.group(1)):
        return chain  # no verb before "and" ("said that Chile and ..."): one verb chain
    tail = second.group(2)
    if _OWN_AUX.match(tail):
        return tail
    if _PAST.fullmatch(trigger) and not cues.found(cues.NEGATION, second.group(1)):
        return tail  # (but "has not signed and ratified": the negation covers both)
    return chain


# every match of cues.CONDITION holds one of these (a test far cheaper than the search)
_CONDITION_CUES = (
    "if", "unless", "without", "soon", "long", "provided", "condition", "once", "whether", "only", "toward",
    "exchange", "return",
)


def conditional(c: Clause, subject: Group | None, pos: int) -> bool:
    start = max(c.start, (subject.start if subject else pos) - 30)
    if not holds(c.folded[start:pos], _CONDITION_CUES):
        return False
    return cues.found(cues.CONDITION, c.text[start:pos])


def status_of(c: Clause, subject: Group | None, m: re.Match[str], base: Status) -> Status | None:
    """The status of a trigger given its subject; None when a condition or negated ending drops it."""
    pos = m.start()
    if conditional(c, subject, pos):
        return None
    chain = _own_verb(_shared_infinitive(chain_of(c, subject, pos), m.group()), m.group())
    last = subject.members[-1] if subject else None
    if last and last.nominal:
        if _NOMINAL_ACT.match(last.tail):
            chain = ""  # "Russia's decision to recognise": the decision is the act
        modal = _AFTER_MODAL.match(c.span(m.end(), m.end() + 40))
        if modal:  # "Montenegro's accession would complete ..."
            chain += " " + modal.group()
    if last and last.parliament and base is not Status.ENDED and not cues.found(cues.NEGATION, chain):
        return Status.PROPOSED  # a parliament's vote calls on the government; the state has not acted
    lead = c.span(subject.start - 40, subject.start) if subject else ""  # often empty: a sentence's start
    if lead and cues.found(cues.COUNTERFACTUAL, lead):
        return None  # "vetoed a resolution that would have recommended admitting X"
    if lead and CONTROL.search(lead) and not cues.found(cues.NEGATION, chain):
        return Status.PROPOSED if base is not Status.ENDED else None
    if none_of(c, subject):
        chain = "not " + chain  # "none of the four belongs to the alliance"
    status = cues.status_from_chain(chain, base)
    wide_lead = c.span(subject.start - 70, subject.start) if subject else ""
    if status is Status.IN_FORCE and wide_lead and _LEAD_INTENT.search(wide_lead):
        status = Status.ANNOUNCED  # "agreed in principle to admit X as the 11th member"
    if status in (Status.IN_FORCE, Status.ANNOUNCED) and _condition_after(c.span(m.end(), m.end() + 90)):
        status = Status.PROPOSED  # "would recognise X only if ...": an offer on conditions
    return status


def _condition_after(after: str) -> bool:
    # the words first: the lazy scan tries every place in the window, and few windows hold one
    return cues.may_contain(after, _CONDITION_WORDS) and _CONDITION_AFTER.match(after) is not None


def pairs(
    subjects: list[str],
    objects: list[str],
    pred: RelationType,
    status: Status,
    rule: str,
    pos: int,
    *,
    both: bool = False,
) -> Iterator[Raw]:
    for s in subjects:
        for o in objects:
            if s != o:
                yield Raw(s, pred, o, status, rule, pos)
                if both:
                    yield Raw(o, pred, s, status, rule, pos, mirror=True)


def sides_pairs(sides: list[tuple[str, ...]], status: Status, rule: str, pos: int) -> Iterator[Raw]:
    """Negotiation pairs across sides (members of one named side do not negotiate together)."""
    for i, left in enumerate(sides):
        for right in sides[i + 1 :]:
            yield from pairs(list(left), list(right), N, status, rule, pos)
