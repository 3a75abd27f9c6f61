"""The founding article: the real extractor must find all 16 required facts and nothing spurious.

The article and its gold live in ../shared/seeds; scoring goes through the shared scorer, loaded
from ../shared/eval/score.py so that the test and the published figures agree.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from graph.ingest.load import load_path
from graph.ingest.pipeline import extract_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "eval" / "score.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _gold(article: Path) -> dict[str, Any]:
    gold_path = article.with_name(article.stem + ".gold.jsonl")
    return json.loads(gold_path.read_text(encoding="utf-8").splitlines()[0])


pytestmark = [
    pytest.mark.ingest,
    pytest.mark.skipif(not SCORER.exists(), reason="../shared is not available"),
]


@pytest.mark.parametrize("article", _articles(), ids=lambda p: p.stem)
def test_all_required_facts_and_nothing_spurious(article: Path) -> None:
    gold = _gold(article)
    rows = [extract_document(doc).to_json() for doc in load_path(article)]
    scores, errors = _scorer().score([gold], rows)
    required = sum(1 for f in gold["facts"] if not f.get("optional"))
    assert scores["status"]["tp"] == required, errors
    assert scores["status"]["fp"] == 0, errors
    assert scores["triple"]["fp"] == 0, errors


@pytest.mark.parametrize("article", _articles(), ids=lambda p: p.stem)
def test_output_is_deterministic(article: Path) -> None:
    first = [json.dumps(extract_document(d).to_json(), sort_keys=True) for d in load_path(article)]
    second = [json.dumps(extract_document(d).to_json(), sort_keys=True) for d in load_path(article)]
    assert first == second


@pytest.mark.parametrize("article", _articles(), ids=lambda p: p.stem)
def test_evidence_offsets_point_into_the_text(article: Path) -> None:
    for doc in load_path(article):
        for claim in extract_document(doc).claims:
            ev = claim.evidence
            assert doc.text[ev.start : ev.end] == ev.sentence
            assert claim.rule
