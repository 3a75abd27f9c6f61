"""Articles: post one (extract and store), post a batch (a background job), read, delete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep, Writer
from api.errors import READ_ERRORS, WRITE_ERRORS
from api.ingest import ensure_catalog, parse_batch, store_article
from api.jobs import JobRunner
from api.schemas import ArticleIn, ArticleOut, Items, Job
from graph.models import Article
from graph.store.base import GraphStore

router = APIRouter(prefix="/v1", tags=["articles"])

ArticleRef = Annotated[str, Path(max_length=200)]

_BATCH_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "a JSON array of articles, or JSON Lines (one article object per line)",
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}
            },
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


def _ready_store(request: Request) -> GraphStore:
    """The store, with the entity catalog loaded (retried here if start-up could not)."""
    store: GraphStore = request.app.state.store
    if not request.app.state.catalog_ready:
        ensure_catalog(store)
        request.app.state.catalog_ready = True
    return store


@router.post(
    "/articles",
    response_model=ArticleOut,
    status_code=201,
    dependencies=[Writer],
    responses={200: {"model": ArticleOut, "description": "the same content was already stored"},
               **WRITE_ERRORS},
)
def create_article(body: ArticleIn, request: Request, response: Response) -> ArticleOut:
    """Extract the article's claims and store both; the same content again changes nothing (200)."""
    store = _ready_store(request)
    result = store_article(store, body.model_dump(exclude_none=True, mode="json"))
    if not result.created:
        response.status_code = 200
    return ArticleOut(article=result.article, claims=result.claims)


@router.post(
    "/articles/batch",
    response_model=Job,
    status_code=202,
    dependencies=[Writer],
    responses=WRITE_ERRORS,
    openapi_extra=_BATCH_BODY,
)
async def create_batch(request: Request) -> Job:
    """Queue many articles; follow the job at ``GET /v1/jobs/{id}``."""
    rows = parse_batch(await request.body())
    await run_in_threadpool(_ready_store, request)
    runner: JobRunner = request.app.state.jobs
    return runner.submit(rows)


@router.get("/jobs/{job_id}", response_model=Job, responses=READ_ERRORS)
def read_job(job_id: Annotated[str, Path(max_length=64)], request: Request) -> Job:
    runner: JobRunner = request.app.state.jobs
    return runner.get(job_id)


@router.get("/articles", response_model=Items[Article], responses=READ_ERRORS)
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Items[Article]:
    """Articles, newest first."""
    articles = store.find_articles(limit=limit, offset=offset)
    return Items[Article](items=articles, count=len(articles))


@router.get("/articles/{article_id:path}", response_model=ArticleOut, responses=READ_ERRORS)
def read_article(article_id: ArticleRef, store: StoreDep) -> ArticleOut:
    return ArticleOut(article=store.get_article(article_id), claims=store.get_claims(article_id))


@router.delete("/articles/{article_id:path}", status_code=204, dependencies=[Writer], responses=WRITE_ERRORS)
def delete_article(article_id: ArticleRef, store: StoreDep) -> Response:
    """Remove an article and its claims (relations it alone supported disappear)."""
    store.delete_article(article_id)
    return Response(status_code=204)
