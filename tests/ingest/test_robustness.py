"""Property-based robustness: any text, empty input, huge bodies and binary junk go through the
loaders and the extractor without a crash or a hang: a typed error or an (empty) result."""

from __future__ import annotations

import contextlib
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import UnreadableInput
from graph.ingest.load import Document, load_bytes
from graph.ingest.pipeline import extract_document

pytestmark = pytest.mark.ingest

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "Israel",
    "recognised",
    "Kosovo",
    "and",
    "the",
    "EU",
    "joined",
    "NATO",
    "talks",
    "with",
    "not",
    "will",
    "Saudi Arabia",
    ",",
    ".",
    "the kingdom",
    "cut ties",
    "between",
    "US-mediated",
    "withdrew from",
    "\n",
    "the two countries",
    "“",
    "”",
    "—",
    "-",
    "(",
    ")",
    "'s",
    "Taiwan",
    "switched to",
    "Beijing",
]


def _extract(text: str) -> list[object]:
    return list(extract_document(Document(id="t", text=text)).claims)


@FAST
@given(st.text(max_size=3000))
def test_any_unicode_text_extracts_without_error(text: str) -> None:
    for claim in extract_document(Document(id="t", text=text)).claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.sentence


@FAST
@given(st.lists(st.sampled_from(WORDS), max_size=120))
def test_word_salad_of_trigger_words_never_crashes(words: list[str]) -> None:
    text = " ".join(words)
    for claim in extract_document(Document(id="t", text=text)).claims:
        assert claim.subject != claim.object


@FAST
@given(st.binary(max_size=4000))
def test_binary_junk_gives_documents_or_a_typed_error(data: bytes) -> None:
    try:
        docs = load_bytes(data, name="junk")
    except UnreadableInput as exc:
        assert "junk" in str(exc)
        return
    for doc in docs:
        extract_document(doc)


@FAST
@given(st.binary(max_size=400), st.sampled_from([".json", ".jsonl", ".html", ".rss", ".txt", ""]))
def test_junk_under_every_format_gives_documents_or_a_typed_error(data: bytes, suffix: str) -> None:
    with contextlib.suppress(UnreadableInput):
        load_bytes(data, name="junk", suffix=suffix)


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=40),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=20,
    )
)
def test_arbitrary_json_values_give_documents_or_a_typed_error(value: object) -> None:
    with contextlib.suppress(UnreadableInput):
        load_bytes(json.dumps(value).encode(), name="j", suffix=".json")


def test_empty_inputs_give_empty_results() -> None:
    assert _extract("") == []
    assert _extract("   \n\n ") == []
    assert load_bytes(b"", name="empty") == [Document(id="empty", text="")]


def test_five_megabyte_body_finishes_quickly() -> None:
    sentence = (
        "Officials from Canada, France and the United Kingdom met in Geneva on Monday, and Israel said "
        "it would not recognise the new state without talks between the two countries. "
    )
    text = sentence * (5 * 1024 * 1024 // len(sentence))
    started = time.perf_counter()
    claims = _extract(text)
    assert time.perf_counter() - started < 250
    assert all(c.evidence.end <= len(text) for c in claims)


def test_one_five_megabyte_line_without_punctuation_finishes() -> None:
    text = ("Kosovo and Serbia talks with NATO " * 160_000)[: 5 * 1024 * 1024]
    started = time.perf_counter()
    _extract(text)
    assert time.perf_counter() - started < 250
