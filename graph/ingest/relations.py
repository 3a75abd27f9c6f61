"""Relation extraction for one sentence: the trigger families of ``triggers`` mapped to the rules
of ``recognition``, ``membership`` and ``negotiation``, plus the passes that need no trigger
(member lists spelled out in a name, "this was also done by ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from graph.ingest import accession, cues, membership, negotiation, recognition, ties
from graph.ingest.args import Clause, extend_list, holds, object_after, subject_before
from graph.ingest.fastre import Scanner, lowered, scanner
from graph.ingest.lexicon import get_lexicon
from graph.ingest.resolve import Group
from graph.ingest.rulebase import Raw, Rule
from graph.ingest.triggers import find_triggers
from graph.models import RelationType, Status

__all__ = ["Raw", "clause_claims"]

RULES: dict[str, Rule] = {
    "recog_withdraw": recognition.recog_withdraw,
    "recog_passive": recognition.recog_passive,
    "recog_withhold": recognition.recog_withhold,
    "recog_extend": recognition.recog_extend,
    "recog_announce": recognition.recog_announce,
    "recog_reject": recognition.recog_reject,
    "recog_by": recognition.recog_by,
    "recog_verb": recognition.recog_active,
    "recog_noun": recognition.recog_noun,
    "accept_state": recognition.accept_state,
    "switch": ties.switch,
    "switch_for": ties.switch_for,
    "ties_process": negotiation.normalisation,
    "rapprochement": negotiation.normalisation,
    "ties_cut": ties.ties_cut,
    "ties_noun": ties.ties_noun,
    "ties_est": ties.ties_est,
    "ties_passive": ties.ties_passive,
    "ties_have": ties.ties_have,
    "envoys": ties.envoys,
    "ally": ties.ally,
    "accession": accession.accession,
    "member_leave": membership.member_leave,
    "member_noun": membership.member_noun,
    "member_join": membership.member_join,
    "member_stay": membership.member_stay,
    "adopt_currency": membership.adopt_currency,
    "founded_by": membership.founded_by,
    "includes": membership.includes,
    "outside": membership.outside,
    "make_up": membership.make_up,
    "peace_with": membership.peace_with,
    "member_taken_out": membership.member_taken_out,
    "agr_state": membership.agr_state,
    "agreement_between": negotiation.agreement_between,
    "negotiate": negotiation.negotiate,
    "visit": negotiation.visit,
    "channels": negotiation.channels,
}
_DONE_BY = scanner(
    r"\b(?:this|that|the\s+same)\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?done\s+by\s+|"
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+|soon\s+|later\s+|then\s+)?"
    r"followed\s+(?:\w+\s+){0,3}?by\s+|,?\s+as\s+(?:do|does|did|have|has|had)\s+(?:also\s+)?(?=[A-Z]|the\s+[A-Z])|"
    r",\s+(?:along|together)\s+with\s+(?:the\s+)?(?=[A-Z])|"
    r",\s+followed\s+by\s+(?:the\s+)?(?=[A-Z])|,?\s+and\s+so\s+(?:is|are|does|do|did|has|have)\s+(?:the\s+)?(?=[A-Z])|,\s+joining\s+(?:the\s+)?(?=[A-Z])|\b(?:to\s+)?do\s+so\s+(?:only\s+)?after\s+(?:the\s+)?(?=[A-Z])|"
    # "X do not recognise it, and neither do (five members of the EU:) A and B"
    r",?\s+(?:and\s+)?(?:neither|nor)\s+(?:do|does|did|have|has|had|will|would|can|could)\s+"
    r"(?:(?:the\s+)?[\w-]+\s+members\s+of\s+(?:the\s+)?[^:;,.]{2,40}:\s*)?(?:the\s+)?(?=[A-Z])",
    re.I,
)
_SAME = scanner(
    r"\b(?:(?:did|done|said|signall?ed|announced|(?:would|will|could)\s+do|(?:agreed|agrees|plans?|planned|"
    r"intends?|intended|decided|pledged|promised|vowed|expected|poised|set)\s+to\s+do)\s+the\s+same|follow(?:ed|s|ing)?\s+suit|"
    r"follow(?:ed|s|ing)?\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:['’]s?)?\s+lead|"
    r"follow(?:ed|s|ing)?\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+in\s+[a-z]+ing\b|(?:to\s+)?follow\s+(?:the\s+lead|(?:its|their)\s+lead|the\s+example|the\s+path)|"
    r"(?:quickly|soon|later|swiftly)\s+followed(?=\s*[,.;]|\s*$)|"
    r"(?<!been\s)(?<!was\s)(?<!were\s)followed(?=\s*[,.;]|\s+(?:within|on|in|shortly|soon|later|hours|days|"
    r"weeks|months|the\s+next|the\s+same|last|early|late|next|(?:this|that)\s+(?:week|month|year)|"
    r"at\s+the\s+(?:end|start|beginning)|(?:a|one|two|three)\s+(?:day|week|month|year)s?\s+later)\b)|"
    r"(?:did|do|does|done|doing)\s+so\b|"
    r"(?:take|takes|took|taken|taking)\s+(?:the|this|that|such\s+a|a\s+similar|similar|the\s+same)\s+"
    r"(?:\w+\s+)?(?:step|steps|decision|line|position|stance|view|approach)|"
    r"(?:make|makes|made|making)\s+the\s+same\s+(?:\w+\s+)?(?:move|switch|step|decision)|"
    r"(?:consider|weigh|study|studie|studying|examin|mull)\w*\s+(?:the|such\s+a|a\s+similar|the\s+same)\s+"
    r"(?:move|step)|"
    r"(?:will|would|could|may|might)\s+(?:not\s+|never\s+)?follow\b(?!\s+(?:the|a|an|its|their|up|through)\b)|"
    r"(?:set|expected|due|poised|likely|ready|about|going|plans?|intends?)\s+to\s+follow\b(?!\s+(?:the|a|an|its|their)\b)|"
    r"(?:plans?|planned|planning|intends?|intended|promised|pledged|vowed|expected|set|due|ready)\s+"
    r"to\s+do\s+(?:so|the\s+same)|(?:announced|unveiled|made)\s+similar\s+(?:plans|moves|steps|"
    r"announcements|pledges))\b",
    re.I,
)
# _SAME for the folded clause (cheaper than a case-insensitive search); it finds where _SAME matches
_SAME_FOLDED = Scanner(lowered(_SAME.pattern.replace("[A-Z]", "[a-z]")))
_SAME_INTENT = re.compile(
    r"\b(?:plans?|planned|planning|intend\w*|promised|pledged|vowed|expected|set|due|ready|"
    r"similar|will|would|poised|likely|about|going)\b",
    re.I,
)


Act = tuple[RelationType, str, Status, bool]  # predicate, object, status, mutual
# what a name is described as ("Five EU states, Spain, ...", "X, an ally of Y"): a state, not an act to repeat
_DESCRIPTIONS = ("member.adjective", "member.parenthetical", "ally")


def _acts(
    c: Clause, anchor: int, same: re.Match[str] | None, found: list[Raw], previous: list[Raw],
    history: list[Raw],
) -> set[Act]:
    """The acts a "same again" phrase repeats: those of the leaders it names ("follow the lead of
    Washington and Paris", "followed the Saudi lead"), else the latest act stated before it in this
    sentence, else (when the phrase opens the sentence) the last sentence's acts."""
    leaders = _leaders(c, same) if same else None
    if leaders is not None:
        led = [r for r in history if r.subject in leaders]
        latest = max((r.position for r in led), default=0)
        source = [r for r in led if r.position == latest]  # the leader's latest step, not all its history
    else:
        # ("A and B, which belong to ASEAN, hold claims, as does C": C holds claims; it does not belong;
        # but "Mexico, which joined in 1994, Chile, which followed in 2010": a "followed" repeats one)
        asides = [] if same else [(a.start(), a.end()) for a in _RELATIVE.finditer(c.text, c.start, anchor)]
        before = [
            r
            for r in found
            if r.position < anchor
            and not r.rule.startswith(_DESCRIPTIONS)
            and not any(s <= r.position < e for s, e in asides)
        ]
        if before:
            latest = max(r.position for r in before)
            source = [r for r in before if r.position == latest]
        elif anchor - c.start <= 90 and not _OWN_VERB.search(c.text, c.start, anchor):
            source = previous
        else:
            source = []
    kept = [r for r in source if r.predicate is not RelationType.NEGOTIATING_WITH and not r.mirror]
    hub = _hub(kept)
    acts: set[Act] = {
        (r.predicate, hub if hub and _mutual(r) else r.object, r.status, _mutual(r)) for r in kept
    }
    recognitions: set[Act] = {a for a in acts if a[0] is RelationType.RECOGNIZES}
    return recognitions or acts  # a repeated step is the recognition, not the memberships beside it


_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,;]*,")


def _pair_of(c: Clause, group: Group) -> list[str]:
    """The two countries a group names, counting a description joined by "and" ("Japan and the North")."""
    ids = list(group.ids)
    nxt = next((g for g in c.groups if g.start >= group.end), None)
    if len(ids) == 1 and nxt and _JUST_AND.fullmatch(c.text, group.end, nxt.start):
        ids += [i for i in nxt.ids if i not in ids]
    return ids if len(ids) == 2 else []


_JUST_AND = re.compile(r"\s+and\s+")


def _between_two(acts: set[Act]) -> bool:
    """Whether the acts are one mutual act of two countries with each other (each is the other's object)."""
    return len(acts) == 2 and len({(a[0], a[2]) for a in acts}) == 1 and all(a[3] for a in acts)


def _mutual(r: Raw) -> bool:
    return r.rule.startswith(("ties.", "negotiat"))


def _hub(source: list[Raw]) -> str | None:
    """The one side every mutual act shares ("Israel opened ties with Bahrain and the UAE, and
    Morocco followed": Morocco's ties are with Israel, not with Bahrain and the UAE)."""
    sides = [{r.subject, r.object} for r in source if _mutual(r)]
    common = set.intersection(*sides) if len(sides) >= 2 else set()
    return common.pop() if len(common) == 1 else None


# a verb of the sentence's own before the anaphor: "the first country to switch recognition since
# Chad did so" repeats this sentence's act, not the last sentence's
_OWN_VERB = re.compile(
    r"\b(?:to|has|have|had|was|were|is|are)\s+(?:\w+\s+)?(?:switch|recogni|join|sign|establish|cut|sever)\w*",
    re.I,
)


def _leaders(c: Clause, same: re.Match[str]) -> set[str] | None:
    """Whose lead a "follow the lead of X" / "followed the Saudi lead" phrase names (None: no lead)."""
    text = same.group()
    inside = next((g for g in c.groups if same.start() <= g.start and g.end <= same.end()), None)
    if inside and re.search(r"\blead$|\bin\s+\w+ing$", text):
        group: Group | None = inside  # "followed the Saudi lead", "followed Russia in recognising them"
    elif re.search(r"\blead\s+of\s*$", text + " of"):
        group = object_after(c, same.end(), max_gap=6)
    else:
        return None
    return set(group.ids) if group else set()


# Every match of _DONE_BY holds one of its words, "as do/did/has...", "nor" or " so"; every match of _SAME
# one of its words or " so". Looked for in the folded clause with ``in`` (an alternation of words
# costs re a try at nearly every letter); the two patterns with a literal start are cheap too.
_DONE_BY_WORDS = ("done", "followed", "along", "together", "joining", "neither")
_SAME_WORDS = ("same", "follow", "tak", "took", "consider", "weigh", "similar")
_AS_DO = lowered(r"as\s+(?:do|di|ha)")
_NOR = lowered(r"nor\s")  # (not "governor")
_SO = lowered(r"so(?<=\sso)\b")


def _same_again(c: Clause, found: list[Raw], previous: list[Raw], history: list[Raw]) -> Iterator[Raw]:
    """ "Previously, this was also done by A and B", "Cyprus signalled the same", "X is expected to
    follow suit", "A did so in 1988", "as do B and C": an act stated just before, new subjects.
    Both kinds of phrase may come in one sentence ("A and B have refused to do so, as have C and D"):
    the later one then repeats what the earlier one gave."""
    # (most sentences have none of the words the two long patterns need)
    folded = c.folded[c.start : c.end]
    so = "so" in folded and _SO.search(folded) is not None
    if so or holds(folded, _DONE_BY_WORDS) or _AS_DO.search(folded) or _NOR.search(folded):
        by = _DONE_BY.search(c.text, c.start, c.end)
    else:
        by = None
    same = None
    if so or holds(folded, _SAME_WORDS):
        at = _SAME_FOLDED.search(c.folded, c.start, c.end)
        same = _SAME.match(c.text, at.start(), c.end) if at else None  # (the same span, from the text)
    if same and by and same.start() < by.start():
        earlier = list(_repeat(c, None, same, found, previous, history))
        yield from earlier
        yield from _repeat(c, by, None, found + earlier, previous, history)
    elif by or same:
        yield from _repeat(c, by, None if by else same, found, previous, history)


_FOLLOW_IN = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:in|as)\s+(?:the\s+)?(?:rotating\s+)?(?:chair|presidency|post|role|job|office|seat)\b",
    re.I,
)
_MODAL_FOLLOW = re.compile(r"(?:will|would|could|may|might)\s", re.I)
# a noun of its own before "could follow" ("more measures could follow"), past the subject's asides
_OTHER_SUBJECT = re.compile(r"\b(?!(?:they|it|also|too|soon|not|never)\b)[a-z]+s?\s+$")


# "as do B", "along with B", "nor does B": the act is this sentence's own, not the last sentence's
_OWN_ACT = (
    "as ", "along", "together", "followed by", "joining", "do so", "to do so", "neither", "nor",
    "and neither",
    "and nor",
    "and so",
)


def _repeat(
    c: Clause, by: re.Match[str] | None, same: re.Match[str] | None, found: list[Raw], previous: list[Raw],
    history: list[Raw],
) -> Iterator[Raw]:
    """The acts one "done by" (``by``) or "did the same" (``same``) phrase repeats, for its subjects."""
    anchor = (by or same).start()  # type: ignore[union-attr]
    if by:
        group, status = _followers(c, object_after(c, by.end(), max_gap=6)), None
    else:
        assert same is not None
        group = subject_before(c, same.start(), max_gap=60)
        modal = _MODAL_FOLLOW.match(same.group())
        if group and modal and _OTHER_SUBJECT.search(c.text, group.end, same.start()):
            group = None  # "British officials said more measures could follow": the measures follow
        status = _same_status(c, group.end, same) if group else None
        ordinal = _ORDINAL_AFTER.search(c.text, c.start, same.start())
        if group and ordinal and ordinal.end() == group.start:
            status = None  # "the second country, after Bolivia, to take such a step": Bolivia already did
    if group is None or (same and _FOLLOW_IN.match(c.text, same.end())):
        return  # ("due to follow Chile in the chair": a turn in an office, not an act repeated)
    own = by is not None and by.group().lstrip(", ").lower().startswith(_OWN_ACT)
    others = [r for r in found if r.subject not in group.ids]  # one does not follow one's own lead
    acts = _acts(c, anchor, same, others, [] if own else previous, history)
    two = _pair_of(c, group)
    if two and _between_two(acts) and set(two) != {a[1] for a in acts}:
        # "A and B have never established relations, and neither have C and D": C and D, with each other
        predicate, _, act_status, _ = min(acts)
        final = act_status if status in (None, Status.IN_FORCE) else status
        one, other = two
        yield Raw(one, predicate, other, final, "same_again.pair", anchor)
        yield Raw(other, predicate, one, final, "same_again.pair", anchor, mirror=True)
        return
    for predicate, obj, act_status, mutual in sorted(acts):
        final = act_status if status in (None, Status.IN_FORCE) else status
        if status is Status.IN_FORCE and _DONE.match(same.group() if same else ""):
            if act_status is Status.DENIED:
                continue  # "X refuses; Y did so": nothing to repeat
            final = Status.IN_FORCE if act_status in (Status.ANNOUNCED, Status.PROPOSED) else act_status
        for subject in group.ids:
            if subject != obj and final is not None:
                yield Raw(subject, predicate, obj, final, "same_again", anchor)
                if mutual and final is Status.IN_FORCE:
                    yield Raw(obj, predicate, subject, final, "same_again", anchor, mirror=True)


# "followed by A on 22 April and by B on 2 May": each dated "by" adds its group
_AND_BY = re.compile(r"(?:\s+(?:on|in)\s+[\w ]{1,20}?)?,?\s+(?:and\s+)?(?:then\s+)?by\s+(?:the\s+)?")


def _followers(c: Clause, group: Group | None) -> Group | None:
    return extend_list(c, group, _AND_BY) if group else None


_WEIGHING = re.compile(r"(?:consider|weigh|stud|examin|mull)", re.I)
_DONE = re.compile(r"(?:did|done)\s+so|took|taken|followed", re.I)  # the act happened


def _same_status(c: Clause, subject_end: int, same: re.Match[str]) -> Status | None:
    """The status of the repeated act from the words before the phrase ("agreed in October to
    follow suit": announced; "refused to follow suit": denied; "plans to do so": announced)."""
    before = c.text[subject_end : same.start()]
    if _WEIGHING.match(same.group()):
        return Status.PROPOSED  # "is studying a similar step", "considering the move"
    status = cues.status_from_chain(cues.strip_asides(before) + same.group(), Status.IN_FORCE)
    if status is Status.IN_FORCE and (
        _SAME_INTENT.search(same.group()) or re.search(r"\bto\s+$", before)
    ):
        status = Status.ANNOUNCED  # "which plan to do so", "agreed in October to follow suit"
    return status


def clause_claims(
    c: Clause, previous: list[Raw] | None = None, history: list[Raw] | None = None
) -> list[Raw]:
    """Every raw claim the rules find in one sentence (``previous``: the last sentence's claims,
    ``history``: every claim of the article so far)."""
    found: list[Raw] = []
    recognition.note_declarations(c)
    for m in find_triggers(c.text, c.start, c.end, c.folded):
        family = m.lastgroup
        if family:
            found.extend(RULES[family](c, m))
    found.extend(membership.parenthetical_members(c))
    found.extend(membership.chair_members(c))
    found.extend(membership.allied_owners(c))
    found.extend(membership.kept_out(c))
    found.extend(membership.shared_with(c))
    found.extend(membership.ranked_members(c))
    found.extend(membership.org_of_members(c))
    found.extend(negotiation.signed_deals(c))
    found.extend(ties.listed_allies(c))
    earlier = list(_ordinal_after(c, found))
    again = _same_again(c, found, previous or [], history or [])
    before = {(r.subject, r.predicate, r.object) for r in earlier}
    found.extend(r for r in again if (r.subject, r.predicate, r.object) not in before)
    found.extend(earlier)
    found.extend(_have_not(c, found))
    found = _unlike(c, found)
    found.extend(_like(c, found))
    found.extend(_gapped_members(c, found))
    if not found and previous:
        found.extend(_elliptic_not(c, previous))
    return _later_ties_win(c, found)


def _later_ties_win(c: Clause, found: list[Raw]) -> list[Raw]:
    """ "broke off relations during the war and restored them in 1990": of two ties acts on one pair
    joined by "and", the later one tells where the relations stand."""
    ties = [r for r in found if r.rule.startswith("ties.") and r.status in (Status.IN_FORCE, Status.ENDED)]
    if len(ties) < 2:
        return found
    latest: dict[tuple[str, str], Raw] = {}
    for r in ties:
        key = (r.subject, r.object)
        if key not in latest or r.position > latest[key].position:
            latest[key] = r
    dropped = [
        r
        for r in ties
        if latest[(r.subject, r.object)].status is not r.status
        and " and " in c.text[r.position : latest[(r.subject, r.object)].position]
    ]
    return [r for r in found if r not in dropped] if dropped else found


_ORDINAL_AFTER = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:country|countries|state|states|nation|nations|member|government)\b"
    r"[^.;]{0,80}?,?\s+after\s+(?:the\s+)?",
    re.I,
)
_DATED_AND = re.compile(r"(?:\s+in\s+\d{4})?(?:,\s*|,?\s+and\s+)(?:the\s+)?")


def _ordinal_after(c: Clause, found: list[Raw]) -> Iterator[Raw]:
    """ "the third Arab country to do so, after Egypt in 1979 and Jordan in 1994": those named after
    "after" took the same step earlier, with the same outcome."""
    if not found or c.folded.find("after", c.start, c.end) < 0:
        return  # (the pattern needs "after", and most sentences have none)
    m = _ORDINAL_AFTER.search(c.text, c.start, c.end)
    if m is None:
        return
    first = object_after(c, m.end(), max_gap=2)
    if first is None:
        return
    group = extend_list(c, first, _DATED_AND)  # "after Egypt in 1979 and Jordan in 1994"
    # "the second state, after Russia, to declare that it recognised X": the act after the phrase,
    # else the one before it ("normalised ties ..., the third Arab country to do so, after Egypt")
    later = [r for r in found if m.end() < r.position <= group.end + 90]
    # (not a bilateral treaty: in "the second state, after Egypt, to make peace with Israel" Egypt's
    # treaty is its own, not Jordan's)
    bilateral = set(get_lexicon().bilateral.values())
    acts = {
        (r.predicate, r.object, r.status, r.rule.startswith("ties."))
        for r in (later or [r for r in found if r.position < m.end()])
        if not r.mirror and r.status in (Status.IN_FORCE, Status.ENDED)
        and r.predicate is not RelationType.NEGOTIATING_WITH and r.object not in bilateral
    }
    for predicate, obj, status, mutual in sorted(acts):
        for subject in group.ids:
            if subject != obj:
                yield Raw(subject, predicate, obj, status, "ordinal_after", m.start())
                if mutual and status is Status.IN_FORCE:
                    yield Raw(obj, predicate, subject, status, "ordinal_after", m.start(), mirror=True)


_HAVE_NOT = re.compile(
    r"(?:,\s*|\s)(?:while|whereas|but)\s+(?:the\s+)?(?P<who>[A-Z][^,;]{2,80}?)\s+(?:have|has|had|do|does|did)\s+"
    r"(?:not|n['’]t)(?:\s+(?:yet|done\s+so))?\s*(?=[.,;]|$)",
)


def _have_not(c: Clause, found: list[Raw]) -> Iterator[Raw]:
    """ "A and B have recognised Palestine, while the US and Canada have not": the same act,
    refused by the others."""
    if not found or not holds(c.text[c.start : c.end], ("but", "while", "whereas")):
        return  # (the pattern needs one of the words, and most sentences have none)
    m = _HAVE_NOT.search(c.text, c.start, c.end)
    if not m:
        return
    group = next((g for g in c.groups if m.start("who") <= g.start and g.end <= m.end("who") + 1), None)
    if group is None:
        return
    acts = {
        (r.predicate, r.object)
        for r in found
        if r.position < m.start() and not r.mirror and r.predicate is not RelationType.NEGOTIATING_WITH
    }
    yield from _refusals(group.ids, acts, "have_not", m.start())


_UNLIKE = re.compile(r"\bunlike\s+(?:the\s+)?", re.I)


# "Montenegro joined the WTO in April and Samoa in May": a second subject with only its own date
_GAP_AND = re.compile(r",?\s+and\s+(?:then\s+|later\s+)?(?:the\s+)?$")
_GAP_DATE = re.compile(
    r"\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{4}|[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|"
    r"\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\s*(?:[,.;)]|$)"
)


def _gapped_members(c: Clause, found: list[Raw]) -> Iterator[Raw]:
    """A country after "and" with nothing but a date joins what the clause's subject joined (a
    country cannot be the object of membership; peace treaties name their own pair)."""
    joins = [r for r in found if r.predicate is RelationType.MEMBER_OF and r.rule != "member.peace_with"]
    if not joins or " and " not in c.text[joins[0].position : c.end]:
        return
    for group in c.groups:
        prior = [r for r in joins if r.position < group.start and r.subject not in group.ids]
        if not prior or _GAP_DATE.match(c.text, group.end, c.end) is None:
            continue
        if not _GAP_AND.search(c.text, max(r.position for r in prior), group.start):
            continue
        for r in prior:
            for g in group.ids:
                yield Raw(g, r.predicate, r.object, r.status, r.rule + ".gapped", group.start)
        return


_LIKE_ASIDE = re.compile(r",\s+like\s+(?:the\s+)?")


def _like(c: Clause, found: list[Raw]) -> Iterator[Raw]:
    """ "The United States, like Russia and China, is not a party to X": the countries of the aside
    share what the subject does after it."""
    if not found or c.folded.find(", like ", c.start, c.end) < 0:
        return
    m = _LIKE_ASIDE.search(c.text, c.start, c.end)
    first = object_after(c, m.end(), max_gap=1) if m else None
    if m is None or first is None:
        return
    group = extend_list(c, first)
    if not c.text.startswith(",", group.end):
        return  # not a closed aside: "ties with countries, like A and B"
    for r in found:
        if r.position > group.end and r.subject not in group.ids:
            yield from (Raw(o, r.predicate, r.object, r.status, r.rule + ".like", r.position)
                        for o in group.ids if o != r.object)


def _unlike(c: Clause, found: list[Raw]) -> list[Raw]:
    """ "Ireland, unlike Britain, is not a member of NATO", "Unlike A, B and C, Spain has not
    recognised Kosovo": those the subject is set against are no subjects of the act, and where the
    subject refuses it, they hold it."""
    if not found or c.folded.find("unlike", c.start, c.end) < 0:
        return found
    m = _UNLIKE.search(c.text, c.start, c.end)
    contrast = _contrasted(c, m) if m else []
    if not contrast:
        return found
    # (a claim the list shares with the subject is the subject's alone; "which both joined" stays)
    def act(r: Raw) -> tuple[RelationType, str, Status, int]:
        return r.predicate, r.object, r.status, r.position

    theirs = {act(r) for r in found if r.subject not in contrast}
    kept = [r for r in found if r.subject not in contrast or act(r) not in theirs]
    for r in kept[:]:
        if r.status is Status.DENIED and r.predicate in _HELD_BY_OTHERS:
            rule = _HELD_BY_OTHERS[r.predicate]
            kept.extend(Raw(o, r.predicate, r.object, Status.IN_FORCE, rule, r.position) for o in contrast)
    return kept


_HELD_BY_OTHERS = {RelationType.MEMBER_OF: "member.unlike", RelationType.RECOGNIZES: "recognize.unlike"}


def _contrasted(c: Clause, m: re.Match[str]) -> list[str]:
    """The countries after "unlike". Opening a sentence, the list runs on into the subject ("Unlike
    A, B and C, D has not"): the subject is what follows the list's last comma."""
    first = object_after(c, m.end(), max_gap=25)
    if first is None:
        return []
    group = extend_list(c, first)
    members = group.members
    if m.start() - c.start > 2:
        return group.ids  # "Spain, unlike A and B, has not": an aside
    cut, listed = 0, False
    for i in range(1, len(members)):
        sep = c.text[members[i - 1].end : members[i].start].strip().lower()
        if sep == "," and (listed or len(members) == 2):
            cut = i
        listed = listed or sep.endswith(("and", "or"))
    chosen = members[:cut] if cut else members
    return list(dict.fromkeys(i for a in chosen for i in a.ids))


def _refusals(
    subjects: list[str], acts: Iterable[tuple[RelationType, str]], rule: str, pos: int
) -> Iterator[Raw]:
    """Each act refused by each subject (not by the act's own object)."""
    for predicate, obj in sorted(acts):
        for subject in subjects:
            if subject != obj:
                yield Raw(subject, predicate, obj, Status.DENIED, rule, pos)


# "Spain, Slovakia and Greece have not, citing ...", "The United States, Israel's ally, does not."
_ELLIPTIC_NOT = re.compile(
    r"\s+(?:have|has|had|do|does|did)\s+(?:not|n['’]t)(?:\s+(?:yet|done\s+so))?\s*(?:[.,;]|$)"
)


def _elliptic_not(c: Clause, previous: list[Raw]) -> Iterator[Raw]:
    """A sentence that only says its subject "has not": the last sentence's act, refused by it."""
    sentence = c.text[c.start : c.end]
    if "not" not in sentence and "n’t" not in sentence:
        return
    m = _ELLIPTIC_NOT.search(c.text, c.start, c.end)
    if m is None:
        return
    subject = subject_before(c, m.start(), max_gap=70)
    if subject is None or subject.start - c.start > 12:
        return  # the subject must open the sentence: "Spain and Greece have not."
    # any status but a break: in "Serbia refuses to recognise X. Spain has not." the act is recognising
    acts = {
        (r.predicate, r.object)
        for r in previous
        if not r.mirror and r.predicate is not RelationType.NEGOTIATING_WITH and r.status is not Status.ENDED
        and not r.rule.startswith(("member.noun", *_DESCRIPTIONS))  # ("which holds observer status")
    }
    yield from _refusals(subject.ids, acts, "have_not.elliptic", m.start())
