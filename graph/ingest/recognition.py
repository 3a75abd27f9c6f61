"""Recognition rules: recognise (active, passive, nominal, extended, announced, withdrawn,
rejected), "recognition by/came from", and what "it", "them" and "the new state" stand for.
Diplomatic ties, switches and allies are in ``ties``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest import cues
from graph.ingest.args import Clause, object_after, subject_before
from graph.ingest.fastre import scanner
from graph.ingest.lexicon import Kind, get_lexicon
from graph.ingest.resolve import Group, stated_count
from graph.ingest.rulebase import UNNAMED, R, Raw, conditional, pairs, status_of
from graph.models import Status

_NOT_A_STATE = re.compile(
    r"\s+(?:the\s+(?:[\w-]+\s+){0,2}(?:killings?|genocide|massacres?|atrocities|crimes?|results?|outcome|vote|"
    r"referendum|legitimacy|annexation)\b|"
    r"the\s+(?:interim|new|transitional|military)\s+(?:government|authorit|leader)|that|how|the\s+need|the\s+importance|the\s+right|the\s+role|the\s+efforts?|government|authorit|"
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
_SOVEREIGNTY = re.compile(
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:sovereignty|claim|annexation)\s+(?:over|to)\b", re.I
)
_TERRITORIAL = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:sovereignty|claim|control|annexation)\s+(?:over|of|to)\b")
_BUT_NOT = re.compile(r",?\s+(?:but|and)\s+not\s+(?:yet\s+)?by\s+(?:the\s+)?", re.I)
_BARE_NOUN = re.compile(r"recognition$", re.I)  # "withheld recognition" with no "of X" after it
_THEM = re.compile(
    r"^\s+(?:them|it|both(?:\s+(?:breakaway|separatist|self-declared|disputed))?\s+(?:territories|regions|entities|"
    r"republics|states|provinces|enclaves)|both(?=\s+(?:as|in|on|after|before|within)\b|\s*[,.;]))\b",
    re.I,
)
_INDEPENDENCE_OF = re.compile(
    r"^\s+the\s+independence\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:regions?|territor\w+|provinces?)\s+of\s+)?",
    re.I,
)


def _known_object(c: Clause, pos: int | None = None) -> list[str]:
    """What "it", "them", "the new state" stand for: the last state recognised, else the last
    contested states named (in this sentence before ``pos``, else before it)."""
    if c.recent_objects:
        return [*c.recent_objects]
    here = [g for g in c.groups if pos is not None and g.end <= pos and set(g.ids) <= get_lexicon().contested]
    if here:
        return list(here[-1].ids)  # "Georgia lost Abkhazia and South Ossetia, and Russia recognised both"
    if c.contested and c.contested in c.contested_group:
        return list(c.contested_group)  # the last two named together: "recognised both"
    return [c.contested] if c.contested else []


def _bare_object(c: Clause) -> list[str]:
    """What "revoked their recognition" is of: the disputed state in the news, else the last one
    recognised."""
    if c.contested and c.contested not in c.recent_objects:
        return [c.contested]
    return _known_object(c)


_IT_THEN = re.compile(r"\s+(?:it|them)\b(?!\s+(?:as|to)\b)", re.I)
_OF_END = re.compile(r"\bof\s+(?:the\s+)?$")
_AS_CAPITAL = re.compile(r"\s+as\s+(?:\w+\s+){0,3}capital\b")


def _object(c: Clause, m: re.Match[str]) -> list[str]:
    if _SOVEREIGNTY.match(c.text, m.end()):
        return []  # "recognised Moroccan sovereignty over Western Sahara": a territorial claim
    after = c.text[m.end() : m.end() + 40]
    if _IT_THEN.match(after):
        return _known_object(c, m.start())  # "recognised it in February, and Britain followed": not Britain
    of = _INDEPENDENCE_OF.match(c.text[m.end() : m.end() + 80])
    obj = object_after(c, m.end() + of.end(), max_gap=4) if of else None
    obj = obj or object_after(c, m.end(), max_gap=50)
    if obj is None:
        act = _ACT.match(c.text[m.end() : m.end() + 40])
        if act:  # "recognise the unilateral act proclaimed by the assembly of Kosovo"
            owner = object_after(c, m.end() + act.end(), max_gap=60)
            if owner and _OF_END.search(c.text[m.end() + act.end() : owner.start]):
                return owner.ids
        if _BARE_NOUN.search(m.group()):
            return _bare_object(c)
        if _THEM.match(after) or _INDEPENDENCE.match(after):
            return _known_object(c, m.start())
        return []
    if all(a.kind in (Kind.SEAT, Kind.LEADER) for a in obj.members) and (
        _AS_CAPITAL.match(c.text[obj.end : obj.end + 40]) or any(a.kind is Kind.LEADER for a in obj.members)
    ):
        return []  # "recognise Jerusalem as the capital" (a city), "recognise Maduro" (a government)
    if any(a.kind is Kind.NEW_STATE for a in obj.members):
        known = _known_object(c)  # "would not recognise the new state"
        count = stated_count(c.text[obj.start : obj.end])
        if count and len(known) != count:
            return []  # "the two separatist regions" when the states in the news are not two
        return known
    if _TERRITORIAL.match(obj.members[-1].tail):
        return []  # "recognise Rabat's sovereignty over Western Sahara": a territorial claim
    return _contested_republic(c, obj)


def _contested_republic(c: Clause, obj: Group) -> list[str]:
    """A recognised "the republic" is the contested state the story is about, not the country named
    last ("Kosovo broke away from Serbia ... the republic has been recognised by ...")."""
    only = obj.members[0] if len(obj.members) == 1 else None
    if (
        only is not None
        and only.kind is Kind.DESC
        and c.contested
        and not set(only.ids) & get_lexicon().contested
        and c.text[only.start : only.end].lower() == "the republic"
    ):
        return [c.contested]
    return list(obj.ids)


_COUNTED_DOERS = re.compile(
    r"\b(?:\d+|dozens|several|many|most|number\s+of)\b[^.;]{0,40}?\b(?:countries|states|nations|governments)\b"
    r"[^.;]{0,30}$",
    re.I,
)
_NO_ONE = re.compile(
    r"\b(?:no|not\s+a\s+single)\s+(?:other\s+)?(?:country|state|government|nation)\b[^,;]*$", re.I
)
_NOT_EVEN = re.compile(r",\s*not\s+even\s+(?:the\s+)?")
_EACH_OTHER = re.compile(r"\s+(?:each\s+other|the\s+other)\b")
_NEITHER = re.compile(r"\bneither\s+(?:\w+\s+)?$")
_THE_OTHER = re.compile(r"\s+the\s+other\b")
_IT = re.compile(r"\s+it\b")


def recog_active(
    c: Clause, m: re.Match[str], base: Status = Status.IN_FORCE, rule: str = "recognize"
) -> Iterator[Raw]:
    if _NOT_A_STATE.match(c.text[m.end() : m.end() + 24]):
        return  # "recognises that ...": acknowledging a fact, not recognising a state
    subject = subject_before(c, m.start())
    objects = _relative_object(c, subject) or _object(c, m)
    if subject is None and objects:
        obj = object_after(c, m.end(), max_gap=50)
        subject = listed_after(c, obj.end) if obj else None
        if subject is None and _NO_ONE.search(c.span(m.start() - 30, m.start())):
            even = _NOT_EVEN.search(c.text, m.end(), c.end)  # "No country recognises X, not even Russia"
            who = object_after(c, even.end(), max_gap=2) if even else None
            if who:
                yield from pairs(who.ids, objects, R, Status.DENIED, rule + ".not_even", m.start())
            return
    if subject and not objects and _EACH_OTHER.match(c.text[m.end() : m.end() + 12]):
        objects, rule = subject.ids, rule + ".mutual"
    if subject is None and _NEITHER.search(c.span(m.start() - 20, m.start())):
        pair = next((g for g in c.groups if len(g.ids) == 2 and g.end <= m.start()), None)
        if pair and _THE_OTHER.match(c.text[m.end() : m.end() + 12]):
            yield from pairs(pair.ids, pair.ids, R, Status.DENIED, rule + ".neither", m.start())
        return
    if subject and subject.start > m.start() and set(objects) == set(subject.ids):
        objects = _bare_object(c)  # "N countries have revoked their recognition, among them A and B"
    if subject is None and objects and _COUNTED_DOERS.search(c.span(m.start() - 70, m.start())):
        done = status_of(c, None, m, base)  # "the number of countries that have recognised Kosovo"
        if done:
            for target in objects:
                yield Raw(UNNAMED, R, target, done, rule + ".unnamed", m.start())
        return
    if not subject or not objects or (set(objects) & set(subject.ids) and not rule.endswith(".mutual")):
        return  # (a list does not recognise one of its own members: a description resolved wrongly)
    if _IT.match(c.text[m.end() : m.end() + 4]):
        between = [g for g in c.groups if subject.end <= g.start and g.end <= m.start() and len(g.ids) == 1]
        if between and between[-1].ids != subject.ids:
            objects = between[-1].ids  # "arms Taiwan but does not recognise it"
    status = status_of(c, subject, m, base)
    if status and _NONE_INCLUDING.search(c.span(subject.start - 50, subject.start)):
        status = Status.DENIED  # "no UN member, including Russia, recognises ..."
    if status:
        c.recent_objects[:] = objects
        yield from pairs(subject.ids, objects, R, status, rule, m.start())


_WHICH_GAP = re.compile(r"\s*,\s*(?:which|whom)\s+")


def _relative_object(c: Clause, subject: Group | None) -> list[str]:
    """ "Kosovo, which North Macedonia recognised in 2008": the object is the relative's antecedent."""
    if subject is None or "which" not in c.span(subject.start - 9, subject.start):
        return []
    before = next((g for g in reversed(c.groups) if g.end < subject.start), None)
    if before is None or not _WHICH_GAP.fullmatch(c.text, before.end, subject.start):
        return []
    return list(before.ids)


def listed_after(c: Clause, pos: int) -> Group | None:
    """ "15 countries have recognised X, including A, B and C": the listed countries."""
    lead = _INCLUDING.match(c.span(pos, pos + 60))
    return object_after(c, pos + lead.end(), max_gap=40) if lead else None


_MORE_INCLUDING = re.compile(
    r"^,?\s+and\s+[^,.;]{0,50},\s+(?:including|such\s+as|notably)\s+(?:the\s+)?$", re.I
)


def _more_listed(c: Clause, group: Group) -> Group:
    """ "among them A and most members of the EU, including B and C": both lists."""
    nxt = next((g for g in c.groups if g.start >= group.end), None)
    if nxt and _MORE_INCLUDING.match(c.text[group.end : nxt.start]):
        return Group(group.start, nxt.end, group.members + nxt.members)
    return group


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
    r"\b(?:became|becomes|become)\s+(?:fully\s+|formally\s+)?independent\b|"
    r"\b(?:gained|gains|won|wins|achieved)\s+(?:its\s+|their\s+)?independence\b|"
    r"\b(?:independence\s+declaration|declaration\s+of\s+independence)\b",
    re.I,
)


def note_declarations(c: Clause) -> None:
    """ "Catalonia declared independence": the declarer is what a later "it" is recognised as."""
    if not cues.may_contain(c.text[c.start : c.end], ("independen",)):
        return  # every declaration names it; most sentences do not
    for m in _DECLARED.finditer(c.text, c.start, c.end):
        subject = subject_before(c, m.start(), max_gap=60)
        if subject:
            c.recent_objects[:] = subject.ids


def recog_by(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "follows recognition by Spain, Ireland and Norway": of the state recognised just before."""
    objects = _known_object(c)
    if not objects or cues.found(cues.NEGATION, c.span(m.start() - 25, m.start())):
        return
    first = object_after(c, m.end(), max_gap=6) or listed_after(c, m.end())
    if first is None:
        return  # "won recognition from over 100 countries, among them the US" is listed after
    subjects, pos = list(first.ids), first.end
    for group in c.groups:  # "came from British Prime Minister X, ... and the leaders of A, B and C"
        if group.start >= pos and _LIST_MORE.fullmatch(c.text[pos : group.start]):
            subjects += group.ids
            pos = group.end
    yield from pairs(list(dict.fromkeys(subjects)), objects, R, Status.IN_FORCE, "recognize.by", m.start())


def recog_withdraw(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, Status.ENDED, "recognize.withdraw")


def recog_withhold(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Five EU countries, including Spain and Greece, withhold recognition": a refusal."""
    yield from recog_active(c, m, Status.DENIED, "recognize.withhold")


def recog_noun(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    subject = subject_before(c, m.start(), max_gap=60)
    if subject and not (subject.members[-1].nominal or subject.members[-1].gov):
        return  # "recognition of X" needs an owner: "Sweden's recognition", "Israeli recognition"
    if subject and not subject.members[-1].nominal and _SAID.search(c.text, subject.end, m.start()):
        return  # "Israel's foreign ministry said recognition of X could only come ...": no owner
    yield from recog_active(c, m, rule="recognize.noun")


def recog_extend(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, rule="recognize.extend")


def accept_state(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from recog_active(c, m, rule="recognize.accept_as_state")


_SAID = re.compile(r"\b(?:said|says|expressed|added|stressed|insisted|warned|told|argued)\b")
_FROM_END = re.compile(r"\b(?:from|with|against)\s+(?:the\s+)?$")


def recog_passive(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    obj = subject_before(c, m.start())
    if obj and _FROM_END.search(c.span(obj.start - 12, obj.start)):
        first = c.groups[0]  # "Kosovo declared independence from Serbia and has been recognised by"
        obj = first if first.end <= obj.start and first.start - c.start < 30 else None
    subject = object_after(c, m.end(), max_gap=80)
    if subject and not subject.ids:
        subject = listed_after(c, subject.end)
    elif subject is None:
        subject = listed_after(c, m.end())  # "by more than 100 countries, including A and B"
    if subject:
        subject = _more_listed(c, subject)
    if not obj or not subject or conditional(c, obj, m.start()):
        return
    if "accepted" in m.group().lower() and not set(obj.ids) <= get_lexicon().contested:
        return  # "Kosovo has been accepted by 30 governments"; not "the plan was accepted by X"
    new_state = any(a.kind is Kind.NEW_STATE for a in obj.members)
    objects = _known_object(c) if new_state else _contested_republic(c, obj)
    # the trigger holds its own adverbs ("is not recognised by", "is not yet recognised by")
    verb_chain = c.text[obj.end : m.start()] + m.group()[: m.group().lower().find("recogni")]
    status = cues.status_from_chain(verb_chain, Status.IN_FORCE)
    if status and _NONE_INCLUDING.search(c.span(m.end(), subject.start)):
        status = Status.DENIED  # "never recognised by any UN member, including Armenia"
    if status:
        c.recent_objects[:] = objects
        yield from pairs(subject.ids, objects, R, status, "recognize.passive", m.start())
        but_not = _BUT_NOT.search(c.text, subject.end, min(c.end, subject.end + 120))
        refusers = object_after(c, but_not.end(), max_gap=4) if but_not else None
        if refusers and status is Status.IN_FORCE:  # "..., but not by Russia or China"
            yield from pairs(refusers.ids, objects, R, Status.DENIED, "recognize.passive.not", m.start())
