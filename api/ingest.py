"""Posting articles: load, extract (graph.ingest.pipeline) and store, for the single and
batch endpoints alike."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from graph.catalog import load_agreements, load_countries
from graph.errors import InvalidInput
from graph.ingest.pipeline import content_hash, document_from_mapping, extract_document
from graph.models import AddResult
from graph.query import invalidate_names, known_ids
from graph.store.base import GraphStore

MAX_BATCH = 10_000
_PLACEHOLDER = "article"


def ensure_catalog(store: GraphStore) -> bool:
    """Load the country and agreement catalog into an empty store, so that any article's
    claims have their endpoints; ``diplograph seed`` adds the facts. True when it wrote."""
    if store.find_countries():
        return False
    store.upsert_countries(load_countries())
    store.upsert_agreements(load_agreements())
    invalidate_names(store)
    return True


def store_article(store: GraphStore, row: Mapping[str, Any]) -> AddResult:
    """Extract one article (a mapping with ``text`` or ``html``) and store it with its claims.

    Without an id the article is named by its content, so re-posting it is a no-op. Claims
    about entities the store does not hold are left out rather than failing the article.
    """
    doc = document_from_mapping(row, default_id=_PLACEHOLDER)
    if not doc.text.strip():
        raise InvalidInput("The article has no text to extract from.")
    if not row.get("id"):
        doc = dataclasses.replace(doc, id=f"a-{content_hash(doc.text)[:16]}")
    extraction = extract_document(doc)
    known = known_ids(store)
    claims = [
        c for c in extraction.claims
        if c.subject in known and c.object in known and (c.about is None or c.about in known)
    ]
    return store.add_article(extraction.article, claims)


def parse_batch(body: bytes) -> list[Any]:
    """A JSON array of article objects, or JSON Lines (one object per line)."""
    try:
        text = body.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise InvalidInput("The batch is not valid UTF-8.") from None
    if not text:
        raise InvalidInput("The batch is empty: send a JSON array or JSON Lines of articles.")
    if text.startswith("["):
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"The batch is not valid JSON: {exc.msg} at line {exc.lineno}.") from None
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"Line {n} of the batch is not valid JSON: {exc.msg}.") from None
    if not isinstance(rows, list) or not rows:
        raise InvalidInput("The batch holds no articles: send a JSON array or JSON Lines of objects.")
    if len(rows) > MAX_BATCH:
        raise InvalidInput(f"A batch holds at most {MAX_BATCH} articles, got {len(rows)}.")
    return rows
