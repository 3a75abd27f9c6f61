"""Injection payloads (quotes, backticks, Cypher) through every parameter: each request gets a
clean 4xx problem, and the graph is exactly as it was."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from graph.store.base import GraphStore
from tests.api.conftest import assert_problem

pytestmark = pytest.mark.api

PAYLOADS = [
    "ISR' OR '1'='1",
    'ISR" OR "1"="1',
    "x`) DETACH DELETE n //",
    "`Country` {id: 'ISR'}) DETACH DELETE c RETURN 1 //",
    "MATCH (n) DETACH DELETE n",
    "'; DROP TABLE articles; --",
    "nato}) WITH 1 AS x MATCH (m) DETACH DELETE m //",
    "../../etc/passwd",
    "${jndi:ldap://example.org/a}",
    "\u0000\u202e\ufeff",
]

PATH_TEMPLATES = [
    "/v1/countries/{}",
    "/v1/countries/{}/recognized-by",
    "/v1/countries/{}/recognizes",
    "/v1/countries/{}/memberships",
    "/v1/countries/{}/negotiations",
    "/v1/agreements/{}",
    "/v1/agreements/{}/members",
    "/v1/articles/{}",
    "/v1/jobs/{}",
    "/v1/relations/{}/RECOGNIZES/ISR/evidence",
    "/v1/relations/ARE/{}/ISR/evidence",
    "/v1/relations/ARE/RECOGNIZES/{}/evidence",
]

QUERY_CASES: list[tuple[str, dict[str, Any]]] = [
    ("/v1/relations", {"type": "P"}),
    ("/v1/relations", {"subject": "P"}),
    ("/v1/relations", {"object": "P"}),
    ("/v1/relations", {"status": "P"}),
    ("/v1/relations", {"as_of": "P"}),
    ("/v1/relations", {"limit": "P"}),
    ("/v1/relations", {"cursor": "P"}),
    ("/v1/countries/ISR/recognized-by", {"as_of": "P"}),
    ("/v1/countries/ISR/recognized-by", {"status": "P"}),
    ("/v1/agreements/nato/members", {"status": "P"}),
    ("/v1/paths", {"from": "P", "to": "ARE"}),
    ("/v1/paths", {"from": "ISR", "to": "P"}),
    ("/v1/paths", {"from": "ISR", "to": "ARE", "max_hops": "P"}),
    ("/v1/graph", {"center": "P"}),
    ("/v1/graph", {"center": "ISR", "depth": "P"}),
    ("/v1/timeline", {"type": "P"}),
    ("/v1/timeline", {"entity": "P"}),
    ("/v1/timeline", {"interval": "P"}),
    ("/v1/export", {"format": "P"}),
    ("/v1/stats", {"as_of": "P"}),
    ("/v1/articles", {"limit": "P"}),
]


def snapshot(client: TestClient) -> str:
    return str(client.get("/v1/export", params={"format": "json"}).text)


@pytest.fixture
def loaded(client: TestClient, store: GraphStore) -> TestClient:
    texts = ["Finland joined NATO in April 2023.", "Bahrain established diplomatic relations with Israel."]
    for text in texts:
        assert client.post("/v1/articles", json={"text": text, "date": "2024-01-01"}).status_code == 201
    return client


def test_payloads_through_every_read_parameter_and_delete(loaded: TestClient) -> None:
    before = snapshot(loaded)
    for payload in PAYLOADS:
        for template in PATH_TEMPLATES:
            url = template.format(quote(payload, safe=""))
            response = loaded.get(url)
            assert 400 <= response.status_code < 500, (url, response.status_code, response.text)
            assert_problem(response, response.status_code)
        for path, params in QUERY_CASES:
            filled = {k: payload if v == "P" else v for k, v in params.items()}
            response = loaded.get(path, params=filled)
            assert 400 <= response.status_code < 500, (path, filled, response.status_code, response.text)
            assert_problem(response, response.status_code)
        response = loaded.delete(f"/v1/articles/{quote(payload, safe='')}")
        assert 400 <= response.status_code < 500
    assert snapshot(loaded) == before


def test_payloads_in_article_fields_are_stored_as_plain_text(loaded: TestClient) -> None:
    stats = loaded.get("/v1/stats").json()
    payload = PAYLOADS[3]
    body = {"text": f"Sweden became a member of NATO. {payload}", "id": payload, "title": payload,
            "source": payload, "url": payload}
    response = loaded.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    article = loaded.get(f"/v1/articles/{quote(payload, safe='')}")
    assert article.status_code == 200, article.text
    assert article.json()["article"]["id"] == payload
    listed = {a["id"]: a for a in loaded.get("/v1/articles").json()["items"]}
    assert listed[payload]["title"] == payload and listed[payload]["source"] == payload
    after = loaded.get("/v1/stats").json()
    assert after["countries"] == stats["countries"] and after["agreements"] == stats["agreements"]
    assert after["articles"] == stats["articles"] + 1
