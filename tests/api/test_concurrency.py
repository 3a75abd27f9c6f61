"""Sixteen clients post overlapping articles at once: every article is stored once, and
every edge has exactly one piece of evidence per article that states it."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.api

CLIENTS = 16
REPEATS = 6
TEXTS = [
    "Finland joined NATO in April 2023.",
    "Sweden became a member of NATO in March 2024.",
    "Armenia and Azerbaijan are negotiating a peace treaty.",
    "Bahrain established diplomatic relations with Israel in September 2020.",
    "Ireland recognised Palestine in May 2024.",
    "Morocco joined the Abraham Accords in December 2020.",
    "Finland became a member of NATO in 2023, officials confirmed.",  # same edge, other article
    "Saudi Arabia said it would not recognize Israel.",
]


def test_sixteen_clients_posting_overlapping_articles(client: TestClient) -> None:
    posts = [{"text": t, "date": "2025-01-15"} for t in TEXTS for _ in range(REPEATS)]
    random.Random(7).shuffle(posts)
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        responses = list(pool.map(lambda body: client.post("/v1/articles", json=body), posts))

    failed = [r.text for r in responses if r.status_code not in (200, 201)]
    assert not failed, failed
    by_text: dict[str, set[str]] = defaultdict(set)
    created: Counter[str] = Counter()
    for body, response in zip(posts, responses, strict=True):
        by_text[body["text"]].add(response.json()["article"]["id"])
        created[body["text"]] += response.status_code == 201
    assert all(len(ids) == 1 for ids in by_text.values())
    assert set(created.values()) == {1}, created

    stats = client.get("/v1/stats").json()
    assert stats["articles"] == len(TEXTS)
    listing = client.get("/v1/articles", params={"limit": 1000}).json()
    assert len({a["id"] for a in listing["items"]}) == listing["count"] == len(TEXTS)
    claims = client.get("/v1/export").json()["claims"]
    keys = [(c["article_id"], c["subject"], c["predicate"], c["object"]) for c in claims]
    assert len(keys) == len(set(keys))
    evidence = client.get("/v1/relations/FIN/MEMBER_OF/nato/evidence").json()
    assert evidence["count"] == 2  # two different articles state it
    members = client.get("/v1/agreements/nato/members").json()
    assert [i["id"] for i in members["items"]].count("FIN") == 1
