"""The one schema: entities, articles, claims and the relations derived from them.

Shared by ingest, the stores, the query layer, the API and the CLI. Models are plain
data (no persistence methods). Endpoint kinds are checked from the id syntax alone:
country ids are upper case (ISO alpha-3 or a stable name such as ``SOMALILAND``),
agreement ids are lower_snake (``abraham_accords``).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

COUNTRY_ID = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
AGREEMENT_ID = re.compile(r"^[a-z][a-z0-9_]{1,79}$")

CountryId = Annotated[str, Field(pattern=COUNTRY_ID.pattern, examples=["ISR"])]
AgreementId = Annotated[str, Field(pattern=AGREEMENT_ID.pattern, examples=["abraham_accords"])]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Choice(StrEnum):
    """A string enum whose error for a bad value names the valid choices."""

    @classmethod
    def _missing_(cls, value: object) -> None:
        label = re.sub(r"(?<!^)([A-Z])", r" \1", cls.__name__).lower()
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"Unknown {label} {value!r}. Expected one of: {choices}.")


class Status(_Choice):
    IN_FORCE = "in_force"
    ANNOUNCED = "announced"
    PROPOSED = "proposed"
    DENIED = "denied"
    ENDED = "ended"


class RelationType(_Choice):
    RECOGNIZES = "RECOGNIZES"
    MEMBER_OF = "MEMBER_OF"
    NEGOTIATING_WITH = "NEGOTIATING_WITH"

    @property
    def symmetric(self) -> bool:
        return self is RelationType.NEGOTIATING_WITH

    @property
    def object_kind(self) -> EntityKind:
        return EntityKind.AGREEMENT if self is RelationType.MEMBER_OF else EntityKind.COUNTRY


class EntityKind(StrEnum):
    COUNTRY = "country"
    AGREEMENT = "agreement"


class AgreementKind(StrEnum):
    ACCORD = "accord"
    TREATY = "treaty"
    ORGANIZATION = "organization"
    ALLIANCE = "alliance"
    BLOC = "bloc"


class UNStatus(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    NONE = "none"


def kind_of(entity_id: str) -> EntityKind:
    """Tell a country id from an agreement id by its syntax; reject anything else."""
    if COUNTRY_ID.match(entity_id):
        return EntityKind.COUNTRY
    if AGREEMENT_ID.match(entity_id):
        return EntityKind.AGREEMENT
    raise ValueError(
        f"Invalid entity id {entity_id!r}. Expected a country id such as 'ISR' "
        "or an agreement id such as 'abraham_accords'."
    )


class Country(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: CountryId
    name: str = Field(min_length=1)
    official_name: str | None = None
    alpha2: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    iso: bool = True  # False for states without an ISO 3166-1 code (e.g. SOMALILAND)
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    un_status: UNStatus = UNStatus.NONE
    un_admitted: dt.date | None = None


class Agreement(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: AgreementId
    name: str = Field(min_length=1)
    kind: AgreementKind
    aliases: tuple[str, ...] = ()
    founded: dt.date | None = None
    description: str | None = None


class Article(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    content_hash: str = Field(min_length=8, description="sha256 of the normalised text")


class Evidence(BaseModel):
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(BaseModel):
    """One statement of one relation found in one article (or a seed source)."""

    subject: CountryId
    predicate: RelationType
    object: str
    status: Status
    about: AgreementId | None = None
    event_date: dt.date | None = None
    confidence: Confidence = 0.8
    evidence: Evidence
    rule: str = Field(min_length=1, description="the rule or component that produced the claim")
    article_id: str = ""
    article_date: dt.date | None = None  # copied from the article when stored; used for as-of

    @model_validator(mode="after")
    def _check_endpoints(self) -> Self:
        expected = self.predicate.object_kind
        try:
            actual = kind_of(self.object)
        except ValueError as exc:
            raise ValueError(f"{self.predicate.value} object: {exc}") from None
        if actual is not expected:
            raise ValueError(
                f"{self.predicate.value} needs {_a(expected.value)} as object, got {actual.value} "
                f"{self.object!r}."
            )
        if self.subject == self.object:
            raise ValueError(f"{self.predicate.value} cannot relate {self.subject!r} to itself.")
        return self

    @property
    def key(self) -> TripleKey:
        return triple_key(self.subject, self.predicate, self.object)

    @property
    def effective_date(self) -> dt.date | None:
        return self.event_date or self.article_date


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


TripleKey = tuple[str, RelationType, str]


def triple_key(subject: str, predicate: RelationType, obj: str) -> TripleKey:
    """The stored key of a triple: symmetric relations keep one order per unordered pair."""
    if predicate.symmetric and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


class Relation(BaseModel):
    """The edge a user queries: the state of one triple as of a date."""

    subject: str
    predicate: RelationType
    object: str
    status: Status
    since: dt.date | None = None
    until: dt.date | None = None
    confidence: Confidence
    evidence_count: int = Field(ge=0)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    about: str | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None


class EvidenceItem(BaseModel):
    """A claim behind an edge, with the article that states it."""

    claim: Claim
    article: ArticleRef


class Node(BaseModel):
    id: str
    kind: EntityKind
    name: str


class Edge(BaseModel):
    source: str
    target: str
    predicate: RelationType
    status: Status
    confidence: Confidence


class Subgraph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Stats(BaseModel):
    countries: int
    agreements: int
    articles: int
    claims: int
    relations: dict[str, int] = Field(description="relations in force per type, as of today")


class TimelineBucket(BaseModel):
    period: str = Field(description="YYYY-MM")
    predicate: RelationType
    status: Status
    count: int


class AddResult(BaseModel):
    article: Article
    created: bool
    claims: list[Claim]


class GraphExport(BaseModel):
    countries: list[Country]
    agreements: list[Agreement]
    articles: list[Article]
    claims: list[Claim]
