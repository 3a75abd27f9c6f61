"""Negotiation rules: talks, negotiations, discussions and meetings between governments.

Parties come from "between X and Y", "X ... with Y", "X and Y held talks" or an "X-Y" compound;
mediators ("US-mediated", "brokered by") and venues ("in Istanbul") are never parties (resolve.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest import cues
from graph.ingest.args import (
    Clause,
    agreement_near,
    elements,
    extend_list,
    holds,
    object_after,
    subject_before,
)
from graph.ingest.cues import Cue
from graph.ingest.lexicon import bilateral_treaties
from graph.ingest.resolve import Group
from graph.ingest.rulebase import M, R, Raw, pairs, sides_pairs, status_of
from graph.models import Status

_PROPOSED = Cue(
    r"\b(?:could|might|may|possib\w+|hop\w+|propos\w+|invit\w+|pave\s+the\s+way|"
    r"would\s+like|call\w*\s+for|urg\w+|offer\w*)\b"
)
_CONDITION = Cue(r"\b(?:as\s+long\s+as|if|unless|provided|on\s+condition)\b")
_ANNOUNCED = Cue(
    r"\b(?:will|would|shall|to\s+be\s+held|expected\s+to|due\s+to|scheduled|set\s+to|plan\w*|agreed|"
    r"ordered|next\s+(?:week|month)|upcoming|coming\s+weeks|framework|to\s+(?:begin|start|hold|"
    r"resume|launch)|in\s+principle)\b"
)
_PAST_DEAL = re.compile(
    r"\s+(?:the|a|an|this|that)\s+(?:\w+\s+){0,2}(?:pact|deal|agreement|treaty|accord)\b", re.I
)
_NEGOTIATED_THING = re.compile(
    r"negotiated\s+(?:solution|settlement|end|outcome|exit|transition|peace)\b", re.I
)
_PASSIVE_DISCUSSED = re.compile(r"\b(?:been|being|is|are|was|were)\s+discussed$", re.I)
_MET_THING = re.compile(
    r"\s+(?:the|its|their|all|a|an|some|most|these|those)\s+(?!(?:leaders?|presidents?|prime|"
    r"foreign|officials?|delegations?|representatives|envoys?|king|emir|chancellor|counterparts?)\b)"
    r"(?-i:[a-z])",  # a common noun: "met the criteria", but not "met the Iranian delegation"
    re.I,
)
_CALLED_OFF = Cue(
    r"\b(?:call\w*\s+off|cancel\w*|scrap\w*|broke\s+off|walk\w*\s+out\s+of|pull\w*\s+out\s+of|"
    r"suspend\w*|froze|frozen|halt\w*|quit|quits|quitting|withdr\w+\s+from|abandon\w*)\b"
)
_TALKS_ENDED = Cue(
    r"^[^.;]{0,70}?\b(?:had\s+|have\s+|has\s+)?(?:ended\s+without|collapsed|broke\s+down|broken\s+down|"
    r"were\s+(?:cancelled|canceled|suspended|called\s+off)|was\s+(?:cancelled|canceled|called\s+off)|"
    r"(?:remain(?:s|ed)?|(?:have|has|had)\s+(?:long\s+)?been|were|stood)\s+(?:frozen|stalled|suspended|"
    r"deadlocked|on\s+hold)|stalled|froze)\b"
)
# "talks with", "negotiating the $20 billion deal with": up to four words, none starting a clause
_WITH = re.compile(r"\s*(?:(?!(?:but|and|or|to|while|after|before|as)\b)[^\s.;,]+\s+){0,4}?with\s+", re.I)
_AMBASSADOR = re.compile(r"\bambassadors?\b|\benvoys?\b", re.I)
_RELATIVE_LEAD = re.compile(r"\b(?:which|who|that)\b[^,;]{0,30}$", re.I)
_CALLS = {"telephone call", "phone call", "telephone conversation", "phone conversation"}
_TALK_VERBS = {
    "met",
    "meet",
    "meets",
    "negotiate",
    "negotiated",
    "negotiates",
    "negotiating",
    "discuss",
    "discussed",
    "discusses",
    "discussing",
    *_CALLS,  # ("X and Y agreed in a telephone call between their presidents")
}
_HOLD = re.compile(
    r"\b(?:held|hold|holds|holding|began|begin|begins|opened|open|resumed|resume|launched|launch|continu\w+|"
    r"started|start|concluded|conclude|had|have|has|wrapped\s+up|entered|enter|kicked\s+off|"
    r"completed|finished|ended|staged|convened|agreed\s+to\s+(?:hold|resume|start|open)|"
    r"(?:reached|agreed|struck)\s+(?:an\s+|a\s+)?(?:agreement|deal|accord)\s+on)\b"
    r"(?:\s+[\w-]+){0,4}\s*$",
    re.I,
)
_REFUSED = Cue(
    r"\b(?:rul\w+\s+out|refus\w+|reject\w*|impossible|no\s+more|will\s+not\s+hold|"
    r"won['’]t\s+hold|ban\w*)\b[^.;]{0,25}$"
)
_CLAUSE_CUT = Cue(r",\s+(?:and|but|while)\b|;|\bbut\b")
_TO_END = re.compile(r"\bto\s+$")
# "who arrived on Monday, is due to hold talks": still ahead, whatever journey came first
_DUE_TO = re.compile(
    r"\b(?:due|expected|scheduled|set|planning|plans?)\s+to\s+(?:hold\s+)?$|\bwill\s+(?:hold\s+)?$", re.I
)
# a past journey made for the meeting: "made a stop in Pakistan to meet", "flew to Kyiv to hold talks"
_TRAVELLED_TO = re.compile(
    r"\b(?:flew|travell?ed|went|arrived|stopped|came|visited|made\s+an?\s+(?:[\w-]+\s+)?(?:stop|visit|trip))\b"
    r"[^.;]{0,60}?\bto\s+(?:hold\s+)?$",
    re.I,
)
_AGREED = re.compile(r"\b(?:agreed|decided|resolved|committed|pledged)\s+to\b", re.I)


_BETWEEN = re.compile(r"\s*(?:\w+\s+){0,3}?(?:between|among|amongst)\s+")
_PLACE = re.compile(r"\b(?:at|in|on|near|inside|outside)\b")


_IN_A = re.compile(r"\b(?:in|during|on)\s+a\s+$", re.I)
# a call the sides held, or in which they agreed ("held a phone call", "agreed in a telephone call")
_CALL_HELD = re.compile(
    r"(?:\b(?:held|hold|holds|holding|had|have|has|will\s+hold)\s+an?|\b(?:in|during)\s+a)\s+(?:[\w-]+\s+)?$",
    re.I,
)
_THEIR = re.compile(r"(?:the\s+two\s+|their\s+)", re.I)


def parties(c: Clause, m: re.Match[str], *, loose: bool = False) -> list[tuple[str, ...]]:
    """The sides of a negotiation trigger (empty when fewer than two are named)."""
    between = _BETWEEN.match(c.text[m.end() : m.end() + 40])
    group = object_after(c, m.end() + between.end(), max_gap=25) if between else None
    if group and len(group.ids) >= 2:
        return elements(group)
    if between and not _THEIR.match(c.text, m.end() + between.end()):
        return []  # ("a call between their presidents": the sides are the sentence's subject)
    brought = _brought_together(c, m)
    if brought:
        return brought
    subject = subject_before(c, m.start(), max_gap=70)
    if subject and any(subject.end <= a.start < m.start() and not a.mediator for a in c.agreements):
        subject = None  # "X urged the EU to speed up talks with Y": the organisation talks, not X
    partner = None
    with_ = _WITH.match(c.text[m.end() : m.end() + 50])
    if with_ and agreement_near(c, m.end() + with_.end(), after=6):
        return []  # "Montenegro has been negotiating with the bloc": with an organisation
    if with_:
        partner = object_after(c, m.end() + with_.end(), max_gap=30, gov=True)
        if partner is None and _mediator_at(c, m.end() + with_.end()):
            with_ = None  # "began negotiations with Turkey acting as go-between": the subject holds the sides
    elif m.group().lower() in {"met", "meet", "meets"} or _IS_MEETING.search(c.span(m.start() - 12, m.end())):
        # "Biden met the leaders of the five states", "Britain is meeting Iran"
        partner = object_after(c, m.end(), max_gap=35, gov=True)
        if partner and _PLACE.search(c.text[m.end() : partner.start]):
            partner = None  # "met at the residence of the Malaysian prime minister": a place, not a party
    if partner and subject is None and _AFTER_TALKS.search(c.span(m.start() - 40, m.start())):
        opener = _sentence_subject(c, m)  # "Georgia lifted its veto after talks with Russia"
        subject = opener if opener and set(opener.ids).isdisjoint(partner.ids) else None
    if subject and partner:
        return [tuple(subject.ids), tuple(partner.ids)]
    if (
        subject
        and not with_
        and subject.end >= m.start() - 60
        and (loose or m.group().lower() in _TALK_VERBS or _HOLD.search(c.text[subject.end : m.start()]))
    ):
        sides = elements(subject)
        if 2 <= len(sides) <= 3:  # four or more leaders meeting is a summit of a group, not talks
            return sides
    return _hyphen_pair(c) or _sentence_pair(c, m)


def _mediator_at(c: Clause, pos: int) -> bool:
    actor = next((a for a in c.actors if a.start >= pos), None)
    return actor is not None and actor.mediator and actor.start - pos <= 30


_BROUGHT = re.compile(r"(?:\s+(?:in|at)\s+[A-Z][\w-]+)?\s+(?:brought|brings|will\s+bring)\s+")
_TOGETHER_WITH = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?together\s+with\s+")


def _brought_together(c: Clause, m: re.Match[str]) -> list[tuple[str, ...]]:
    """ "The talks (in Vienna) brought Zarif together with his counterparts from A and B"."""
    brought = _BROUGHT.match(c.text, m.end())
    one = object_after(c, brought.end(), max_gap=4, gov=True) if brought else None
    together = _TOGETHER_WITH.match(c.text, one.end) if one else None
    other = object_after(c, together.end(), max_gap=30, gov=True) if one and together else None
    if one and other:
        return [tuple(one.ids), tuple(other.ids)]
    together = _BRING_TOGETHER.match(c.text, m.end())
    listed = object_after(c, together.end(), max_gap=4, gov=True) if together else None
    ids = extend_list(c, listed).ids if listed else []
    # "The talks bring together North and South Korea, the United States, ...": each side with every other
    return [(i,) for i in ids] if len(ids) >= 2 else []


_BRING_TOGETHER = re.compile(
    r"(?:\s+(?:in|at)\s+[A-Z][\w-]+)?\s+(?:have\s+|has\s+|will\s+)?(?:brought|brings|bring|bringing)\s+together\s+"
    r"(?:(?:the\s+)?(?:delegations|representatives|envoys|negotiators|officials|diplomats)\s+(?:from|of)\s+)?",
    re.I,
)


_IS_MEETING = re.compile(r"\b(?:is|are|was|were|be|been)\s+meeting$", re.I)
_AFTER_TALKS = re.compile(
    r"\b(?:after|following|during|at|in|amid)\s+(?:[\w-]+\s+){0,3}$|"
    r"\b(?:after|following)\s+(?:\d+|\w+)\s+(?:days|weeks|months|years|rounds)\s+of\s+(?:[\w-]+\s+){0,2}$"
)


def _sentence_pair(c: Clause, m: re.Match[str]) -> list[tuple[str, ...]]:
    """ "The presidents of X and Y agreed ... after talks on the island": the sentence's subject."""
    if m.group().lower() not in {
        "talks",
        "negotiations",
        "discussions",
        "meeting",
        "meetings",
        "summit",
        "consultations",
    }:
        return []
    if not _AFTER_TALKS.search(c.span(m.start() - 40, m.start())):
        return []
    for first in c.groups:
        if first.start - c.start >= 120 or first.end >= m.start():
            break
        if _PASSIVE_SUBJECT.match(c.text, first.end, m.start()):
            continue
        three = len(first.members) == 3 and _LEADERS_OF.search(c.span(first.start - 30, first.start))
        if len(first.members) == 2 or three:  # ("The presidents of Bosnia, Serbia and Croatia initialled")
            return elements(first)
    return []


_LEADERS_OF = re.compile(
    r"\b(?:presidents|leaders|heads\s+of\s+(?:state|government)|(?:prime|foreign)\s+ministers)\s+of\s+$", re.I
)


# "A and B were invited at that meeting": the pair was acted on at a meeting of others
_PASSIVE_SUBJECT = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been|are)\s+(?!(?:engaged|involved|locked|embroiled)\b)\w+ed\b"
)


def _sentence_subject(c: Clause, m: re.Match[str]) -> Group | None:
    """The sentence's opening actor, when it comes early and alone ("Georgia ... after talks with")."""
    first = c.groups[0] if c.groups else None
    if first is None or first.start - c.start >= 60 or first.end >= m.start() or len(first.members) != 1:
        return None
    return first


_HYPHEN = re.compile(r"\s*[-–]\s*")


def _hyphen_pair(c: Clause) -> list[tuple[str, ...]]:
    for g in c.groups:
        if len(g.members) == 2 and _HYPHEN.fullmatch(c.text[g.members[0].end : g.members[1].start]):
            return elements(g)
    return []


_OWN_ENTRY = re.compile(
    r"\s+(?:over\s+|on\s+)?(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:terms|conditions|chapters?)\s+(?:of|for)\s+)?"
    r"(?:their|its)\s+(?:own\s+)?"
    r"(?:entry|accession|membership|admission)\b|\s+(?:on|about|over)\s+(?:joining|membership|accession|entry)\b",
    re.I,
)


# "Britain and Denmark negotiated the right to stay outside": each won terms from others
_WON_TERMS = re.compile(
    r"\s+(?:the\s+|an?\s+|their\s+|its\s+)?(?:right|opt-?outs?|exemptions?|waivers?)\b", re.I
)


def negotiate(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    after = c.text[m.end() : m.end() + 40]
    if _PAST_DEAL.match(after) and _RELATIVE_LEAD.search(c.span(m.start() - 40, m.start())):
        return  # "which negotiated the pact with X": the history of an agreement, not talks now
    if m.group().lower() in {"met", "meet", "meets"} and _MET_THING.match(after):
        return  # "met the criteria", "meet its obligations"
    passive = _PASSIVE_DISCUSSED.search(c.span(m.start() - 14, m.end()))
    if passive or _NEGOTIATED_THING.match(c.text, m.start()):
        return  # "a negotiated solution", "have been discussed as candidates": no talks between these
    if _OWN_ENTRY.match(after) or _WON_TERMS.match(after):
        return  # "are negotiating the terms of their entry": each with the organisation, not each other
    if m.group().lower() == "consultations" and _AMBASSADOR.search(c.span(m.start() - 70, m.start())):
        return  # "recalled their ambassadors for consultations": a protest, not talks
    call = m.group().lower() in _CALLS
    if call and not _CALL_HELD.search(c.span(m.start() - 30, m.start())):
        return  # "announced after a telephone call with X": the call is the news's setting, not talks
    sides = parties(c, m)
    if len(sides) < 2:
        return
    lead = c.span(m.start() - 40, m.start())
    lead_low = cues.lowered(lead)
    if _REFUSED.search(lead, lead_low):
        yield from sides_pairs(sides, Status.DENIED, "negotiate.refused", m.start())
        return  # "ruling out any negotiations with Russia"
    if cues.found(cues.NEGATION, c.span(m.start() - 25, m.end() + 10)):
        return
    status = _talks_status(c, m)
    if call and _IN_A.search(c.span(m.start() - 10, m.start())):
        status = Status.IN_FORCE  # "agreed in a telephone call": the call took place
    if _CALLED_OFF.search(lead, lead_low):
        status = Status.ENDED  # "called off his planned summit with ..."
    yield from sides_pairs(sides, status, "negotiate", m.start())


def _talks_status(c: Clause, m: re.Match[str]) -> Status:
    """Talks now, proposed, announced or (by what follows: "talks ... collapsed") ended."""
    before = c.span(m.start() - 60, m.start())
    low = cues.lowered(before)
    cut = max((b.end() for b in _CLAUSE_CUT.finditer(before, low)), default=0)
    # cues of another clause ("X urged calm, and the leaders met") do not count
    before, low = before[cut:], low[cut:] if low is not None else None
    after = c.span(m.end(), m.end() + 120)
    after_low = cues.lowered(after)
    status = Status.IN_FORCE
    if _PROPOSED.search(before, low) or _CONDITION.search(after, after_low):
        status = Status.PROPOSED
    elif (
        (_ANNOUNCED.search(before, low) or _TO_END.search(before))
        and not cues.GOES_ON.search(before)
        and not (_TRAVELLED_TO.search(before) and not _DUE_TO.search(before))
    ):
        status = Status.ANNOUNCED  # but "are continuing to negotiate", "flew to Lahore to meet" are talks now
    if _TALKS_ENDED.match(after[:90], after_low[:90] if after_low is not None else None):
        status = Status.ENDED
    elif "," in after and _TALKS_ENDED.match(bare := _ASIDES.sub(" ", after)[:90], cues.lowered(bare)):
        status = Status.ENDED  # "negotiations between X and Y, launched in September, broke down"
    return status


# an aside between the talks and their end: "..., launched with fanfare in September, broke down"
_ASIDES = re.compile(
    r",\s*(?:(?:which|who|whose|held|launched|begun|started|mediated|brokered|hosted)\b)[^,;]{0,90}?,\s*"
)
_WITH_LEAD = re.compile(r"\s*(?:\w+\s+){0,3}?with\s+")


def channels(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "X cut off all communication lines with Y": the channel for talks is closed (or reopened)."""
    subject = subject_before(c, m.start())
    w = _WITH_LEAD.match(c.text[m.end() : m.end() + 40])
    partner = object_after(c, m.end() + w.end(), max_gap=20, gov=True) if w else None
    if subject and partner:
        word = m.group().lower()
        status = Status.IN_FORCE if word.startswith(("restor", "reopen", "resum")) else Status.ENDED
        yield from sides_pairs(
            [tuple(subject.ids), tuple(partner.ids)], status, "negotiate.channels", m.start()
        )


def agreement_between(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "an agreement between X and Y": the two negotiated it (whatever the agreement says)."""
    sides = parties(c, m, loose=True)
    if len(sides) >= 2:
        yield from sides_pairs(sides, Status.IN_FORCE, "negotiate.agreement", m.start())


# (looked for in every sentence, not as a trigger: "signed" already starts a membership trigger)
_DEAL_NOUNS = ("agreement", "deal", "accord", "arrangement", "pact", "treaty", "truce", "ceasefire")
_SIGNED_DEAL = re.compile(  # (its nouns are _DEAL_NOUNS, the pre-test's words: one list)
    r"\b(?:sign(?:s|ed|ing)?|inked|reach(?:es|ed|ing)?|struck|strike|conclud(?:e|es|ed|ing))\s+"
    rf"an?\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(_DEAL_NOUNS)})\b",
    re.I,
)
_COOPERATION = re.compile(
    r"\b(?:defen[cs]e|security|military|trade|economic|co-?operation|investment|visa|energy|arms|port|"
    r"maritime|migration|aviation|tax|loan|aid|partnership)\b",
    re.I,
)
_ON_TALKS = re.compile(r"\s+(?:on|to)\s+[^.;]{0,50}?\b(?:talks|negotiations|discussions)\b", re.I)
_NOT_YET = re.compile(r"\b(?:before|until|unless|if|once|when|whether)\b[^,;]*$", re.I)


def signed_deals(c: Clause) -> Iterator[Raw]:
    """ "X and Y signed an agreement", "X reached a deal with Y": the two negotiated it. A deal the
    catalog names ("signed the Abraham Accords") is membership, which the membership rules read."""
    if not holds(c.folded[c.start : c.end], _DEAL_NOUNS):
        return
    for m in _SIGNED_DEAL.finditer(c.text, c.start, c.end):
        if any(m.start() <= a.start < m.end() + 3 for a in c.agreements):
            continue
        if _COOPERATION.search(m.group()) and m.group()[:1] in "sSiI":  # (signed or inked, not reached)
            continue  # "signed a defence pact with Somalia": cooperation agreed, not a dispute negotiated
        sides = parties(c, m, loose=True)
        if len(sides) < 2 or cues.found(cues.NEGATION, c.span(m.start() - 25, m.start())):
            continue
        if _NOT_YET.search(c.span(m.start() - 60, m.start())):
            continue  # "before the two sides reach a peace agreement": not done
        if _ON_TALKS.match(c.text, m.end(), c.end):
            continue  # "reached an agreement on a framework of talks": the talks rule reads those
        # only a deal made: one hoped for or planned is no evidence that they talk now
        if status_of(c, None, m, Status.IN_FORCE) is Status.IN_FORCE:
            yield from sides_pairs(sides, Status.IN_FORCE, "negotiate.signed", m.start())
            yield from _peace_treaty(sides, m)


def _peace_treaty(sides: list[tuple[str, ...]], m: re.Match[str]) -> Iterator[Raw]:
    """ "Jordan and Israel signed a peace treaty": the one bilateral treaty the catalog knows
    between the two."""
    if len(sides) != 2 or "peace" not in m.group().lower():
        return
    for one, other, treaty in bilateral_treaties(sides[0], sides[1]):
        yield from pairs([one, other], [treaty], M, Status.IN_FORCE, "member.peace_signed", m.start())


def normalisation(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "a deal to normalise ties", "a process of normalising relations": talks, not yet ties;
    when the parties "agreed to" normalise, the ties themselves are announced as well."""
    sides = parties(c, m, loose=True)
    if len(sides) < 2:
        return
    yield from sides_pairs(sides, Status.IN_FORCE, "negotiate.normalisation", m.start())
    if _AGREED.search(c.span(m.start() - 40, m.start())) and len(sides) == 2:
        for left, right in ((sides[0], sides[1]), (sides[1], sides[0])):
            yield from pairs(list(left), list(right), R, Status.ANNOUNCED, "ties.agreed", m.start())


_VISIT_TARGET = re.compile(r"\s+(?:to\s+)?(?:the\s+)?$")


def visit(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Saudi Arabia's foreign minister is expected to visit Tehran", "Netanyahu's visit to Oman":
    a visit by one government to another is talks between them (announced while still ahead)."""
    host = next((g for g in c.groups if g.start >= m.end() and g.start - m.end() <= 12), None)
    if host is None or not _VISIT_TARGET.fullmatch(" " + c.text[m.end() : host.start]) or len(host.ids) != 1:
        return
    guest = subject_before(c, m.start(), max_gap=60)
    if guest is None or set(guest.ids) & set(host.ids) or len(guest.ids) != 1:
        return
    after = c.span(m.end(), m.end() + 80)
    if _CONDITION.search(after, cues.lowered(after)):
        return
    status = cues.status_from_chain(cues.strip_asides(c.text[guest.end : m.start()]), Status.IN_FORCE)
    if status not in (Status.IN_FORCE, Status.ANNOUNCED, Status.PROPOSED):
        return  # a visit refused or called off says nothing about talks
    if status is Status.ANNOUNCED and cues.found(cues.ORDINAL, c.span(m.start() - 60, m.start())):
        status = Status.IN_FORCE  # "the first Cuban foreign minister to visit Washington in decades"
    yield from sides_pairs([tuple(guest.ids), tuple(host.ids)], status, "negotiate.visit", m.start())
