"""The embedded store's bidirectional search finds exactly the paths a full search finds.

``graph.store.walk`` only looks at the memberships near both ends; listing the paths of the
subgraph it returns must give what ``paths.shortest_membership_paths`` gives on every edge.
"""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.models import EntityKind, Node
from graph.store import paths, walk

COUNTRIES = [f"C{i}" for i in range(8)]
AGREEMENTS = [f"a{i}" for i in range(5)]


def node(entity_id: str) -> Node:
    kind = EntityKind.AGREEMENT if entity_id.islower() else EntityKind.COUNTRY
    return Node(id=entity_id, kind=kind, name=entity_id)


edges = st.lists(st.tuples(st.sampled_from(COUNTRIES), st.sampled_from(AGREEMENTS)), max_size=25, unique=True)
ends = st.sampled_from(COUNTRIES + AGREEMENTS[:2])


@settings(max_examples=300, deadline=None)
@given(edges=edges, source=ends, target=ends, max_hops=st.integers(0, 8))
def test_walk_finds_the_same_paths(
    edges: list[tuple[str, str]], source: str, target: str, max_hops: int
) -> None:
    near: dict[str, list[str]] = defaultdict(list)
    for country, agreement in edges:
        near[country].append(agreement)
        near[agreement].append(country)
    found = walk.shortest_path_edges(source, target, max_hops, lambda n: near[n])
    expected = paths.shortest_membership_paths(edges, source, target, max_hops, node)
    assert paths.shortest_membership_paths(found, source, target, max_hops, node) == expected
