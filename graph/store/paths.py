"""Graph walks over relations already resolved as of a date, shared by the stores.

The stores decide which edges hold on the date; these functions only walk them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

from graph.models import Edge, Node, Relation, Subgraph

MAX_PATHS = 100

NodeInfo = Callable[[str], Node]


def neighbourhood(center: str, relations: Iterable[Relation], depth: int, node_info: NodeInfo) -> Subgraph:
    """Entities within ``depth`` edges of ``center`` (edges taken as undirected)."""
    relations = list(relations)
    walk = nx.Graph()
    walk.add_node(center)
    walk.add_edges_from((r.subject, r.object) for r in relations)
    reached = set(nx.single_source_shortest_path_length(walk, center, cutoff=depth))
    edges = [
        Edge(
            source=r.subject, target=r.object, predicate=r.predicate, status=r.status, confidence=r.confidence
        )
        for r in relations
        if r.subject in reached and r.object in reached
    ]
    edges.sort(key=lambda e: (e.predicate.value, e.source, e.target))
    return Subgraph(nodes=[node_info(n) for n in sorted(reached)], edges=edges)


def shortest_membership_paths(
    memberships: Iterable[tuple[str, str]], source: str, target: str, max_hops: int, node_info: NodeInfo
) -> list[list[Node]]:
    """All shortest country-agreement-country paths of at most ``max_hops`` edges, sorted by ids."""
    walk = nx.Graph()
    walk.add_edges_from(memberships)
    if source not in walk or target not in walk or source == target:
        return []
    try:
        found = sorted(nx.all_shortest_paths(walk, source, target))
    except nx.NetworkXNoPath:
        return []
    if not found or len(found[0]) - 1 > max_hops:
        return []
    return [[node_info(n) for n in path] for path in found[:MAX_PATHS]]
