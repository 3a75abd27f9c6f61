"""Property-based run over the app's own OpenAPI schema (in-process ASGI, bounded): no
request may get a 5xx, and every response must match the documented status codes, media
types and schemas. Writes carry the API key so they reach the handlers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from graph.seed import seed_store
from graph.store.embedded import EmbeddedStore
from tests.api.conftest import settings_for

pytestmark = pytest.mark.api

KEY = "schemathesis-key"
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def app() -> Iterator[Any]:
    store = EmbeddedStore(None)
    seed_store(store)
    application = create_app(settings_for("embedded", diplograph_api_key=KEY), store)
    with TestClient(application):  # runs the lifespan: the store and job runner are in place
        yield application
    store.close()


def test_api_conforms_to_its_schema(app: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            case.call_and_validate(headers={"X-API-Key": KEY}, checks=CHECKS)

        try:
            check()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.label}: {str(exc)[:2000]}")
    assert not failures, "\n\n".join(failures)
