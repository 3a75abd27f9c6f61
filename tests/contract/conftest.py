"""The ``store`` fixture: every contract test runs once per backend.

The Neo4j leg uses the server named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (``make
test`` starts one with ``scripts/neo4j``). Outside CI an unreachable server skips that
leg with a reason; in CI (CI=true) it is a failure, never a silent skip.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from graph.errors import StoreUnavailable
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from tests.conftest import IN_CI

BACKENDS = ["embedded", "neo4j"]


def _neo4j_store() -> GraphStore:
    from graph.store.neo4j import Neo4jStore

    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    password = os.environ.get("NEO4J_PASSWORD", "diplograph-test")
    store = Neo4jStore(
        uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=password,
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        # The contract suite checks results, not latency: on a shared 2-core machine the local
        # server can stall for several seconds (a CI dry run lost one concurrent-writer test to a
        # 5 s read timeout and a 10 s pool wait). Failing fast on a down server is tested on its
        # own, with short timeouts, in test_neo4j_specific.py and tests/api/test_unavailable.py.
        timeout=15.0,
        retry_time=15.0,
    )
    store.ping()
    return store


@pytest.fixture(scope="session")
def neo4j_session_store() -> Iterator[GraphStore]:
    try:
        store = _neo4j_store()
    except (StoreUnavailable, ImportError) as exc:
        if IN_CI:
            pytest.fail(f"Neo4j leg must run in CI but the server is unreachable: {exc}")
        pytest.skip(f"Neo4j not reachable ({exc}); run `make test` to start it")
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[GraphStore]:
    if request.param == "embedded":
        embedded = EmbeddedStore(None)
        yield embedded
        embedded.close()
        return
    neo4j_store = request.getfixturevalue("neo4j_session_store")
    neo4j_store.wipe()  # type: ignore[attr-defined]  # removes only diplograph's own labels
    yield neo4j_store
