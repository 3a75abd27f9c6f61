"""Views for dashboards and tools: a drawable subgraph, counts, a timeline and the export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api import export as exporter
from api.deps import AsOf, StoreDep
from api.errors import READ_ERRORS
from api.schemas import ExportFormat, Interval, TimelineOut
from graph import query
from graph.models import GraphExport, RelationType, Stats, Subgraph

router = APIRouter(prefix="/v1", tags=["views"], responses=READ_ERRORS)


@router.get("/graph", response_model=Subgraph)
def read_graph(
    store: StoreDep,
    as_of: AsOf,
    center: Annotated[str | None, Query(max_length=200, description="entity (default: all)")] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
) -> Subgraph:
    """Nodes and edges (any status) for drawing."""
    if center is None:
        return query.whole_graph(store, as_of=as_of)
    return query.neighbourhood(store, center, depth=depth, as_of=as_of)


@router.get("/stats", response_model=Stats)
def read_stats(store: StoreDep, as_of: AsOf) -> Stats:
    return store.get_stats(as_of=as_of)


@router.get("/timeline", response_model=TimelineOut)
def read_timeline(
    store: StoreDep,
    type: Annotated[RelationType | None, Query(description="relation type")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="country or agreement")] = None,
    interval: Annotated[Interval, Query()] = "month",
) -> TimelineOut:
    """Claims per period, relation type and status."""
    items = query.timeline(store, predicate=type, entity=entity, interval=interval)
    return TimelineOut(items=items, interval=interval)


_EXPORT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
                 "graphml": "application/graphml+xml"}


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/GraphExport"}},
        "text/csv": {"schema": {"type": "string"}},
        "application/graphml+xml": {"schema": {"type": "string"}},
    }}},
)
def export_graph(store: StoreDep, as_of: AsOf, format: Annotated[ExportFormat, Query()] = "json") -> Response:
    """Everything: JSON (entities, articles, claims), CSV (one row per claim) or GraphML
    (entities and the relations as of the date)."""
    data = store.export()
    if format == "json":
        body = data.model_dump_json()
    elif format == "csv":
        body = exporter.to_csv(data)
    else:
        body = exporter.to_graphml(data, store.find_relations(as_of=as_of))
    disposition = f'attachment; filename="diplograph.{format}"'
    return Response(body, media_type=_EXPORT_TYPES[format], headers={"Content-Disposition": disposition})


__all__ = ["router", "GraphExport"]
