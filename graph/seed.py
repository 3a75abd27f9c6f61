"""Baseline knowledge: standing memberships, recognitions and UN status, as seed claims.

News only reports changes, so the graph starts from the facts in ``seeds/*.csv``. Each
row names the reference it was taken from (``seeds/sources.yaml``); every source becomes
one article (id ``seed:<source id>``, source ``seed``) whose claims are dated by the
row, so as-of queries and evidence treat seeded facts exactly like news. The article's
content hash covers its rows, which makes reseeding unchanged data a no-op.

UN membership is written once, in ``un_status.csv``; its MEMBER_OF ``united_nations``
claims are generated here (members in force from admission, observers ``denied``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from graph.catalog import SEEDS_DIR, load_agreements, load_countries
from graph.errors import InvalidInput
from graph.models import (
    Agreement,
    Article,
    Claim,
    Country,
    CountryId,
    Evidence,
    RelationType,
    Status,
    UNStatus,
)
from graph.seed_text import statement
from graph.store.base import GraphStore

UN_ID = "united_nations"
SOURCES_FILE = "sources.yaml"
UN_FILE = "un_status.csv"
RECOGNITIONS_FILE = "recognitions.csv"
MEMBERSHIPS_FILE = "memberships.csv"
# A date as precise as the source gives it: a year, a month or a day.
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- row models ------------------------------------------------------------------
class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class SourceRow(_Row):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    describes: date
    disputed: bool = False  # facts only one party asserts: confidence 0.9


class UNStatusRow(_Row):
    country: CountryId
    status: UNStatus
    admitted: date | None = None
    source: str = Field(min_length=1)


def _partial(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not PARTIAL_DATE.match(value):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    to_date(value)  # checks month and day
    return value


class _FactRow(_Row):
    status: Status
    end: str | None = None
    source: str = Field(min_length=1)

    _check_end = field_validator("end")(_partial)


class RecognitionRow(_FactRow):
    subject: CountryId
    object: CountryId
    date: str

    _check_date = field_validator("date")(_partial)


class MembershipRow(_FactRow):
    country: CountryId
    agreement: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    start: str

    _check_start = field_validator("start")(_partial)


def to_date(text: str) -> date:
    """The first day of a partial date: '1949' -> 1949-01-01."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


# --- one fact, whatever file it came from -------------------------------------------
@dataclass(frozen=True)
class Fact:
    subject: str
    predicate: RelationType
    object: str
    status: Status
    start: str | None
    end: str | None
    source: str
    where: str  # file:line, for error messages and the claim's rule


@dataclass(frozen=True)
class SeedData:
    countries: tuple[Country, ...]
    agreements: tuple[Agreement, ...]
    sources: tuple[SourceRow, ...]
    facts: tuple[Fact, ...]


class SeedReport(BaseModel):
    countries: int
    agreements: int
    sources: int
    claims: int
    created: int = Field(description="seed articles written (new or changed)")
    unchanged: int


# --- reading -----------------------------------------------------------------------
R = TypeVar("R", bound=_Row)


def _rows(path: Path, model: type[R]) -> Iterator[tuple[str, R]]:
    if not path.exists():
        raise InvalidInput(f"{path.name}: seed file missing at {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        for line, raw in enumerate(csv.DictReader(fh), start=2):
            where = f"{path.name}:{line}"
            values = {k: (v if v != "" else None) for k, v in raw.items() if k is not None}
            try:
                yield where, model.model_validate(values)
            except ValidationError as exc:
                raise InvalidInput(f"{where}: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err["loc"]) or "row"
    return f"{field}: {err['msg']} (got {err.get('input')!r})"


def read_sources(seeds_dir: Path) -> tuple[SourceRow, ...]:
    path = seeds_dir / SOURCES_FILE
    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{SOURCES_FILE}: cannot read: {exc}") from None
    rows: list[SourceRow] = []
    for i, item in enumerate(raw or [], start=1):
        try:
            rows.append(SourceRow.model_validate(item))
        except ValidationError as exc:
            raise InvalidInput(f"{SOURCES_FILE}: entry {i}: {_first_error(exc)}") from None
    ids = [r.id for r in rows]
    if dupes := sorted({i for i in ids if ids.count(i) > 1}):
        raise InvalidInput(f"{SOURCES_FILE}: duplicate source ids {dupes}")
    return tuple(rows)


def _un_facts(rows: Sequence[tuple[str, UNStatusRow]]) -> Iterator[Fact]:
    for where, row in rows:
        if row.status is UNStatus.NONE:
            continue
        if row.admitted is None:
            raise InvalidInput(f"{where}: a UN {row.status.value} needs an admitted date")
        status = Status.IN_FORCE if row.status is UNStatus.MEMBER else Status.DENIED
        day = row.admitted.isoformat()
        yield Fact(row.country, RelationType.MEMBER_OF, UN_ID, status, day, None, row.source, where)


def read_facts(seeds_dir: Path) -> tuple[list[tuple[str, UNStatusRow]], list[Fact]]:
    un = list(_rows(seeds_dir / UN_FILE, UNStatusRow))
    facts = list(_un_facts(un))
    for where, rec in _rows(seeds_dir / RECOGNITIONS_FILE, RecognitionRow):
        facts.append(Fact(rec.subject, RelationType.RECOGNIZES, rec.object, rec.status,
                          rec.date, rec.end, rec.source, where))
    for where, mem in _rows(seeds_dir / MEMBERSHIPS_FILE, MembershipRow):
        facts.append(Fact(mem.country, RelationType.MEMBER_OF, mem.agreement, mem.status,
                          mem.start, mem.end, mem.source, where))
    return un, facts


# --- validating ---------------------------------------------------------------------
def _check(facts: Sequence[Fact], countries: set[str], agreements: set[str], sources: set[str]) -> None:
    for fact in facts:
        if fact.subject not in countries:
            raise InvalidInput(f"{fact.where}: unknown country {fact.subject!r}")
        known = agreements if fact.predicate is RelationType.MEMBER_OF else countries
        if fact.object not in known:
            raise InvalidInput(f"{fact.where}: unknown entity {fact.object!r}")
        if fact.subject == fact.object:
            raise InvalidInput(f"{fact.where}: {fact.subject!r} cannot relate to itself")
        if fact.source not in sources:
            raise InvalidInput(f"{fact.where}: source {fact.source!r} is not in {SOURCES_FILE}")
        if fact.start and fact.end and to_date(fact.end) < to_date(fact.start):
            raise InvalidInput(f"{fact.where}: end {fact.end} is before start {fact.start}")


def _apply_un(countries: Sequence[Country], un: Sequence[tuple[str, UNStatusRow]]) -> tuple[Country, ...]:
    by_id = {c.id: c for c in countries}
    seen: set[str] = set()
    for where, row in un:
        if row.country not in by_id:
            raise InvalidInput(f"{where}: unknown country {row.country!r}")
        if row.country in seen:
            raise InvalidInput(f"{where}: {row.country!r} listed twice")
        seen.add(row.country)
        by_id[row.country] = by_id[row.country].model_copy(
            update={"un_status": row.status, "un_admitted": row.admitted}
        )
    return tuple(by_id[k] for k in sorted(by_id))


def load_seed(seeds_dir: Path = SEEDS_DIR) -> SeedData:
    """Read and validate every seed file; raises InvalidInput naming file and line."""
    sources = read_sources(seeds_dir)
    un, facts = read_facts(seeds_dir)
    countries = _apply_un(load_countries(), un)
    agreements = load_agreements()
    _check(facts, {c.id for c in countries}, {a.id for a in agreements}, {s.id for s in sources})
    return SeedData(countries, agreements, sources, tuple(facts))


# --- claims and articles ----------------------------------------------------------------
def _claims(fact: Fact, source: SourceRow, names: dict[str, str]) -> list[Claim]:
    confidence = 0.9 if source.disputed else 1.0
    events = [(fact.status, fact.start)]
    if fact.end:
        events.append((Status.ENDED, fact.end))
    claims = []
    for status, when in events:
        sentence = statement(fact.subject, fact.predicate, fact.object, status, when, names, source.name)
        claims.append(Claim(
            subject=fact.subject, predicate=fact.predicate, object=fact.object, status=status,
            event_date=to_date(when) if when else None, confidence=confidence,
            evidence=Evidence(sentence=sentence, start=0, end=len(sentence)),
            rule=f"seed:{fact.where.split(':')[0]}",
        ))
    return claims


def build_articles(data: SeedData) -> list[tuple[Article, list[Claim]]]:
    """One article per source with the claims of its rows, in file order."""
    names = {c.id: c.name for c in data.countries} | {a.id: a.name for a in data.agreements}
    by_source: dict[str, list[Claim]] = defaultdict(list)
    sources = {s.id: s for s in data.sources}
    for fact in data.facts:
        by_source[fact.source].extend(_claims(fact, sources[fact.source], names))
    out = []
    for src in data.sources:
        claims = by_source.get(src.id, [])
        payload = {"source": src.model_dump(mode="json"),
                   "claims": [c.model_dump(mode="json") for c in claims]}
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()
        article = Article(id=f"seed:{src.id}", title=src.name, date=src.describes, source="seed",
                          url=src.url, content_hash=digest)
        out.append((article, claims))
    return out


def seed_store(store: GraphStore, seeds_dir: Path = SEEDS_DIR) -> SeedReport:
    """Load every seed fact into ``store``; running it again changes nothing."""
    data = load_seed(seeds_dir)
    store.upsert_countries(data.countries)
    store.upsert_agreements(data.agreements)
    created = claims = 0
    for article, article_claims in build_articles(data):
        result = store.add_article(article, article_claims)
        created += int(result.created)
        claims += len(article_claims)
    return SeedReport(countries=len(data.countries), agreements=len(data.agreements),
                      sources=len(data.sources), claims=claims, created=created,
                      unchanged=len(data.sources) - created)
