"""The relation lists' fast path (rows serialised in one pass, embedded reads run inline)
answers byte for byte what the response model would, and a store that is not the embedded
one (read through the thread pool) answers the same."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, get_type_hints

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.schemas import RelatedPage, related_page
from graph import query
from graph.models import Status
from graph.query import RelatedItem, RelatedList, RelatedRow
from graph.seed import seed_store
from graph.store.embedded import EmbeddedStore
from tests.api.conftest import LOOPBACK, settings_for

pytestmark = pytest.mark.api

LISTS: list[tuple[RelatedList, str]] = [
    ("recognized_by", "ISR"), ("recognized_by", "kosovo"), ("recognizes", "usa"),
    ("memberships", "TUR"), ("members_of", "nato"), ("members_of", "BRICS"), ("negotiations", "SAU"),
]
URLS = [
    "/v1/countries/ISR/recognized-by", "/v1/countries/israel/recognized-by?status=any",
    "/v1/countries/US/recognizes?as_of=2000-01-01", "/v1/countries/TUR/memberships",
    "/v1/countries/SAU/negotiations?status=any", "/v1/agreements/nato/members?as_of=1990-06-01",
    "/v1/countries/nowhere/recognized-by",
]


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    embedded = EmbeddedStore(None)
    seed_store(embedded)
    yield embedded
    embedded.close()


class Proxy:
    """Every store call forwarded: a store that is not an EmbeddedStore."""

    def __init__(self, inner: EmbeddedStore) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def test_rows_have_the_fields_of_related_item_in_order() -> None:
    assert list(get_type_hints(RelatedRow)) == list(RelatedItem.model_fields)


@pytest.mark.parametrize(("which", "entity"), LISTS)
@pytest.mark.parametrize("status", [Status.IN_FORCE, None])
@pytest.mark.parametrize("day", [date(2025, 12, 1), date(1995, 1, 1)])
def test_fast_page_is_the_response_model_json(
    store: EmbeddedStore, which: RelatedList, entity: str, status: Status | None, day: date
) -> None:
    rows = query.related_rows(store, which, entity, as_of=day, status=status)
    items = [RelatedItem.model_validate(row) for row in rows]
    expected = RelatedPage(items=items, count=len(items), as_of=day).model_dump_json().encode()
    response = related_page(rows, day)
    assert response.body == expected
    assert response.media_type == "application/json"


def test_thread_pool_store_answers_alike(store: EmbeddedStore) -> None:
    answers = []
    for backing in (store, Proxy(store)):
        app = create_app(settings_for("embedded"), backing, read_cache=False)  # type: ignore[arg-type]
        with TestClient(app, client=LOOPBACK, raise_server_exceptions=False) as client:
            answers.append([(r.status_code, r.headers["content-type"], r.content)
                            for r in map(client.get, URLS)])
    assert answers[0] == answers[1]
    assert [status for status, _, _ in answers[0]] == [200] * (len(URLS) - 1) + [404]
