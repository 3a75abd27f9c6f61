"""Rows in, models out: the Neo4j store's parameter columns and result rows (no driver here).

Claims go to Cypher as columns, one list per field, which costs far fewer values to encode
than one map per claim. Relations come back as one row per triple with the claims dated by
the asked date, and are derived by the function every store shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from graph.derive import derive_relation
from graph.models import Article, ArticleRef, Claim, EntityKind, Node, Relation, RelationType, Status, kind_of

Params = dict[str, Any]
UNDATED = date.min.isoformat()  # "undated" in the per-triple day arrays (Neo4j lists hold no nulls)


def entity_params(entity_ids: list[str]) -> Params:
    by_kind: dict[EntityKind, set[str]] = {kind: set() for kind in EntityKind}
    for entity_id in entity_ids:
        by_kind[kind_of(entity_id)].add(entity_id)
    return {
        "countries": sorted(by_kind[EntityKind.COUNTRY]),
        "agreements": sorted(by_kind[EntityKind.AGREEMENT]),
    }


def claim_columns(claims: Sequence[Claim]) -> dict[RelationType, Params]:
    """The parameters of ``cypher.WRITE_CLAIMS`` per predicate: one list per field, rows sorted by
    the stored ends of the triple; ``seq`` keeps each claim's place in the article."""
    groups: dict[RelationType, list[int]] = {}
    for i in sorted(range(len(claims)), key=lambda i: (claims[i].key, i)):
        groups.setdefault(claims[i].predicate, []).append(i)
    return {predicate: _columns(claims, groups[predicate]) for predicate in sorted(groups)}


def _columns(claims: Sequence[Claim], seqs: list[int]) -> Params:
    picked = [claims[i] for i in seqs]
    keys = [c.key for c in picked]
    days = [c.effective_date for c in picked]
    return {
        "seq": seqs,
        "subject": [c.subject for c in picked],
        "object": [c.object for c in picked],
        "ks": [k[0] for k in keys],
        "ko": [k[2] for k in keys],
        "day": [d.isoformat() if d else None for d in days],
        "status": [c.status.value for c in picked],
        "confidence": [c.confidence for c in picked],
        "rule": [c.rule for c in picked],
        "about": [c.about for c in picked],
        "data": [c.model_dump_json() for c in picked],
    }


class _StoredClaim:
    """A claim as its triple's edge keeps it: exactly the fields ``graph.derive`` reads.

    Building full Claim models for every claim of every relation answered would triple the
    cost of a query; the derivation itself stays the one shared by every store.
    """

    __slots__ = ("article_id", "status", "confidence", "rule", "about", "effective_date")

    def __init__(self, uid: str, day: str, confidence: float, status: str, rule: str, about: str) -> None:
        self.article_id = uid.rsplit("#", 1)[0]
        self.status = Status(status)
        self.confidence = confidence
        self.rule = rule
        self.about = about or None
        self.effective_date = None if day == UNDATED else date.fromisoformat(day)


def relation_from_row(row: list[Any], as_of: date) -> Relation:
    """Feed the claims Cypher selected (dated on or before ``as_of``) to the shared derivation."""
    subject, predicate, obj, *columns = row
    key = (subject, RelationType(predicate), obj)
    claims = [_StoredClaim(*fields) for fields in zip(*columns, strict=True)]
    relation = derive_relation(key, cast("list[Claim]", claims), as_of)
    if relation is None:  # Cypher returned only triples with a claim dated by then
        raise AssertionError(f"no claim of {key} is dated on or before {as_of}")
    return relation


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
