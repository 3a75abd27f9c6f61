"""Dependencies the routes declare: the one store, the settings, the writer check and the
shared query parameters (``as_of``, ``status``). They are ``async`` because they never block:
FastAPI runs sync dependencies in its thread pool, a hop that costs more than they do.
``store_read`` applies the same reasoning to the in-memory store's reads."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable
from datetime import date
from typing import Annotated, ParamSpec, TypeVar

from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from api.errors import Unauthorized
from api.schemas import StatusFilter
from graph.models import Status
from graph.query import parse_status
from graph.settings import Settings
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

P = ParamSpec("P")
T = TypeVar("T")


async def get_store(request: Request) -> GraphStore:
    store: GraphStore = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def store_read(store: GraphStore, read: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``read`` (a query over ``store``) where it is cheapest. The embedded store answers
    from memory in about a millisecond, less than a thread-pool hop costs once the GIL is
    handed back and forth under load, so it runs inline; a networked store waits on I/O, so
    it runs in the thread pool and the event loop keeps serving."""
    if isinstance(store, EmbeddedStore):
        return read(*args, **kwargs)
    return await run_in_threadpool(read, *args, **kwargs)


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("x-api-key") or None


async def require_writer(request: Request, settings: SettingsDep) -> None:
    """Writes need the API key; with no key configured, only loopback clients may write."""
    expected = settings.diplograph_api_key
    if expected:
        given = _presented_key(request)
        if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
            raise Unauthorized(
                "This write needs the API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
            )
        return
    host = request.client.host if request.client else None
    if not _is_loopback(host):
        raise Unauthorized(
            "No DIPLOGRAPH_API_KEY is configured, so writes are accepted from loopback clients only."
        )


Writer = Depends(require_writer)


async def as_of_param(
    as_of: Annotated[date | None, Query(description="the date to answer for (default: today)")] = None,
) -> date:
    return as_of or date.today()


async def status_param(
    status: Annotated[
        StatusFilter, Query(description="relation status to keep; `any` keeps every status")
    ] = "in_force",
) -> Status | None:
    return parse_status(status)


AsOf = Annotated[date, Depends(as_of_param)]
StatusQ = Annotated[Status | None, Depends(status_param)]
