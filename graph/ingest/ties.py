"""Diplomatic-ties rules: relations established or restored (both ways), cut, held or denied,
stated in the passive, exchanged ambassadors, recognition switches and allies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph.ingest import cues
from graph.ingest.args import BOUNDARY, Clause, extend_list, object_after, subject_before
from graph.ingest.lexicon import Kind, get_lexicon
from graph.ingest.recognition import listed_after
from graph.ingest.resolve import Group
from graph.ingest.rulebase import CONTROL, M, R, Raw, conditional, pairs, status_of
from graph.models import Status

_NOT_DIPLOMATIC = re.compile(
    r"\b(?:military|economic|trade|security|business|cultural|energy|defen[cs]e|"
    r"political)\s+(?:relations|ties|links)\b",
    re.I,
)


_NOT_PARTNER = re.compile(
    r"\b(?:solidarity|line|step|coordination|accordance|keeping|agreement|consultation)\s+with\s+$", re.I
)


_PARTNER_LEAD = re.compile(r"\s*(?:with|to)\s+|[^.;]*?\bwith\s+")
_BETWEEN = re.compile(r"\s*between\s+")


def _partner(c: Clause, m: re.Match[str]) -> tuple[Group | None, bool]:
    """The country after "with"/"to" following a ties trigger, and whether a "with" was there."""
    rest = c.span(m.end(), m.end() + 70)
    w = _PARTNER_LEAD.match(rest)
    if not w or BOUNDARY.search(rest[: w.end()]) or _NOT_PARTNER.search(rest[: w.end()]):
        return None, False  # "severed relations in solidarity with Saudi Arabia": not the partner
    if any(m.end() <= a.start < m.end() + w.end() for a in c.actors):
        return None, False  # "establish ties, Seoul ends its relations with Taiwan": another clause's
    return object_after(c, m.end() + w.end(), max_gap=30, gov=True), True


def _new_state(c: Clause, partner: Group | None) -> Group | None:
    """ "established relations with the new state": the state that just became independent."""
    if partner is None or partner.ids or not c.recent_objects:
        return partner
    if not any(a.kind is Kind.NEW_STATE for a in partner.members):
        return partner
    return Group(partner.start, partner.end, [replace(partner.members[0], ids=tuple(c.recent_objects))])


def _ties(c: Clause, m: re.Match[str], base: Status, rule: str, *, mutual: bool) -> Iterator[Raw]:
    between = _BETWEEN.match(c.text[m.end() : m.end() + 12])
    group = object_after(c, m.end() + between.end(), max_gap=5) if between else None
    if group and len(group.ids) >= 2:  # "formalising relations between X and Y"
        status = status_of(c, None, m, base)
        if status in (Status.IN_FORCE, Status.ANNOUNCED, Status.ENDED, Status.DENIED):
            sides = [m_.ids for m_ in group.members] if len(group.members) == 2 else [(i,) for i in group.ids]
            for left in sides:
                for right in sides:
                    if left != right:
                        yield from pairs(list(left), list(right), R, status, rule + ".between", m.start())
        return
    subject = subject_before(c, m.start())
    if not subject or (_NOT_DIPLOMATIC.search(m.group()) and "diplomatic" not in m.group().lower()):
        return
    status = status_of(c, subject, m, base)
    if status is None and base is Status.ENDED and status_of(c, subject, m, Status.IN_FORCE) is Status.DENIED:
        # "never broke off relations with Y", "has not cut ties": the relations stand, both ways
        status, mutual, rule = Status.IN_FORCE, True, rule + ".not"
    if not status:
        return
    if mutual and CONTROL.search(c.span(subject.start - 40, subject.start)):
        mutual = False  # "urged X to restore ties with Y": a wish for X's side only
    if status in (Status.DENIED, Status.PROPOSED):
        mutual = False  # "Riyadh will not establish ties with Israel": the refusal (or offer) is Riyadh's
    partner, has_with = _partner(c, m)
    partner = _new_state(c, partner) or _embassy_host(c, m, subject)
    if partner:
        yield from pairs(subject.ids, partner.ids, R, status, rule, m.start(), both=mutual)
        if status is Status.ENDED and not mutual and set(subject.ids) <= get_lexicon().contested:
            # "Taiwan severs ties with Grenada": Grenada's recognition of Taiwan is what ends
            yield from pairs(partner.ids, subject.ids, R, status, rule + ".by_contested", m.start())
        # both parties join the accords ("opened relations with Bahrain under the Abraham Accords")
        yield from _under(c, m, [*subject.ids, *partner.ids] if mutual else list(subject.ids), status)
    elif (
        not has_with
        and len(subject.ids) == 2
        and not _HELD_EMBASSY.match(m.group())
        and not _BE_THE_NEXT.search(c.text, subject.end, m.start())
    ):
        # "X and Y restored ties": both ways ("X and Y kept their embassies open": in a third country)
        # (three or more "normalised ties" each with someone else, not with each other)
        yield from pairs(subject.ids, subject.ids, R, status, rule + ".among", m.start())


# "Oman and Sudan could be the next Arab governments to normalise ties": with someone else
_BE_THE_NEXT = re.compile(r"\b(?:be|is|are|was|were|become|became)\s+(?:the|among)\b", re.I)
_HELD_EMBASSY = re.compile(r"(?:kept|keep|maintain|has|have|with)", re.I)


def _embassy_host(c: Clause, m: re.Match[str], subject: Group) -> Group | None:
    """ "Britain reopened its embassy in Tehran": the country whose capital hosts it (a venue here)."""
    if not m.group().lower().endswith(("embassy", "embassies")):
        return None
    host = next((a for a in c.actors if a.start > m.end() and not a.agreement), None)
    if host is None or not re.fullmatch(r"\s+in\s+", c.text[m.end() : host.start]) or len(host.ids) != 1:
        return None
    return None if host.ids[0] in subject.ids else Group(host.start, host.end, [host])


_UNDER = re.compile(
    r"\b(?:under|as\s+part\s+of|through|within\s+the\s+framework\s+of)\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}$|"
    # "under agreements signed at the White House known as the Abraham Accords"
    r"\bunder\s+(?:the\s+)?(?:[\w.-]+\s+){0,8}?(?:known\s+as|called|dubbed)\s+(?:the\s+)?$",
    re.I,
)


# ("the Abraham Accords of 2020, under which ...")
_UNDER_WHICH = re.compile(r"(?:\s+of\s+\d{4})?,\s*(?:under|through)\s+which\s")


def _under(c: Clause, m: re.Match[str], parties: list[str], status: Status) -> Iterator[Raw]:
    """ "normalised relations with Israel under the Abraham Accords": the parties join the accords."""
    if status not in (Status.IN_FORCE, Status.ANNOUNCED):
        return
    which = _UNDER_WHICH.search(c.text, max(c.start, m.start() - 120), m.start())
    named = next((a for a in c.agreements if which and a.end == which.start()), None)
    if named:  # "the Abraham Accords, under which A, B and C established relations with Israel"
        yield from pairs(parties, [named.ids[0]], M, status, "member.under", m.start())
        return
    for a in c.agreements:
        lead_start = max(m.end(), a.start - 90)
        under = _UNDER.search(c.text, lead_start, a.start)
        if m.end() <= a.start <= m.end() + 110 and under:
            if not BOUNDARY.search(c.text, m.end(), under.start()):  # ("as part of" is itself a boundary)
                yield from pairs(parties, [a.ids[0]], M, status, "member.under", m.start())
            return


def ties_est(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from _ties(c, m, Status.IN_FORCE, "ties.established", mutual=True)


def ties_cut(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    yield from _ties(c, m, Status.ENDED, "ties.cut", mutual=False)


_BOTH = re.compile(r"both\b", re.I)
_WITH_SOMEONE = re.compile(r"\s+(?:with|to)\b(?!\s+(?:each\s+other|one\s+another)\b)")
_NO = re.compile(r"\b(?:no|never)\b", re.I)
_WILL = re.compile(r"\b(?:will|would|wants?|intends?|plans?)\b", re.I)
_WITH_IT = re.compile(r"\s+with\s+it\b(?!\s+(?:is|was|has|had|will|would)\b)")


def ties_have(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    base = Status.DENIED if _NO.search(m.group()) else Status.IN_FORCE
    between = _BETWEEN.match(c.text, m.end())
    sides = object_after(c, between.end(), max_gap=4) if between else None
    if sides and len(sides.ids) == 2:  # "There are no diplomatic relations between A and B"
        yield from pairs(sides.ids, sides.ids, R, base, "ties.have.between", m.start())
        return
    subject = subject_before(c, m.start())
    if not subject:
        return
    status = base if base is Status.DENIED else status_of(c, subject, m, base)
    if status not in (Status.IN_FORCE, Status.DENIED):
        return
    partner = object_after(c, m.end(), max_gap=20) or listed_after(c, m.end()) or _described_list(c, m.end())
    if partner and _BOTH.match(c.text, partner.start):
        return  # "Singapore, which has ties with both governments, hosted": a go-between's standing
    contested = get_lexicon().contested
    if partner and set(subject.ids) <= contested and not set(partner.ids) & contested:
        # "Taiwan has formal relations with 12 countries, including A and B": what is stated is
        # that they recognise Taiwan
        yield from pairs(partner.ids, subject.ids, R, status, "ties.have", m.start())
    elif partner:  # "X has (no) ties with Y" holds both ways; "X will have no ties with Y" is X's position
        # (but "twelve countries maintain relations with Taiwan" says that they recognise Taiwan)
        stance = status is Status.DENIED and _WILL.search(c.text, subject.end, m.start()) is not None
        both = not stance and not set(partner.ids) <= contested
        yield from pairs(subject.ids, partner.ids, R, status, "ties.have", m.start(), both=both)
        refused = _BUT_NOT_WITH.match(c.text, partner.end) if status is Status.IN_FORCE else None
        others = object_after(c, refused.end(), max_gap=2) if refused else None
        if others:  # "... with Egypt and Jordan, but not with Lebanon or Syria"
            yield from pairs(subject.ids, others.ids, R, Status.DENIED, "ties.have.not", m.start())
    elif len(subject.ids) >= 2 and not _WITH_SOMEONE.match(c.text, m.end()):
        # "A and B have no diplomatic relations"; not "A, B and C maintain ties with it"
        yield from pairs(subject.ids, subject.ids, R, status, "ties.have.among", m.start())
    elif (
        c.contested
        and c.contested not in subject.ids
        and _WITH_IT.match(c.text, m.end())
        and all(g is subject or g.start >= m.start() for g in c.groups)  # no nearer antecedent
    ):
        # "only A, B and C still maintain formal ties with it": the contested state the story is about
        yield from pairs(subject.ids, [c.contested], R, status, "ties.have.it", m.start())


# "with two of its Arab neighbours, Egypt and Jordan": a counted description, then the names
_DESCRIBED_LIST = re.compile(
    r"\s*(?:with\s+)?(?:(?:\w+|most|some|all|several)\s+of\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:neighbours|neighbors|allies|partners|rivals)\s*,\s*(?:the\s+)?",
    re.I,
)
_BUT_NOT_WITH = re.compile(r",?\s+but\s+not\s+(?:with\s+)?(?:the\s+)?", re.I)


def _described_list(c: Clause, pos: int) -> Group | None:
    lead = _DESCRIBED_LIST.match(c.text, pos)
    return object_after(c, lead.end(), max_gap=0) if lead else None


_ENDING_VERBS = {"severed", "cut", "broken", "broke", "ended", "terminated", "suspended"}


def ties_passive(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    verb = m["tp_verb"].lower()
    base = (
        Status.ENDED
        if verb in _ENDING_VERBS
        else Status.ANNOUNCED
        if verb.startswith(("would", "will"))
        else Status.IN_FORCE
    )
    between = [g.ids for g in c.groups if m.start() <= g.start < m.end() and len(g.ids) >= 2]
    named = {i for g in c.groups for i in g.ids}
    if not between and len(named) == 2:
        between = [sorted(named)]  # "X and Y signed a declaration saying relations would resume"
    elif not between and c.pair and named <= set(c.pair):
        between = [list(c.pair)]  # "ties had now been restored": the two countries of the story
    if not between or conditional(c, None, m.start()):
        return
    if cues.found(cues.NEGATION, c.span(m.start() - 30, m.end())):
        if base is not Status.IN_FORCE:
            return
        base = Status.DENIED  # "relations between X and Y have still not been established"
    yield from pairs(between[0], between[0], R, base, "ties.passive", m.start())


_ANNOUNCED_THE = re.compile(r"\bannounc\w+\s+(?:the\s+)?$")


def ties_noun(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "the re-establishment of ties between X and Y": both ways, status from what precedes."""
    between = _BETWEEN.match(c.text[m.end() : m.end() + 12])
    group = object_after(c, m.end() + between.end(), max_gap=5) if between else None
    if not group or len(group.ids) < 2 or conditional(c, None, m.start()):
        return
    lead = c.span(m.start() - 50, m.start())
    status = cues.status_from_chain(lead, Status.IN_FORCE)
    if _ANNOUNCED_THE.search(lead):
        status = Status.ANNOUNCED
    if status in (Status.IN_FORCE, Status.ANNOUNCED, Status.DENIED):
        yield from pairs(group.ids, group.ids, R, status, "ties.noun", m.start())


def envoys(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "X and Y appointed/exchanged ambassadors": full relations, both ways."""
    subject = subject_before(c, m.start())
    if not subject or len(subject.ids) != 2:
        return
    status = status_of(c, subject, m, Status.IN_FORCE)
    if status in (Status.IN_FORCE, Status.ANNOUNCED):
        yield from pairs(subject.ids, subject.ids, R, status, "ties.envoys", m.start())


_A_SWITCH = re.compile(r"\b(?:a|an|another|the|any|possible|feared)\s+$")
_TO = re.compile(r"\bto\s+")
_FROM = re.compile(r"\s*from\s+")


def switch(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "X switched (recognition) from Y to Z": X recognises Z, X no longer recognises Y."""
    if _A_SWITCH.search(c.span(m.start() - 12, m.start())):
        return  # "fears of another switch to China": a noun, nobody switched
    subject = subject_before(c, m.start())
    rest = c.text[m.end() : m.end() + 120]
    to = _TO.search(rest)
    if not subject or not to:
        return
    new = object_after(c, m.end() + to.end(), max_gap=10)
    frm = _FROM.match(rest)
    old = object_after(c, m.end() + frm.end(), max_gap=10) if frm else None
    status = status_of(c, subject, m, Status.IN_FORCE)
    if not new or status is None or _switcher_is_a_side(subject.ids, new.ids, old.ids if old else []):
        return
    yield from pairs(subject.ids, new.ids, R, status, "switch.to", m.start())
    old_ids = old.ids if old else (["TWN"] if "CHN" in new.ids else [])
    if status is Status.IN_FORCE:
        yield from pairs(subject.ids, old_ids, R, Status.ENDED, "switch.from", m.start())


def _switcher_is_a_side(subject: list[str], new: list[str], old: list[str]) -> bool:
    """Who switches is neither side ("China cut ties after it had dropped Taipei for Beijing": the
    "it" read as China is wrong, not China dropping itself)."""
    return not set(subject).isdisjoint([*new, *old])


_FOR = re.compile(r"\s+(?:for|in\s+favou?r\s+of)\s+(?:the\s+)?")
_RIVAL = re.compile(r"(?:its|their)\s+(?:[\w-]+\s+){0,3}rival\b", re.I)
_RIVALS = {"TWN": ["CHN"], "CHN": ["TWN"]}


def switch_for(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Nauru dropped Taipei for Beijing", "to abandon Taipei for its much larger rival"."""
    subject = subject_before(c, m.start())
    old = object_after(c, m.end(), max_gap=6)
    lead = _FOR.match(c.text, old.end) if old else None
    if subject is None or old is None or lead is None:
        return
    new = object_after(c, lead.end(), max_gap=4)
    new_ids = new.ids if new else (_RIVALS.get(old.ids[0], []) if _RIVAL.match(c.text, lead.end()) else [])
    if _switcher_is_a_side(subject.ids, new_ids, old.ids):
        return
    if new_ids and status_of(c, subject, m, Status.IN_FORCE) is Status.IN_FORCE:
        yield from pairs(subject.ids, new_ids, R, Status.IN_FORCE, "switch.for", m.start())
        yield from pairs(subject.ids, old.ids, R, Status.ENDED, "switch.for", m.start())


_REGION_ADJ = r"african|pacific|caribbean|(?:central\s+|latin\s+|south\s+)?american|european|asian|arab"
_ALLY_MODS = re.compile(
    r"['’]s?\s+(?:(?:only|remaining|last|few|other|closest|close|staunch|key|diplomatic|former|"
    rf"formal|official|longtime|long-time|traditional|{_REGION_ADJ}|\w+est)\s+)*",
    re.I,
)


_IN_ORG = re.compile(r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}")
_COMMA_THE = re.compile(r"\s*,\s*(?:the\s+)?")
_OWNER_GAP = re.compile(r"['’]s?\s+(?:(?:other|fellow|closest|close)\s+)?")


def _partners_in(c: Clause, m: re.Match[str]) -> list[Raw] | None:
    """ "Qatar, the UAE's partners in the Gulf Cooperation Council", "Among the Bahamas' partners in
    the Caribbean Community, Jamaica and ...": fellow members of the organisation (None: not this)."""
    if not m.group().lower().startswith("partner"):
        return None
    org = next(
        (a for a in c.agreements if a.start > m.end() and _IN_ORG.fullmatch(c.text, m.end(), a.start)), None
    )
    owner = next((g for g in reversed(c.groups) if g.end <= m.start()), None)
    if org is None or owner is None or not _OWNER_GAP.fullmatch(c.text, owner.end, m.start()):
        return None
    members = list(owner.members[-1].ids)
    before = next((g for g in reversed(c.groups) if g.end <= owner.start), None)
    if before and _COMMA_THE.fullmatch(c.text[before.end : owner.start]):
        members += before.ids  # "Saudi Arabia and Qatar, the UAE's partners in the GCC"
    listed = object_after(c, org.end, max_gap=3)
    if listed and _COMMA_THE.fullmatch(c.text[org.end : listed.start]):
        members += extend_list(c, listed).ids  # "Among the Bahamas' partners in CARICOM, A and B"
    return list(pairs(members, [org.ids[0]], M, Status.IN_FORCE, "member.partners_in", m.start()))


_OWNER_PRONOUN = re.compile(
    r"\b(?:its|the\s+(?:self-ruled\s+|self-governing\s+|democratic\s+)?island['’]s|taipei['’]s)\s+"
    rf"(?:(?:only|remaining|last|few|other|diplomatic|formal|official|former|{_REGION_ADJ}|\w+est)\s+)*$",
    re.I,
)
_MEMBERS_LEAD = re.compile(
    r"^\s*(?:in\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|region|area|world|continent|hemisphere)\s*)?"
    r"(?:[,:—–-]\s*)?"
    r"(?:(?:are|were|is|now|include|includes|included|remain|number|:)\s+)*(?:the\s+)?"
)


def _ally_owner(c: Clause, m: re.Match[str]) -> tuple[list[str], str, int] | None:
    """Whose allies: "Y's (remaining) allies", or "its/the island's remaining allies" for the
    contested state the story is about; with the words between owner and trigger."""
    owner = next((g for g in reversed(c.groups) if m.start() - 40 <= g.end <= m.start()), None)
    if owner and owner.members[-1].possessive:
        between = c.text[owner.end : m.start()]
        # only the possessive element owns ("Besides A and B, Taiwan's partners": Taiwan's)
        member = owner.members[-1]
        return (list(member.ids), between, member.start) if _ALLY_MODS.fullmatch(between) else None
    pron = _OWNER_PRONOUN.search(c.span(m.start() - 60, m.start()))
    if pron and c.contested and re.search(r"remaining|diplomatic|only|last|other", pron.group(), re.I):
        return [c.contested], pron.group(), m.start() - len(pron.group())
    return _counted_owner(c, m) or _counts_among(c, m, pron)


_COUNTS_AMONG = re.compile(r"\b(?:counts?|counted|lists?|listed)\s+[^.;]{3,120}?\bamong\s+$", re.I)


Owner = tuple[list[str], str, int]  # owner ids, the words between owner and trigger, where the owner starts


def _counts_among(c: Clause, m: re.Match[str], pron: re.Match[str] | None) -> Owner | None:
    """ "Taiwan counts A and B among its (diplomatic) allies": the owner is the subject of "counts"."""
    if pron is None or not pron.group().lower().startswith("its"):
        return None
    owner_start = m.start() - len(pron.group())
    counts = _COUNTS_AMONG.search(c.span(owner_start - 150, owner_start))
    if counts is None:
        return None
    verb = owner_start - len(counts.group())
    owner = subject_before(c, verb)
    if owner is not None:
        ids = list(owner.ids)
    elif c.contested and re.search(r"\bit\s+(?:\w+\s+)?$", c.span(verb - 20, verb)):
        ids = [c.contested]  # "it still counts ...": the contested state the story is about
    else:
        return None
    return (ids, pron.group(), owner_start) if set(ids) & get_lexicon().contested else None


# "Taiwan still has 12 diplomatic allies", "Taipei would be left with 13 allies": the owner is the subject
_HAS_ALLIES = re.compile(
    r"\s+(?:still\s+|now\s+|only\s+)?(?:has|had|have|keeps|kept|retains|retained|counts|"
    r"(?:would\s+be|will\s+be|was|is)\s+left\s+with|with)\s+(?:only\s+|just\s+)?"
    r"(?:\d+|a\s+(?:dozen|handful\s+of|few)|few|several|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|\w+teen|twenty(?:-\w+)?)\s+"
    r"(?:(?:remaining|formal|official)\s+)?(?:diplomatic\s+)?$",
    re.I,
)


def _counted_owner(c: Clause, m: re.Match[str]) -> tuple[list[str], str, int] | None:
    owner = next((g for g in reversed(c.groups) if m.start() - 60 <= g.end <= m.start()), None)
    if owner is None or len(owner.ids) != 1:
        return None
    between = c.text[owner.end : m.start()]
    if not _HAS_ALLIES.fullmatch(between) or not set(owner.ids) & get_lexicon().contested:
        return None
    return list(owner.ids), between, owner.start


_THEY_INCLUDE = re.compile(
    r"(?:They|These|Those)\s+(?:include|are)\s+(?:the\s+)?|Among\s+them\s+(?:are\s+)?(?:the\s+)?"
)
_ALLIES_BEFORE = re.compile(r"\b(?:allies|partners)\b[^.;]*[.;]\s*$")


def listed_allies(c: Clause) -> Iterator[Raw]:
    """ "... leaves Taiwan with just 12 diplomatic allies. They include A, B and C": the contested
    state's allies listed in the next sentence recognise it."""
    lead = _THEY_INCLUDE.match(c.text, c.start, c.end)
    if lead is None or not c.contested:
        return
    before = c.text[max(0, c.start - 250) : c.start]
    last = before.rfind(".", 0, len(before) - 2)
    if not _ALLIES_BEFORE.search(before, last + 1):
        return
    first = object_after(c, lead.end(), max_gap=2)
    if first is not None:
        yield from pairs(extend_list(c, first).ids, [c.contested], R, Status.IN_FORCE, "ally.listed", c.start)


def ally(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "X is Y's (only diplomatic) ally", "Y's remaining allies, A and B", "Y's former ally X",
    "Taiwan's remaining partners include A, B and C"."""
    fellows = _partners_in(c, m)
    if fellows is not None:
        yield from fellows
        return
    found = _ally_owner(c, m)
    if found is None:
        return
    owner_ids, between, owner_start = found
    diplomatic = "diplomatic" in (m.group() + between).lower()
    if not (diplomatic or set(owner_ids) & get_lexicon().contested):
        return  # "Turkey, Azerbaijan's closest ally", "trading partners": alliances, not recognition
    status = Status.ENDED if "former" in between.lower() else Status.IN_FORCE
    member = object_after(c, m.end(), max_gap=14) or listed_after(c, m.end())
    if member is None:
        lead = _MEMBERS_LEAD.match(c.span(m.end(), m.end() + 40))
        member = object_after(c, m.end() + lead.end(), max_gap=3) if lead else None
    if member is None and re.search(
        r"(?:\b(?:is|are|was|remains|remain|among)|,\s*(?:among|one\s+of|two\s+of|three\s+of))\s+$|,\s*$",
        c.span(owner_start - 14, owner_start),
    ):
        member = subject_before(c, owner_start)  # "X is Y's ally", "A and B, among Y's allies"
    if member:
        member = extend_list(c, member)
        yield from pairs(member.ids, owner_ids, R, status, "ally", m.start())
