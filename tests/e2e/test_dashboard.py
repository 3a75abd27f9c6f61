"""The dashboard in headless Chromium on a seeded store: search, map counts against the API,
the date slider, evidence from a list row and from a network edge, and a path query.

Screenshots go to ``test-output/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import NEWS_SENTENCE, OUTPUT

pytestmark = pytest.mark.e2e

SLIDER_DATE = "1960-12-31"  # the slider's position for December 1960 (last day of the month)
FIRST_YEAR = 1945


@pytest.fixture(scope="module")
def page(browser: Any, live_url: str) -> Iterator[Any]:
    """One page for the whole walk-through, failing on any script error or off-site request."""
    context = browser.new_context(viewport={"width": 1440, "height": 1400})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on("request", lambda req: None if req.url.startswith((live_url, "data:"))
           else problems.append(f"off-site request: {req.url}"))
    tab.goto(f"{live_url}/")
    tab.wait_for_selector("body[data-ready='true']", timeout=30_000)
    yield tab
    context.close()
    assert not problems, problems


def api(live_url: str, path: str, **params: str) -> Any:
    res = httpx.get(f"{live_url}{path}", params=params, timeout=10.0)
    res.raise_for_status()
    return res.json()


def shot(page: Any, name: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"dashboard-{name}.png"), full_page=True)


def map_state(page: Any, as_of: str) -> dict[str, Any]:
    page.wait_for_selector(f"#map-summary[data-as-of='{as_of}']", timeout=15_000)
    return {
        "count": int(page.get_attribute("#map-summary", "data-count")),
        "coloured": set(page.evaluate(
            "() => [...document.querySelectorAll(\"#map path.country[data-status='in_force']\")]"
            ".map(p => p.dataset.id)"
        )),
        "drawn": set(page.evaluate("() => Array.from(window.diplograph.map.drawn)")),
    }


def expect_map_matches_api(page: Any, live_url: str, as_of: str) -> int:
    body = api(live_url, "/v1/countries/ISR/recognized-by", as_of=as_of)
    seen = map_state(page, as_of)
    assert seen["count"] == body["count"]
    # Every recognizing state that has a shape at this scale is painted "in force".
    assert seen["coloured"] == {i["id"] for i in body["items"] if i["id"] in seen["drawn"]}
    return int(body["count"])


def test_search_finds_israel_and_the_map_counts_its_recognitions(page: Any, live_url: str) -> None:
    page.fill("#search", "")
    page.fill("#search", "Israel")
    page.wait_for_selector("#search-results li[data-id='ISR']")
    page.press("#search", "Enter")
    page.wait_for_function("document.querySelector('#focus-title').textContent === 'Israel'")
    today = page.evaluate("() => window.diplograph.state.asOf")
    count = expect_map_matches_api(page, live_url, today)
    assert count > 100  # the seed lists most of the world
    assert page.locator("#map path.country[data-status='focus']").count() == 1
    assert "de facto" in page.inner_text(".map-card .note")
    shot(page, "map")


def test_date_slider_redraws_the_map_as_of_that_date(page: Any, live_url: str) -> None:
    before = int(page.get_attribute("#map-summary", "data-count"))
    months = (int(SLIDER_DATE[:4]) - FIRST_YEAR) * 12 + int(SLIDER_DATE[5:7]) - 1
    page.locator("#asof-slider").fill(str(months))
    assert page.inner_text("#asof-label") == SLIDER_DATE
    after = expect_map_matches_api(page, live_url, SLIDER_DATE)
    assert 0 < after < before
    shot(page, "slider-1960")
    page.click("#asof-today")
    page.wait_for_function(f"document.querySelector('#map-summary').dataset.count === '{before}'")


def test_a_list_row_opens_its_evidence(page: Any) -> None:
    page.locator("#focus-list tbody tr[data-id='ALB']").click()
    page.wait_for_selector("#evidence:not([hidden]) .ev-item")
    assert page.inner_text("#ev-title") == "Albania recognizes Israel"
    assert "1949" in page.inner_text("#ev-list")
    page.click("#ev-close")
    assert page.locator("#evidence").is_hidden()


def _click_element(page: Any, element_id: str, where: str) -> None:
    """A real mouse click on a drawn network node (``renderedPosition``) or edge (``renderedMidpoint``)."""
    page.locator("#network").scroll_into_view_if_needed()
    box = page.locator("#network").bounding_box()
    at = page.evaluate(f"(id) => window.diplograph.network.cy.getElementById(id).{where}()", element_id)
    assert 0 <= at["x"] <= box["width"] and 0 <= at["y"] <= box["height"], (at, box)
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])


def test_a_network_edge_opens_its_evidence(page: Any) -> None:
    page.wait_for_function("window.diplograph.network.cy.nodes().length > 1")
    edge = page.evaluate(
        "() => window.diplograph.network.cy.edges(\"[predicate = 'NEGOTIATING_WITH']\").map(e => e.id())"
    )
    assert edge, "the seeded news article's negotiation edge is drawn"
    _click_element(page, edge[0], "renderedMidpoint")
    page.wait_for_selector("#evidence:not([hidden]) .ev-item")
    assert "negotiating with" in page.inner_text("#ev-title")
    assert NEWS_SENTENCE in page.inner_text("#ev-list")
    assert "Envoys resume normalisation talks" in page.inner_text("#ev-list")
    shot(page, "evidence")
    page.click("#ev-close")


def test_clicking_a_node_expands_the_network(page: Any) -> None:
    cy = "window.diplograph.network.cy"
    member_edge = "ARE|MEMBER_OF|abraham_accords"
    assert page.evaluate(f"() => {cy}.getElementById('{member_edge}').empty()")
    _click_element(page, "abraham_accords", "renderedPosition")
    page.wait_for_function(f"{cy}.getElementById('{member_edge}').nonempty()", timeout=10_000)
    visible = page.evaluate(f"() => {cy}.nodes().filter(n => n.visible()).map(n => n.id())")
    assert {"ISR", "abraham_accords", "ARE", "BHR", "MAR"} <= set(visible)
    shot(page, "network")


def test_path_query_lists_and_draws_the_paths(page: Any, live_url: str) -> None:
    page.fill("#path-from", "AZE")
    page.fill("#path-to", "Saudi Arabia")
    page.click("#paths-form button[type='submit']")
    page.wait_for_selector("#paths-summary[data-count]")
    today = page.evaluate("() => window.diplograph.state.asOf")
    expected = api(live_url, "/v1/paths", **{"from": "AZE", "to": "SAU", "as_of": today})
    assert int(page.get_attribute("#paths-summary", "data-count")) == len(expected["paths"]) > 0
    assert page.locator("#paths-list li").count() == len(expected["paths"])
    first = page.inner_text("#paths-list li >> nth=0")
    assert first.startswith("Azerbaijan") and first.rstrip().endswith("Saudi Arabia")
    assert page.locator("#paths-graph canvas").count() > 0


def test_timeline_has_data_and_a_full_screenshot(page: Any) -> None:
    page.wait_for_selector("#tl-summary[data-total]")
    assert int(page.get_attribute("#tl-summary", "data-total")) > 0
    page.check("input[name='tl-scope'][value='all']")
    page.wait_for_function("Number(document.querySelector('#tl-summary').dataset.total) > 1000")
    shot(page, "full")
