"""Fixtures of the API suite: every test that takes ``backend`` runs once per store.

``client`` is an app over a fresh store (the lifespan loads the entity catalog);
``seeded`` is a module-wide app over a store holding the seed facts and the seed article,
for read-only tests. Requests come from a loopback address unless a test says otherwise.
The Neo4j leg reuses the contract suite's session store (skip outside CI when the server
is unreachable, fail in CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.seed import seed_store
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore
from tests.conftest import SHARED
from tests.contract.conftest import neo4j_session_store  # noqa: F401  (fixture)

BACKENDS = ["embedded", "neo4j"]
LOOPBACK = ("127.0.0.1", 50000)
SEED_ARTICLE = next((SHARED / "seeds").glob("*.txt"))


def settings_for(backend: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "diplograph_store": backend,
        "diplograph_api_key": None,
        "diplograph_cors_origins": "",
        "neo4j_uri": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
        "neo4j_password": os.environ.get("NEO4J_PASSWORD", "diplograph-test"),
    }
    values.update(overrides)
    return Settings(**values)


def make_client(store: GraphStore, backend: str, *, client: tuple[str, int] = LOOPBACK,
                **overrides: Any) -> TestClient:
    app = create_app(settings_for(backend, **overrides), store)
    return TestClient(app, client=client, raise_server_exceptions=False)


def _fresh_store(request: pytest.FixtureRequest, backend: str) -> Iterator[GraphStore]:
    if backend == "embedded":
        store = EmbeddedStore(None)
        yield store
        store.close()
        return
    neo4j: GraphStore = request.getfixturevalue("neo4j_session_store")
    neo4j.wipe()  # type: ignore[attr-defined]  # only diplograph's own labels
    yield neo4j


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store(request: pytest.FixtureRequest, backend: str) -> Iterator[GraphStore]:
    yield from _fresh_store(request, backend)


@pytest.fixture
def client(store: GraphStore, backend: str) -> Iterator[TestClient]:
    with make_client(store, backend) as test_client:
        yield test_client


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    backend = str(request.param)
    for store in _fresh_store(request, backend):
        seed_store(store)
        with make_client(store, backend) as test_client:
            response = test_client.post("/v1/articles", json={"text": SEED_ARTICLE.read_text()})
            assert response.status_code in (200, 201), response.text
            test_client.seed_article_id = response.json()["article"]["id"]
            yield test_client


def read_seed_article() -> str:
    return Path(SEED_ARTICLE).read_text(encoding="utf-8")


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and "type" in body
    assert "Traceback" not in response.text
    return body
