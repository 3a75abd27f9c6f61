"""Rows in, models out: the Neo4j store's write parameters and result rows (no driver here).

An article's write is a short, fixed list of statements: its claim nodes (one list of JSON
strings) and, per predicate, its distinct triples with their claim entries (one list per
field, far fewer values to encode than one map per claim). Relations come back as one row
per triple with the entries dated by the asked date, and are derived by the function every
store shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from graph.derive import derive_relation
from graph.models import (
    Article,
    ArticleRef,
    Claim,
    EntityKind,
    Node,
    Relation,
    RelationType,
    Status,
    TripleKey,
    kind_of,
)
from graph.store import cypher

Params = dict[str, Any]
UNDATED = date.min.isoformat()  # the day of an undated claim in the entries (lists hold no nulls)
_SYMMETRIC = frozenset(t for t in RelationType if t.symmetric)
_STATUS = {s.value: s for s in Status}


def entity_params(entity_ids: Iterable[str]) -> Params:
    by_kind: dict[EntityKind, set[str]] = {kind: set() for kind in EntityKind}
    for entity_id in entity_ids:
        by_kind[kind_of(entity_id)].add(entity_id)
    return {
        "countries": sorted(by_kind[EntityKind.COUNTRY]),
        "agreements": sorted(by_kind[EntityKind.AGREEMENT]),
    }


def claim_entry(claim: Claim) -> str:
    """A claim as its triple's edge keeps it: 'day|confidence|status|about|confidence repr|rule'.

    The first three fields sort like graph.derive orders claims (ISO day; the confidence as a
    fixed-width decimal, in [0, 1]; status names, none a prefix of another), so Cypher finds
    the winner as the greatest entry. The rule, free text, comes last.
    """
    day = claim.event_date or claim.article_date  # Claim.effective_date, without the property call
    confidence = claim.confidence
    # f"{status}" is the value of a StrEnum, read faster than through .value
    return (
        f"{day.isoformat() if day else UNDATED}|{confidence:.17f}|{claim.status}|"
        f"{claim.about or ''}|{confidence!r}|{claim.rule}"
    )


@dataclass
class ArticleWrite:
    """The statements that store an article's claims, after its node: the store and the
    benchmark's raw-driver reference run exactly these."""

    triples: list[str]  # 'TYPE|subject|object' of each distinct triple, kept on the article
    statements: list[tuple[str, Params]]


_claim_json = Claim.__pydantic_serializer__.to_json  # model_dump_json without its Python wrapper


def article_write(article_id: str, claims: Sequence[Claim]) -> ArticleWrite:
    """Claims stamped with ``article_id``; the uid of claim ``i`` is '<article_id>#<i>'."""
    by_triple: dict[TripleKey, tuple[list[str], list[str]]] = {}
    for i, claim in enumerate(claims):
        subject, predicate, obj = claim.subject, claim.predicate, claim.object
        swap = predicate in _SYMMETRIC and obj < subject  # as graph.models.triple_key
        key = (obj, predicate, subject) if swap else (subject, predicate, obj)
        group = by_triple.get(key)
        if group is None:
            group = by_triple[key] = ([], [])
        group[0].append(f"{article_id}#{i}")
        group[1].append(claim_entry(claim))
    data = [_claim_json(c).decode() for c in claims]
    statements: list[tuple[str, Params]] = [(cypher.WRITE_CLAIMS, {"article_id": article_id, "data": data})]
    keys = sorted(by_triple)
    for predicate in sorted({key[1] for key in keys}):
        mine = [k for k in keys if k[1] is predicate]
        params = {
            "ks": [k[0] for k in mine],
            "ko": [k[2] for k in mine],
            "uids": [by_triple[k][0] for k in mine],
            "claims": [by_triple[k][1] for k in mine],
        }
        statements.append((cypher.WRITE_TRIPLES[predicate], params))
    triples = [f"{p}|{s}|{o}" for s, p, o in keys]
    return ArticleWrite(triples, statements)


class _StoredClaim:
    """A claim as its triple's edge keeps it: exactly the fields ``graph.derive`` reads.

    Building full Claim models for every claim of every relation answered would triple the
    cost of a query; the derivation itself stays the one shared by every store.
    """

    __slots__ = ("article_id", "status", "confidence", "rule", "about", "effective_date")

    def __init__(self, uid: str, entry: str) -> None:
        day, _, status, about, confidence, rule = entry.split("|", 5)
        self.article_id = uid.rsplit("#", 1)[0]
        self.status = _STATUS[status]
        self.confidence = float(confidence)
        self.rule = rule
        self.about = about or None
        self.effective_date = None if day == UNDATED else date.fromisoformat(day)


def relation_from_row(row: list[Any], as_of: date) -> Relation:
    """Feed the claims Cypher selected (dated on or before ``as_of``) to the shared derivation."""
    subject, predicate, obj, uids, entries = row
    key = (subject, RelationType(predicate), obj)
    claims = [_StoredClaim(uid, entry) for uid, entry in zip(uids, entries, strict=True)]
    relation = derive_relation(key, cast("list[Claim]", claims), as_of)
    if relation is None:  # Cypher returned only triples with a claim dated by then
        raise AssertionError(f"no claim of {key} is dated on or before {as_of}")
    return relation


def until(as_of: date) -> str:
    """``$until`` of the as-of queries: every entry dated on or before ``as_of`` sorts below it."""
    return as_of.isoformat() + "}"


def node(entity_id: str, name: str, agreement: bool) -> Node:
    kind = EntityKind.AGREEMENT if agreement else EntityKind.COUNTRY
    return Node.model_construct(id=entity_id, kind=kind, name=name)


def kind_or_none(entity_id: str) -> EntityKind | None:
    try:
        return kind_of(entity_id)
    except ValueError:
        return None


def article_ref(article: Article) -> ArticleRef:
    return ArticleRef(
        id=article.id, title=article.title, date=article.date, url=article.url, source=article.source
    )
