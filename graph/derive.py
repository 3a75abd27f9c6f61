"""Derive the state of a triple as of a date from the claims about it.

One pure function, shared by every store, so that all backends answer alike:
the claims dated on or before ``as_of`` (event date if known, else article date;
undated claims count from the beginning of time) are ordered by date, the latest
wins, and ties on the date are broken by confidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import accumulate, groupby

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


class TripleHistory:
    """The states of one triple over time, precomputed so an as-of lookup is a bisection."""

    __slots__ = ("key", "_days", "_winners", "_counts", "_runs", "_first", "_built")

    def __init__(self, key: TripleKey, claims: Iterable[Claim]) -> None:
        self.key = key
        claims = list(claims)
        timeline = state_timeline(claims)
        self._days = [day for day, _ in timeline]
        self._winners = [claim for _, claim in timeline]
        per_day: dict[date, int] = {}  # a Counter, without its per-call overhead (hot read path)
        for claim in claims:
            day = _when(claim)
            per_day[day] = per_day.get(day, 0) + 1
        self._counts = list(accumulate(per_day[day] for day in self._days))
        self._runs = list(_runs(timeline))
        self._first = next((d for d in self._days if d != _EPOCH), None)
        # Relations are built on first use and then shared: a hot read path (the same edge
        # asked for on many dates between two claims) pays for each object once.
        self._built: list[Relation | None] = [None] * len(self._days)

    def at(self, as_of: date) -> Relation | None:
        """The relation as of ``as_of``, or None when no claim is dated by then.

        The returned object is shared between callers: treat it as read-only.
        """
        i = bisect_right(self._days, as_of) - 1
        if i < 0:
            return None
        built = self._built[i]
        if built is None:
            built = self._built[i] = self._build(i)
        return built

    def _build(self, i: int) -> Relation:
        winner = self._winners[i]
        since, until = self._runs[i]
        last = self._days[i]
        subject, predicate, obj = self.key
        return _relation(
            {
                "subject": subject,
                "predicate": predicate,
                "object": obj,
                "status": winner.status,
                "since": since,
                "until": until,
                "confidence": winner.confidence,
                "evidence_count": self._counts[i],
                "first_seen": self._first if self._first and self._first <= last else None,
                "last_seen": None if last == _EPOCH else last,
                "about": winner.about,
            }
        )


_RELATION_FIELDS = frozenset(Relation.model_fields)


def _relation(fields: dict[str, object]) -> Relation:
    """``Relation.model_construct(**fields)`` for a value of every field, without its per-field
    Python loop: relations are built on the hot read path of both stores."""
    relation = object.__new__(Relation)
    object.__setattr__(relation, "__dict__", fields)
    object.__setattr__(relation, "__pydantic_fields_set__", set(_RELATION_FIELDS))
    object.__setattr__(relation, "__pydantic_extra__", None)
    object.__setattr__(relation, "__pydantic_private__", None)
    return relation


def derive_relation(key: TripleKey, claims: Iterable[Claim], as_of: date) -> Relation | None:
    """The relation for ``key`` as of ``as_of``, or None when no claim is dated by then."""
    return TripleHistory(key, claims).at(as_of)


def _runs(timeline: list[tuple[date, Claim]]) -> Iterator[tuple[date | None, date | None]]:
    """For each point of the timeline: start of the latest in-force run, and its end if it ended."""
    since: date | None = None
    until: date | None = None
    in_force = False
    for day, claim in timeline:
        known = None if day == _EPOCH else day
        if claim.status is Status.IN_FORCE and not in_force:
            since, until, in_force = known, None, True
        elif claim.status in (Status.ENDED, Status.DENIED) and in_force:
            until, in_force = known, False
        yield since, until


def matches_status(relation: Relation, status: Status | None) -> bool:
    """``status=None`` means any status."""
    return status is None or relation.status is status
