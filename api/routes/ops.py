"""Operations endpoints: liveness, readiness (the store answers) and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from api.errors import responses
from api.schemas import Health, Ready

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health)
async def read_health() -> Health:
    """The process is up (does not touch the store)."""
    return Health(status="ok")


@router.get("/readyz", response_model=Ready, responses=responses(503))
async def read_readiness(request: Request) -> Ready:
    """The store answers; 503 while it cannot be reached (recovers by itself)."""
    await run_in_threadpool(request.app.state.store.ping)
    return Ready(status="ready", store=request.app.state.settings.diplograph_store)


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}},
)
async def read_metrics(request: Request) -> Response:
    """Prometheus text format: request counts and latency by route template."""
    return Response(generate_latest(request.app.state.registry), media_type=CONTENT_TYPE_LATEST)
