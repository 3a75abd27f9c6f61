"""Every read endpoint's shape and meaning, on the seeded graph, once per store."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.api

ITEM_KEYS = {"id", "name", "status", "since", "until", "confidence", "evidence_count"}
RELATED = ["recognized-by", "recognizes", "memberships", "negotiations"]


def get(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


def ids(body: dict[str, Any]) -> list[str]:
    return [item["id"] for item in body["items"]]


def test_health_ready_metrics(seeded: TestClient) -> None:
    assert get(seeded, "/healthz") == {"status": "ok"}
    assert get(seeded, "/readyz")["status"] == "ready"
    seeded.get("/v1/countries/ISR/recognized-by")
    metrics = seeded.get("/metrics")
    assert metrics.status_code == 200 and metrics.headers["content-type"].startswith("text/plain")
    assert 'route="/v1/countries/{country}/recognized-by"' in metrics.text
    assert "diplograph_http_request_duration_seconds_bucket" in metrics.text
    assert 'route="/v1/countries/ISR/recognized-by"' not in metrics.text  # templates, not raw paths


@pytest.mark.parametrize("name", ["ISR", "isr", "IL", "il", "israel", "ISRAEL", "State of Israel"])
def test_country_accepts_codes_and_names_in_any_case(seeded: TestClient, name: str) -> None:
    body = get(seeded, f"/v1/countries/{name}")
    assert body["country"]["id"] == "ISR"
    assert set(body["counts"]) == {"recognized_by", "recognizes", "memberships", "negotiations"}
    assert body["as_of"] == date.today().isoformat()


def test_unknown_country_is_404_with_suggestions(seeded: TestClient) -> None:
    body = assert_problem(seeded.get("/v1/countries/Isreal/recognized-by"), 404)
    assert "Israel" in body["suggestions"]
    assert "Isreal" in body["detail"]


def test_countries_and_agreements_lists(seeded: TestClient) -> None:
    countries = get(seeded, "/v1/countries")
    assert countries["count"] == len(countries["items"]) > 190
    assert {"ISR", "PSE", "XKX"} <= {c["id"] for c in countries["items"]}
    agreements = get(seeded, "/v1/agreements")
    assert "nato" in {a["id"] for a in agreements["items"]}


@pytest.mark.parametrize("relation", RELATED)
def test_relation_lists_have_the_item_shape(seeded: TestClient, relation: str) -> None:
    body = get(seeded, f"/v1/countries/ISR/{relation}", status="any")
    assert set(body) == {"items", "count", "as_of"} and body["count"] == len(body["items"])
    for item in body["items"]:
        assert set(item) == ITEM_KEYS
        assert 0 <= item["confidence"] <= 1 and item["evidence_count"] >= 1
    names = [i["name"].casefold() for i in body["items"]]
    assert names == sorted(names)


def test_recognized_by_default_is_in_force_today(seeded: TestClient) -> None:
    body = get(seeded, "/v1/countries/israel/recognized-by")
    assert body["count"] > 100 and {"USA", "ARE", "EGY"} <= set(ids(body))
    assert all(item["status"] == "in_force" for item in body["items"])
    assert "SAU" not in ids(body)
    everything = get(seeded, "/v1/countries/israel/recognized-by", status="any")
    assert everything["count"] >= body["count"]
    assert "SAU" in ids(everything)  # the seed article: Saudi Arabia would not recognise Israel


def test_as_of_goes_back_in_time(seeded: TestClient) -> None:
    today = get(seeded, "/v1/countries/ISR/recognized-by")
    before = get(seeded, "/v1/countries/ISR/recognized-by", as_of="2019-12-31")
    assert before["as_of"] == "2019-12-31"
    assert "ARE" in ids(today) and "ARE" not in ids(before)  # the Abraham Accords came in 2020
    assert get(seeded, "/v1/countries/ISR/recognized-by", as_of="1900-01-01")["count"] == 0


def test_members_of_an_agreement(seeded: TestClient) -> None:
    nato = get(seeded, "/v1/agreements/NATO/members")
    assert {"USA", "FIN", "SWE"} <= set(ids(nato)) and all(set(i) == ITEM_KEYS for i in nato["items"])
    assert "SWE" not in ids(get(seeded, "/v1/agreements/nato/members", as_of="2023-01-01"))
    profile = get(seeded, "/v1/agreements/nato")
    assert profile["agreement"]["id"] == "nato" and profile["member_count"] == nato["count"]
    assert_problem(seeded.get("/v1/agreements/natoo"), 404)


def test_relations_pagination_walks_every_relation_once(seeded: TestClient) -> None:
    first = get(seeded, "/v1/relations", type="MEMBER_OF", limit=50)
    seen, cursor, pages = [], first["next_cursor"], 1
    seen += [(r["subject"], r["object"]) for r in first["items"]]
    while cursor:
        page = get(seeded, "/v1/relations", type="MEMBER_OF", limit=50, cursor=cursor)
        seen += [(r["subject"], r["object"]) for r in page["items"]]
        cursor, pages = page["next_cursor"], pages + 1
    assert pages > 1 and len(seen) == len(set(seen)) == first["total"]
    assert_problem(seeded.get("/v1/relations", params={"cursor": "not-a-cursor"}), 422)


def test_relations_filters(seeded: TestClient) -> None:
    body = get(seeded, "/v1/relations", subject="Israel", type="RECOGNIZES", status="any")
    assert body["items"] and all(r["subject"] == "ISR" for r in body["items"])
    negotiating = get(seeded, "/v1/relations", type="NEGOTIATING_WITH", subject="AZE", status="any")
    assert all("AZE" in (r["subject"], r["object"]) for r in negotiating["items"])
    assert_problem(seeded.get("/v1/relations", params={"type": "RECOGNISE"}), 422)
    assert_problem(seeded.get("/v1/relations", params={"status": "maybe"}), 422)
    assert_problem(seeded.get("/v1/relations", params={"limit": 0}), 422)


def test_evidence_of_one_edge(seeded: TestClient) -> None:
    body = get(seeded, "/v1/relations/ARE/RECOGNIZES/ISR/evidence")
    assert body["subject"] == "ARE" and body["object"] == "ISR" and body["count"] >= 1
    for item in body["items"]:
        assert item["sentence"] and set(item["article"]) == {"id", "title", "date", "url", "source"}
        assert {"status", "date", "confidence"} <= set(item)
    by_name = get(seeded, "/v1/relations/united arab emirates/recognizes/israel/evidence")
    assert by_name["count"] == body["count"]
    assert_problem(seeded.get("/v1/relations/ISR/RECOGNIZES/NOWHERE/evidence"), 404)
    assert_problem(seeded.get("/v1/relations/ISR/LIKES/USA/evidence"), 422)


def test_paths_shortest_first(seeded: TestClient) -> None:
    body = get(seeded, "/v1/paths", **{"from": "Israel", "to": "ARE", "max_hops": 4})
    assert body["paths"] and body["count"] == len(body["paths"])
    lengths = [len(p) for p in body["paths"]]
    assert lengths == sorted(lengths)
    for path in body["paths"]:
        assert path[0]["id"] == "ISR" and path[-1]["id"] == "ARE"
        assert all(set(node) == {"id", "kind", "name"} for node in path)
        assert [n["kind"] for n in path][1::2] == ["agreement"] * (len(path) // 2)
    assert_problem(seeded.get("/v1/paths", params={"from": "ISR"}), 422)


def test_graph_neighbourhood_and_whole(seeded: TestClient) -> None:
    body = get(seeded, "/v1/graph", center="ISR", depth=1)
    node_ids = {n["id"] for n in body["nodes"]}
    assert "ISR" in node_ids and body["edges"]
    assert all({e["source"], e["target"]} <= node_ids for e in body["edges"])
    whole = get(seeded, "/v1/graph")
    assert len(whole["edges"]) >= len(body["edges"])
    assert_problem(seeded.get("/v1/graph", params={"center": "ISR", "depth": 9}), 422)


def test_stats_and_timeline(seeded: TestClient) -> None:
    stats = get(seeded, "/v1/stats")
    assert stats["countries"] > 190 and stats["articles"] >= 2 and stats["claims"] > 0
    assert set(stats["relations"]) == {"RECOGNIZES", "MEMBER_OF", "NEGOTIATING_WITH"}
    months = get(seeded, "/v1/timeline", type="RECOGNIZES", entity="ISR", interval="month")
    assert months["interval"] == "month" and months["items"]
    assert all(len(b["period"]) == 7 and b["predicate"] == "RECOGNIZES" for b in months["items"])
    years = get(seeded, "/v1/timeline", type="RECOGNIZES", entity="ISR", interval="year")
    assert sum(b["count"] for b in years["items"]) == sum(b["count"] for b in months["items"])
    assert_problem(seeded.get("/v1/timeline", params={"interval": "week"}), 422)


def test_export_in_three_formats(seeded: TestClient) -> None:
    data = get(seeded, "/v1/export", format="json")
    assert set(data) == {"countries", "agreements", "articles", "claims"} and data["claims"]
    as_csv = seeded.get("/v1/export", params={"format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == len(data["claims"]) and rows[0]["predicate"] in {"RECOGNIZES", "MEMBER_OF",
                                                                        "NEGOTIATING_WITH"}
    graphml = seeded.get("/v1/export", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(graphml.text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(data["countries"]) + len(data["agreements"])
    assert root.findall(".//g:edge", ns)
    assert_problem(seeded.get("/v1/export", params={"format": "xls"}), 422)


def test_seed_article_can_be_read_back(seeded: TestClient) -> None:
    article_id = seeded.seed_article_id
    body = get(seeded, f"/v1/articles/{article_id}")
    assert body["article"]["id"] == article_id and body["claims"]
    listing = get(seeded, "/v1/articles", limit=100)
    assert article_id in ids(listing)
    assert_problem(seeded.get("/v1/articles/no-such-article"), 404)


def test_openapi_documents_the_endpoints(seeded: TestClient) -> None:
    paths = get(seeded, "/openapi.json")["paths"]
    for path in ["/v1/articles", "/v1/articles/batch", "/v1/jobs/{job_id}",
                 "/v1/countries/{country}/recognized-by", "/v1/agreements/{agreement}/members",
                 "/v1/relations", "/v1/paths", "/v1/graph", "/v1/stats", "/v1/timeline", "/v1/export",
                 "/healthz", "/readyz", "/metrics"]:
        assert path in paths, path
