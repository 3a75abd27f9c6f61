"""The store protocol: what every backend (embedded, Neo4j) must do, and nothing more.

Domain queries (``graph/query.py``) are written once against this protocol. The
contract suite in ``tests/contract/`` runs every method against every backend.
Ids given here are canonical (``ISR``, ``nato``); resolving names and ISO alpha-2
codes to ids is the query layer's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol, runtime_checkable

from graph.models import (
    AddResult,
    Agreement,
    Article,
    Claim,
    Country,
    EvidenceItem,
    GraphExport,
    Node,
    Relation,
    RelationType,
    Stats,
    Status,
    Subgraph,
    TimelineBucket,
)


@runtime_checkable
class GraphStore(Protocol):
    # --- entities -----------------------------------------------------------
    def upsert_countries(self, countries: Sequence[Country]) -> int:
        """Insert or replace countries by id; returns how many were written."""
        ...

    def upsert_agreements(self, agreements: Sequence[Agreement]) -> int: ...

    def get_country(self, country_id: str) -> Country:
        """Raises NotFound."""
        ...

    def get_agreement(self, agreement_id: str) -> Agreement:
        """Raises NotFound."""
        ...

    def find_countries(self) -> list[Country]:
        """Every country, ordered by id."""
        ...

    def find_agreements(self) -> list[Agreement]:
        """Every agreement, ordered by id."""
        ...

    # --- articles and claims --------------------------------------------------
    def add_article(self, article: Article, claims: Sequence[Claim]) -> AddResult:
        """Store an article with its claims, all or nothing.

        The same content (by ``content_hash``) again is a no-op that returns the
        stored article with ``created=False``. The same id with new content
        replaces the article's claims. Every claim endpoint must be a known entity
        (else InvalidInput and nothing is written).
        """
        ...

    def get_article(self, article_id: str) -> Article:
        """Raises NotFound."""
        ...

    def find_articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        """Articles, newest date first then id."""
        ...

    def get_claims(self, article_id: str) -> list[Claim]:
        """The claims of one article in the order they were stored. Raises NotFound."""
        ...

    def delete_article(self, article_id: str) -> None:
        """Remove an article and its claims. Raises NotFound."""
        ...

    # --- relations ------------------------------------------------------------
    def find_relations(
        self,
        *,
        predicate: RelationType | None = None,
        subject: str | None = None,
        object: str | None = None,
        status: Status | None = None,
        as_of: date,
    ) -> list[Relation]:
        """Relations as of a date, ordered by (predicate, subject, object).

        ``status=None`` means any. For a symmetric predicate ``subject``/``object``
        match either end.
        """
        ...

    def get_evidence(self, subject: str, predicate: RelationType, object: str) -> list[EvidenceItem]:
        """The claims behind one triple with their articles, oldest first."""
        ...

    def get_neighbourhood(self, center: str, *, depth: int, as_of: date) -> Subgraph:
        """Entities within ``depth`` edges of ``center`` (any status), as of a date."""
        ...

    def find_membership_paths(
        self, source: str, target: str, *, max_hops: int, as_of: date
    ) -> list[list[Node]]:
        """All shortest paths country - agreement - country ... through in-force
        memberships as of a date, at most ``max_hops`` edges long; deterministic order."""
        ...

    # --- aggregates and export -------------------------------------------------
    def get_stats(self, *, as_of: date) -> Stats: ...

    def get_timeline(
        self, *, predicate: RelationType | None = None, entity: str | None = None
    ) -> list[TimelineBucket]:
        """Claims per month (by effective date) and predicate and status."""
        ...

    def export(self) -> GraphExport: ...

    def ping(self) -> None:
        """Raises StoreUnavailable when the backend cannot be reached."""
        ...

    def close(self) -> None: ...
