"""Relations: the paginated list, the evidence behind one edge, and membership paths."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import AsOf, StatusQ, StoreDep
from api.errors import READ_ERRORS
from api.schemas import EvidenceOut, EvidencePage, PathsOut, RelationsPage
from graph import query
from graph.models import EvidenceItem, RelationType

router = APIRouter(prefix="/v1", tags=["relations"], responses=READ_ERRORS)

Name = Annotated[str, Path(max_length=200)]


@router.get("/relations", response_model=RelationsPage)
def list_relations(
    store: StoreDep,
    as_of: AsOf,
    status: StatusQ,
    type: Annotated[RelationType | None, Query(description="relation type")] = None,
    subject: Annotated[str | None, Query(max_length=200, description="country id or name")] = None,
    object: Annotated[str | None, Query(max_length=200, description="country or agreement")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=1000, description="next_cursor of the last page")] = None,
) -> RelationsPage:
    page = query.relations_page(
        store, predicate=type, subject=subject, obj=object, status=status, as_of=as_of, limit=limit,
        cursor=cursor,
    )
    return RelationsPage(
        items=page.items, count=len(page.items), total=page.total, next_cursor=page.next_cursor, as_of=as_of
    )


def _evidence_out(item: EvidenceItem) -> EvidenceOut:
    c = item.claim
    return EvidenceOut(sentence=c.evidence.sentence, article=item.article, status=c.status,
                       date=c.effective_date, confidence=c.confidence, rule=c.rule)


@router.get("/relations/{subject}/{type}/{object}/evidence", response_model=EvidencePage)
def list_evidence(
    subject: Name,
    type: Annotated[str, Path(max_length=40, description="RECOGNIZES, MEMBER_OF or NEGOTIATING_WITH")],
    object: Name,
    store: StoreDep,
) -> EvidencePage:
    """The claims behind one edge, each with its sentence and article, oldest first."""
    predicate = query.parse_type(type)
    items = query.evidence(store, subject, predicate, object)
    first = items[0].claim
    out = [_evidence_out(i) for i in items]
    return EvidencePage(subject=first.subject, predicate=predicate, object=first.object, items=out,
                        count=len(out))


@router.get("/paths", response_model=PathsOut)
def list_paths(
    store: StoreDep,
    as_of: AsOf,
    source: Annotated[str, Query(alias="from", max_length=200, description="country or agreement")],
    target: Annotated[str, Query(alias="to", max_length=200, description="country or agreement")],
    max_hops: Annotated[int, Query(ge=1, le=10)] = 4,
) -> PathsOut:
    """Treaty-membership paths (country - agreement - country ...), shortest first."""
    paths = query.membership_paths(store, source, target, max_hops=max_hops, as_of=as_of)
    return PathsOut(paths=paths, count=len(paths), as_of=as_of)
