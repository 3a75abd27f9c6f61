"""Request bodies and response envelopes. Fields of graph objects come from ``graph.models``
and ``graph.query``; nothing here re-declares them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, Self, TypeVar

from fastapi import Response
from pydantic import BaseModel, Field, TypeAdapter, model_validator
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from graph.models import (
    Agreement,
    Article,
    ArticleRef,
    Claim,
    Country,
    Node,
    Relation,
    RelationType,
    Status,
    TimelineBucket,
)
from graph.query import RelatedItem, RelatedRow

T = TypeVar("T")

StatusFilter = Literal["in_force", "announced", "proposed", "denied", "ended", "any"]
ExportFormat = Literal["json", "csv", "graphml"]
Interval = Literal["month", "year"]


class ArticleIn(BaseModel):
    """One article to extract and store: its text or its HTML, and optional metadata."""

    text: str | None = Field(default=None, description="plain text (a forum repost layout is recognised)")
    html: str | None = Field(default=None, description="an HTML page; its main text is extracted")
    id: str | None = Field(default=None, max_length=200, description="default: derived from the content")
    title: str | None = Field(default=None, max_length=1000)
    date: dt.date | None = None
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _one_body(self) -> Self:
        if (self.text is None) == (self.html is None):
            raise ValueError("Give exactly one of 'text' or 'html'.")
        return self


class ArticleOut(BaseModel):
    article: Article
    claims: list[Claim]


class Items(BaseModel, Generic[T]):
    items: list[T]
    count: int


class RelatedPage(BaseModel):
    items: list[RelatedItem]
    count: int
    as_of: dt.date


class _RelatedPageBody(TypedDict):
    """RelatedPage over plain rows: the same JSON, with no model built per item."""

    items: list[RelatedRow]
    count: int
    as_of: dt.date


_RELATED_PAGE_JSON = TypeAdapter(_RelatedPageBody)


def related_page(rows: list[RelatedRow], as_of: dt.date) -> Response:
    """A RelatedPage answer serialised in one pass (pydantic-core, as FastAPI does for a
    response model) from rows the query layer built out of already-validated relations."""
    body = _RELATED_PAGE_JSON.dump_json({"items": rows, "count": len(rows), "as_of": as_of})
    return Response(body, media_type="application/json")


class RelationsPage(BaseModel):
    items: list[Relation]
    count: int = Field(description="items on this page")
    total: int = Field(description="relations matching the filters")
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last")
    as_of: dt.date


class CountryProfile(BaseModel):
    country: Country
    counts: dict[str, int] = Field(description="relations in force as of the date, per kind")
    as_of: dt.date


class AgreementProfile(BaseModel):
    agreement: Agreement
    member_count: int
    as_of: dt.date


class EvidenceOut(BaseModel):
    """One claim behind an edge."""

    sentence: str
    article: ArticleRef
    status: Status
    date: dt.date | None
    confidence: float
    rule: str


class EvidencePage(BaseModel):
    subject: str
    predicate: RelationType
    object: str
    items: list[EvidenceOut]
    count: int


class PathsOut(BaseModel):
    paths: list[list[Node]]
    count: int
    as_of: dt.date


class TimelineOut(BaseModel):
    items: list[TimelineBucket]
    interval: Interval


class JobError(BaseModel):
    index: int
    id: str | None = None
    detail: str


class Job(BaseModel):
    id: str
    state: Literal["queued", "running", "done", "failed"]
    total: int
    processed: int
    created: int
    unchanged: int
    failed: int
    claims: int
    errors: list[JobError] = Field(default_factory=list)
    created_at: dt.datetime
    finished_at: dt.datetime | None = None


class Health(BaseModel):
    status: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    store: str


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")
