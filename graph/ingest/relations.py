"""Relation extraction for one sentence: the trigger families of ``triggers`` mapped to the rules
of ``recognition``, ``membership`` and ``negotiation``, plus the passes that need no trigger
(member lists spelled out in a name, "this was also done by ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest import cues, membership, negotiation, recognition, ties
from graph.ingest.args import Clause, object_after, subject_before
from graph.ingest.fastre import scanner
from graph.ingest.rulebase import Raw, Rule
from graph.ingest.triggers import find_triggers
from graph.models import RelationType, Status

__all__ = ["Raw", "clause_claims"]

RULES: dict[str, Rule] = {
    "recog_withdraw": recognition.recog_withdraw,
    "recog_passive": recognition.recog_passive,
    "recog_extend": recognition.recog_extend,
    "recog_announce": recognition.recog_announce,
    "recog_reject": recognition.recog_reject,
    "recog_by": recognition.recog_by,
    "recog_verb": recognition.recog_active,
    "recog_noun": recognition.recog_noun,
    "accept_state": recognition.accept_state,
    "switch": ties.switch,
    "ties_process": negotiation.normalisation,
    "rapprochement": negotiation.normalisation,
    "ties_cut": ties.ties_cut,
    "ties_noun": ties.ties_noun,
    "ties_est": ties.ties_est,
    "ties_passive": ties.ties_passive,
    "ties_have": ties.ties_have,
    "envoys": ties.envoys,
    "ally": ties.ally,
    "member_leave": membership.member_leave,
    "member_noun": membership.member_noun,
    "member_join": membership.member_join,
    "member_stay": membership.member_stay,
    "adopt_currency": membership.adopt_currency,
    "founded_by": membership.founded_by,
    "includes": membership.includes,
    "outside": membership.outside,
    "agr_state": membership.agr_state,
    "agreement_between": negotiation.agreement_between,
    "negotiate": negotiation.negotiate,
    "channels": negotiation.channels,
}
_DONE_BY = scanner(
    r"\b(?:this|that|the\s+same)\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?done\s+by\s+", re.I
)
_SAME = scanner(
    r"\b(?:(?:did|done|said|signall?ed|announced|(?:would|will|could)\s+do)\s+the\s+same|follow(?:ed|s|ing)?\s+suit|"
    r"(?:to\s+)?follow\s+(?:the\s+lead|(?:its|their)\s+lead|the\s+example|the\s+path)|"
    r"(?:quickly|soon|later|swiftly)\s+followed(?=\s*[,.;]|\s*$)|"
    r"(?:set|expected|due|poised|likely|ready|about|going)\s+to\s+follow\b(?!\s+(?:the|a|an|its|their)\b)|"
    r"(?:plans?|planned|planning|intends?|intended|promised|pledged|vowed|expected|set|due|ready)\s+"
    r"to\s+do\s+(?:so|the\s+same)|(?:announced|unveiled|made)\s+similar\s+(?:plans|moves|steps|"
    r"announcements|pledges))\b",
    re.I,
)
_SAME_INTENT = re.compile(
    r"\b(?:plans?|planned|planning|intend\w*|promised|pledged|vowed|expected|set|due|ready|"
    r"similar|will|would|poised|likely|about|going)\b",
    re.I,
)


def _acts(
    c: Clause, same: re.Match[str] | None, recent: list[Raw], history: list[Raw]
) -> set[tuple[RelationType, str, Status]]:
    """The acts a "same again" phrase repeats: those of the leaders it names ("follow the lead of
    Washington and Paris"), else the ones just stated."""
    source = recent
    if same and re.search(r"\blead\s+of\s*$", same.group() + " of"):
        leaders = object_after(c, same.end(), max_gap=6)
        source = [r for r in history if leaders and r.subject in leaders.ids] if leaders else recent
    return {
        (r.predicate, r.object, r.status) for r in source if r.predicate is not RelationType.NEGOTIATING_WITH
    }


def _same_again(c: Clause, recent: list[Raw], history: list[Raw]) -> Iterator[Raw]:
    """ "Previously, this was also done by A and B", "Cyprus signalled the same", "X is expected to
    follow suit": the act just stated (this sentence's or the last one's), with new subjects."""
    by = _DONE_BY.search(c.text, c.start, c.end)
    same = _SAME.search(c.text, c.start, c.end)
    if not (by or same):
        return
    acts = _acts(c, same, recent, history)
    if not acts:
        return
    if by:
        group, status = object_after(c, by.end(), max_gap=6), None
    else:
        assert same is not None
        group = subject_before(c, same.start(), max_gap=60)
        status = cues.status_from_chain(c.text[group.end : same.end()], Status.IN_FORCE) if group else None
        if status is Status.IN_FORCE and _SAME_INTENT.search(same.group()):
            status = Status.ANNOUNCED  # "which plan to do so", "have announced similar plans"
    if group is None:
        return
    pos = (by or same).start()  # type: ignore[union-attr]
    for predicate, obj, act_status in sorted(acts):
        final = act_status if status in (None, Status.IN_FORCE) else status
        for subject in group.ids:
            if subject != obj and final is not None:
                yield Raw(subject, predicate, obj, final, "same_again", pos)


def clause_claims(
    c: Clause, previous: list[Raw] | None = None, history: list[Raw] | None = None
) -> list[Raw]:
    """Every raw claim the rules find in one sentence (``previous``: the last sentence's claims,
    ``history``: every claim of the article so far)."""
    found: list[Raw] = []
    recognition.note_declarations(c)
    for m in find_triggers(c.text, c.start, c.end):
        family = m.lastgroup
        if family:
            found.extend(RULES[family](c, m))
    found.extend(membership.parenthetical_members(c))
    found.extend(_same_again(c, found or previous or [], history or []))
    return found
