"""Name resolution: what a user types ("israel", "IL", "ISR", "NATO") to a canonical entity.

The lookup tables are built from the store's own entities and cached per store; a miss
rebuilds them (at most once a second) so entities upserted since are found. Unknown names
raise ``NotFound`` with close matches (difflib) as suggestions.
"""

from __future__ import annotations

import difflib
import re
import threading
import time
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.errors import NotFound
from graph.models import COUNTRY_ID, Agreement, Country, EntityKind
from graph.store.base import GraphStore

MAX_NAME = 200  # longer input cannot be a name; also bounds the difflib work
_REFRESH_SECONDS = 60.0  # names change only when the catalog is reseeded
_MISS_REFRESH_SECONDS = 1.0  # a miss may mean a new entity: rebuild, but not on every miss

Entity = Country | Agreement


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", " ", plain.replace("&", " and ")).strip()


@dataclass
class _Names:
    """Lookup tables of one kind of entity, built from the store."""

    by_id: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # normalized name -> id
    display: dict[str, str] = field(default_factory=dict)  # normalized name -> name to suggest

    def add(self, entity: Entity, keys: Iterable[str | None]) -> None:
        self.by_id[entity.id] = entity
        for key in keys:
            norm = normalize(key) if key else ""
            if norm and norm not in self.by_key:  # first (highest-priority) owner keeps a name
                self.by_key[norm] = entity.id
                self.display.setdefault(norm, entity.name)

    def lookup(self, text: str) -> Entity | None:
        found = self.by_id.get(text.strip()) or self.by_id.get(text.strip().upper())
        if found is None:
            entity_id = self.by_key.get(normalize(text))
            found = self.by_id.get(entity_id) if entity_id else None
        return found

    def suggest(self, text: str, n: int = 5) -> list[str]:
        matches = difflib.get_close_matches(normalize(text), list(self.by_key), n=n * 2, cutoff=0.6)
        return list(dict.fromkeys(self.display[m] for m in matches))[:n]


def _country_names(countries: Iterable[Country]) -> _Names:
    names = _Names()
    countries = list(countries)
    # Priority passes: ids and codes first, then names, then aliases and demonyms.
    for c in countries:
        names.add(c, [c.id, c.alpha2])
    for c in countries:
        names.add(c, [c.name, c.official_name])
    for c in countries:
        names.add(c, [*c.aliases, *c.demonyms])
    return names


def _agreement_names(agreements: Iterable[Agreement]) -> _Names:
    names = _Names()
    agreements = list(agreements)
    for a in agreements:
        names.add(a, [a.id, a.id.replace("_", " "), a.name])
    for a in agreements:
        names.add(a, a.aliases)
    return names


@dataclass
class _Index:
    countries: _Names
    agreements: _Names
    built: float
    names: dict[str, str] = field(default_factory=dict)  # id -> display name; a country wins a clash

    def __post_init__(self) -> None:
        for names in (self.agreements, self.countries):
            self.names.update((entity_id, entity.name) for entity_id, entity in names.by_id.items())


_cache: weakref.WeakKeyDictionary[Any, _Index] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def _index(store: GraphStore, *, max_age: float = _REFRESH_SECONDS) -> _Index:
    with _cache_lock:
        cached = _cache.get(store)
    if cached is not None and time.monotonic() - cached.built < max_age:
        return cached
    fresh = _Index(
        _country_names(store.find_countries()), _agreement_names(store.find_agreements()), time.monotonic()
    )
    with _cache_lock:
        _cache[store] = fresh
    return fresh


def invalidate_names(store: GraphStore) -> None:
    """Forget the cached names of ``store`` (call after upserting entities)."""
    with _cache_lock:
        _cache.pop(store, None)


def _resolve(store: GraphStore, text: str, kind: EntityKind) -> Entity | None:
    if not text.strip() or len(text) > MAX_NAME:
        return None
    for max_age in (_REFRESH_SECONDS, _MISS_REFRESH_SECONDS):
        index = _index(store, max_age=max_age)
        names = index.countries if kind is EntityKind.COUNTRY else index.agreements
        found = names.lookup(text)
        if found is not None:
            return found
    return None


def _suggest(store: GraphStore, text: str, kinds: Iterable[EntityKind]) -> list[str]:
    if len(text) > MAX_NAME:
        return []
    index = _index(store)
    out: list[str] = []
    for kind in kinds:
        out += (index.countries if kind is EntityKind.COUNTRY else index.agreements).suggest(text)
    return out[:5]


def resolve_country(store: GraphStore, text: str) -> Country:
    """A country by alpha-3 id, alpha-2 code, name, official name, alias or demonym, any case."""
    found = _resolve(store, text, EntityKind.COUNTRY)
    if isinstance(found, Country):
        return found
    raise NotFound("country", text, _suggest(store, text, [EntityKind.COUNTRY]))


def resolve_agreement(store: GraphStore, text: str) -> Agreement:
    """An agreement by id (``abraham_accords``), name or alias, any case."""
    found = _resolve(store, text, EntityKind.AGREEMENT)
    if isinstance(found, Agreement):
        return found
    raise NotFound("agreement", text, _suggest(store, text, [EntityKind.AGREEMENT]))


def resolve_entity(store: GraphStore, text: str) -> Entity:
    """A country or an agreement; a country wins when a name could be both."""
    for kind in (EntityKind.COUNTRY, EntityKind.AGREEMENT):
        found = _resolve(store, text, kind)
        if found is not None:
            return found
    raise NotFound("entity", text, _suggest(store, text, [EntityKind.COUNTRY, EntityKind.AGREEMENT]))


def entity_name(store: GraphStore, entity_id: str) -> str:
    """The display name of a canonical id (the id itself if the entity is unknown)."""
    index = _index(store)
    for names in (index.countries, index.agreements):
        if entity_id in names.by_id:
            return names.by_id[entity_id].name
    try:
        kind = EntityKind.COUNTRY if COUNTRY_ID.match(entity_id) else EntityKind.AGREEMENT
        return (store.get_country if kind is EntityKind.COUNTRY else store.get_agreement)(entity_id).name
    except NotFound:
        return entity_id


def known_ids(store: GraphStore) -> set[str]:
    """Every entity id the store holds (as of the cached index)."""
    index = _index(store, max_age=_MISS_REFRESH_SECONDS)
    return set(index.countries.by_id) | set(index.agreements.by_id)


def display_names(store: GraphStore) -> dict[str, str]:
    """The display name of every entity id in the cached index (read-only: it is shared)."""
    return _index(store).names


def index_entity(store: GraphStore, entity_id: str) -> Entity | None:
    """The cached entity of a canonical id, or None."""
    index = _index(store)
    return index.countries.by_id.get(entity_id) or index.agreements.by_id.get(entity_id)
