"""Domain queries above the store protocol: per-entity relation lists, paths, evidence,
paginated relations and aggregates. Written once, so every backend answers alike.

Ids handed to the store are always canonical; everything a user types (``"israel"``,
``"IL"``, ``"ISR"``, ``"NATO"``) goes through ``resolve_*`` (``graph.names``) first, which
raises ``NotFound`` with close matches when nothing fits.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, TypeAdapter

from graph.errors import InvalidInput, NotFound
from graph.models import (
    COUNTRY_ID,
    Country,
    Edge,
    EntityKind,
    EvidenceItem,
    Node,
    Relation,
    RelationType,
    Status,
    Subgraph,
    TimelineBucket,
)
from graph.names import (
    Entity,
    entity_name,
    index_entity,
    invalidate_names,
    known_ids,
    normalize,
    resolve_agreement,
    resolve_country,
    resolve_entity,
)
from graph.store.base import GraphStore

__all__ = [
    "RelatedItem", "Entity", "entity_name", "invalidate_names", "known_ids", "normalize",
    "resolve_agreement", "resolve_country", "resolve_entity", "recognized_by", "recognizes",
    "memberships", "members_of", "negotiations", "country_counts", "membership_paths",
    "neighbourhood", "whole_graph", "evidence", "relations_page", "RelationPage", "timeline",
    "parse_status", "parse_type", "encode_cursor",
]

class RelatedItem(BaseModel):
    """One entity related to the one asked about, with the state of the relation."""

    id: str
    name: str
    status: Status
    since: date | None = None
    until: date | None = None
    confidence: float
    evidence_count: int


_RELATED_LIST = TypeAdapter(list[RelatedItem])


# --- parameters -----------------------------------------------------------------------------------


def parse_status(value: str | Status | None, *, default: Status | None = Status.IN_FORCE) -> Status | None:
    """A status filter: a Status, ``"any"`` (None: every status) or None (the default)."""
    if value is None:
        return default
    if isinstance(value, Status):
        return value
    if value.strip().lower() == "any":
        return None
    try:
        return Status(value.strip().lower())
    except ValueError as exc:
        raise InvalidInput(f"{exc} Or 'any' for every status.") from None


def parse_type(value: str | RelationType) -> RelationType:
    """A relation type in any case (``recognizes`` or ``RECOGNIZES``)."""
    if isinstance(value, RelationType):
        return value
    try:
        return RelationType(value.strip().upper())
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def _day(as_of: date | None) -> date:
    return as_of or date.today()


# --- relation lists -----------------------------------------------------------------------------


def _items(store: GraphStore, relations: Iterable[Relation], other_end: str) -> list[RelatedItem]:
    rows: list[dict[str, Any]] = []
    for r in relations:
        other = r.object if r.subject == other_end else r.subject
        known = index_entity(store, other)
        rows.append({
            "id": other,
            "name": known.name if known else entity_name(store, other),
            "status": r.status,
            "since": r.since,
            "until": r.until,
            "confidence": r.confidence,
            "evidence_count": r.evidence_count,
        })
    rows.sort(key=lambda row: (str(row["name"]).casefold(), str(row["id"])))
    # One validation call for the whole list (in pydantic-core) is the cheapest way to build them.
    return _RELATED_LIST.validate_python(rows)


def _related(
    store: GraphStore,
    anchor: str,
    predicate: RelationType,
    *,
    as_subject: bool,
    as_of: date | None,
    status: Status | None,
) -> list[RelatedItem]:
    side = {"subject": anchor} if as_subject else {"object": anchor}
    found = store.find_relations(predicate=predicate, status=status, as_of=_day(as_of), **side)
    return _items(store, found, anchor)


def recognized_by(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries that recognise ``country`` (by name or id), sorted by name."""
    cid = resolve_country(store, country).id
    return _related(store, cid, RelationType.RECOGNIZES, as_subject=False, as_of=as_of, status=status)


def recognizes(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries ``country`` recognises."""
    cid = resolve_country(store, country).id
    return _related(store, cid, RelationType.RECOGNIZES, as_subject=True, as_of=as_of, status=status)


def memberships(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The agreements ``country`` belongs to."""
    cid = resolve_country(store, country).id
    return _related(store, cid, RelationType.MEMBER_OF, as_subject=True, as_of=as_of, status=status)


def members_of(
    store: GraphStore, agreement: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The member countries of ``agreement`` (by id or name)."""
    aid = resolve_agreement(store, agreement).id
    return _related(store, aid, RelationType.MEMBER_OF, as_subject=False, as_of=as_of, status=status)


def negotiations(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries ``country`` negotiates with (either side of the symmetric edge)."""
    cid = resolve_country(store, country).id
    return _related(store, cid, RelationType.NEGOTIATING_WITH, as_subject=True, as_of=as_of, status=status)


def country_counts(store: GraphStore, country_id: str, *, as_of: date | None = None) -> dict[str, int]:
    """How many relations of each kind a country has in force (the profile's counts)."""
    day = _day(as_of)
    live = Status.IN_FORCE
    return {
        "recognized_by": len(store.find_relations(
            predicate=RelationType.RECOGNIZES, object=country_id, status=live, as_of=day)),
        "recognizes": len(store.find_relations(
            predicate=RelationType.RECOGNIZES, subject=country_id, status=live, as_of=day)),
        "memberships": len(store.find_relations(
            predicate=RelationType.MEMBER_OF, subject=country_id, status=live, as_of=day)),
        "negotiations": len(store.find_relations(
            predicate=RelationType.NEGOTIATING_WITH, subject=country_id, status=live, as_of=day)),
    }


# --- paths, neighbourhood, evidence -------------------------------------------------------------------


def membership_paths(
    store: GraphStore, source: str, target: str, *, max_hops: int = 4, as_of: date | None = None
) -> list[list[Node]]:
    """Shortest chains country - agreement - country ... through in-force memberships."""
    if not 1 <= max_hops <= 10:
        raise InvalidInput(f"max_hops must be between 1 and 10, got {max_hops}.")
    a, b = resolve_entity(store, source), resolve_entity(store, target)
    if a.id == b.id:
        return [[Node(id=a.id, kind=_kind(a), name=a.name)]]
    return store.find_membership_paths(a.id, b.id, max_hops=max_hops, as_of=_day(as_of))


def _kind(entity: Entity) -> EntityKind:
    return EntityKind.COUNTRY if isinstance(entity, Country) else EntityKind.AGREEMENT


def neighbourhood(store: GraphStore, center: str, *, depth: int = 1, as_of: date | None = None) -> Subgraph:
    """Nodes and edges within ``depth`` edges of ``center``, for drawing."""
    if not 1 <= depth <= 3:
        raise InvalidInput(f"depth must be between 1 and 3, got {depth}.")
    return store.get_neighbourhood(resolve_entity(store, center).id, depth=depth, as_of=_day(as_of))


def whole_graph(store: GraphStore, *, as_of: date | None = None) -> Subgraph:
    """Every entity with at least one relation as of the date, and those relations."""
    relations = store.find_relations(as_of=_day(as_of))
    ids = sorted({r.subject for r in relations} | {r.object for r in relations})
    nodes = []
    for entity_id in ids:
        entity = index_entity(store, entity_id)
        kind = EntityKind.COUNTRY if COUNTRY_ID.match(entity_id) else EntityKind.AGREEMENT
        nodes.append(Node(id=entity_id, kind=kind, name=entity.name if entity else entity_id))
    edges = [
        Edge(source=r.subject, target=r.object, predicate=r.predicate, status=r.status,
             confidence=r.confidence)
        for r in relations
    ]
    return Subgraph(nodes=nodes, edges=edges)


def evidence(store: GraphStore, subject: str, predicate: str | RelationType, obj: str) -> list[EvidenceItem]:
    """The claims behind one edge, oldest first; NotFound when the edge has none."""
    rel = parse_type(predicate)
    s = resolve_country(store, subject)
    o = resolve_agreement(store, obj) if rel is RelationType.MEMBER_OF else resolve_country(store, obj)
    items = store.get_evidence(s.id, rel, o.id)
    if not items:
        raise NotFound("relation", f"{s.id} {rel.value} {o.id}")
    return items


# --- paginated relations ------------------------------------------------------------------------------


def encode_cursor(relation: Relation) -> str:
    key = [relation.predicate.value, relation.subject, relation.object]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
        if isinstance(key, list) and len(key) == 3 and all(isinstance(k, str) for k in key):
            return key[0], key[1], key[2]
    except (binascii.Error, ValueError, UnicodeDecodeError):
        pass
    raise InvalidInput("Invalid cursor: pass the next_cursor of a previous page unchanged.")


@dataclass(frozen=True)
class RelationPage:
    items: list[Relation]
    next_cursor: str | None
    total: int


def relations_page(
    store: GraphStore,
    *,
    predicate: RelationType | None = None,
    subject: str | None = None,
    obj: str | None = None,
    status: Status | None = Status.IN_FORCE,
    as_of: date | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> RelationPage:
    """One page of relations in (predicate, subject, object) order; the cursor is opaque."""
    if not 1 <= limit <= 1000:
        raise InvalidInput(f"limit must be between 1 and 1000, got {limit}.")
    after = _decode_cursor(cursor) if cursor else None
    sid = resolve_country(store, subject).id if subject else None
    oid = resolve_entity(store, obj).id if obj else None
    found = store.find_relations(
        predicate=predicate, subject=sid, object=oid, status=status, as_of=_day(as_of)
    )
    rest = [r for r in found if after is None or (r.predicate.value, r.subject, r.object) > after]
    page = rest[:limit]
    more = len(rest) > limit
    return RelationPage(page, encode_cursor(page[-1]) if more and page else None, len(found))


# --- aggregates ---------------------------------------------------------------------------------------


def timeline(
    store: GraphStore,
    *,
    predicate: RelationType | None = None,
    entity: str | None = None,
    interval: str = "month",
) -> list[TimelineBucket]:
    """Claims per period (``month`` or ``year``), predicate and status."""
    if interval not in ("month", "year"):
        raise InvalidInput(f"Unknown interval {interval!r}. Expected one of: month, year.")
    eid = resolve_entity(store, entity).id if entity else None
    buckets = store.get_timeline(predicate=predicate, entity=eid)
    if interval == "month":
        return buckets
    years: dict[tuple[str, RelationType, Status], int] = {}
    for b in buckets:
        key = (b.period[:4], b.predicate, b.status)
        years[key] = years.get(key, 0) + b.count
    return [
        TimelineBucket(period=p, predicate=r, status=s, count=n) for (p, r, s), n in sorted(years.items())
    ]
