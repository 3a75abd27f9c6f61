"""The Neo4j store: the same contract as the embedded store, on a Neo4j 5 server.

The only module that imports the ``neo4j`` driver. Every Cypher statement lives in
``graph.store.cypher``, the conversions between models and rows in ``neo4j_rows``. One
driver per store; writes are managed transactions, so transient errors (deadlocks, leader
switches) are retried. Constraints and indexes are created idempotently before the first
query. The as-of status and membership paths are computed in Cypher; the full relation
record (since, until, counts) comes from the one derivation function every store shares,
fed with the claims Cypher selected.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import partial
from typing import Any, TypeVar

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, Record
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    ResultFailedError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.errors import ConfigError, InvalidInput, NotFound, StoreUnavailable
from graph.models import (
    AddResult,
    Agreement,
    Article,
    Claim,
    Country,
    EntityKind,
    EvidenceItem,
    GraphExport,
    Node,
    Relation,
    RelationType,
    Stats,
    Status,
    Subgraph,
    TimelineBucket,
    triple_key,
)
from graph.settings import Settings
from graph.store import cypher, paths
from graph.store.claims import pause_gc, stamp_claims
from graph.store.neo4j_rows import (
    UNDATED,
    ArticleWrite,
    Params,
    article_ref,
    article_write,
    entity_params,
    kind_or_none,
    node,
    relation_from_row,
    until,
)

T = TypeVar("T")

_EPOCH = date.min
_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}  # not the preview HTTP API
_CONFLICT_RETRIES = 5
_BUSY_RETRIES = 5
_WIPE_BATCH = 10_000
_ALL_TYPES = [t.value for t in RelationType]
_SYMMETRIC = [t.value for t in RelationType if t.symmetric]


class _Duplicate(Exception):
    """Raised inside a write to roll it back: this content is already stored under ``article_id``."""

    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.article_id = article_id


class Neo4jStore:
    """A GraphStore on a Neo4j server (``bolt://`` or ``neo4j://`` URI, single server or cluster)."""

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str,
        database: str = "neo4j",
        timeout: float = 5.0,
        retry_time: float = 3.0,
    ) -> None:
        self._uri, self._database = uri, database
        if uri.split("://", 1)[0] not in _SCHEMES:
            raise ConfigError(f"NEO4J_URI {uri!r} must start with one of {', '.join(sorted(_SCHEMES))}://")
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=timeout,
                connection_acquisition_timeout=2 * timeout,
                max_transaction_retry_time=retry_time,  # retries deadlocks, yet a down server fails fast
            )
        except (ConfigurationError, ValueError) as exc:
            raise ConfigError(f"Invalid NEO4J_URI {uri!r}: {exc}") from None
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jStore:
        if not (settings.neo4j_uri and settings.neo4j_password):
            raise ConfigError("The Neo4j store needs NEO4J_URI and NEO4J_PASSWORD to be set.")
        return cls(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
        )

    # --- plumbing ---------------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._schema_lock, _translated(self._uri):
            if not self._schema_ready:
                for statement in cypher.SCHEMA:
                    self._driver.execute_query(statement, database_=self._database)
                self._schema_ready = True

    def _read(self, query: str, params: Params | None = None) -> list[Record]:
        """One auto-commit read: RUN and PULL in a single round trip, where a managed
        transaction needs a second one for its COMMIT. Reads take no locks, so they have no
        deadlocks to retry; the bookmarks still make them see this driver's own writes."""
        self._ensure_schema()
        with _translated(self._uri):
            session = self._driver.session(
                database=self._database,
                default_access_mode=READ_ACCESS,
                bookmark_manager=self._driver.execute_query_bookmark_manager,
            )
            with session:
                return list(session.run(query, params or {}))

    def _rows(self, query: str, params: Params | None = None) -> list[Any]:
        """The one collected list a query returns (``RETURN collect(...) AS rows``)."""
        records = self._read(query, params)
        return list(records[0]["rows"]) if records else []

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        self._ensure_schema()
        with _translated(self._uri):
            for attempt in itertools.count(1):
                session = self._driver.session(
                    database=self._database, bookmark_manager=self._driver.execute_query_bookmark_manager
                )
                try:
                    with session:
                        return session.execute_write(work)
                except TransientError:
                    # The driver's own retries (kept short so a dead server fails fast) can run
                    # out under heavy lock contention; deadlocks deserve a few more rounds.
                    if attempt >= _BUSY_RETRIES:
                        raise
                    time.sleep(random.uniform(0.05, 0.2) * attempt)
        raise AssertionError("unreachable")

    # --- entities -----------------------------------------------------------------------------
    def upsert_countries(self, countries: Sequence[Country]) -> int:
        return self._upsert(EntityKind.COUNTRY, countries)

    def upsert_agreements(self, agreements: Sequence[Agreement]) -> int:
        return self._upsert(EntityKind.AGREEMENT, agreements)

    def _upsert(self, kind: EntityKind, entities: Sequence[Country] | Sequence[Agreement]) -> int:
        rows = [{"id": e.id, "name": e.name, "data": e.model_dump_json()} for e in entities]
        self._write(partial(_run, cypher.UPSERT_ENTITIES[kind], {"rows": rows}))
        return len(rows)

    def get_country(self, country_id: str) -> Country:
        return Country.model_validate_json(self._entity_data(EntityKind.COUNTRY, country_id))

    def get_agreement(self, agreement_id: str) -> Agreement:
        return Agreement.model_validate_json(self._entity_data(EntityKind.AGREEMENT, agreement_id))

    def _entity_data(self, kind: EntityKind, entity_id: str) -> str:
        records = self._read(cypher.GET_ENTITY[kind], {"id": entity_id})
        if not records:
            raise NotFound(kind.value, entity_id)
        return str(records[0]["data"])

    def find_countries(self) -> list[Country]:
        rows = self._rows(cypher.ALL_ENTITIES[EntityKind.COUNTRY])
        return sorted((Country.model_validate_json(data) for data in rows), key=lambda c: c.id)

    def find_agreements(self) -> list[Agreement]:
        rows = self._rows(cypher.ALL_ENTITIES[EntityKind.AGREEMENT])
        return sorted((Agreement.model_validate_json(data) for data in rows), key=lambda a: a.id)

    def _nodes(self, ids: Sequence[str]) -> dict[str, Node]:
        records = self._read(cypher.NODES, {"ids": list(ids)})
        return {r["id"]: node(r["id"], r["name"], r["agreement"]) for r in records}

    # --- articles and claims ------------------------------------------------------------------
    def add_article(self, article: Article, claims: Sequence[Claim]) -> AddResult:
        with pause_gc():  # as in the embedded store: thousands of small objects, no cycles
            stored = stamp_claims(claims, article)
            work = partial(_add_article, article, stored, article_write(article.id, stored))
        for _ in range(_CONFLICT_RETRIES):
            try:
                self._write(work)
                return AddResult.model_construct(article=article, created=True, claims=stored)
            except _Duplicate as dup:
                article_id = dup.article_id
                return AddResult(
                    article=self.get_article(article_id), created=False, claims=self.get_claims(article_id)
                )
            except (ConstraintError, ResultFailedError) as exc:
                if not _constraint_conflict(exc):
                    raise
                continue  # a concurrent writer committed the same content first: look again
        raise StoreUnavailable(f"Article {article.id!r} kept conflicting with concurrent writes.")

    def get_article(self, article_id: str) -> Article:
        records = self._read(cypher.GET_ARTICLE, {"id": article_id})
        if not records:
            raise NotFound("article", article_id)
        return Article.model_validate_json(records[0]["data"])

    def find_articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        records = self._read(cypher.FIND_ARTICLES, {"limit": limit, "offset": offset})
        return [Article.model_validate_json(r["data"]) for r in records]

    def get_claims(self, article_id: str) -> list[Claim]:
        records = self._read(cypher.GET_CLAIMS, {"id": article_id})
        if not records:
            raise NotFound("article", article_id)
        return [Claim.model_validate_json(data) for data in records[0]["rows"]]

    def delete_article(self, article_id: str) -> None:
        self._write(partial(_delete_article, article_id))

    # --- relations ------------------------------------------------------------------------------
    def find_relations(
        self,
        *,
        predicate: RelationType | None = None,
        subject: str | None = None,
        object: str | None = None,
        status: Status | None = None,
        as_of: date,
    ) -> list[Relation]:
        params: Params = {
            "types": [predicate.value] if predicate else _ALL_TYPES,
            "symmetric": _SYMMETRIC,
            "subject": subject,
            "object": object,
            "status": status.value if status else None,
            "until": until(as_of),
        }
        rows = sorted(self._relation_rows(params), key=lambda row: (row[1], row[0], row[2]))
        return [relation_from_row(row, as_of) for row in rows]

    def _relation_rows(self, params: Params) -> list[Any]:
        """The cheapest query for the filters given: a typed expansion when one end of an
        asymmetric predicate is known, else every edge of the anchor, else every edge."""
        predicate, subject, obj = params["types"], params["subject"], params["object"]
        anchor = subject if subject is not None else obj
        if anchor is None:
            return self._rows(cypher.ALL_RELATIONS, params)
        kind = kind_or_none(anchor)
        if kind is None:
            return []
        if len(predicate) == 1 and predicate[0] not in _SYMMETRIC:
            one = RelationType(predicate[0])
            if obj is not None and kind_or_none(obj) is one.object_kind:
                return self._rows(cypher.RELATIONS_TO[one], params)
            if subject is not None and obj is None:
                return self._rows(cypher.RELATIONS_FROM[one], params)
        return self._rows(cypher.RELATIONS_AROUND[kind], params | {"anchor": anchor})

    def get_evidence(self, subject: str, predicate: RelationType, object: str) -> list[EvidenceItem]:
        ks, _, ko = triple_key(subject, predicate, object)
        records = self._read(cypher.EVIDENCE, {"ks": ks, "ko": ko, "predicate": predicate.value})
        records.sort(key=lambda r: (r["article_id"], r["seq"]))  # storage order, as the embedded store
        items = [
            EvidenceItem(
                claim=Claim.model_validate_json(r["claim"]),
                article=article_ref(Article.model_validate_json(r["article"])),
            )
            for r in records
        ]
        return sorted(items, key=lambda i: (i.claim.effective_date or _EPOCH, i.article.id, i.claim.rule))

    def get_neighbourhood(self, center: str, *, depth: int, as_of: date) -> Subgraph:
        if center not in self._nodes([center]):
            raise NotFound("entity", center)
        live = self.find_relations(as_of=as_of)
        ids = {center} | {r.subject for r in live} | {r.object for r in live}
        nodes = self._nodes(sorted(ids))
        return paths.neighbourhood(center, live, depth, nodes.__getitem__)

    def find_membership_paths(
        self, source: str, target: str, *, max_hops: int, as_of: date
    ) -> list[list[Node]]:
        source_kind, target_kind = kind_or_none(source), kind_or_none(target)
        records: list[Record] = []
        if source_kind and target_kind and source != target and max_hops >= 1:
            query = cypher.MEMBERSHIP_PATHS[(source_kind, target_kind, min(max_hops, cypher.MAX_PATH_HOPS))]
            records = self._read(query, {"source": source, "target": target, "until": until(as_of)})
        if not records:  # no path, or an unknown end: say which
            known = self._nodes([source, target])
            for entity in (source, target):
                if entity not in known:
                    raise NotFound("entity", entity)
            return []
        records.sort(key=lambda r: list(r["ids"]))
        return [
            [node(*fields) for fields in zip(r["ids"], r["names"], r["agreements"], strict=True)]
            for r in records[: paths.MAX_PATHS]
        ]

    # --- aggregates and export ------------------------------------------------------------------
    def get_stats(self, *, as_of: date) -> Stats:
        (counts,) = self._read(cypher.COUNTS)
        in_force = self._read(cypher.IN_FORCE_BY_TYPE, {"types": _ALL_TYPES, "until": until(as_of)})
        by_type = {r["p"]: r["n"] for r in in_force}
        return Stats(
            countries=counts["countries"],
            agreements=counts["agreements"],
            articles=counts["articles"],
            claims=counts["claims"],
            relations={t: by_type.get(t, 0) for t in _ALL_TYPES},
        )

    def get_timeline(
        self, *, predicate: RelationType | None = None, entity: str | None = None
    ) -> list[TimelineBucket]:
        params = {
            "predicate": predicate.value if predicate else None,
            "entity": entity,
            "types": _ALL_TYPES,
            "undated": UNDATED + "|",
        }
        buckets = [
            TimelineBucket(
                period=r["period"],
                predicate=RelationType(r["p"]),
                status=Status(r["status"]),
                count=r["n"],
            )
            for r in self._read(cypher.TIMELINE, params)
        ]
        return sorted(buckets, key=lambda b: (b.period, b.predicate.value, b.status.value))

    def export(self) -> GraphExport:
        articles = [Article.model_validate_json(data) for data in self._rows(cypher.ALL_ARTICLES)]
        claims = sorted(self._rows(cypher.ALL_CLAIMS))  # [article_id, seq, data]: storage order
        return GraphExport(
            countries=self.find_countries(),
            agreements=self.find_agreements(),
            articles=sorted(articles, key=lambda a: a.id),
            claims=[Claim.model_validate_json(data) for _, _, data in claims],
        )

    # --- maintenance ------------------------------------------------------------------------------
    def ping(self) -> None:
        with _translated(self._uri):
            self._driver.verify_connectivity()
        self._ensure_schema()

    def wipe(self) -> None:
        """Delete every node with one of diplograph's own labels, in batches; nothing else."""
        for label in cypher.OWN_LABELS:
            query = cypher.WIPE[label]
            while self._write(partial(_run_single, query, {"batch": _WIPE_BATCH}))["n"]:
                pass

    def close(self) -> None:
        self._driver.close()


# --- transaction functions (run, and retried, by the driver) ---------------------------------------


def _run(query: str, params: Params, tx: ManagedTransaction) -> None:
    tx.run(query, params).consume()


def _run_single(query: str, params: Params, tx: ManagedTransaction) -> Record:
    return tx.run(query, params).single(strict=True)


def _add_article(article: Article, claims: list[Claim], write: ArticleWrite, tx: ManagedTransaction) -> None:
    wanted = {c.subject for c in claims} | {c.object for c in claims} | {c.about for c in claims if c.about}
    check = tx.run(cypher.CHECK_ARTICLE, entity_params(wanted) | {"hash": article.content_hash})
    found = check.single(strict=True)
    if found["duplicate"] is not None:
        raise _Duplicate(found["duplicate"])
    if missing := set(found["missing"]):
        ordered = (e for c in claims for e in (c.subject, c.object, c.about))
        first = next(e for e in ordered if e in missing)
        raise InvalidInput(f"Claim refers to unknown entity {first!r}; seed or upsert it first.")
    params = {"id": article.id, "hash": article.content_hash, "date": article.date, "triples": write.triples}
    upsert = tx.run(cypher.UPSERT_ARTICLE, params | {"data": article.model_dump_json()})
    old = upsert.single(strict=True)
    if old["old"] == article.content_hash:
        raise _Duplicate(article.id)  # a concurrent writer of the same article won
    if old["old"] is not None:
        _drop_claims(tx, article.id, old["old_triples"] or [])
    for statement, statement_params in write.statements:
        tx.run(statement, statement_params).consume()


def _drop_claims(tx: ManagedTransaction, article_id: str, triples: list[str]) -> None:
    tx.run(cypher.UNLINK_CLAIMS, {"id": article_id, "triples": triples}).consume()
    tx.run(cypher.DELETE_CLAIMS, {"id": article_id}).consume()


def _delete_article(article_id: str, tx: ManagedTransaction) -> None:
    found = tx.run(cypher.LOCK_EXISTING_ARTICLE, {"id": article_id}).single()
    if found is None:
        raise NotFound("article", article_id)
    _drop_claims(tx, article_id, found["triples"] or [])
    tx.run(cypher.DELETE_ARTICLE, {"id": article_id}).consume()


def _constraint_conflict(exc: BaseException | None) -> bool:
    """A uniqueness constraint hit by a concurrent writer. The driver raises it either as such or,
    when it surfaces while the transaction is rolled back, as a ResultFailedError caused by it."""
    while exc is not None:
        if isinstance(exc, ConstraintError):
            return True
        exc = exc.__cause__
    return False


@contextmanager
def _translated(uri: str) -> Iterator[None]:
    """Driver errors that mean "the server is not there" become StoreUnavailable."""
    try:
        yield
    except AuthError as exc:
        raise StoreUnavailable(f"Neo4j at {uri} rejected the credentials: {exc.message}") from exc
    except (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError) as exc:
        raise StoreUnavailable(f"Neo4j at {uri} cannot be reached: {exc}") from exc
    except TransientError as exc:
        raise StoreUnavailable(f"Neo4j at {uri} is unavailable right now: {exc.message}") from exc
    except ClientError as exc:
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise StoreUnavailable(f"Neo4j at {uri}: {exc.message}") from exc
        raise
