"""Sentence splitting and tokenising with character offsets into the article text.

Lines are hard boundaries (headlines, bullets, datelines); inside a line a sentence ends at
. ! ? (plus closing quotes) followed by space and a capital, unless the dot ends an abbreviation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "prof",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "ft",
        "mt",
        "rev",
        "hon",
    ]
)
_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# A pattern that starts with a repeat makes re try every position of the line; one that starts with
# a class, test every character against it; one that starts with a literal, skip to it by memchr:
# _END_DOT is _END for a line without "!" or "?", which most lines are.
_END_DOT = re.compile(_END.pattern.replace("[.!?][.!?]*", "\\.\\.*", 1))
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts (re's \w is that and "_")
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+|[^\w\s]")
_MAX_SENTENCE = 2000  # longer runs are cut so that no rule ever sees an unbounded string


class Sentence(NamedTuple):
    """A sentence and its offsets in the article (a named tuple: several times cheaper to make
    than a frozen dataclass, and as immutable)."""

    start: int
    end: int
    text: str


_LAST_WORD = re.compile(r"(?<![0-9])([A-Za-z.]+)$")  # (not the "s" of "the 1990s.")


def _is_abbreviation(line: str, dot: int) -> bool:
    if dot > 4 and (last := line[dot - 5 : dot]).isalpha() and last.isascii():
        return False  # a word of five letters or more: longer than every abbreviation
    m = _LAST_WORD.search(line, max(0, dot - 12), dot)
    if not m:
        return False
    word = m[1].lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single capital initials ("George W. Bush") but not a final "U.S." that ends a sentence
    return len(word) == 1 and word.isalpha()


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    begin = 0
    ends = _END if "!" in line or "?" in line else _END_DOT
    for m in ends.finditer(line):
        start, end = m.span()
        if line[start] == "." and _is_abbreviation(line, start):
            continue
        _piece(line[begin:end], offset + begin, out)
        begin = end
    _piece(line[begin:], offset + begin, out)


def _piece(text: str, start: int, out: list[Sentence]) -> None:
    """Add to ``out`` the sentence ``text`` (at ``start``) without its surrounding whitespace; cut
    into pieces if it is too long; nothing if it holds no letter or digit."""
    stripped = text.lstrip()  # (str.strip and str.isspace agree on what whitespace is)
    start += len(text) - len(stripped)
    stripped = stripped.rstrip()
    if len(stripped) <= _MAX_SENTENCE:
        if _ALNUM.search(stripped):
            out.append(Sentence(start, start + len(stripped), stripped))
        return
    for cut in range(0, len(stripped), _MAX_SENTENCE):
        part = stripped[cut : cut + _MAX_SENTENCE]
        if _ALNUM.search(part):
            out.append(Sentence(start + cut, start + cut + len(part), part))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with ``start``/``end`` offsets such that ``text[start:end] == sentence.text``."""
    out: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            _split_line(line, offset, out)
        offset += len(line) + 1
    return out


def tokenize(text: str) -> list[str]:
    """Word and punctuation tokens (the benchmark's reference pass uses this too)."""
    return TOKEN.findall(text)
