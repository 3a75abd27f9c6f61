"""The routes that serve the dashboard, without a browser: the page, its sources, the npm
files it may read (and nothing else from node_modules), and the atlas id table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.dashboard import NODE_MODULES, VENDOR
from graph.settings import Settings
from graph.store.embedded import EmbeddedStore

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store = EmbeddedStore(None)
    settings = Settings(diplograph_store="embedded", diplograph_api_key=None)
    with TestClient(create_app(settings, store), client=("127.0.0.1", 50000)) as test_client:
        yield test_client
    store.close()


def test_the_page_and_its_sources(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/dashboard/main.js">' in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "")  # nothing from another host
    for name in ("main.js", "map.js", "style.css"):
        assert client.get(f"/dashboard/{name}").status_code == 200


def test_only_listed_package_files_are_served(client: TestClient) -> None:
    for bad in ("d3/package.json", "..%2Fpackage.json", "nope.js"):
        assert client.get(f"/dashboard/vendor/{bad}").status_code == 404
    if not (NODE_MODULES / "d3").is_dir():
        pytest.skip("npm packages not installed (npm ci in api/dashboard)")
    for name in VENDOR:
        res = client.get(f"/dashboard/vendor/{name}")
        assert res.status_code == 200 and len(res.content) > 1000, name


def test_atlas_ids_cover_the_world(client: TestClient) -> None:
    ids = client.get("/dashboard/atlas-ids.json").json()
    assert ids["numeric"]["376"] == "ISR" and ids["numeric"]["004"] == "AFG"
    assert ids["names"]["Somaliland"] == "SOMALILAND"


def test_dashboard_routes_stay_out_of_the_api_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(p == "/" or p.startswith("/dashboard") for p in paths)
