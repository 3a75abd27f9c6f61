"""Plain ASGI middleware (no per-request task switching): the body-size limit, Prometheus
metrics by route template, and a read cache for ``GET /v1/...`` answers."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import problem

ROUTE_KEY = "diplograph.route"  # scope key where the cache leaves the route template of a hit


class BodyLimit:
    """Reject bodies over ``max_bytes`` with 413 before anything parses them, whether the
    client announces a Content-Length or streams a chunked body."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", ())) if scope["type"] == "http" else {}
        if b"content-length" not in headers and b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body (or not HTTP)
            return
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            await problem(400, "Invalid Content-Length header.")(scope, receive, send)
            return
        if declared > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"The request body is larger than the limit of {self.max_bytes} bytes."
        await problem(413, detail, slug="payload-too-large")(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class Metrics:
    """Request counts and latency histograms, labelled by route template, not raw path."""

    def __init__(self, app: ASGIApp, *, registry: CollectorRegistry) -> None:
        self.app = app
        self.requests = Counter(
            "diplograph_http_requests", "HTTP requests", ["method", "route", "status"], registry=registry
        )
        self.latency = Histogram(
            "diplograph_http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            route = scope.get(ROUTE_KEY) or getattr(scope.get("route"), "path", None) or "<unmatched>"
            self.requests.labels(scope["method"], route, str(status)).inc()
            self.latency.labels(scope["method"], route).observe(time.perf_counter() - started)


@dataclass
class _Entry:
    expires: float
    start: Message
    body: bytes
    route: str


@dataclass
class ReadCache:
    """Answers of read endpoints, dropped on every write; ``ttl`` bounds staleness against
    writers outside this process (None: this process is the only writer)."""

    ttl: float | None = None
    max_entries: int = 4096
    max_body: int = 1 << 20
    generation: int = 0
    entries: OrderedDict[tuple[Any, ...], _Entry] = field(default_factory=OrderedDict)

    def invalidate(self) -> None:
        self.generation += 1
        self.entries = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> _Entry | None:
        entry = self.entries.get(key)
        if entry is None or (self.ttl is not None and entry.expires < time.monotonic()):
            return None
        return entry

    def put(self, key: tuple[Any, ...], entry: _Entry) -> None:
        self.entries[key] = entry
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)


_UNCACHED = ("/v1/jobs", "/v1/export")
_KEPT_HEADERS = (b"content-type", b"content-length")


class CacheMiddleware:
    def __init__(self, app: ASGIApp, *, cache: ReadCache) -> None:
        self.app, self.cache = app, cache
        self.inflight: dict[tuple[Any, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if scope["method"] != "GET":
            try:
                await self.app(scope, receive, send)
            finally:
                if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
                    self.cache.invalidate()
            return
        if not path.startswith("/v1/") or path.startswith(_UNCACHED) or self.cache.max_entries <= 0:
            await self.app(scope, receive, send)  # not cacheable, or the cache is off
            return
        key = (path, scope.get("query_string", b""), date.today())
        pending = self.inflight.get(key)
        if pending is not None:  # one request computes an answer, the others wait for it
            await pending.wait()
        if await self._answer(key, scope, send):
            return
        done = self.inflight.setdefault(key, asyncio.Event())
        try:
            await self._fill(key, scope, receive, send)
        finally:
            done.set()
            if self.inflight.get(key) is done:
                del self.inflight[key]

    async def _answer(self, key: tuple[Any, ...], scope: Scope, send: Send) -> bool:
        entry = self.cache.get(key)
        if entry is None:
            return False
        scope[ROUTE_KEY] = entry.route
        # Outer middleware (CORS) edits the start message in place: send a fresh copy.
        await send({**entry.start, "headers": list(entry.start["headers"])})
        await send({"type": "http.response.body", "body": entry.body})
        return True

    async def _fill(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send) -> None:
        generation = self.cache.generation
        start: Message | None = None
        parts: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        body = b"".join(parts)
        if start is None or start["status"] != 200 or len(body) > self.cache.max_body:
            return
        if self.cache.generation != generation:
            return  # a write landed while this answer was computed
        route = getattr(scope.get("route"), "path", None) or "<unmatched>"
        ttl = self.cache.ttl
        expires = time.monotonic() + ttl if ttl is not None else float("inf")
        start = {**start, "headers": [h for h in start["headers"] if h[0] in _KEPT_HEADERS]}
        self.cache.put(key, _Entry(expires, start, body, route))
