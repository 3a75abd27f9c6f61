"""Derive the state of a triple as of a date from the claims about it.

One pure function, shared by every store, so that all backends answer alike:
the claims dated on or before ``as_of`` (event date if known, else article date;
undated claims count from the beginning of time) are ordered by date, the latest
wins, and ties on the date are broken by confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import groupby

from graph.models import Claim, Relation, Status, TripleKey

_EPOCH = date.min


def _when(claim: Claim) -> date:
    return claim.effective_date or _EPOCH


def _order(claim: Claim) -> tuple[date, float, str, str, str]:
    # Everything after the confidence only makes the order total, so that equal
    # inputs give equal answers whatever order a store returned them in.
    return (_when(claim), claim.confidence, claim.status.value, claim.article_id, claim.rule)


def state_timeline(claims: Iterable[Claim]) -> list[tuple[date, Claim]]:
    """The winning claim of each distinct date, oldest first."""
    ordered = sorted(claims, key=_order)
    return [(day, list(group)[-1]) for day, group in groupby(ordered, key=_when)]


def derive_relation(key: TripleKey, claims: Iterable[Claim], as_of: date) -> Relation | None:
    """The relation for ``key`` as of ``as_of``, or None when no claim is dated by then."""
    dated = [c for c in claims if _when(c) <= as_of]
    if not dated:
        return None
    timeline = state_timeline(dated)
    _, winner = timeline[-1]
    since, until = _current_run(timeline)
    days = [d for d, _ in timeline if d != _EPOCH]
    subject, predicate, obj = key
    return Relation(
        subject=subject,
        predicate=predicate,
        object=obj,
        status=winner.status,
        since=since,
        until=until,
        confidence=winner.confidence,
        evidence_count=len(dated),
        first_seen=min(days) if days else None,
        last_seen=max(days) if days else None,
        about=winner.about,
    )


def _current_run(timeline: list[tuple[date, Claim]]) -> tuple[date | None, date | None]:
    """Start of the latest in-force run, and the date it ended if it has ended since."""
    since: date | None = None
    until: date | None = None
    in_force = False
    for day, claim in timeline:
        known = None if day == _EPOCH else day
        if claim.status is Status.IN_FORCE:
            if not in_force:
                since, until, in_force = known, None, True
        elif claim.status is Status.ENDED:
            if in_force:
                until, in_force = known, False
        elif in_force and claim.status is Status.DENIED:
            until, in_force = known, False
    return since, until


def matches_status(relation: Relation, status: Status | None) -> bool:
    """``status=None`` means any status."""
    return status is None or relation.status is status
