"""Bidirectional breadth-first search that looks at as few edges as possible.

The embedded store decides per edge, lazily, whether it holds on a date; searching from
both ends touches only the neighbourhoods of the two endpoints instead of every edge.
The result is the subgraph made of all shortest paths, which ``paths`` then lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Neighbours = Callable[[str], Iterable[str]]


def shortest_path_edges(
    source: str, target: str, max_hops: int, neighbours: Neighbours
) -> list[tuple[str, str]]:
    """The edges of every shortest source-target path of at most ``max_hops`` edges."""
    if source == target:
        return []
    dist: tuple[dict[str, int], dict[str, int]] = ({source: 0}, {target: 0})
    preds: tuple[dict[str, set[str]], dict[str, set[str]]] = ({source: set()}, {target: set()})
    frontiers = [[source], [target]]
    depth = [0, 0]
    while frontiers[0] and frontiers[1] and depth[0] + depth[1] < max_hops:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        frontiers[side] = _expand(frontiers[side], dist[side], preds[side], neighbours)
        depth[side] += 1
        other = dist[1 - side]
        meet = [n for n in frontiers[side] if n in other]
        if meet:
            # Complete layers on both sides: the closest meeting points give the shortest length.
            closest = min(other[n] for n in meet)
            return _collect([n for n in meet if other[n] == closest], preds)
    return []


def _expand(
    frontier: list[str], dist: dict[str, int], preds: dict[str, set[str]], neighbours: Neighbours
) -> list[str]:
    level = dist[frontier[0]] + 1
    found: list[str] = []
    for node in frontier:
        for near in neighbours(node):
            if near not in dist:
                dist[near] = level
                preds[near] = {node}
                found.append(near)
            elif dist[near] == level:
                preds[near].add(node)
    return found


def _collect(
    meet: list[str], preds: tuple[dict[str, set[str]], dict[str, set[str]]]
) -> list[tuple[str, str]]:
    edges: set[tuple[str, str]] = set()
    for side in preds:
        stack, seen = list(meet), set(meet)
        while stack:
            node = stack.pop()
            for prev in side[node]:
                edges.add((prev, node))
                if prev not in seen:
                    seen.add(prev)
                    stack.append(prev)
    return sorted(edges)
