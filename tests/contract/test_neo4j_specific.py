"""Contract checks only the Neo4j leg can make: schema, raw counts, injection, a dead server.

Counts are taken with the raw driver, not through the store, so the store cannot hide a
duplicate node or edge from its own queries. Like the rest of the suite, an unreachable
server skips these outside CI and fails them under CI=true (the ``neo4j_session_store``
fixture decides).
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import pytest

from graph.errors import NotFound, StoreUnavailable
from graph.models import Article, RelationType, Status
from graph.store.base import GraphStore
from tests.contract.factories import article, claim, seed_entities

neo4j = pytest.importorskip("neo4j")

R, M, N = RelationType.RECOGNIZES, RelationType.MEMBER_OF, RelationType.NEGOTIATING_WITH
URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
AUTH = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "diplograph-test"))
DATABASE = os.environ.get("NEO4J_DATABASE", "neo4j")
INJECTIONS = [
    "x'}) DETACH DELETE n //",
    'x"}) MATCH (n) DETACH DELETE n //',
    "`Country`) DETACH DELETE n //",
    "a\\' OR 1=1 //",
]


@pytest.fixture
def store(neo4j_session_store: GraphStore) -> GraphStore:
    neo4j_session_store.wipe()  # type: ignore[attr-defined]
    seed_entities(neo4j_session_store)
    return neo4j_session_store


@pytest.fixture(scope="module")
def raw() -> Iterator[Any]:
    with neo4j.GraphDatabase.driver(URI, auth=AUTH) as driver:
        yield driver


def query(raw: Any, cypher: str, **params: Any) -> list[Any]:
    return list(raw.execute_query(cypher, params, database_=DATABASE).records)


def graph_counts(raw: Any) -> tuple[int, int]:
    (nodes,) = query(raw, "MATCH (n) RETURN count(n) AS n")
    (rels,) = query(raw, "MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes["n"], rels["n"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_uniqueness_constraints_exist(store: GraphStore, raw: Any) -> None:
    rows = query(raw, "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *")
    unique = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if r["type"] == "UNIQUENESS"}
    assert {
        ("Country", "id"),
        ("Agreement", "id"),
        ("Article", "id"),
        ("Article", "content_hash"),
        ("Claim", "uid"),
    } <= unique


def test_same_article_twice_leaves_raw_counts_unchanged(store: GraphStore, raw: Any) -> None:
    claims = [claim("ARE", R, "ISR"), claim("ARE", M, "abraham_accords"), claim("USA", N, "SAU")]
    empty = graph_counts(raw)
    store.add_article(article("a1", date(2020, 9, 15)), claims)
    before = graph_counts(raw)
    assert before == (empty[0] + 1 + 3, empty[1] + 3 + 3)  # article, claims; STATES, one edge per triple
    assert not store.add_article(article("a1", date(2020, 9, 15)), claims).created
    assert not store.add_article(article("a2", date(2020, 9, 15), text="text of a1"), claims).created
    assert graph_counts(raw) == before


def test_concurrent_same_content_under_other_ids_makes_no_duplicates(store: GraphStore, raw: Any) -> None:
    def write(i: int) -> bool:
        # Four ids share each text, so the content-hash constraint decides the winner.
        doc = article(f"copy-{i % 12}", date(2024, 1, 1), text=f"body {i % 3}")
        return store.add_article(doc, [claim("ARE", R, "ISR"), claim("USA", N, "SAU")]).created

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(write, range(48)))
    assert sum(created) == 3
    (row,) = query(raw, "MATCH (a:Article) RETURN count(DISTINCT a.content_hash) AS h, count(a) AS n")
    assert (row["h"], row["n"]) == (3, 3)
    (edges,) = query(raw, "MATCH (:Country)-[r:RECOGNIZES|NEGOTIATING_WITH]->() RETURN count(r) AS n")
    assert edges["n"] == 2
    rels = store.find_relations(as_of=date(2025, 1, 1))
    assert [r.evidence_count for r in rels] == [3, 3]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_payloads_are_plain_values(store: GraphStore, raw: Any, payload: str) -> None:
    store.add_article(article("keep", date(2020, 1, 1)), [claim("ARE", R, "ISR")])
    before = graph_counts(raw)
    with pytest.raises(NotFound):
        store.get_article(payload)
    with pytest.raises(NotFound):
        store.get_country(payload)
    assert store.find_relations(subject=payload, as_of=date(2100, 1, 1)) == []
    assert store.get_evidence(payload, R, "ISR") == []
    doc = Article(id=payload, title=payload, date=date(2021, 1, 1), content_hash="f" * 64)
    assert store.add_article(doc, [claim("BHR", R, "ISR", sentence=payload)]).created
    assert store.get_article(payload).title == payload
    assert store.get_claims(payload)[0].evidence.sentence == payload
    assert graph_counts(raw) == (before[0] + 2, before[1] + 2)
    store.delete_article(payload)
    assert graph_counts(raw) == before
    assert store.get_claims("keep")[0].subject == "ARE"


def test_wipe_leaves_foreign_nodes_alone(store: GraphStore, raw: Any) -> None:
    query(raw, "CREATE (:DiplographTestForeign {id: 'ISR'})")
    try:
        store.wipe()  # type: ignore[attr-defined]
        (row,) = query(raw, "MATCH (n:DiplographTestForeign) RETURN count(n) AS n")
        assert row["n"] == 1
        assert store.find_countries() == []
    finally:
        query(raw, "MATCH (n:DiplographTestForeign) DELETE n")


def test_neo4j_scheme_uri_works(store: GraphStore) -> None:
    from graph.store.neo4j import Neo4jStore

    if not URI.startswith("bolt://"):
        pytest.skip("NEO4J_URI is not a bolt:// URI")
    routed = Neo4jStore("neo4j://" + URI.removeprefix("bolt://"), user=AUTH[0], password=AUTH[1])
    try:
        routed.ping()
        assert routed.get_country("ISR").name == "Israel"
        routed.add_article(article("routed", date(2024, 5, 1)), [claim("SAU", R, "ISR", Status.DENIED)])
        assert store.find_relations(subject="SAU", as_of=date(2025, 1, 1))[0].status is Status.DENIED
    finally:
        routed.close()


def test_closed_port_raises_store_unavailable_quickly() -> None:
    from graph.store.neo4j import Neo4jStore

    dead = Neo4jStore(f"bolt://127.0.0.1:{closed_port()}", password="unused")
    try:
        for call in (dead.ping, lambda: dead.get_country("ISR"), lambda: dead.upsert_countries([])):
            started = time.monotonic()
            with pytest.raises(StoreUnavailable, match="cannot be reached"):
                call()
            assert time.monotonic() - started < 10
    finally:
        dead.close()


def test_edge_entries_follow_replacement_and_deletion(store: GraphStore, raw: Any) -> None:
    def edges() -> dict[str, list[str]]:
        rows = query(raw, "MATCH (s:Country)-[r]->(o) RETURN s.id + type(r) + o.id AS k, r.uids AS uids")
        assert all(len(r["uids"]) == len(set(r["uids"])) for r in rows)
        return {r["k"]: sorted(r["uids"]) for r in rows}

    store.add_article(article("e1", date(2020, 1, 1)), [claim("ARE", R, "ISR"), claim("ARE", R, "ISR")])
    store.add_article(article("e2", date(2020, 1, 1)), [claim("ARE", R, "ISR"), claim("USA", N, "SAU")])
    assert edges() == {"ARERECOGNIZESISR": ["e1#0", "e1#1", "e2#0"], "SAUNEGOTIATING_WITHUSA": ["e2#1"]}
    store.add_article(article("e2", date(2020, 1, 1), text="new"), [claim("BHR", R, "ISR")])
    assert edges() == {"ARERECOGNIZESISR": ["e1#0", "e1#1"], "BHRRECOGNIZESISR": ["e2#0"]}
    store.delete_article("e1")
    assert edges() == {"BHRRECOGNIZESISR": ["e2#0"]}
    (row,) = query(raw, "MATCH (c:Claim) RETURN count(c) AS n, collect(c.uid) AS uids")
    assert (row["n"], row["uids"]) == (1, ["e2#0"])
