"""Posting, re-posting, batching and deleting articles; body limits; who may write."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.store.base import GraphStore
from tests.api.conftest import assert_problem, make_client, read_seed_article

pytestmark = pytest.mark.api

KEY = "s3cret-key"
SHORT = {"text": "Finland joined NATO in April 2023.", "date": "2023-04-05", "title": "Finland joins"}


def counts(client: TestClient) -> dict[str, Any]:
    stats: dict[str, Any] = client.get("/v1/stats").json()
    return stats


def test_posting_the_seed_article_twice_creates_nothing_new(client: TestClient) -> None:
    text = read_seed_article()
    first = client.post("/v1/articles", json={"text": text})
    assert first.status_code == 201, first.text
    body = first.json()
    assert set(body) == {"article", "claims"} and len(body["claims"]) >= 10
    assert body["article"]["date"] == "2025-08-02"
    triples = {(c["subject"], c["predicate"], c["object"]) for c in body["claims"]}
    assert ("SAU", "RECOGNIZES", "ISR") in triples
    after_first = counts(client)
    second = client.post("/v1/articles", json={"text": text})
    assert second.status_code == 200
    assert second.json()["article"]["id"] == body["article"]["id"]
    assert len(second.json()["claims"]) == len(body["claims"])
    assert counts(client) == after_first
    evidence = client.get("/v1/relations/SAU/RECOGNIZES/ISR/evidence").json()
    assert evidence["count"] == 1


def test_article_read_and_delete(client: TestClient) -> None:
    created = client.post("/v1/articles", json={**SHORT, "id": "fin-nato"})
    assert created.status_code == 201
    read = client.get("/v1/articles/fin-nato").json()
    assert read["article"]["title"] == "Finland joins" and read["claims"][0]["object"] == "nato"
    assert "FIN" in [i["id"] for i in client.get("/v1/agreements/nato/members").json()["items"]]
    assert client.delete("/v1/articles/fin-nato").status_code == 204
    assert_problem(client.get("/v1/articles/fin-nato"), 404)
    assert "FIN" not in [i["id"] for i in client.get("/v1/agreements/nato/members").json()["items"]]
    assert_problem(client.delete("/v1/articles/fin-nato"), 404)


def test_html_articles_are_accepted(client: TestClient) -> None:
    html = ("<html><head><title>Accession</title></head><body><article><p>Sweden became a member of NATO "
            "in March 2024, the alliance said.</p><p>It is the 32nd member.</p></article></body></html>")
    response = client.post("/v1/articles", json={"html": html, "id": "swe", "date": "2024-03-08"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "body",
    [{}, {"title": "no text"}, {"text": "a", "html": "<p>b</p>"}, {"text": 5}, {"text": "   "},
     {"text": "x", "date": "someday"}, [], "just a string"],
)
def test_invalid_articles_are_422(client: TestClient, body: Any) -> None:
    assert_problem(client.post("/v1/articles", json=body), 422)


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/v1/articles", content=b'{"text": "unterminated',
                           headers={"content-type": "application/json"})
    body = assert_problem(response, 422)
    assert body["errors"][0]["type"] == "json_invalid"


def test_a_3mb_body_is_413(client: TestClient) -> None:
    big = json.dumps({"text": "Finland joined NATO. " * 150_000}).encode()
    assert len(big) > 3_000_000
    response = client.post("/v1/articles", content=big, headers={"content-type": "application/json"})
    assert_problem(response, 413)


def test_a_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    response = client.post("/v1/articles", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(response, 413)
    assert counts(client)["articles"] == 0


def test_the_limit_is_configurable(store: GraphStore, backend: str) -> None:
    with make_client(store, backend, diplograph_max_body_bytes=100) as small:
        assert_problem(small.post("/v1/articles", json={"text": "x" * 200}), 413)
        assert small.post("/v1/articles", json={"text": "Finland joined NATO."}).status_code == 201


def test_batch_job_reports_progress(client: TestClient) -> None:
    rows = [SHORT, {"text": "Sweden became a member of NATO in March 2024."}, {"html": "<p></p>"}, SHORT]
    response = client.post("/v1/articles/batch", json=rows)
    assert response.status_code == 202
    job = response.json()
    assert job["total"] == 4 and job["state"] in {"queued", "running", "done"}
    deadline = time.monotonic() + 60
    while job["state"] not in {"done", "failed"} and time.monotonic() < deadline:
        time.sleep(0.1)
        job = client.get(f"/v1/jobs/{job['id']}").json()
    assert job["state"] == "done" and job["processed"] == 4
    assert (job["created"], job["unchanged"], job["failed"]) == (2, 1, 1)
    assert job["errors"][0]["index"] == 2
    assert {"FIN", "SWE"} <= {i["id"] for i in client.get("/v1/agreements/nato/members").json()["items"]}
    assert_problem(client.get("/v1/jobs/unknown"), 404)


def test_batch_accepts_json_lines(client: TestClient) -> None:
    lines = "\n".join(json.dumps(r) for r in [SHORT, {"text": "Armenia and Azerbaijan are negotiating."}])
    response = client.post("/v1/articles/batch", content=lines.encode(),
                           headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 202 and response.json()["total"] == 2


@pytest.mark.parametrize("body", [b"", b"[]", b"{not json", b"[1, 2", b"\xff\xfe"])
def test_bad_batches_are_422(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/articles/batch", content=body, headers={"content-type": "application/json"})
    assert_problem(response, 422)


# --- who may write -----------------------------------------------------------------------------


def test_with_a_key_writes_need_it(store: GraphStore, backend: str) -> None:
    with make_client(store, backend, diplograph_api_key=KEY) as keyed:
        body = assert_problem(keyed.post("/v1/articles", json=SHORT), 401)
        assert "API key" in body["detail"]
        assert keyed.post("/v1/articles", json=SHORT).headers["www-authenticate"].startswith("Bearer")
        assert_problem(keyed.post("/v1/articles", json=SHORT, headers={"X-API-Key": "wrong"}), 401)
        assert_problem(keyed.post("/v1/articles", json=SHORT, headers={"Authorization": "Bearer no"}), 401)
        assert_problem(keyed.post("/v1/articles/batch", json=[SHORT]), 401)
        assert_problem(keyed.delete("/v1/articles/anything"), 401)
        assert keyed.get("/v1/stats").json()["articles"] == 0
        ok = keyed.post("/v1/articles", json=SHORT, headers={"Authorization": f"Bearer {KEY}"})
        assert ok.status_code == 201
        again = keyed.post("/v1/articles", json=SHORT, headers={"X-API-Key": KEY})
        assert again.status_code == 200
        assert keyed.get("/v1/countries/FIN/memberships").status_code == 200  # reads stay open


def test_a_key_is_needed_from_remote_clients_too(store: GraphStore, backend: str) -> None:
    with make_client(store, backend, client=("203.0.113.9", 4000), diplograph_api_key=KEY) as remote:
        assert_problem(remote.post("/v1/articles", json=SHORT), 401)
        assert remote.post("/v1/articles", json=SHORT, headers={"X-API-Key": KEY}).status_code == 201


def test_without_a_key_only_loopback_may_write(store: GraphStore, backend: str) -> None:
    with make_client(store, backend, client=("203.0.113.9", 4000)) as remote:
        body = assert_problem(remote.post("/v1/articles", json=SHORT), 401)
        assert "loopback" in body["detail"]
        assert remote.get("/v1/countries/FIN/memberships").status_code == 200
    with make_client(store, backend, client=("::1", 4000)) as local6:
        assert local6.post("/v1/articles", json=SHORT).status_code == 201


def test_cors_origins_come_from_settings(store: GraphStore, backend: str) -> None:
    origin = "https://dash.example.org"
    with make_client(store, backend, diplograph_cors_origins=f"{origin}, https://other.example") as app:
        allowed = app.get("/v1/stats", headers={"Origin": origin})
        assert allowed.headers["access-control-allow-origin"] == origin
        denied = app.get("/v1/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in denied.headers
