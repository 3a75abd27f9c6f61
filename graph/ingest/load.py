"""Loaders: turn files, bytes or mappings into ``Document`` objects (plain text, forum post, HTML,
JSON/JSONL, RSS/Atom). Every failure is an ``UnreadableInput`` naming the input and the reason."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import UnreadableInput

MAX_BYTES = 10 * 1024 * 1024
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A forum repost: "2025-08-02 Section" / "|" / title / "|" / "[Source] body" ... "Posted by ..."
_FORUM_HEAD = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})[^\n]*\n\|\n([^\n]+)\n\|\n")
_FORUM_SOURCE = re.compile(r"\A\[([^\]\n]{1,80})\]\s*")
_FORUM_TAIL = re.compile(r"\n\|?\s*\n?Posted by ", re.S)


@dataclass(frozen=True)
class Document:
    """One article as loaded: its text plus whatever metadata the input carried."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None


def parse_date(value: object) -> dt.date | None:
    """The first ISO-looking date in a value, or None (feeds and JSON carry many formats)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATE.search(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _opt_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text (BOM tolerated); binary junk and bad encodings are unreadable."""
    if len(data) > MAX_BYTES:
        raise UnreadableInput(source, f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    if b"\x00" in data[:4096]:
        raise UnreadableInput(source, "binary content (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(source, f"not valid UTF-8 (byte {exc.start})") from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise UnreadableInput(source, "binary content (control characters)")
    return text


def from_text(text: str, *, doc_id: str) -> Document:
    """Plain text, recognising the forum-post layout (date, title, [Source] body, comments)."""
    head = _FORUM_HEAD.match(text)
    if not head:
        return Document(id=doc_id, text=text.strip())
    body = text[head.end() :]
    tail = _FORUM_TAIL.search(body)
    if tail:
        body = body[: tail.start()]
    source = None
    tag = _FORUM_SOURCE.match(body)
    if tag:
        source, body = tag[1], body[tag.end() :]
    body = re.sub(r"\n\|\s*$", "", body.rstrip())
    return Document(
        id=doc_id, text=body.strip(), title=head[2].strip(), date=parse_date(head[1]), source=source
    )


def from_html(html: str, *, doc_id: str, source: str = "") -> Document:
    """Main text and metadata through trafilatura (offline; no fetching)."""
    import trafilatura

    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises assorted lxml errors on junk markup
        raise UnreadableInput(source or doc_id, f"HTML could not be parsed ({type(exc).__name__})") from None
    title = getattr(meta, "title", None) if meta else None
    return Document(
        id=doc_id,
        text=(text or "").strip(),
        title=_opt_str(title),
        date=parse_date(getattr(meta, "date", None) if meta else None),
        url=_opt_str(getattr(meta, "url", None) if meta else None),
        source=_opt_str(getattr(meta, "sitename", None) if meta else None),
    )


def document_from_mapping(row: Mapping[str, Any], *, default_id: str) -> Document:
    """A JSON object with ``text`` or ``html`` and optional id, title, date, url, source."""
    if not isinstance(row, Mapping):
        raise UnreadableInput(default_id, "expected a JSON object")
    doc_id = _opt_str(row.get("id")) or default_id
    if isinstance(row.get("text"), str):
        base = from_text(row["text"], doc_id=doc_id)
    elif isinstance(row.get("html"), str):
        base = from_html(row["html"], doc_id=doc_id)
    else:
        raise UnreadableInput(doc_id, "the object has neither a 'text' nor an 'html' string")
    return Document(
        id=doc_id[:200],
        text=base.text,
        title=_opt_str(row.get("title")) or base.title,
        date=parse_date(row.get("date")) or base.date,
        url=_opt_str(row.get("url")) or base.url,
        source=_opt_str(row.get("source")) or base.source,
    )


def from_json(text: str, *, name: str, errors: list[UnreadableInput] | None = None) -> list[Document]:
    """A JSON object, a JSON array of objects, or JSON Lines. With ``errors``, a bad row is recorded
    there and the other rows still load; without it, the first bad row raises."""
    stripped = text.strip()
    try:
        value = json.loads(stripped) if stripped[:1] in "[{" and not _is_jsonl(stripped) else None
    except json.JSONDecodeError:
        value = None
    rows = (
        _jsonl_rows(stripped, name, errors)
        if value is None
        else value
        if isinstance(value, list)
        else [value]
    )
    docs = []
    for i, row in enumerate(rows):
        try:
            docs.append(document_from_mapping(row, default_id=f"{name}-{i + 1}" if len(rows) > 1 else name))
        except UnreadableInput as exc:
            error = UnreadableInput(name, f"row {i + 1}: {exc.reason}")
            if errors is None:
                raise error from None
            errors.append(error)
    return docs


def _is_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    return "\n" in text and first.startswith("{") and first.endswith("}")


def _jsonl_rows(text: str, name: str, errors: list[UnreadableInput] | None) -> list[Any]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                error = UnreadableInput(name, f"malformed JSON on line {n}: {exc.msg}")
                if errors is None:
                    raise error from None
                errors.append(error)
    return rows


def from_feed(text: str, *, name: str) -> list[Document]:
    """Each RSS/Atom entry becomes an article (its content or summary, HTML stripped)."""
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise UnreadableInput(name, "malformed feed")
    docs = []
    for i, entry in enumerate(parsed.entries):
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        doc_id = _opt_str(entry.get("id")) or f"{name}-{i + 1}"
        text = from_html(f"<html><body><article>{body}</article></body></html>", doc_id=doc_id).text
        docs.append(
            Document(
                id=doc_id[:200],
                text=text or _strip_tags(body),
                title=_opt_str(entry.get("title")),
                date=parse_date(entry.get("published") or entry.get("updated")),
                url=_opt_str(entry.get("link")),
                source=_opt_str(parsed.feed.get("title")),
            )
        )
    return docs


def _strip_tags(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def sniff(text: str, suffix: str) -> str:
    """The format of an input from its extension, else from its first characters."""
    head = text.lstrip()[:200].lower()
    if suffix in {".json", ".jsonl", ".ndjson"} or (head[:1] != "" and head[:1] in "[{"):
        return "json"
    if suffix in {".rss", ".atom", ".xml"} or head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "feed"
    if suffix in {".html", ".htm"} or head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    return "text"


def load_bytes(
    data: bytes, *, name: str, suffix: str = "", errors: list[UnreadableInput] | None = None
) -> list[Document]:
    """Every article in one input given as bytes (``name`` is the id stem and the error label).
    With ``errors``, bad rows of a JSON Lines input are collected there instead of raised."""
    text = decode(data, name)
    kind = sniff(text, suffix.lower())
    if kind == "json":
        return from_json(text, name=name, errors=errors)
    if kind == "feed":
        return from_feed(text, name=name)
    if kind == "html":
        return [from_html(text, doc_id=name, source=name)]
    return [from_text(text, doc_id=name)]


def load_path(path: Path, errors: list[UnreadableInput] | None = None) -> list[Document]:
    """Every article in one file; unreadable files raise ``UnreadableInput`` (bad rows of a JSON
    Lines file go to ``errors`` when it is given)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInput(str(path), f"larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or type(exc).__name__) from None
    row_errors: list[UnreadableInput] = []
    try:
        docs = load_bytes(
            data, name=path.stem, suffix=path.suffix, errors=None if errors is None else row_errors
        )
    except UnreadableInput as exc:
        raise UnreadableInput(str(path), exc.reason) from None
    if errors is not None:
        errors.extend(UnreadableInput(str(path), e.reason) for e in row_errors)
    return docs


def iter_inputs(paths: list[Path]) -> Iterator[Path]:
    """Files named directly, and the files inside folders named (sorted, for determinism)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path
