"""Membership rules: join/sign/ratify/accede, "a member of", leave/withdraw/expel, lists of members,
and an organisation as the subject ("the AU readmitted Morocco", "ASEAN agreed to admit ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph.ingest import cues
from graph.ingest.args import (
    BOUNDARY,
    OTHER_NOUN,
    Clause,
    agreement_near,
    extend_list,
    holds,
    in_aside,
    object_after,
    subject_before,
)
from graph.ingest.lexicon import bilateral_treaties
from graph.ingest.resolve import Actor, Group, kind_of_agreement
from graph.ingest.rulebase import M, Raw, adjective_owner, chain_of, none_of, pairs, status_of
from graph.models import Status

_LIST_LEAD = re.compile(
    r"^\s*[,:–—-]?\s*(?:such\s+as|including|like|are|were|include|includes|among\s+them|"
    r"namely)?\s*[,:–—-]?\s*"
    # "its members are the five founders, A, B and C": a label for the list that follows
    r"(?:the\s+(?:[\w-]+\s+)?(?:founders|founding\s+members|original\s+members|core\s+members)\s*[,:–—-]\s*)?"
    r"(?:the\s+)?$",
    re.I,
)
# "the members of ASEAN are A, B and C": a verb or lead word says a list follows the name
_LIST_VERB = re.compile(r"^\s*(?:are|were|include|includes|included|now\s+are)\b", re.I)
_HAS_OBJECT = re.compile(
    r"^\s+(?:(?i:to|into|from|of|as)\s+)?(?i:the|a|an|its|their|his|her|this|that|these|those|"
    r"two|three|four|five|six|several|some|any|\d+)\b|^\s+(?:(?i:to|into|from|of|as)\s+)?[A-Z]"
)
_ELLIPSIS = re.compile(
    # ("suspended its membership in 1992", not "its membership of the EU")
    r"\s*(?:[,.;:)]|$|(?:its|their)\s+(?:full\s+)?membership(?!\s+(?:of|to)\b|\s+in\s+(?:the\s+)?[A-Z])|"
    r"(?:in|on|at|last|next|this|later|earlier|soon|too|also|again|together|"
    r"after|before|when|until|because|but|and|with|without|from|for|as\s+well|yet|itself|"
    r"themselves|immediately|formally|officially|first|since|at\s+all|(?:a|the)\s+(?:following|next|same)\s+"
    r"(?:year|month|week|day|spring|summer|autumn|winter)|a\s+(?:year|decade)\s+later|"
    # "have never joined it.": the agreement just named
    r"it(?=\s*[,.;:)]|\s*$|\s+(?:in|on|at|last|this|until|since|after|before|when|but|and|either|yet|too|"
    r"so\s+far)\b))\b)",
    re.I,
)
# "has also lodged an application this summer": a nominal act of the subject's, elliptic like "applied"
_LODGED = re.compile(
    r"\b(?:lodged|submitted|filed|handed\s+in|sent)\s+(?:an?|its|their)\s+(?:formal\s+)?$", re.I
)
_NOUNS = re.compile(
    r"^(?:accession|entry|admission|application|applications|membership|exit|pullout|expulsion|"
    r"suspension|withdrawal|readmission|re-admission)",
    re.I,
)
_BARE_MEMBERS = re.compile(
    r"^\s*,?\s*(?:(?:are|were|is|was|also|already|all|now|both|remain|remains|full|founding|"
    r"became|become|becomes|a|an|the|\w+th|first|second|third|new)\s+)*$",
    re.I,
)
_COPULA_END = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|became|become|becomes|been)\s+(?:now\s+|also\s+|"
    r"still\s+|never\s+|not\s+)?(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$",
    re.I,
)
_SEEKS = re.compile(
    r"\b(?:seek\w*|sought|appl\w+|pursu\w+|want\w*|win\w*|won|gain\w*|grant\w*|obtain\w*|"
    r"bid\w*|hold\w*|held|ask\w*|request\w*|renounc\w+|suspend\w*|lost|lose\w*|its|their|full|"
    r"stud\w+|consider\w*|weigh\w*|explor\w*|"
    r"no|not|never|'s|’s)\b|['’]s?\s*$",
    re.I,
)
_GENERIC_AGR = re.compile(
    r"\s+the\s+(?:[\w-]+\s+){0,3}(?:deal|accords?|agreement|treaty|pact|convention|statute|"
    r"protocol)\b",
    re.I,
)
_AGR_SEP = re.compile(
    r"^(?:\s+(?:group|bloc|alliance|grouping|forum))?"  # "the BRICS group and the SCO"
    r"(?:\s+in\s+\d{4})?"  # ("joined NATO in 1999 and the European Union in 2004")
    r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*(?:(?:to|in|of|from)\s+)?(?:the\s+)?(?:[\w-]+-led\s+)?$",
    re.I,
)
_ORG_LIST_GAP = re.compile(
    r"^\s*(?:(?:\w+|new|more)\s+){0,3}(?:countries|nations|states|members|economies)?"
    r"\s*[—–:,-]?\s*(?:the\s+)?$",
    re.I,
)


# where a bare "members" ends its clause ("... are set to become members on Monday")
_NOUN_END = re.compile(r"\s*(?:[,.;]|$|since|until|in\s+\d|on\s+[A-Z]|from\s|next\s|this\s)")
_OTHERS_BID = re.compile(
    r"\b(?:block\w*|veto\w*|oppos\w*|object\w*\s+to|support\w*|back\w*|welcom\w*|champion\w*|"
    r"endors\w*|approv\w*)\s+(?:its|their|the|\w+['’]s?|[A-Z]\w+)\s+(?:\w+\s+){0,2}$",
    re.I,
)
_FELLOWS = re.compile(
    r"(?:\s+(?:[\w-]+\s+)?(?:alliance|bloc|group|grouping|union|organi[sz]ation|pact|community|network|club|"
    r"forum|partnership|arrangement))?"
    r"(?:\s+(?:in|on)\s+\w+(?:\s+\d{1,4}){0,2})?"  # ("admitted to NATO on March 29 together with Albania")
    r"\s+(?:with|alongside|along\s+with|together\s+with)\s+(?:the\s+)?",
    re.I,
)
_KIND_WORD = re.compile(r"\b(?:alliance|bloc|union|pact)\s+$")  # "an alliance member"


_APPOSITION_LEAD = re.compile(r",(?!\s*(?:which|who|whose|where|when)\b)")


def _latest_agreement(c: Clause, pos: int, reach: int = 250) -> Actor | None:
    """The nearest agreement before ``pos`` in the sentence, else the last one the article named."""
    before = [
        a for a in c.agreements if a.end <= pos and pos - a.end <= reach and not (a.modifier or a.venue)
    ]  # ("United Nations peacekeepers are deploying ... the two sides signed": not the UN)
    return before[-1] if before else c.last_agreement


_RELATIVE = re.compile(r"\b(\w+)\s*,?\s*(?:that|which)\s+$")
_AGREEMENT_NOUN = re.compile(
    r"\b(?:deal|accord|agreement|treat(?:y|ies)|pact|convention|charter|protocol)s?\b", re.I
)


def _other_relative_head(c: Clause, subject: Group) -> bool:
    """ "a cessation of hostilities that the two sides signed": the verb's object is the noun the
    relative clause hangs on, and it is neither an agreement named just before ("the Abraham
    Accords, which Oman signed") nor a word for one."""
    before = c.text[max(c.start, subject.start - 40) : subject.start]
    relative = _RELATIVE.search(before)
    if relative is None or _AGREEMENT_NOUN.search(before, 0, relative.end(1)):
        return False  # ("the peace deal for eastern Ukraine that Russia and Ukraine signed": a deal)
    head_end = subject.start - len(before) + relative.end(1)
    return not any(0 <= head_end - a.end <= 2 for a in c.agreements)


def _with_coordinated(c: Clause, first: Actor) -> list[str]:
    """ "a member of NATO, the G7 and the Council of Europe": every coordinated agreement."""
    ids, end = [first.ids[0]], first.end
    for a in c.agreements:
        if a.start >= end and _AGR_SEP.match(c.text[end : a.start]):
            ids.append(a.ids[0])
            end = a.end
    return list(dict.fromkeys(ids))


_BY_NEXT = re.compile(r"\s+(?:between|by)\s+")
_BY_AFTER_PARTICIPLE = re.compile(r"(?:\s+(?!by\b)[\w-]+){0,8}?\s+(?:between|by)\s+")
_FROM = re.compile(r"\s+from\s+(?:what\s+(?:was|is)\s+(?:then|now)\s+)?(?:the\s+)?")  # ("what was then")


def _membership(c: Clause, m: re.Match[str], base: Status, rule: str) -> Iterator[Raw]:
    agreement = agreement_near(c, m.end(), after=40)
    org_subject = agreement_near(c, m.start(), after=0, before=60)
    # "signed at the White House by X", but not "its admission had been backed by X"
    by = None
    if agreement is None and org_subject:
        by_pattern = _BY_AFTER_PARTICIPLE if m.group().lower().endswith("ed") else _BY_NEXT
        by = by_pattern.match(c.text[m.end() : m.end() + 70])
    if by and org_subject:
        # "the accords, inked between X and Y", "were signed at the White House by X and Y"
        members = object_after(c, m.end() + by.end(), max_gap=4)
        if members and not cues.found(cues.NEGATION, c.span(m.start() - 20, m.start())):
            yield from pairs(members.ids, [org_subject.ids[0]], M, base, rule + ".passive", m.start())
        return
    whose = _whose_subject(c, m)
    owned = adjective_owner(c, m.start())  # "vetoed a Palestinian application for membership"
    subject = whose or (owned[0] if owned else None) or subject_before(c, m.start())
    if subject and _OTHERS_BID.search(c.text[subject.end : m.start()]):
        subject = None  # "Russia and China, which have blocked its admission": someone else's
    if subject and org_subject and _ORG_MEMBERS.fullmatch(c.text, org_subject.end, subject.start):
        # "Mercosur's other founding members, A, B and C, suspended Paraguay": members acting for it
        org_id = org_subject.ids[0]
        yield from pairs(subject.ids, [org_id], M, Status.IN_FORCE, "member.apposition", m.start())
        subject = None
    if org_subject and (subject is None or subject.end < org_subject.start) and not _LEFT.match(m.group()):
        # (an organisation does not "leave" a member: "..., leaving Chad and Niger as its only members")
        members = _org_object(
            c, m.end()
        )  # "the AU readmitted Morocco", "agreed to admit six new countries — A, B"
        if members:
            status = _status_org(c, org_subject.end, m, base)
            frm = _FROM.match(c.text[members.end : members.end + 30])
            target = agreement_near(c, members.end + frm.end(), after=2) if frm else None
            org = target or org_subject  # "the G7 suspended Russia from the G8"
            if status:
                yield from pairs(members.ids, [org.ids[0]], M, status, rule + ".by_org", m.start())
            return
    elliptic = whose is not None or (
        _ELLIPSIS.match(c.text[m.end() : m.end() + 40]) is not None
        and (not _NOUNS.match(m.group()) or _LODGED.search(c.span(m.start() - 30, m.start())) is not None)
        and not _FROM_NAME.match(c.text, m.end())  # "withdrew from Snake Island / the parts it holds"
    )
    placed = _LEFT.match(m.group()) and object_after(c, m.end(), max_gap=2)  # "until Russia left Georgia"
    if agreement is None and subject and org_subject and subject.start > org_subject.end and not placed:
        agreement = org_subject  # "EU leaders granted Ukraine candidate status"
    if agreement is None and subject and elliptic and not _other_relative_head(c, subject):
        # "China applied to join in 2021"; not the organisation of an apposition ("Malaysia and Thailand,
        # Indonesia's neighbours in ASEAN, had applied for full membership")
        aside = subject.end < m.start() and _APPOSITION_LEAD.match(c.text, subject.end) is not None
        agreement = _latest_agreement(c, subject.start if aside else m.start())
        if agreement and _signed_it(c, m) and kind_of_agreement(agreement.ids[0]) not in ("treaty", "accord"):
            return  # "refused to ratify it" after naming the Council of Europe: a treaty it lacks a name for
    if agreement and _DEAL_WITH.fullmatch(c.text, m.end(), agreement.start):
        return  # "sign an association agreement with the EU": a deal with it, not membership
    if agreement and agreement.start >= m.end() and _as_adjective(c, agreement):
        return  # "pulled out of a Council of Europe treaty": the named body is not what is left
    if subject and agreement:
        status = status_of(c, subject, m, base)
        explicit = agreement.start >= m.end() and (
            not elliptic or _FROM_ORG.fullmatch(c.text, m.end(), agreement.start) is not None
        )  # "will withdraw from the ICC" names it, though "from" can also open an elliptic tail
        chain = chain_of(c, subject, m.start())
        if status is None and base is Status.ENDED and explicit and cues.announced_exit(chain):
            status = Status.ENDED  # "Hungary will withdraw from the ICC", "announced it was leaving"
        if status and owned and owned[1]:
            status = Status.DENIED
        if status:
            agreements = _with_coordinated(c, agreement)
            yield from pairs(subject.ids, agreements, M, status, rule, m.start())
            if agreement.start >= m.end():  # "joined the EU in 2004 along with Hungary": Hungary too
                yield from _fellows(c, agreement, agreements, m.start(), status, rule + ".fellows")


_AGR_AS_ADJ = re.compile(r"\s+(?:treaty|convention|accord|pact|protocol|charter|deal)\b", re.I)
# "admitted to the council's specialised bodies": to its organs, not to the council
_ORGANS = re.compile(
    r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:bodies|body|agencies|agency|committees?|commissions?|bank|fund)\b",
    re.I,
)


def _as_adjective(c: Clause, agreement: Actor) -> bool:
    """Whether the agreement named only qualifies what is joined or left ("a Council of Europe treaty")."""
    return _AGR_AS_ADJ.match(c.text, agreement.end) is not None or (
        agreement.possessive and _ORGANS.match(c.text, agreement.end) is not None
    )


_DEAL_WITH = re.compile(
    r"\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,4}(?:agreements?|deals?|accords?|pacts?|treat(?:y|ies)|"
    r"memorand(?:um|a)|partnerships?|protocols?)\s+(?:of\s+[\w\s-]{1,30}?\s+)?with\s+(?:the\s+)?",
    re.I,
)
# something is named after "from" (not "from it"), maybe after a date: "withdrew on Tuesday from the ..."
_FROM_NAME = re.compile(
    r"(?:\s+(?:on|in|at|last|this|formally|officially)(?:\s+\w+)?)?\s+(?:from|out\s+of)\s+(?!it\b|them\b)\w"
)
_FROM_ORG = re.compile(r"\s+(?:from|out\s+of)\s+(?:the\s+)?", re.I)


def _org_object(c: Clause, pos: int) -> Group | None:
    for group in c.groups:
        if group.start >= pos:
            gap = c.text[pos : group.start]
            ok = len(gap) <= 40 and _ORG_LIST_GAP.match(gap) and not _CLAUSE_WORD.search(gap)
            return group if ok else None
    return None


# "refused to ratify it until Russia pulled out": the name after such a word is another clause's
_CLAUSE_WORD = re.compile(r"\b(?:until|unless|if|because|before|after|when|while|since)\b", re.I)


_WHOSE = re.compile(r",?\s+whose\s+(?:\w+\s+)?$")


def _whose_subject(c: Clause, m: re.Match[str]) -> Group | None:
    """ "Burundi, whose withdrawal took effect ...": the owner of a nominal trigger."""
    at = _whose_at(c, m.start())
    return subject_before(c, at, max_gap=3) if at is not None else None


def _whose_at(c: Clause, pos: int, lead: re.Pattern[str] = _WHOSE, reach: int = 30) -> int | None:
    """Where ", whose ..." starts when it stands right before ``pos``; its owner is named before it."""
    start = max(c.start, pos - reach)
    if c.text.find("whose", start, pos) < 0:
        return None  # (most triggers have none: one find instead of a search)
    found = lead.search(c.text, start, pos)
    return found.start() if found else None


def _status_org(c: Clause, org_end: int, m: re.Match[str], base: Status) -> Status | None:
    word = m.group().lower()
    if word.startswith("invit"):
        return Status.PROPOSED
    if word.startswith("accept"):
        base = Status.ANNOUNCED
    return cues.status_from_chain(c.text[org_end : m.start()], base)


_JOIN_PEOPLE = re.compile(
    r"^\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:leaders|ministers|officials|delegations?|talks|summits?|meetings?|"
    r"forces|efforts|calls|protests?|coalition|negotiations|counterparts)\b",
    re.I,
)
_ENTERED = re.compile(r"\s+(?:into\s+)?(?:the\s+)?\w*\s*[A-Z]")  # "entered (into) NATO"
_NOT_RATIFIED = re.compile(
    r"^\s+(?:\w+\s+){0,3}?but\s+(?:has\s+|have\s+|had\s+)?(?:not|never)\s+ratified\b", re.I
)


_EXIT_LAW = re.compile(
    r"\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:law|bill|decree|order|legislation|notice|instrument)\b"
    r"[^.;]{0,40}?\bto\s+(?:formally\s+)?(?:leave|withdraw|quit|exit|pull\s+out)\b",
    re.I,
)


def member_join(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    word = m.group().lower()
    if word.startswith("ent") and not _ENTERED.match(c.text[m.end() : m.end() + 20]):
        return
    after = c.text[m.end() : m.end() + 60]
    if _JOIN_PEOPLE.match(after) or (word.startswith("join") and _JOINED_IN_DOING.match(after)):
        return  # "join ASEAN leaders for talks", "joined the US in imposing sanctions": not membership
    if word.startswith(("return", "came back")) and agreement_near(c, m.end(), after=12) is None:
        return  # "returned to Brussels": only a return to an organisation is membership
    if word in ("sign", "signs") and re.match(r"\s+(?:yet\s+|so\s+far\s+)?(?:of|that)\b", after):
        return  # "the clearest sign yet of ...": the noun, not the verb
    if word.startswith("sign") and _EXIT_LAW.match(after):
        return  # "signed a law to leave the court": the exit is the act (member_leave)
    if word.startswith(("sign", "inked")) and _WITH_ORG_DEAL.match(after):
        return  # "signed association agreements with the EU": a deal with the organisation, not membership
    if word.startswith("sign") and _NOT_RATIFIED.match(after):
        yield from _membership(c, m, Status.DENIED, "member.signed_not_ratified")
        return
    if (
        word.startswith("invit")
        and agreement_near(c, m.start(), after=0, before=60) is None
        and object_after(c, m.end(), max_gap=30) is not None
    ):
        return  # "Modi invited the AU's chair to take his seat": only an organisation invites members
    if word.startswith(("appl", "candida", "invit")):
        yield from _membership(c, m, Status.PROPOSED, "member.apply")
        return
    yield from _membership(c, m, Status.IN_FORCE, "member.join")


_JOINED_IN_DOING = re.compile(r"\s+(?:the\s+)?[A-Z][^.;]{0,60}?\s+in\s+[a-z]+ing\b")
_WITH_ORG_DEAL = re.compile(
    r"\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:agreements?|accords?|deals?|pacts?|treat(?:y|ies))\s+with\b",
    re.I,
)
_IT = re.compile(r"\s+it\b")
_NOT_IN = re.compile(r"\boutside\b|\bnot\b|\bout\b", re.I)
_WOULD_WILL = re.compile(r"\b(?:would|will)\b")
_SIGN_IT = re.compile(r"(?:sign|ratif|ink)", re.I)


def _signed_it(c: Clause, m: re.Match[str]) -> bool:
    """ "signed it", "to ratify it": what is signed is a treaty or an accord, never an organisation."""
    return _SIGN_IT.match(m.group()) is not None and _IT.match(c.text, m.end()) is not None


_TO_WHICH = re.compile(r"\b(?:to|of|in)\s+which\s+$")
_TO_WHICH_IT = re.compile(r"\b(?:to|of|in)\s+which\s+(?:it|they)\s+(?:\w+\s+){0,2}$")


_BELONG_ASIDE = re.compile(
    r"\s*,\s*(?:alongside|along\s+with|together\s+with|with)\s+[^;.()]{2,150}?,\s+(?:to|in)\s+(?:the\s+)?"
)
_BELONG_WITH = re.compile(r"\bbelong\w*\s+(?:(?:together|along)\s+with|alongside|with)\s+(?:the\s+)?", re.I)


def member_stay(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "remains a party to", "stays in": current membership; "remain outside": not a member."""
    # "remain outside", "is not part of", "without belonging to": not a member
    refused = _NOT_IN.search(m.group()) or re.search(r"\bwithout\s+$", c.span(m.start() - 10, m.start()))
    subject = subject_before(c, m.start())
    base = Status.DENIED if refused or none_of(c, subject) else Status.IN_FORCE
    agreement = agreement_near(c, m.end(), after=30)
    aside = _BELONG_ASIDE.match(c.text, m.end(), c.end) if agreement is None else None
    if aside:  # "Armenia belongs, alongside Russia and Belarus, to the CSTO"
        agreement = agreement_near(c, aside.end(), after=4)
    if agreement is None and _IT.match(c.text, m.end()):
        agreement = _latest_agreement(c, m.start())  # "while Kenya and Uganda remain in it"
    if agreement is None and _TO_WHICH_IT.search(c.span(m.start() - 30, m.start())):
        return  # "..., to which it has belonged since 2015": whose "it" is is not read here
    if agreement is None and subject and _TO_WHICH.search(c.span(subject.start - 12, subject.start)):
        agreement = agreement_near(c, subject.start, after=0, before=70)  # "the bloc to which both belong"
    if subject and agreement and not cues.found(cues.CONDITION, c.span(m.end(), m.end() + 80)):
        status = (
            base
            if base is Status.DENIED
            else cues.status_from_chain(_WOULD_WILL.sub("", c.text[subject.end : m.start()]), base)
        )
        if status in (Status.IN_FORCE, Status.DENIED):
            agreements = _with_coordinated(c, agreement)
            yield from pairs(subject.ids, agreements, M, status, "member.stay", m.start())
            if status is Status.IN_FORCE:  # "belongs to ALBA together with A, B and C"
                yield from _fellows(c, agreement, agreements, m.start(), after=m.end() if aside else None)
                # "which belong with the Philippines to ASEAN", "to which A and B belong together with C"
                with_ = _BELONG_WITH.search(c.text, m.start(), min(c.end, m.end() + 25))
                others = object_after(c, with_.end(), max_gap=4) if with_ else None
                if others:
                    fellows = extend_list(c, others).ids
                    yield from pairs(fellows, agreements, M, status, "member.stay.with", m.start())


def adopt_currency(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Croatia adopted the euro": euro-area membership."""
    subject = subject_before(c, m.start())
    if subject:
        status = status_of(c, subject, m, Status.IN_FORCE)
        if status:
            yield from pairs(subject.ids, ["eurozone"], M, status, "member.euro", m.start())


def includes(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Schengen, which also includes Norway", "the bloc expanded to include Egypt and Iran"."""
    org = agreement_near(c, m.start(), after=0, before=45) or _before_aside(c, m.start())
    if org and _NOT_MEMBERS.search(c.text, org.end, m.start()):
        return  # "the association's dialogue partners, including Japan": partners, not members
    if org and _STATES_NOUN.search(c.text, org.end, m.start()):
        return  # "as the deal took shape, Arctic states, including A and B, ...": the states include them
    members = _org_object(c, m.end()) or object_after(c, m.end(), max_gap=40)
    if org and members and not cues.found(cues.NEGATION, c.span(org.end, m.start())):
        yield from pairs(members.ids, [org.ids[0]], M, Status.IN_FORCE, "member.includes", m.start())
        # "brings together the ASEAN states - A and B - with C and D"
        more = _AND_WITH.match(c.text, members.end)
        others = object_after(c, more.end(), max_gap=2) if more else None
        if others:
            ids = extend_list(c, others).ids
            yield from pairs(ids, [org.ids[0]], M, Status.IN_FORCE, "member.includes", m.start())


_AND_WITH = re.compile(r"\s*[-–—,]?\s*(?:with|and|as\s+well\s+as)\s+(?:the\s+)?")


_NOT_MEMBERS = re.compile(r"\b(?:partners?|observers?|guests?|neighbou?rs|allies|rivals|critics)\b", re.I)
_STATES_NOUN = re.compile(
    r"\b(?<!member\s)(?:states|countries|nations|governments|powers|economies|producers)\b"
)
_ASIDE_GAP = re.compile(r",\s*which\s+[^;]{3,100}?,\s*$")


def _before_aside(c: Clause, pos: int) -> Actor | None:
    """ "The community, which aims at a common market, groups A and B": the organisation before the aside."""
    org = next((a for a in reversed(c.agreements) if a.end <= pos), None)
    return org if org and _ASIDE_GAP.fullmatch(c.text, org.end, pos) else None


def make_up(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Chad is one of five countries, along with Mali and Niger, that make up the G5 Sahel"."""
    org = agreement_near(c, m.end(), after=8)
    if org is None:
        return
    members = [g for g in c.groups if g.end <= m.start() and not BOUNDARY.search(c.text, g.end, m.start())]
    status = status_of(c, members[-1], m, Status.IN_FORCE) if members else None
    if status in (Status.IN_FORCE, Status.DENIED):
        ids = [i for g in members for i in g.ids]
        yield from pairs(ids, [org.ids[0]], M, status, "member.make_up", m.start())


def outside(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Cyprus and Ireland are the only EU members outside Schengen": not members."""
    agreement = agreement_near(c, m.end(), after=8)
    subject = subject_before(c, m.start(), max_gap=60)
    if agreement and subject:
        yield from pairs(subject.ids, [agreement.ids[0]], M, Status.DENIED, "member.outside", m.start())


_BY_WITH = re.compile(r"\b(?:by|with)\s+")


def founded_by(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "The organisation was founded in 2001 by A, B and C", "the bloc, which Argentina founded
    with Brazil, Paraguay and Uruguay": founding members."""
    made = agreement_near(c, m.end(), after=12)
    if made and _MADE_GAP.fullmatch(c.text, m.end(), made.start):
        yield from _founders(c, m, made)  # "A, B and C set up the council in 2009"
        return
    near = agreement_near(c, m.start(), after=0, before=70)
    org = _head_of(c, near)
    by = _BY_WITH.search(c.text[m.end() : m.end() + 40])
    members = object_after(c, m.end() + by.end(), max_gap=6) if by else None
    if near and org and m.group().lower().endswith(_LED):
        if not _LED_GAP.fullmatch(c.text, near.end, m.start()):
            return  # "OPEC agreed with allies led by Russia": the allies are led, not OPEC
        if by and m.group().lower().endswith("chaired"):
            members = _chairs(c, m.end() + by.end()) or members  # (a chair reads as a mediator elsewhere)
    if not (org and members):
        return
    ids = extend_list(c, members).ids
    founder = subject_before(c, m.start(), max_gap=40)
    if by and by.group().startswith("with"):
        if founder is None or founder.start < org.end:
            return  # "with" needs a founder between the organisation and the verb
        ids = founder.ids + ids
    yield from pairs(ids, [org.ids[0]], M, Status.IN_FORCE, "member.founder", m.start())


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _head_of(c: Clause, org: Actor | None) -> Actor | None:
    """ "the Minsk Group of the OSCE, which is co-chaired by": the group, not the OSCE."""
    if org is None:
        return None
    before = (a for a in c.agreements if a.end < org.start and _OF_THE.fullmatch(c.text, a.end, org.start))
    return next(before, org)


_LED = ("led", "chaired", "headed")  # "the bloc led by": these need their "by"
_CHAIR_GAP = re.compile(r"\s*(?:the\s+)?|\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _chairs(c: Clause, pos: int) -> Group | None:
    """ "co-chaired by France, Russia and the United States": the listed countries, mediators or not."""
    listed: list[Actor] = []
    for a in c.actors:
        if a.start < pos or a.agreement:
            continue
        if not _CHAIR_GAP.fullmatch(c.text, listed[-1].end if listed else pos, a.start):
            break
        listed.append(a)
    return Group(listed[0].start, listed[-1].end, listed) if listed else None


# "the bloc led by", "Mercosur, the trade bloc led by", "the group, which is co-chaired by"
_LED_GAP = re.compile(
    r"\s*(?:,\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,6}|,?\s*(?:which|that)?\s*(?:is|was|are|were)\s+(?:also\s+|now\s+)?|"
    r",\s*(?:jointly\s+)?)?",  # ("the OSCE Minsk Group, co-chaired by ...")
    re.I,
)
_MADE_GAP = re.compile(r"\s+(?:the\s+|a\s+new\s+|(?:their|its)\s+own\s+)?")


def _founders(c: Clause, m: re.Match[str], made: Actor) -> Iterator[Raw]:
    if m.group().lower().endswith(_LED):
        return  # "led by" needs its "by"
    if any(a.ids == made.ids and a.start < m.start() for a in c.agreements):
        return  # "The EU and Japan established the framework": the organisation is a founder here
    subject = subject_before(c, m.start())
    status = status_of(c, subject, m, Status.IN_FORCE) if subject else None
    if subject and status in (Status.IN_FORCE, Status.ANNOUNCED):
        yield from pairs(subject.ids, [made.ids[0]], M, status, "member.founder", m.start())
        if status is Status.IN_FORCE:
            yield from _cofounders(c, m, made)


# "created the SCO in 2001 together with four Central Asian states, A, B, C and D": founders too;
# "launched the grouping, with South Africa added in 2010": a member since
_WITH_FOUNDERS = re.compile(
    r"(?:\s+in\s+\d{4})?(?P<comma>,)?\s+(?:together\s+with|along\s+with|alongside|with)\s+"
    r"(?:(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:states|countries|nations|republics|members|neighbou?rs)"
    r"\s*,\s*)?(?:the\s+)?",
    re.I,
)
_ADDED = re.compile(r"\s+(?:added|admitted|joining|brought\s+in|let\s+in)\b", re.I)


def _cofounders(c: Clause, m: re.Match[str], made: Actor) -> Iterator[Raw]:
    lead = _WITH_FOUNDERS.match(c.text, made.end)
    if lead is None:
        return
    others = object_after(c, lead.end(), max_gap=1)
    if others is None:  # the counted description joined the names' group: the names after it
        around = next((g for g in c.groups if g.start < lead.end() < g.end), None)
        named = [a for a in around.members if a.start >= lead.end()] if around else []
        others = Group(named[0].start, around.end, named) if around and named else None
    if others is None:
        return
    group = extend_list(c, others)
    added = _ADDED.match(c.text, group.end) is not None
    if added or not lead.group("comma"):  # (", with X" alone is an aside: "with X's help")
        rule = "member.founder.added" if added else "member.founder.with"
        yield from pairs(group.ids, [made.ids[0]], M, Status.IN_FORCE, rule, m.start())


_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+)?")


def member_taken_out(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Trump pulled the United States out of the Paris agreement": the country named leaves."""
    leaver = object_after(c, m.end(), max_gap=6)
    out = _OUT_OF.match(c.text, leaver.end) if leaver else None
    agreement = agreement_near(c, out.end(), after=25) if out else None
    if leaver is None or agreement is None:
        return
    chain = chain_of(c, subject_before(c, m.start()), m.start())
    status = cues.status_from_chain(chain, Status.ENDED)
    if status is None and cues.announced_exit(chain):
        status = Status.ENDED  # "will pull the country out of"
    if status:
        left = _with_coordinated(c, agreement)
        yield from pairs(leaver.ids, left, M, status, "member.leave.taken_out", m.start())


def member_leave(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    if _NOT_MEMBERSHIP.match(c.text, m.end()):
        return  # "Moscow suspended its cooperation with NATO": the membership is not what ends
    if _THREAT.search(c.span(m.start() - 24, m.start())):
        yield from _threatened(c, m)  # "which had threatened to leave the OAS if ...": still members
        return
    raws = _membership(c, m, Status.ENDED, "member.leave")
    if _returned(c, m):  # "left in 1961 and returned in 1994", "returned in 2016 after leaving in 1995"
        for raw in raws:
            back = raw.status is Status.ENDED
            yield replace(raw, status=Status.IN_FORCE, rule=raw.rule + ".returned") if back else raw
        return
    if not _lifted(c, m):
        yield from raws
        return
    for raw in raws:  # "the AU lifted its suspension of Gabon": a member again
        if raw.status is Status.ENDED:
            raw = replace(raw, status=Status.IN_FORCE, rule=raw.rule + ".lifted")
        yield raw


_THREAT = re.compile(r"\bthreat\w*\s+to\s+$", re.I)


def _threatened(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """A state that threatens to leave an organisation is still one of its members."""
    subject = subject_before(c, m.start())
    agreement = agreement_near(c, m.end(), after=20)
    if subject and agreement:
        yield from pairs(subject.ids, [agreement.ids[0]], M, Status.IN_FORCE, "member.threat", m.start())


_BACK = r"(?:return(?:ed|ing)|rejoin(?:ed|ing)|came\s+back|(?:was|were)\s+readmitted|readmitted)\b"
_RETURN_AFTER = re.compile(
    rf"[^.;]{{0,120}}?(?:\b(?:and|before|but|then)\s+(?:later\s+|then\s+)?|,\s*(?:was|were)\s+){_BACK}", re.I
)
_RETURN_BEFORE = re.compile(rf"\b{_BACK}[^.;]{{0,40}}?\bafter\s+(?:\w+\s+)?$", re.I)


def _returned(c: Clause, m: re.Match[str]) -> bool:
    """Whether the subject came back after the exit, in the same clause (no other country between)."""
    after = _RETURN_AFTER.match(c.text, m.end(), c.end)
    if after:
        return not any(m.end() <= g.start < after.end() for g in c.groups)
    before = _RETURN_BEFORE.search(c.span(m.start() - 70, m.start()))
    if before:
        at = m.start() - len(c.span(m.start() - 70, m.start())) + before.start()
        return not any(at <= g.start < m.start() for g in c.groups)
    return False


_NOT_MEMBERSHIP = re.compile(
    r"\s+(?:(?:its|their|all)\s+)?(?:[\w-]+\s+)?(?:cooperation|contacts?|dialogue|talks|relations|ties|aid|"
    r"funding|payments|contributions)\b",
    re.I,
)
_LIFTING = re.compile(r"\b(?:lift\w*|end\w*|revok\w*|rescind\w*)\s+(?:its|the|their|a)\s+$", re.I)
_LIFTED = re.compile(r"[^.;]{0,80}?\b(?:was|were|been|be|is|are)\s+(?:\w+\s+)?lifted\b", re.I)


def _lifted(c: Clause, m: re.Match[str]) -> bool:
    """A suspension that is lifted ("lifted its suspension of X", "whose suspension ... was lifted")."""
    if not m.group().lower().startswith("suspen"):
        return False
    return bool(_LIFTING.search(c.span(m.start() - 25, m.start())) or _LIFTED.match(c.text, m.end(), c.end))


_LOST = re.compile(r"\b(?:lost|lose|loses|losing|gave\s+up|give\s+up|vacated)\s+(?:its|their|a)\s+$")
# a seat held by the subject itself: "won a seat on", "has no seat at" (not "a bid to take a seat")
_OWN_SEAT = re.compile(
    r"\s*(?:,[^,]*,\s*)?(?:(?:has|have|had|been|still|never|not|also|now|was|were|is|are|unable|to|failed|"
    r"won|wins?|gain\w*|secur\w*|t[ao]ok|takes?|taken|holds?|held|lost|lose|loses|no|a|its|their|full|kept|keeps?|"
    r"retain\w*|"
    r"permanent)\s+)+",
    re.I,
)
_OPENING_A = re.compile(r"\s*an?\s+(?:[\w-]+\s+){0,3}$", re.I)
_TO_COMMA = re.compile(r"[^,;.]{0,40},\s+(?:the\s+)?")


def _opening_apposition(c: Clause, m: re.Match[str]) -> Group | None:
    """ "A NATO member since 1952, Turkey has ...": the name after the sentence's opening phrase."""
    if not _OPENING_A.fullmatch(c.text, c.start, m.start()):
        return None
    comma = _TO_COMMA.match(c.text, m.end())
    return object_after(c, comma.end(), max_gap=1) if comma else None


_GIVE = re.compile(r"\b(?:give|gives|gave|giving|grant\w*|offer\w*|deny|denied|denying)\s+(?:the\s+)?$", re.I)


def _own_seat(c: Clause, subject: Group, m: re.Match[str]) -> bool:
    """ "Kosovo has no seat at": the subject's own seat (not "a bid to give Kosovo a seat")."""
    if _GIVE.search(c.span(subject.start - 12, subject.start)):
        return False
    return _OWN_SEAT.fullmatch(c.text, subject.end, m.start()) is not None


_NO_END = re.compile(  # "has no seat", "has been unable to take a seat", "never won a seat"
    r"\b(?:no|(?:unable|failed|fails|not|never)\s+(?:to\s+)?(?:take|taken|win|won|get|gain\w*|secure\w*)\s+a)\s+$"
)
_FORMER = re.compile(  # (and "declined to renew their membership")
    r"\bformer\b|\bceas\w+\s+to\s+be\b|\bno\s+longer\b|"
    r"\b(?:declin\w*|refus\w*|not)\b[^.;]{0,30}?\bto\s+renew\b|\bnot\s+renew"
)


def _noun_base(word: str, chain: str) -> Status:
    if "non" in word or "observer" in word or "dialogue" in word:
        return Status.DENIED  # ("a dialogue partner of the forum": not a member)
    if word == "seat" and _NO_END.search(chain):
        return Status.DENIED  # ("has no seat at the United Nations")
    if word == "seat" and _LOST.search(chain):
        return Status.ENDED  # "lost its seat at the United Nations in 1971"
    if _FORMER.search(chain + " " + word):
        return Status.ENDED
    return Status.IN_FORCE


_TO_VERB = re.compile(r"\s+to\s+[a-z]+")
_TO_VERB_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}?\s+to\s+[a-z]+")  # ("the third member of X bloc to act")
_LEFT = re.compile(r"le(?:av|ft)|enter", re.I)  # (nor "enters" one: "the council's troops entered Bahrain")
_ORG_MEMBERS = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}members\s*,\s*(?:the\s+)?", re.I)
# "leaving A, B and C as its only members", "Mercosur, which has A, B and C as full members"
_AS_ITS = re.compile(
    r"\s+as\s+(?:(?:its|their)\s+)?(?:(?:only|sole|remaining|founding|full|other)\s+)*", re.I
)
_NTH_MEMBER = re.compile(
    r"\b(?:the|its)\s+(?:\w+(?:st|nd|rd|th)|newest|latest)\s+(?:full\s+|new\s+)?member$", re.I
)
_ORDINAL_NOUN = re.compile(r"\b\w+(?:st|nd|rd|th)\s+member$")
_ORDINAL_WORD = re.compile(r"(?:first|only|last|second|third|latest)\s")
_BECOMING = re.compile(r"\s*,\s*(?:becoming|making\s+it)\b")
_OTHERS_AND = re.compile(r"\s*,?\s*(?:and|or|but)\s+(?!(?:is|are|was|were|also|already|both|all|remain)\b)")
# the subject dealing with members ("with any member of"), but not "together with other members of"
_WITH_MEMBER = re.compile(
    r"(?<!together\s)(?<!along\s)\b(?:with|to|from|against|between)\s+"
    r"(?:any|a|an|the|other|every|each|all|some)?\s*(?:other\s+)?$",
    re.I,
)
_ACCEPTED_AS = re.compile(  # "accepted as a full member", "due to admit it as the group's seventh member"
    r"\b(?:accept(?:ed|s)?|admit(?:s|ted)?)\s+(?:[\w-]+\s+){0,3}as\s+(?:an?\s+|its\s+|(?:the\s+)?[\w-]+['’]s\s+)?"
    r"(?:full\s+|[\w-]+(?:st|nd|rd|th)\s+)?$"
)


def member_noun(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "X is a member of Y", "Y's 29th member", "Y member states such as A and B", "A, B already members"."""
    word = m.group().lower()
    if _TO_VERB.match(c.text[m.end() : m.end() + 20]) and not word.startswith(("non", "observer")):
        return  # "the only other UN members to recognise ...": membership is not what is stated
    of_the = _OF_THE.match(c.text, m.end())
    if of_the and c.barrier_between(of_the.end(), of_the.end() + 1):
        return  # "the permanent members of the UN Security Council": a body the catalog does not hold
    adjacent = next((a for a in c.agreements if 0 <= m.start() - a.end <= 2), None)  # "EU members"
    lead = c.span(m.start() - 6, m.start()).lower()
    if word in ("observer", "observers") and lead.endswith(("as ", "an ")):
        # "in the SCO's work as observers": the organisation before (not "as an observer, and a UN envoy")
        agreement = agreement_near(c, m.start(), after=0, before=60)
        if agreement is None or "," in c.text[agreement.end : m.start()]:
            return  # "sent his adviser, X, as an observer": an envoy's role, not a state's status
    else:
        behind = agreement_near(c, m.start(), after=0, before=30)
        if behind and "," in c.text[behind.end : m.start()]:
            behind = None  # "Egypt's neighbours in the Arab League, had applied for full membership"
        agreement = adjacent or agreement_near(c, m.end(), after=22) or behind
    generic = _GENERIC_AGR.match(c.text[m.end() : m.end() + 50])
    if agreement is None and generic and ("signator" in word or "part" in word):
        agreement = _latest_agreement(c, m.start())  # "the other signatories to the 2015 deal"
        if agreement is not None:
            listed = object_after(c, m.end() + generic.end(), max_gap=8)
            if listed:
                yield from pairs(listed.ids, [agreement.ids[0]], M, Status.IN_FORCE, "member.list", m.start())
                return
    listed_agreement = agreement or (_latest_agreement(c, m.start()) if word.endswith("s") else None)
    if listed_agreement is not None:
        listed = object_after(c, max(listed_agreement.end, m.end()), max_gap=40)
        gap = c.text[max(listed_agreement.end, m.end()) : listed.start] if listed else ""
        if (
            listed
            and _LIST_LEAD.match(gap)
            and not OTHER_NOUN.search(gap)  # "its ten members ... talks with six partners, including A"
            and (
                listed_agreement.end <= m.start()
                or _LIST_VERB.match(gap)
                or "signator" in word
                or "part" in word
                or gap.strip().startswith(":")  # "five members of the EU: A, B and C"
            )
        ):
            yield from pairs(
                listed.ids, [listed_agreement.ids[0]], M, _noun_base(word, ""), "member.list", m.start()
            )
            return
    bare = next(
        (
            g
            for g in reversed(c.groups)
            if g.end <= m.start()
            and _BARE_MEMBERS.match(c.text[g.end : m.start()])
            and not in_aside(c, g, m.start())  # ("Dominica, an island between A and B, is a member")
        ),
        None,
    )  # "with Greece and Albania already members"
    owned = adjective_owner(c, m.start())
    if owned:  # "US vetoes Palestinian bid for full UN membership": the applicant's, refused
        if agreement:
            bid = Status.DENIED if owned[1] else Status.PROPOSED
            yield from pairs(owned[0].ids, [agreement.ids[0]], M, bid, "member.noun.bid", m.start())
        return
    as_its = next(  # "with Russia, Belarus and Kazakhstan as its founding members"
        (g for g in reversed(c.groups) if g.end <= m.start() and _AS_ITS.fullmatch(c.text, g.end, m.start())),
        None,
    )
    subject = bare or as_its or subject_before(c, m.start(), max_gap=70) or _opening_apposition(c, m)
    if subject is None or (word == "seat" and not _own_seat(c, subject, m)):
        return
    if as_its is not None and subject is as_its:  # "Mercosur, which has A and B as full members, and X"
        agreement = _latest_agreement(c, as_its.start) or agreement
    chain = cues.strip_asides(c.text[subject.end : m.start()])
    if _OTHERS_BID.search(chain):
        return  # "the US vetoed a Palestinian bid for full UN membership": not the vetoer's
    if _BECOMING.match(chain) and c.groups[0].end <= subject.start:
        subject = c.groups[0]  # "Sweden recognised Palestine, becoming the first EU member to ..."
    if _OTHERS_AND.match(chain) or _WITH_MEMBER.search(chain):
        # "the United States and most members of the EU", "shares no border with any member of the
        # bloc": the members are others
        return
    if word.startswith("membership") and not _SEEKS.search(chain):
        return  # "the Kremlin warned that EU membership would ...": the subject is not the member
    if agreement is None and (
        _BARE_MEMBERS.match(chain)
        or "non" in word
        or "observer" in word
        or (_COPULA_END.search(chain) and _NOUN_END.match(c.text[m.end() : m.end() + 12]))
    ):
        agreement = _latest_agreement(c, subject.start)  # "with Greece and Albania already members"
    if agreement is None and _NTH_MEMBER.search(c.span(m.start() - 30, m.end())):
        agreement = _latest_agreement(c, m.start())  # "is due to become the ninth full member at ..."
    if agreement is None and _AS_ITS.fullmatch(chain):
        agreement = _latest_agreement(c, subject.start)  # "leaving A, B and C as its only members"
    if agreement is None and _KIND_WORD.search(c.span(m.start() - 12, m.start())):
        agreement = _latest_agreement(c, m.start())  # "Greece, an alliance member"
    if agreement is None:
        return
    base = _noun_base(word, chain)
    status = status_of(c, subject, m, base) if base is Status.IN_FORCE else base
    if status and _ACCEPTED_AS.search(c.span(subject.start - 30, m.start())):
        status = Status.ANNOUNCED  # "accepted as a full member" (not yet effective)
    after_org = c.text[agreement.end : agreement.end + 40]
    presupposed = agreement.start >= m.end() and _TO_VERB_AFTER.match(after_org)
    if status in (Status.ANNOUNCED, Status.PROPOSED) and _ORDINAL_WORD.match(word) and presupposed:
        status = Status.IN_FORCE  # "will become the first member of the EU to leave the court": it is one
    if status:
        agreements = _with_coordinated(c, agreement)
        yield from pairs(subject.ids, agreements, M, status, "member.noun", m.start())
        if status is Status.IN_FORCE and agreement.end > m.start():
            yield from _fellows(c, agreement, agreements, m.start())
        elif agreement.end <= m.start() and _ORDINAL_NOUN.search(c.span(m.start() - 14, m.end())):
            # "the group's seventh member, alongside A, B and C": the six before it are members
            yield from _fellows(c, agreement, agreements, m.start(), after=m.end())


def _fellows(
    c: Clause,
    agreement: Actor,
    agreements: list[str],
    pos: int,
    status: Status = Status.IN_FORCE,
    rule: str = "member.noun.fellows",
    after: int | None = None,
) -> Iterator[Raw]:
    """ "a member of the Quad with the United States, Japan and Australia": the others too
    (looking after the agreement, or after ``after``)."""
    at = agreement.end if after is None else after + c.text.startswith(",", after)
    fellow = _FELLOWS.match(c.text[at : at + 60])
    others = object_after(c, at + fellow.end(), max_gap=2) if fellow else None
    if others:
        members = extend_list(c, others).ids
        yield from pairs(members, agreements, M, status, rule, pos)


_NON = re.compile(r"\bnon-?\s*$")
_IS_A = re.compile(r"\s+(?:is|was|became|remains)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?")


def agr_state(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "the first EU state to ...", "EU countries such as A and B": an agreement used as an adjective."""
    agreement = next((a for a in c.agreements if 0 <= m.start() - a.end <= 2), None)
    if agreement is None:
        return
    status = Status.DENIED if _NON.search(c.span(agreement.start - 5, agreement.start)) else Status.IN_FORCE
    listed = object_after(c, m.end(), max_gap=22)
    if listed and _LIST_LEAD.match(c.text[m.end() : listed.start]):
        yield from pairs(listed.ids, [agreement.ids[0]], M, status, "member.adjective_list", m.start())
        return
    subject = subject_before(c, agreement.start, max_gap=30)
    if subject and _IS_A.fullmatch(c.text[subject.end : agreement.start]):
        yield from pairs(subject.ids, [agreement.ids[0]], M, Status.IN_FORCE, "member.adjective", m.start())


_OPENING = re.compile(r"\s*\(\s*$")


def parenthetical_members(c: Clause) -> Iterator[Raw]:
    """ "the Brazil, Russia, India and China (Bric) group": the countries the name spells out."""
    for a in c.agreements:
        opening = _OPENING.search(c.span(a.start - 4, a.start))
        if opening is None:
            continue  # most agreements are not spelled out
        by_end = {g.end: g for g in c.groups if len(g.members) >= 2}
        group = by_end.get(a.start - len(opening.group()))
        if group and c.text[a.end : a.end + 2].strip().startswith(")"):
            yield from pairs(group.ids, [a.ids[0]], M, Status.IN_FORCE, "member.parenthetical", group.start)


# "Thailand, which holds the rotating chair of ASEAN", "Athens took over the presidency of the
# European Union", "whose government holds the EU's rotating presidency": only a member chairs.
_HOLD = r"\b(?:holds?|held|holding|took\s+over|takes\s+over|taking\s+over|assumed?|assumes|assuming)\s+"
_CHAIR = r"(?:(?:rotating|annual|six-month|year-long|revolving)\s+)?(?:chair(?:manship)?|presidency)"
_CHAIR_BEFORE = re.compile(  # (and "Ghana's president, who chairs ECOWAS")
    rf"(?:{_HOLD}(?:the\s+)?{_CHAIR}\s+of|\b(?:chairs|chaired|chairing|presides\s+over|presided\s+over))"
    r"\s+(?:the\s+)?$",
    re.I,
)
_CHAIR_VERB_BEFORE = re.compile(rf"{_HOLD}(?:the\s+)?$", re.I)
_CHAIR_AFTER = re.compile(rf"['’]s?\s+{_CHAIR}\b", re.I)


_ALLIES_AFTER = re.compile(r"\s+(?:allies|partners)\b")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+(?:fellow\s+)?$")
_OWNER_AND = re.compile(r"\s*,?\s+(?:and|with|along\s+with)\s+")
_OWNER_S = re.compile(r"['’]s?\s+(?:fellow\s+)?")


_KEPT = re.compile(r"\b(?:kept|keeps?|keeping|locked|locks?)\s+(?:it\s+|them\s+)?", re.I)
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+)?")


_SHARES_WITH = re.compile(r"\b(?:it|they)\s+shares?\s+with\s+(?:the\s+)?", re.I)


# "Saudi Arabia, the biggest producer in OPEC,", "and the largest economy in ASEAN": a member, by its rank
_RANKED_IN = re.compile(
    r"(?:,\s*|\s+and\s+)(?:the|its)\s+(?:[\w-]+\s+){0,2}(?:producer|economy|member|exporter|contributor|"
    r"power|country|state|nation)\s+(?:in|of|within)\s+(?:the\s+)?$",
    re.I,
)


def ranked_members(c: Clause) -> Iterator[Raw]:
    """A state set beside its rank in an organisation ("X, the biggest producer in OPEC") is a member."""
    for a in c.agreements:
        lead = _RANKED_IN.search(c.text, max(c.start, a.start - 70), a.start)
        if lead is None or a.modifier:
            continue
        owner = next((g for g in reversed(c.groups) if g.end <= lead.start()), None)
        between = c.text[owner.end : lead.start()] if owner else ""
        if owner and (not between.strip() or _APPOSED.fullmatch(between)):
            yield from pairs(owner.ids, [a.ids[0]], M, Status.IN_FORCE, "member.ranked", a.start)


_APPOSED = re.compile(r",\s*(?:an?|the)\s+[^,;.]{1,60}")  # ("Indonesia, a member of the G20 and the largest")


def shared_with(c: Clause) -> Iterator[Raw]:
    """ "the Andean Community, the regional bloc it shares with Colombia, Ecuador and Peru": members."""
    if "share" not in c.folded[c.start : c.end]:
        return
    for m in _SHARES_WITH.finditer(c.text, c.start, c.end):
        org = agreement_near(c, m.start(), after=0, before=60)
        first = object_after(c, m.end(), max_gap=2)
        if org and first:
            ids = extend_list(c, first).ids
            yield from pairs(ids, [org.ids[0]], M, Status.IN_FORCE, "member.shared", m.start())


def kept_out(c: Clause) -> Iterator[Raw]:
    """ "Russia's veto has kept Kosovo out of the United Nations": Kosovo is not a member."""
    if "out of" not in c.folded[c.start : c.end]:
        return
    for m in _KEPT.finditer(c.text, c.start, c.end):
        it = m.group().lower().rstrip().endswith((" it", " them"))
        kept = None if it else object_after(c, m.end(), max_gap=2)
        at = kept.end if kept else m.end() - 1
        out = _OUT_OF.match(c.text, at)
        org = agreement_near(c, out.end(), after=2) if out else None
        ids = list(kept.ids) if kept else ([c.contested] if it and c.contested else [])
        if org and ids:  # ("... which has kept it out of the UN": the contested state in the news)
            yield from pairs(ids, [org.ids[0]], M, Status.DENIED, "member.kept_out", m.start())


def allied_owners(c: Clause) -> Iterator[Raw]:
    """ "The United States and its NATO allies", "Turkey's NATO allies": the owner is a member."""
    if not holds(c.folded[c.start : c.end], ("allies", "partners")):
        return
    for a in c.agreements:
        if not _ALLIES_AFTER.match(c.text, a.end):
            continue
        its = _ITS_BEFORE.search(c.text, max(c.start, a.start - 20), a.start)
        before = [g for g in c.groups if g.end <= (its.start() if its else a.start)]
        owner = before[-1] if before else None
        if owner is None:
            continue
        gap = c.text[owner.end : its.start()] if its else ""
        owned = _OWNER_AND.fullmatch(gap) if its else _OWNER_S.fullmatch(c.text, owner.end, a.start)
        if owned:
            yield from pairs(owner.ids, [a.ids[0]], M, Status.IN_FORCE, "member.allies", a.start)


def chair_members(c: Clause) -> Iterator[Raw]:
    """Who holds or takes over the chair or presidency of an organisation is one of its members."""
    for a in c.agreements:
        verb = _chair_verb(c, a)
        if verb is None:
            continue
        whose = _whose_at(c, verb, _WHOSE_HOLDER, reach=40)  # "Ahern, whose government holds ...": his
        subject = subject_before(c, whose, max_gap=3) if whose is not None else subject_before(c, verb)
        if subject is None:  # "Ghana's president, who chairs ECOWAS": the officeholder's country
            before = [g for g in c.groups if g.end <= verb]
            subject = before[-1] if before and _WHO_OFFICE.fullmatch(c.text, before[-1].end, verb) else None
        if subject is not None:
            yield from pairs(subject.ids, [a.ids[0]], M, Status.IN_FORCE, "member.chair", verb)


_WHO_OFFICE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+who\s+(?:(?:currently|also|now)\s+)?")
_WHOSE_HOLDER = re.compile(r",?\s+whose\s+(?:\w+\s+){0,2}$")


def _chair_verb(c: Clause, a: Actor) -> int | None:
    """Where "holds (the rotating chair of)" stands before the agreement ``a``, if it does."""
    if _CHAIR_AFTER.match(c.text, a.end):  # "holds the EU's rotating presidency"
        pattern, reach = _CHAIR_VERB_BEFORE, 30
    else:
        pattern, reach = _CHAIR_BEFORE, 80
    start = max(c.start, a.start - reach)
    lead = pattern.search(c.text, start, a.start)
    return lead.start() if lead else None


_OF_MEMBERS = re.compile(r"\s+of\s+(?:the\s+)?")


def org_of_members(c: Clause) -> Iterator[Raw]:
    """ "the Andean Community of Bolivia, Colombia, Ecuador and Peru": the countries after "of"."""
    for a in c.agreements:
        of = _OF_MEMBERS.match(c.text, a.end)
        if of is None or a.modifier:
            continue
        group = next((g for g in c.groups if g.start == of.end()), None)
        if group is not None and len(group.members) >= 2:
            yield from pairs(group.ids, [a.ids[0]], M, Status.IN_FORCE, "member.of_list", a.start)


_STEP_TOWARD = re.compile(
    r"\b(?:agenda|framework|talks|negotiations|road\s*map|path|steps?|preparations?|basis)\s+"
    r"(?:for|on|to|toward|towards)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def peace_with(c: Clause, m: re.Match[str]) -> Iterator[Raw]:
    """ "Jordan signed a peace treaty with Israel", "Egypt, which made peace with Israel": both are
    parties to the one bilateral treaty the catalog knows between them."""
    if _STEP_TOWARD.search(c.span(m.start() - 40, m.start())):
        return  # "due to sign an agenda for a peace treaty with Israel": a step towards it, not the treaty
    subject = subject_before(c, m.start())
    partner = object_after(c, m.end(), max_gap=6, gov=True)
    if subject is None or partner is None:
        return
    status = status_of(c, subject, m, Status.IN_FORCE)
    if status is None:
        return
    for one, other, treaty in bilateral_treaties(subject.ids, partner.ids):
        # ("Egypt and Jordan, which have peace treaties with Israel": said of the two, not of Israel)
        parties = [one] if len(subject.ids) > 1 else [one, other]
        yield from pairs(parties, [treaty], M, status, "member.peace_with", m.start())
