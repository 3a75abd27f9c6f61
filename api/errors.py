"""Every error leaves the API as one RFC 9457 ``application/problem+json`` body, from here.

``graph.errors`` classes map to status codes in ``STATUS``; request validation and
Starlette's own HTTP errors are reshaped the same way; anything unexpected becomes a
plain 500 problem that names no internals (the traceback goes to the log only).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import GraphError, InvalidInput, NotFound, PayloadTooLarge, StoreUnavailable

log = logging.getLogger("diplograph.api")
PROBLEM_JSON = "application/problem+json"
RETRY_AFTER_SECONDS = 5


class Problem(BaseModel):
    """RFC 9457 problem details, with two optional extension members."""

    type: str = Field(default="about:blank", description="a URI reference naming the problem type")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    suggestions: list[str] | None = Field(default=None, description="close matches for an unknown name")
    errors: list[dict[str, Any]] | None = Field(default=None, description="each invalid field and why")


class Unauthorized(GraphError):
    """A write without valid credentials (raised by the API, not the graph)."""


# Most specific class first: PayloadTooLarge is an InvalidInput.
STATUS: list[tuple[type[GraphError], int, str]] = [
    (NotFound, 404, "not-found"),
    (PayloadTooLarge, 413, "payload-too-large"),
    (InvalidInput, 422, "invalid-input"),
    (Unauthorized, 401, "unauthorized"),
    (StoreUnavailable, 503, "store-unavailable"),
]


def problem(
    status: int, detail: str | None, *, slug: str | None = None, request: Request | None = None, **extra: Any
) -> JSONResponse:
    body = Problem(
        type=f"/problems/{slug}" if slug else "about:blank",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path if request is not None else None,
        **extra,
    )
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="diplograph"'
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


async def _graph_error(request: Request, exc: Exception) -> JSONResponse:
    for cls, status, slug in STATUS:
        if isinstance(exc, cls):
            extra: dict[str, Any] = {}
            if isinstance(exc, NotFound):
                extra["suggestions"] = exc.suggestions
            if status == 503:
                log.warning("store unavailable: %s", exc)
            return problem(status, str(exc), slug=slug, request=request, **extra)
    return await _unexpected(request, exc)


def _clean(error: Any) -> dict[str, Any]:
    # Pydantic errors may carry the raw input and exception objects: keep only what helps.
    return {"loc": [str(p) for p in error.get("loc", ())], "msg": str(error.get("msg", "")),
            "type": str(error.get("type", ""))}


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    errors = [_clean(e) for e in exc.errors()] if isinstance(exc, RequestValidationError) else []
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(p for p in first["loc"] if p not in ("body", "query", "path")) or "request"
    if first.get("type") == "json_invalid":
        where = "body"  # the location is a character offset, not a field
    detail = f"{where}: {first['msg']}"
    return problem(422, detail, slug="invalid-input", request=request, errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
    detail = exc.detail if isinstance(exc, StarletteHTTPException) else None
    response = problem(status, str(detail) if detail else None, request=request)
    if isinstance(exc, StarletteHTTPException) and exc.headers:
        response.headers.update(exc.headers)
    return response


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "An unexpected error occurred; it has been logged.", request=request)


def install(app: FastAPI) -> None:
    """Register the one set of handlers."""
    app.add_exception_handler(GraphError, _graph_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem responses a route can give."""
    return {
        s: {
            "description": HTTPStatus(s).phrase,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for s in statuses
    }


READ_ERRORS = responses(404, 422, 500, 503)
WRITE_ERRORS = responses(401, 404, 413, 422, 500, 503)
