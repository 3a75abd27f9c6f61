"""The embedded store: NetworkX in memory for traversal, SQLite (WAL) on disk for durability.

Every write is one SQLite transaction, applied to memory only after it commits, so a
``kill -9`` at any moment leaves each article either fully present or absent. On open
the whole graph is read back from SQLite. ``path=None`` keeps SQLite in memory (tests).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from pathlib import Path

import networkx as nx

from graph.derive import TripleHistory
from graph.errors import InvalidInput, NotFound
from graph.models import (
    AddResult,
    Agreement,
    Article,
    ArticleRef,
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
    TripleKey,
    triple_key,
)
from graph.store import paths, walk
from graph.store.aggregate import stats_from, timeline_from
from graph.store.claims import claims_from_json, claims_json, pause_gc, stamp_claims

_SYMMETRIC = frozenset(t for t in RelationType if t.symmetric)

SCHEMA = """
CREATE TABLE IF NOT EXISTS countries (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agreements (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS claim_lists (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
"""
# ``claim_lists`` holds each article's claims as one JSON array, in storage order. ``claims``
# (one row per claim) is the layout of earlier versions: read once on open and moved over.


class EmbeddedStore:
    """A GraphStore held in memory and persisted to ``<data_dir>/graph.sqlite``."""

    def __init__(self, path: Path | None = None) -> None:
        self._lock = threading.RLock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            ":memory:" if path is None else str(path), check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps commits atomic across a crash
        # Checkpoint every 16 MiB of WAL instead of 4: an article's claims are one ~300 KB row,
        # and each checkpoint copies pages back and syncs the file.
        self._db.execute("PRAGMA wal_autocheckpoint=4000")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)
        self._migrate_claim_rows()
        self._countries: dict[str, Country] = {}
        self._agreements: dict[str, Agreement] = {}
        self._articles: dict[str, Article] = {}
        self._by_hash: dict[str, str] = {}
        self._claims: dict[str, list[Claim]] = {}
        self._triples: dict[TripleKey, list[Claim]] = {}
        self._histories: dict[TripleKey, TripleHistory] = {}  # built on first read, dropped on write
        self._graph = nx.MultiDiGraph()
        self._load()

    @classmethod
    def open(cls, data_dir: Path) -> EmbeddedStore:
        return cls(data_dir / "graph.sqlite")

    # --- loading ---------------------------------------------------------------
    def _load(self) -> None:
        with pause_gc():
            self._load_rows()

    def _load_rows(self) -> None:
        for (data,) in self._db.execute("SELECT data FROM countries"):
            self._remember_entity(Country.model_validate_json(data))
        for (data,) in self._db.execute("SELECT data FROM agreements"):
            self._remember_entity(Agreement.model_validate_json(data))
        for (data,) in self._db.execute("SELECT data FROM articles"):
            article = Article.model_validate_json(data)
            self._articles[article.id] = article
            self._by_hash[article.content_hash] = article.id
            self._claims[article.id] = []
        for article_id, data in self._db.execute("SELECT article_id, data FROM claim_lists"):
            self._claims[article_id] = claims_from_json(data, self._articles[article_id])
        for claims in self._claims.values():
            self._index_claims(claims)

    def _migrate_claim_rows(self) -> None:
        """Move claims stored one row each (earlier versions) into one JSON list per article."""
        rows = self._db.execute("SELECT article_id, data FROM claims ORDER BY article_id, seq").fetchall()
        if not rows:
            return
        by_article: dict[str, list[str]] = defaultdict(list)
        for article_id, data in rows:
            by_article[article_id].append(data)
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO claim_lists (article_id, data) VALUES (?, ?)",
                [(article_id, "[" + ",".join(items) + "]") for article_id, items in by_article.items()],
            )
            self._db.execute("DELETE FROM claims")

    def _remember_entity(self, entity: Country | Agreement) -> None:
        if isinstance(entity, Country):
            self._countries[entity.id] = entity
            self._graph.add_node(entity.id, kind=EntityKind.COUNTRY, name=entity.name)
        else:
            self._agreements[entity.id] = entity
            self._graph.add_node(entity.id, kind=EntityKind.AGREEMENT, name=entity.name)

    def _node(self, entity_id: str) -> Node:
        attrs = self._graph.nodes[entity_id]
        return Node(id=entity_id, kind=attrs["kind"], name=attrs["name"])

    # --- entities ----------------------------------------------------------------
    def upsert_countries(self, countries: Sequence[Country]) -> int:
        return self._upsert("countries", countries)

    def upsert_agreements(self, agreements: Sequence[Agreement]) -> int:
        return self._upsert("agreements", agreements)

    def _upsert(self, table: str, entities: Sequence[Country] | Sequence[Agreement]) -> int:
        rows = [(e.id, e.model_dump_json()) for e in entities]
        with self._lock:
            with self._transaction():
                self._db.executemany(
                    f"INSERT INTO {table} (id, data) VALUES (?, ?) "  # table is one of two literals
                    "ON CONFLICT (id) DO UPDATE SET data = excluded.data",
                    rows,
                )
            for entity in entities:
                self._remember_entity(entity)
        return len(rows)

    def get_country(self, country_id: str) -> Country:
        try:
            return self._countries[country_id]
        except KeyError:
            raise NotFound("country", country_id) from None

    def get_agreement(self, agreement_id: str) -> Agreement:
        try:
            return self._agreements[agreement_id]
        except KeyError:
            raise NotFound("agreement", agreement_id) from None

    def find_countries(self) -> list[Country]:
        with self._lock:
            return [self._countries[k] for k in sorted(self._countries)]

    def find_agreements(self) -> list[Agreement]:
        with self._lock:
            return [self._agreements[k] for k in sorted(self._agreements)]

    # --- articles and claims -----------------------------------------------------------
    def add_article(self, article: Article, claims: Sequence[Claim]) -> AddResult:
        with self._lock, pause_gc():
            existing = self._by_hash.get(article.content_hash)
            if existing is not None:
                return AddResult(
                    article=self._articles[existing], created=False, claims=self._claims[existing]
                )
            self._check_endpoints(claims)
            stored = stamp_claims(claims, article)
            with self._transaction():
                self._db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                self._db.execute(
                    "INSERT INTO articles (id, content_hash, data) VALUES (?, ?, ?)",
                    (article.id, article.content_hash, article.model_dump_json()),
                )
                self._db.execute(
                    "INSERT INTO claim_lists (article_id, data) VALUES (?, ?)",
                    (article.id, claims_json(stored)),
                )
            self._forget_article(article.id)
            self._articles[article.id] = article
            self._by_hash[article.content_hash] = article.id
            self._claims[article.id] = stored
            self._index_claims(stored)
            return AddResult.model_construct(article=article, created=True, claims=stored)  # all validated

    def _check_endpoints(self, claims: Sequence[Claim]) -> None:
        known = self._graph.nodes
        wanted = {c.subject for c in claims} | {c.object for c in claims} | {c.about for c in claims}
        if all(e in known for e in wanted if e):
            return
        for claim in claims:  # name the first unknown entity in claim order
            for entity_id in (claim.subject, claim.object, claim.about):
                if entity_id and entity_id not in known:
                    raise InvalidInput(
                        f"Claim refers to unknown entity {entity_id!r}; seed or upsert it first."
                    )

    def get_article(self, article_id: str) -> Article:
        try:
            return self._articles[article_id]
        except KeyError:
            raise NotFound("article", article_id) from None

    def find_articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        with self._lock:
            ordered = sorted(self._articles.values(), key=lambda a: (-(a.date or date.min).toordinal(), a.id))
        return ordered[offset : offset + limit]

    def get_claims(self, article_id: str) -> list[Claim]:
        self.get_article(article_id)
        return list(self._claims[article_id])

    def delete_article(self, article_id: str) -> None:
        with self._lock:
            self.get_article(article_id)
            with self._transaction():
                self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self._forget_article(article_id)

    def _forget_article(self, article_id: str) -> None:
        old = self._articles.pop(article_id, None)
        if old is None:
            return
        self._by_hash.pop(old.content_hash, None)
        removed = self._claims.pop(article_id, [])
        for key in {c.key for c in removed}:
            remaining = [c for c in self._triples.get(key, []) if c.article_id != article_id]
            self._set_triple(key, remaining)

    def _index_claims(self, claims: Iterable[Claim]) -> None:
        # The hot loop of a write: Claim.key and _set_triple inlined. Lists are extended in
        # place (readers copy them under the lock); only new triples touch the graph.
        triples, histories = self._triples, self._histories
        added: list[TripleKey] = []
        for claim in claims:
            subject, predicate, obj = claim.subject, claim.predicate, claim.object
            swap = predicate in _SYMMETRIC and obj < subject  # as graph.models.triple_key
            key = (obj, predicate, subject) if swap else (subject, predicate, obj)
            known = triples.get(key)
            if known is None:
                triples[key] = [claim]
                added.append(key)
            else:
                known.append(claim)
                histories.pop(key, None)
        add_edge = self._graph.add_edge  # add_edges_from costs twice as much per edge
        for subject, predicate, obj in added:
            add_edge(subject, obj, key=predicate)

    def _set_triple(self, key: TripleKey, claims: list[Claim]) -> None:
        subject, predicate, obj = key
        self._histories.pop(key, None)
        if claims:
            if key not in self._triples:
                self._graph.add_edge(subject, obj, key=predicate)
            self._triples[key] = claims
        else:
            self._triples.pop(key, None)
            if self._graph.has_edge(subject, obj, key=predicate):
                self._graph.remove_edge(subject, obj, key=predicate)

    def _history(self, key: TripleKey) -> TripleHistory:
        history = self._histories.get(key)
        if history is None:
            history = self._histories[key] = TripleHistory(key, self._triples[key])
        return history

    def _live(self, as_of: date) -> list[Relation]:
        return [r for k in self._triples if (r := self._history(k).at(as_of)) is not None]

    # --- relations ------------------------------------------------------------------
    def find_relations(
        self,
        *,
        predicate: RelationType | None = None,
        subject: str | None = None,
        object: str | None = None,
        status: Status | None = None,
        as_of: date,
    ) -> list[Relation]:
        with self._lock:
            keys = self._candidate_keys(predicate, subject, object)
            found = [r for k in keys if (r := self._history(k).at(as_of)) is not None]
        return [r for r in found if status is None or r.status is status]

    def _candidate_keys(
        self, predicate: RelationType | None, subject: str | None, obj: str | None
    ) -> list[TripleKey]:
        if subject is not None or obj is not None:
            anchor = subject if subject is not None else obj
            if anchor not in self._graph:
                return []
            edges = list(self._graph.out_edges(anchor, keys=True)) + list(
                self._graph.in_edges(anchor, keys=True)
            )
            keys: Iterable[TripleKey] = {(s, p, o) for s, o, p in edges}
        else:
            keys = self._triples.keys()
        wanted = [k for k in keys if _key_matches(k, predicate, subject, obj)]
        return sorted(wanted, key=_relation_order)

    def get_evidence(self, subject: str, predicate: RelationType, object: str) -> list[EvidenceItem]:
        with self._lock:
            claims = list(self._triples.get(triple_key(subject, predicate, object), []))
            items = [EvidenceItem(claim=c, article=_ref(self._articles[c.article_id])) for c in claims]
        return sorted(items, key=lambda i: (i.claim.effective_date or date.min, i.article.id, i.claim.rule))

    def get_neighbourhood(self, center: str, *, depth: int, as_of: date) -> Subgraph:
        with self._lock:
            if center not in self._graph:
                raise NotFound("entity", center)
            return paths.neighbourhood(center, self._live(as_of), depth, self._node)

    def find_membership_paths(
        self, source: str, target: str, *, max_hops: int, as_of: date
    ) -> list[list[Node]]:
        with self._lock:
            for entity in (source, target):
                if entity not in self._graph:
                    raise NotFound("entity", entity)
            # Only the memberships near the two ends are resolved as of the date.
            members = walk.shortest_path_edges(
                source, target, max_hops, lambda n: self._memberships_in_force(n, as_of)
            )
            return paths.shortest_membership_paths(members, source, target, max_hops, self._node)

    def _memberships_in_force(self, node: str, as_of: date) -> Iterator[str]:
        edges = chain(self._graph.out_edges(node, keys=True), self._graph.in_edges(node, keys=True))
        for s, o, p in edges:
            if p is RelationType.MEMBER_OF:
                relation = self._history((s, p, o)).at(as_of)
                if relation is not None and relation.status is Status.IN_FORCE:
                    yield o if s == node else s

    # --- aggregates and export --------------------------------------------------------
    def get_stats(self, *, as_of: date) -> Stats:
        with self._lock:
            relations = self._live(as_of)
            counts = (
                len(self._countries),
                len(self._agreements),
                len(self._articles),
                sum(len(c) for c in self._claims.values()),
            )
        return stats_from(*counts, relations)

    def get_timeline(
        self, *, predicate: RelationType | None = None, entity: str | None = None
    ) -> list[TimelineBucket]:
        with self._lock:
            claims = [c for cs in self._claims.values() for c in cs]
        return timeline_from(claims, predicate=predicate, entity=entity)

    def export(self) -> GraphExport:
        with self._lock:
            return GraphExport(
                countries=self.find_countries(),
                agreements=self.find_agreements(),
                articles=[self._articles[k] for k in sorted(self._articles)],
                claims=[c for k in sorted(self._claims) for c in self._claims[k]],
            )

    def ping(self) -> None:
        with self._lock:
            self._db.execute("SELECT 1")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- helpers ------------------------------------------------------------------------
    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _relation_order(key: TripleKey) -> tuple[str, str, str]:
    return key[1].value, key[0], key[2]


def _key_matches(
    key: TripleKey, predicate: RelationType | None, subject: str | None, obj: str | None
) -> bool:
    s, p, o = key
    if predicate is not None and p is not predicate:
        return False
    if p.symmetric:
        ends = {s, o}
        return (
            (subject is None or subject in ends)
            and (obj is None or obj in ends)
            and (subject is None or obj is None or subject != obj)
        )
    return (subject is None or s == subject) and (obj is None or o == obj)


def _ref(article: Article) -> ArticleRef:
    return ArticleRef(
        id=article.id, title=article.title, date=article.date, url=article.url, source=article.source
    )
