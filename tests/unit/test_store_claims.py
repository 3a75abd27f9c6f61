"""The stores' claim helpers: a fast stamp equal to pydantic's copy, one JSON list, GC pause."""

from __future__ import annotations

import gc
import subprocess
import sys
from datetime import date

from graph.models import Article, RelationType, Status
from graph.store.claims import claims_from_json, claims_json, pause_gc, stamp_claims
from tests.contract.factories import claim

R, M = RelationType.RECOGNIZES, RelationType.MEMBER_OF
ARTICLE = Article(id="a1", date=date(2021, 3, 4), content_hash="0" * 64)


def test_stamp_equals_model_copy_and_leaves_the_input_alone() -> None:
    claims = [claim("ARE", R, "ISR", event_date=date(2020, 9, 15)), claim("ARE", M, "oic", Status.ENDED)]
    stamped = stamp_claims(claims, ARTICLE)
    update = {"article_id": "a1", "article_date": date(2021, 3, 4)}
    assert stamped == [c.model_copy(update=update) for c in claims]
    assert [c.model_fields_set for c in stamped] == [
        c.model_copy(update=update).model_fields_set for c in claims
    ]
    assert all(c.article_id == "" and c.article_date is None for c in claims)
    stamped[0].rule = "changed"
    assert claims[0].rule == "test"


def test_claims_json_round_trips() -> None:
    claims = stamp_claims([claim("ARE", R, "ISR"), claim("USA", M, "nato", confidence=0.123456789)], ARTICLE)
    assert claims_from_json(claims_json(claims), ARTICLE) == claims
    assert claims_from_json(claims_json([]), ARTICLE) == []
    assert "article_id" not in claims_json(claims)  # stamped back from the article


_FILED_AS_OLD = """
import gc
from graph.store.claims import pause_gc
assert gc.isenabled() and gc.get_freeze_count() == 0
with pause_gc():
    assert not gc.isenabled()
    made = [[i] for i in range(3)]
assert gc.isenabled()
oldest = {id(o) for o in gc.get_objects(generation=2)}
assert all(id(o) in oldest for o in made)
assert gc.get_freeze_count() == 0
"""


def test_pause_gc_restores_the_collector_and_files_new_objects_as_old() -> None:
    # in a fresh interpreter: other tests (the API app) freeze objects, which pause_gc respects
    done = subprocess.run([sys.executable, "-c", _FILED_AS_OLD], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_pause_gc_leaves_objects_the_process_froze_alone() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with pause_gc():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        with pause_gc():
            pass
        assert not gc.isenabled()  # off before, so left off
    finally:
        gc.enable()
