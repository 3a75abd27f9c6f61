"""Selection: one claim per triple per article, in a stable order.

An article states one current status per triple; history it supersedes ("broke off ties in
2018" in a story about restored ties) loses to the later or undated statement. On a tie the
stronger reading wins (ended > in force > announced > denied > proposed, but an application
beats "is not a member"/"holds observer status": such a state that applied is an applicant), then the higher
confidence, then the earlier sentence (the lead usually states the news).
"""

from __future__ import annotations

import datetime as dt

from graph.models import Claim, Status, TripleKey

_RANK = {Status.ENDED: 4, Status.IN_FORCE: 3, Status.ANNOUNCED: 2, Status.DENIED: 1, Status.PROPOSED: 0}


def _when(claim: Claim) -> dt.date:
    """Undated statements speak of the article's present; background clauses of the past."""
    if claim.rule.endswith(".background"):
        return claim.event_date or dt.date.min
    if claim.event_date is None:
        return dt.date.max
    if claim.article_date is None:
        return claim.event_date
    # A date within a few months of the article is the news itself, not background.
    if (claim.article_date - claim.event_date).days < 200:
        return dt.date.max
    return claim.event_date


def _preference(claim: Claim) -> tuple[dt.date, int, float, int]:
    rank = _RANK[claim.status]
    if claim.status is Status.DENIED and claim.rule == "member.noun":
        rank = -1  # "holds observer status" / "is not a member", and it applied: an applicant
    return _when(claim), rank, claim.confidence, -claim.evidence.start


def _order(claim: Claim) -> tuple[str, str, str, str]:
    # (the members of these StrEnums compare as their values, without reading ``.value``)
    return claim.subject, claim.predicate, claim.object, claim.status


def select(claims: list[Claim]) -> list[Claim]:
    """The best claim for each triple, sorted by (subject, predicate, object)."""
    best: dict[TripleKey, Claim] = {}
    for claim in claims:
        key = claim.key
        current = best.get(key)
        if current is None or _preference(claim) > _preference(current):
            best[key] = claim
    return sorted(best.values(), key=_order)
