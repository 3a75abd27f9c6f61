"""Counts and per-month timelines for dashboards, computed from claims and relations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from graph.models import Claim, Relation, RelationType, Stats, Status, TimelineBucket


def stats_from(
    countries: int, agreements: int, articles: int, claims: int, relations: Iterable[Relation]
) -> Stats:
    in_force = Counter(r.predicate.value for r in relations if r.status is Status.IN_FORCE)
    return Stats(
        countries=countries,
        agreements=agreements,
        articles=articles,
        claims=claims,
        relations={t.value: in_force.get(t.value, 0) for t in RelationType},
    )


def timeline_from(
    claims: Iterable[Claim], *, predicate: RelationType | None = None, entity: str | None = None
) -> list[TimelineBucket]:
    """Claims per month of their effective date; undated claims are left out."""
    counts: Counter[tuple[str, RelationType, Status]] = Counter()
    for claim in claims:
        day = claim.effective_date
        if day is None or (predicate is not None and claim.predicate is not predicate):
            continue
        if entity is not None and entity not in (claim.subject, claim.object):
            continue
        counts[(f"{day.year:04d}-{day.month:02d}", claim.predicate, claim.status)] += 1
    return [
        TimelineBucket(period=period, predicate=p, status=s, count=n)
        for (period, p, s), n in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][1].value, kv[0][2].value)
        )
    ]
