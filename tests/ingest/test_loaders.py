"""Loaders: every supported format gives documents with the right id, text and metadata, and
every unreadable input raises ``UnreadableInput`` naming the input and the reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graph.errors import UnreadableInput
from graph.ingest import load
from graph.ingest.load import document_from_mapping, load_bytes, load_path
from graph.ingest.pipeline import content_hash, extract_document

pytestmark = pytest.mark.ingest

FORUM = """2024-03-07 Europe
|
Sweden joins the alliance
|
[Wire] Sweden became the 32nd member of NATO on Thursday.
It deposited its documents in Washington.
|
Posted by someone 2024-03-07 2024-03-07 10:00||
E-Mail||
|
12:00 Turkey Trot
11:00 Jordan Almond
"""


def test_plain_text_uses_the_file_name_as_id(tmp_path: Path) -> None:
    path = tmp_path / "note-1.txt"
    path.write_text("Chad and Israel restored diplomatic relations.", encoding="utf-8")
    [doc] = load_path(path)
    assert doc.id == "note-1"
    assert doc.text.startswith("Chad and Israel")
    assert doc.date is None


def test_forum_post_keeps_title_date_source_and_drops_comments() -> None:
    [doc] = load_bytes(FORUM.encode(), name="post")
    assert doc.title == "Sweden joins the alliance"
    assert doc.date == dt.date(2024, 3, 7)
    assert doc.source == "Wire"
    assert doc.text.startswith("Sweden became")
    assert "Posted by" not in doc.text and "Turkey Trot" not in doc.text
    claims = extract_document(doc).claims
    assert {(c.subject, c.object) for c in claims} == {("SWE", "nato")}


def test_jsonl_rows_keep_their_ids_and_metadata() -> None:
    rows = [
        {
            "id": "a",
            "date": "2020-09-15",
            "url": "https://example.org/a",
            "text": "Bahrain joined the accords.",
        },
        {"id": "b", "title": "T", "source": "S", "text": "Nothing here."},
    ]
    data = "\n".join(json.dumps(r) for r in rows).encode()
    docs = load_bytes(data, name="batch", suffix=".jsonl")
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].date == dt.date(2020, 9, 15) and docs[0].url == "https://example.org/a"
    assert docs[1].title == "T" and docs[1].source == "S"


def test_json_array_without_ids_numbers_the_rows() -> None:
    docs = load_bytes(json.dumps([{"text": "one"}, {"text": "two"}]).encode(), name="arr", suffix=".json")
    assert [d.id for d in docs] == ["arr-1", "arr-2"]


def test_json_object_with_html_body() -> None:
    html = "<html><body><article><p>Croatia joined the European Union on Monday.</p></article></body></html>"
    doc = document_from_mapping({"id": "h", "html": html}, default_id="x")
    assert doc.id == "h"
    assert "Croatia joined" in doc.text


def test_html_file_gives_main_text_and_title(tmp_path: Path) -> None:
    body = " ".join(["Montenegro became the 29th member of NATO on Monday after years of preparation."] * 3)
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>Montenegro joins</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Montenegro joins</h1><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    [doc] = load_path(path)
    assert doc.id == "page"
    assert "29th member" in doc.text and "Home | World" not in doc.text
    assert doc.title == "Montenegro joins"


def test_rss_feed_gives_one_document_per_entry() -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
    <item><guid>e1</guid><title>One</title><pubDate>Tue, 05 Jun 2017 10:00:00 GMT</pubDate>
    <description>Montenegro joined NATO.</description><link>https://example.org/1</link></item>
    <item><guid>e2</guid><title>Two</title><description>Nothing to see.</description></item>
    </channel></rss>"""
    docs = load_bytes(feed.encode(), name="feed", suffix=".rss")
    assert [d.id for d in docs] == ["e1", "e2"]
    assert docs[0].title == "One" and docs[0].source == "Desk" and docs[0].url == "https://example.org/1"
    assert "Montenegro joined NATO." in docs[0].text


@pytest.mark.parametrize(
    ("data", "suffix", "reason"),
    [
        (b"\x00\x01\x02binary", ".txt", "binary"),
        (b"caf\xe9 latin-1", ".txt", "UTF-8"),
        (b'{"id": 1, "text": ', ".json", "JSON"),
        (b'{"id": "a", "text": "ok"}\n{broken\n', ".jsonl", "line 2"),
        (b'{"id": "a", "body": "no text"}', ".json", "neither"),
    ],
)
def test_unreadable_inputs_raise_a_typed_error(data: bytes, suffix: str, reason: str) -> None:
    with pytest.raises(UnreadableInput) as info:
        load_bytes(data, name="bad", suffix=suffix)
    assert reason in str(info.value)
    assert "bad" in str(info.value)


def test_oversized_file_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("x" * 200, encoding="utf-8")
    with pytest.raises(UnreadableInput) as info:
        load_path(path)
    assert str(path) in str(info.value) and "limit" in str(info.value)


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput):
        load_path(tmp_path / "nope.txt")


def test_content_hash_ignores_whitespace_differences() -> None:
    assert content_hash("Chad  and\nIsrael") == content_hash("Chad and Israel ")
    assert content_hash("Chad and Israel") != content_hash("Chad and Iran")
