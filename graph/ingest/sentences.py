"""Sentence splitting and tokenising with character offsets into the article text.

Lines are hard boundaries (headlines, bullets, datelines); inside a line a sentence ends at
. ! ? (plus closing quotes) followed by space and a capital, unless the dot ends an abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+|[^\w\s]")
_MAX_SENTENCE = 2000  # longer runs are cut so that no rule ever sees an unbounded string


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


_LAST_WORD = re.compile(r"([A-Za-z.]+)$")


def _is_abbreviation(line: str, dot: int) -> bool:
    m = _LAST_WORD.search(line, max(0, dot - 12), dot)
    if not m:
        return False
    word = m[1].lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single capital initials ("George W. Bush") but not a final "U.S." that ends a sentence
    return len(word) == 1 and word.isalpha()


def _split_line(line: str, offset: int) -> list[Sentence]:
    out: list[Sentence] = []
    begin = 0
    for m in _END.finditer(line):
        if line[m.start()] == "." and _is_abbreviation(line, m.start()):
            continue
        out.extend(_piece(line, begin, m.end(), offset))
        begin = m.end()
    out.extend(_piece(line, begin, len(line), offset))
    return out


def _piece(line: str, begin: int, end: int, offset: int) -> list[Sentence]:
    while begin < end and line[begin].isspace():
        begin += 1
    while end > begin and line[end - 1].isspace():
        end -= 1
    pieces = []
    for s in range(begin, end, _MAX_SENTENCE):
        e = min(end, s + _MAX_SENTENCE)
        pieces.append(Sentence(offset + s, offset + e, line[s:e]))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with ``start``/``end`` offsets such that ``text[start:end] == sentence.text``."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        if line[0].strip():
            out.extend(_split_line(line[0], line.start()))
    return [s for s in out if any(ch.isalnum() for ch in s.text)]


def tokenize(text: str) -> list[str]:
    """Word and punctuation tokens (the benchmark's reference pass uses this too)."""
    return TOKEN.findall(text)
