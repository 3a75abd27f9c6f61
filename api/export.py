"""The whole graph as JSON (``GraphExport``), CSV (one row per claim) or GraphML (entities
and the relations as of a date), for ``GET /v1/export``."""

from __future__ import annotations

import csv
import io
from datetime import date

import networkx as nx

from graph.models import GraphExport, Relation

CSV_COLUMNS = [
    "article_id", "article_date", "subject", "predicate", "object", "status", "about",
    "event_date", "confidence", "rule", "sentence",
]


def to_csv(export: GraphExport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in export.claims:
        writer.writerow([
            c.article_id, _iso(c.article_date), c.subject, c.predicate.value, c.object, c.status.value,
            c.about or "", _iso(c.event_date), f"{c.confidence:.3f}", c.rule, c.evidence.sentence,
        ])
    return out.getvalue()


def to_graphml(export: GraphExport, relations: list[Relation]) -> str:
    graph = nx.MultiDiGraph()
    for country in export.countries:
        graph.add_node(country.id, kind="country", name=country.name)
    for agreement in export.agreements:
        graph.add_node(agreement.id, kind="agreement", name=agreement.name)
    for r in relations:
        graph.add_edge(
            r.subject, r.object, key=r.predicate.value, predicate=r.predicate.value, status=r.status.value,
            confidence=float(r.confidence), evidence_count=int(r.evidence_count),
            since=_iso(r.since), until=_iso(r.until),
        )
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
