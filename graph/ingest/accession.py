"""Accession processes: candidates, accession talks, bids and applications to join.

Being in an accession process is a *proposed* membership whatever the process's mood ("has not
yet opened accession talks", "its talks have been frozen": still a candidate), unless the bid is
given up ("withdrew its application", "ruled out a bid"). Talks about accession are with the
organisation, so they never make the candidates negotiate with each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest.args import Clause, agreement_near, extend_list, object_after, subject_before
from graph.ingest.resolve import Actor, Group
from graph.ingest.rulebase import M, Raw, adjective_owner, conditional, pairs
from graph.models import Status

_GIVEN_UP = re.compile(
    r"\b(?:withdr\w+|abandon\w*|dropp?\w*|shelv\w+|rul\w+\s+out|reject\w*|renounc\w+|gave\s+up|"
    r"giv\w+\s+up|no\s+longer|refus\w+)\b",
    re.I,
)
_BY_ORG = re.compile(r"^\s*(?:to|with)\s+(?:the\s+)?$|^\s+(?:to|with)\s+", re.I)


_ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?$")
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}")


def _owner(c: Clause, pos: int) -> Group | None:
    """ "Turkey's (faltering) bid", "Serbia, a candidate since 2012", "Croatia began accession talks"."""
    if _ITS.search(c.span(pos - 30, pos)):
        first = next((g for g in c.groups if g.end <= pos), None)  # "its accession talks": the topic
        return Group(first.start, first.end, first.members[-1:]) if first else c.topic
    for group in reversed(c.groups):
        if group.end <= pos and pos - group.end <= 40:
            gap = c.text[group.end : pos]
            if group.members[-1].possessive and _POSSESSIVE_GAP.fullmatch(gap):
                return Group(group.start, group.end, group.members[-1:])
            break
    return subject_before(c, pos, max_gap=90)


def accession(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Croatia and Turkey began accession negotiations", "Serbia, a candidate since 2012",
    "EU leaders agreed to open accession talks with Ukraine and Moldova"."""
    org = agreement_near(c, m.start(), after=0, before=60)
    with_ = _BY_ORG.match(c.span(m.end(), m.end() + 8))
    members = object_after(c, m.end() + with_.end(), max_gap=6) if with_ else None
    if org and members and (members.start > org.end):
        subjects: Group | None = extend_list(c, members)  # the organisation opens talks with them
        agreement: Actor | None = org
    elif m.group().lower().endswith(" on"):  # "opened talks on Turkish membership"
        owner = next((a for a in c.actors if 0 <= a.start - m.end() <= 2 and a.ids), None)  # (a weak demonym)
        subjects = Group(owner.start, owner.end, [owner]) if owner else None
        agreement = agreement_near(c, m.end(), after=40) or org or c.last_agreement
    elif owned := adjective_owner(c, m.start()):  # "vetoed a Palestinian bid to join the UN"
        subjects, agreement = owned[0], agreement_near(c, m.end(), after=40) or org
        if agreement is not None:
            status = Status.DENIED if owned[1] else Status.PROPOSED
            yield from pairs(subjects.ids, [agreement.ids[0]], M, status, "member.accession", m.start())
        return
    else:
        subjects = _owner(c, m.start())
        named = next((a for a in reversed(c.agreements) if a.end <= m.start()), None)
        agreement = agreement_near(c, m.end(), after=40) or org or named or c.last_agreement
    if subjects is None or agreement is None:
        return
    if conditional(c, None, m.start()) and not with_:
        return
    chain = c.span(subjects.end, m.start())
    status = Status.DENIED if _GIVEN_UP.search(chain) else Status.PROPOSED
    yield from pairs(subjects.ids, [agreement.ids[0]], M, status, "member.accession", m.start())
