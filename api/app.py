"""The composition root: ``create_app`` wires settings, the one store, middleware, error
handlers, routes and (when its folder exists) the dashboard. Nothing connects at import.

The store is opened in the lifespan unless one is passed in (tests, benchmarks); a
passed-in store is left open for its owner to close.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import CollectorRegistry
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool

from api import errors
from api.errors import Problem
from api.ingest import ensure_catalog
from api.jobs import JobRunner
from api.middleware import BodyLimit, CacheMiddleware, Metrics, ReadCache
from api.routes import agreements, articles, countries, ops, relations, views
from graph.errors import StoreUnavailable
from graph.models import GraphExport
from graph.settings import Settings, get_settings
from graph.store import open_store
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedStore

log = logging.getLogger("diplograph.api")
# Bounds how stale a cached read can be when other processes write to a shared Neo4j.
SHARED_STORE_CACHE_TTL = 2.0


def create_app(
    settings: Settings | None = None, store: GraphStore | None = None, *, read_cache: bool = True
) -> FastAPI:
    """The API application. ``settings`` default to the environment (validated now)."""
    settings = settings or get_settings()
    # The embedded graph lives in this process, so only this process can change it.
    local = isinstance(store, EmbeddedStore) or (store is None and settings.diplograph_store == "embedded")
    ttl = None if local else SHARED_STORE_CACHE_TTL
    cache = ReadCache(ttl=ttl, max_entries=4096 if read_cache else 0)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = store is None
        app.state.store = store if store is not None else await run_in_threadpool(open_store, settings)
        app.state.catalog_ready = await run_in_threadpool(_prepare, app.state.store)
        app.state.jobs = JobRunner(app.state.store, on_write=cache.invalidate)
        # The loaded graph lives as long as the process: keep it out of the cyclic GC's full
        # passes, whose pauses otherwise grow with the graph and show up as tail latency.
        gc.freeze()
        try:
            yield
        finally:
            app.state.jobs.close()
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="diplograph",
        version="0.1.0",
        summary="Diplomatic relations (recognition, membership, negotiation) extracted from news.",
        lifespan=lifespan,
    )
    app.state.settings, app.state.read_cache = settings, cache
    app.state.registry = CollectorRegistry()
    errors.install(app)
    for module in (articles, countries, agreements, relations, views, ops):
        app.include_router(module.router)
    _mount_dashboard(app)
    # Added innermost first: metrics see every request, the cache sits next to the routes.
    app.add_middleware(CacheMiddleware, cache=cache)
    app.add_middleware(BodyLimit, max_bytes=settings.diplograph_max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        )
    app.add_middleware(Metrics, registry=app.state.registry)
    _document_problems(app)
    return app


def _prepare(store: GraphStore) -> bool:
    """Load the entity catalog into an empty store; a store that is down is retried later."""
    try:
        ensure_catalog(store)
    except StoreUnavailable as exc:
        log.warning("store not reachable at start-up, serving anyway: %s", exc)
        return False
    return True


def _mount_dashboard(app: FastAPI) -> None:
    try:
        from api.dashboard import DASH_DIR, mount_dashboard  # built separately; optional
    except ImportError:
        return
    if DASH_DIR.is_dir():
        mount_dashboard(app)


def _document_problems(app: FastAPI) -> None:
    """Add the Problem and GraphExport schemas that hand-written responses refer to."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            _, defs = models_json_schema(
                [(Problem, "serialization"), (GraphExport, "serialization")],
                ref_template="#/components/schemas/{model}",
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in defs.get("$defs", {}).items():
                components.setdefault(name, definition)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
