"""Recognition rules: recognise (active, passive, nominal, extended, announced, withdrawn,
rejected), "recognition by/came from", and what "it", "them" and "the new state" stand for.
Diplomatic ties, switches and allies are in ``ties``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest import cues
from graph.ingest.args import Clause, object_after, subject_before
from graph.ingest.fastre import scanner
from graph.ingest.lexicon import Kind
from graph.ingest.resolve import Group
from graph.ingest.rulebase import R, Raw, conditional, pairs, status_of
from graph.models import Status

_NOT_A_STATE = re.compile(
    r"\s+(?:that|how|the\s+need|the\s+importance|the\s+right|the\s+role|the\s+efforts?|government|authorit|"
    r"leaders?|borders?|boundar|rights|standards?|experts?|expert|international|president|as\s+(?:a|an|the)\s+leader|"
    r"opposition|interim|elections?)",
    re.I,
)
_INDEPENDENCE = re.compile(
    r"^\s+(?:the|its|their)\s+(?:\w+\s+){0,2}(?:independence|statehood|sovereignty)\b"
    r"(?!\s+of\s+(?:the\s+)?[A-Z])",
    re.I,
)
_NONE_INCLUDING = re.compile(
    r"\b(?:no|any)\b[^,.;]{0,40},?\s+(?:including|not\s+even|even)\s+(?:the\s+)?$", re.I
)
_INCLUDING = re.compile(r"^[^.;]{0,40}?\b(?:including|such\s+as|among\s+them|notably|among\s+which)\s+", re.I)
_LIST_MORE = re.compile(
    r"[\s,]*(?:and\s+)?(?:the\s+)?(?:(?:leaders?|presidents?|governments?|heads\s+of\s+state|"
    r"prime\s+ministers?)\s+of\s+)?(?:the\s+)?",
    re.I,
)
_ACT = re.compile(
    r"\s+(?:the|its|their)\s+(?:\w+\s+){0,2}(?:act|declaration|proclamation|secession|referendum|vote)\b",
    re.I,
)
_THEM = re.compile(r"^\s+(?:them|it)\b", re.I)


def _known_object(c: Clause) -> list[str]:
    """What "it", "them", "the new state" stand for: the last state recognised, else the last
    contested state named."""
    if c.recent_objects:
        return [*c.recent_objects]
    return [c.contested] if c.contested else []


def _object(c: Clause, m: re.Match[str]) -> list[str]:
    obj = object_after(c, m.end(), max_gap=50)
    after = c.text[m.end() : m.end() + 40]
    if obj is None:
        act = _ACT.match(c.text[m.end() : m.end() + 40])
        if act:  # "recognise the unilateral act proclaimed by the assembly of Kosovo"
            owner = object_after(c, m.end() + act.end(), max_gap=60)
            if owner and re.search(r"\bof\s+(?:the\s+)?$", c.text[m.end() + act.end() : owner.start]):
                return owner.ids
        return _known_object(c) if _THEM.match(after) or _INDEPENDENCE.match(after) else []
    if all(a.kind in (Kind.SEAT, Kind.LEADER) for a in obj.members) and (
        re.match(r"\s+as\s+(?:\w+\s+){0,3}capital\b", c.text[obj.end : obj.end + 40])
        or any(a.kind is Kind.LEADER for a in obj.members)
    ):
        return []  # "recognise Jerusalem as the capital" (a city), "recognise Maduro" (a government)
    if any(a.kind is Kind.NEW_STATE for a in obj.members):
        return _known_object(c)  # "would not recognise the new state"
    return obj.ids


def recog_active(
    c: Clause, m: re.Match[str], base: Status = Status.IN_FORCE, rule: str = "recognize"
) -> Iterator[Raw]:
    if _NOT_A_STATE.match(c.text[m.end() : m.end() + 24]):
        return  # "recognises that ...": acknowledging a fact, not recognising a state
    subject = subject_before(c, m.start())
    objects = _object(c, m)
    if subject is None and objects:
        obj = object_after(c, m.end(), max_gap=50)
        subject = listed_after(c, obj.end) if obj else None
    if (
        subject
        and not objects
        and re.match(r"\s+(?:each\s+other|the\s+other)\b", c.text[m.end() : m.end() + 12])
    ):
        objects, rule = subject.ids, rule + ".mutual"
    if subject is None and re.search(r"\bneither\s+(?:\w+\s+)?$", c.span(m.start() - 20, m.start())):
        pair = next((g for g in c.groups if len(g.ids) == 2 and g.end <= m.start()), None)
        if pair and re.match(r"\s+the\s+other\b", c.text[m.end() : m.end() + 12]):
            yield from pairs(pair.ids, pair.ids, R, Status.DENIED, rule + ".neither", m.start())
        return
    if not subject or not objects:
        return
    status = status_of(c, subject, m, base)
    if status and _NONE_INCLUDING.search(c.span(subject.start - 50, subject.start)):
        status = Status.DENIED  # "no UN member, including Russia, recognises ..."
    if status:
        c.recent_objects[:] = objects
        yield from pairs(subject.ids, objects, R, status, rule, m.start())


def listed_after(c: Clause, pos: int) -> Group | None:
    """ "15 countries have recognised X, including A, B and C": the listed countries."""
    lead = _INCLUDING.match(c.span(pos, pos + 60))
    return object_after(c, pos + lead.end(), max_gap=40) if lead else None


def recog_announce(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Portugal announced its own recognition": of the state recognised just before."""
    subject = subject_before(c, m.start())
    if subject and c.recent_objects:
        status = status_of(c, subject, m, Status.IN_FORCE)
        if status:
            yield from pairs(subject.ids, [*c.recent_objects], R, status, "recognize.announced", m.start())


def recog_reject(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Serbia rejects Kosovo's declaration of independence": a refusal to recognise."""
    yield from recog_active(c, m, Status.DENIED, "recognize.reject")


_DECLARED = scanner(
    r"\b(?:declar\w+|proclaim\w+)\s+(?:its\s+|their\s+)?(?:own\s+)?independence\b|"
    r"\b(?:independence\s+declaration|declaration\s+of\s+independence)\b",
    re.I,
)


def note_declarations(c: Clause) -> None:
    """ "Catalonia declared independence": the declarer is what a later "it" is recognised as."""
    for m in _DECLARED.finditer(c.text, c.start, c.end):
        subject = subject_before(c, m.start(), max_gap=60)
        if subject:
            c.recent_objects[:] = subject.ids


def recog_by(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "follows recognition by Spain, Ireland and Norway": of the state recognised just before."""
    objects = _known_object(c)
    if not objects or cues.NEGATION.search(c.span(m.start() - 25, m.start())):
        return
    first = object_after(c, m.end(), max_gap=6)
    if first is None:
        return
    subjects, pos = list(first.ids), first.end
    for group in c.groups:  # "came from British Prime Minister X, ... and the leaders of A, B and C"
        if group.start >= pos and _LIST_MORE.fullmatch(c.text[pos : group.start]):
            subjects += group.ids
            pos = group.end
    yield from pairs(list(dict.fromkeys(subjects)), objects, R, Status.IN_FORCE, "recognize.by", m.start())


def recog_withdraw(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, Status.ENDED, "recognize.withdraw")


def recog_noun(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    subject = subject_before(c, m.start(), max_gap=60)
    if subject and not (subject.members[-1].nominal or subject.members[-1].gov):
        return  # "recognition of X" needs an owner: "Sweden's recognition", "Israeli recognition"
    yield from recog_active(c, m, rule="recognize.noun")


def recog_extend(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, rule="recognize.extend")


def accept_state(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, rule="recognize.accept_as_state")


def recog_passive(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    obj = subject_before(c, m.start())
    subject = object_after(c, m.end(), max_gap=80)
    if subject and not subject.ids:
        subject = listed_after(c, subject.end)
    if not obj or not subject or conditional(c, obj, m.start()):
        return
    objects = _known_object(c) if any(a.kind is Kind.NEW_STATE for a in obj.members) else obj.ids
    status = cues.status_from_chain(c.text[obj.end : m.start()], Status.IN_FORCE)
    if status and _NONE_INCLUDING.search(c.span(m.end(), subject.start)):
        status = Status.DENIED  # "never recognised by any UN member, including Armenia"
    if status:
        c.recent_objects[:] = objects
        yield from pairs(subject.ids, objects, R, status, "recognize.passive", m.start())
