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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, TypeAdapter
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

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
    display_names,
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
    "RelatedItem", "RelatedRow", "RelatedList", "related_rows", "Entity", "entity_name",
    "invalidate_names", "known_ids", "normalize",
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


class RelatedRow(TypedDict):
    """A RelatedItem as a plain dict (same fields, same order), built from trusted store data:
    the API serialises these in one pass instead of building and validating a model per item."""

    id: str
    name: str
    status: Status
    since: date | None
    until: date | None
    confidence: float
    evidence_count: int


_RELATED_LIST = TypeAdapter(list[RelatedItem])

RelatedList = Literal["recognized_by", "recognizes", "memberships", "members_of", "negotiations"]
# Each list: how its anchor is resolved, the predicate, and whether the anchor is the subject.
_LISTS: dict[str, tuple[Callable[[GraphStore, str], Entity], RelationType, bool]] = {
    "recognized_by": (resolve_country, RelationType.RECOGNIZES, False),
    "recognizes": (resolve_country, RelationType.RECOGNIZES, True),
    "memberships": (resolve_country, RelationType.MEMBER_OF, True),
    "members_of": (resolve_agreement, RelationType.MEMBER_OF, False),
    "negotiations": (resolve_country, RelationType.NEGOTIATING_WITH, True),  # symmetric: either end
}


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


def related_rows(
    store: GraphStore,
    which: RelatedList,
    entity: str,
    *,
    as_of: date | None = None,
    status: Status | None = Status.IN_FORCE,
) -> list[RelatedRow]:
    """One of the five relation lists of ``entity`` (by name or id) as rows, sorted by name."""
    resolve, predicate, as_subject = _LISTS[which]
    anchor = resolve(store, entity).id
    side = {"subject": anchor} if as_subject else {"object": anchor}
    found = store.find_relations(predicate=predicate, status=status, as_of=_day(as_of), **side)
    return _rows(store, found, anchor)


def _rows(store: GraphStore, relations: Iterable[Relation], anchor: str) -> list[RelatedRow]:
    names = display_names(store)  # one index lookup for the whole list
    rows: list[RelatedRow] = []
    for r in relations:
        other = r.object if r.subject == anchor else r.subject
        name = names.get(other)
        rows.append({
            "id": other,
            "name": entity_name(store, other) if name is None else name,
            "status": r.status,
            "since": r.since,
            "until": r.until,
            "confidence": r.confidence,
            "evidence_count": r.evidence_count,
        })
    rows.sort(key=lambda row: (row["name"].casefold(), row["id"]))
    return rows


def _items(rows: list[RelatedRow]) -> list[RelatedItem]:
    # One validation call for the whole list (in pydantic-core) is the cheapest way to build them.
    return _RELATED_LIST.validate_python(rows)


def recognized_by(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries that recognise ``country`` (by name or id), sorted by name."""
    return _items(related_rows(store, "recognized_by", country, as_of=as_of, status=status))


def recognizes(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries ``country`` recognises."""
    return _items(related_rows(store, "recognizes", country, as_of=as_of, status=status))


def memberships(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The agreements ``country`` belongs to."""
    return _items(related_rows(store, "memberships", country, as_of=as_of, status=status))


def members_of(
    store: GraphStore, agreement: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The member countries of ``agreement`` (by id or name)."""
    return _items(related_rows(store, "members_of", agreement, as_of=as_of, status=status))


def negotiations(
    store: GraphStore, country: str, *, as_of: date | None = None, status: Status | None = Status.IN_FORCE
) -> list[RelatedItem]:
    """The countries ``country`` negotiates with (either side of the symmetric edge)."""
    return _items(related_rows(store, "negotiations", country, as_of=as_of, status=status))


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
