"""The cheaper plumbing of the extractor gives what the plain versions it replaced gave.

Each test keeps a short reference implementation (the straightforward version) and compares it
with the module's on random texts built to hit the edge cases (abbreviations, runs of
punctuation and whitespace, non-ASCII spaces and digits).
"""

from __future__ import annotations

import random
import re

import pytest

from graph.ingest import sentences
from tests.unit.random_text import random_texts

pytestmark = pytest.mark.unit

_SPLIT_WORDS = (
    "Mr. Dr. U.S. u.s. St. Sept. W. A. e.g. No. Corp. settlement. Kosovo France. said ended. "
    "Why? Now! What?! “Quoted.” (Aside.) ... .. 2019. 21 ſt. ıt. _ é. \u00a0 \u2028 \u3000 \t \r "
    "Σ ٣. recognised"
)
_SPLIT_GLUE = (" ", " ", "  ", ". ", "\n", "\n\n", " \n ", "", "! ", "? ", "\t", '." ')


def _reference_split(text: str) -> list[tuple[int, int, str]]:
    """The splitter as first written: every line, every end match, strip by str.isspace."""
    end = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
    last_word = re.compile(r"([A-Za-z.]+)$")

    def abbreviation(line: str, dot: int) -> bool:
        m = last_word.search(line, max(0, dot - 12), dot)
        if not m:
            return False
        word = m[1].lower().rstrip(".")
        return word in sentences._ABBREV or (len(word) == 1 and word.isalpha())

    def piece(line: str, begin: int, stop: int, offset: int) -> list[tuple[int, int, str]]:
        while begin < stop and line[begin].isspace():
            begin += 1
        while stop > begin and line[stop - 1].isspace():
            stop -= 1
        size = sentences._MAX_SENTENCE
        return [
            (offset + s, offset + min(stop, s + size), line[s : min(stop, s + size)])
            for s in range(begin, stop, size)
        ]

    out: list[tuple[int, int, str]] = []
    for line in re.finditer(r"[^\n]+", text):
        begin = 0
        for m in end.finditer(line[0]):
            if line[0][m.start()] == "." and abbreviation(line[0], m.start()):
                continue
            out += piece(line[0], begin, m.end(), line.start())
            begin = m.end()
        out += piece(line[0], begin, len(line[0]), line.start())
    return [s for s in out if any(ch.isalnum() for ch in s[2])]


def _split_texts() -> list[str]:
    texts = random_texts(_SPLIT_WORDS, 3000, seed=5, words=(0, 40), upper=0.1, glue=_SPLIT_GLUE)
    rng = random.Random(3)
    texts += ["x" * rng.randint(1990, 4100) + ". A " + " " * rng.randint(0, 2100) + "b" for _ in range(20)]
    return texts


def test_split_sentences_matches_the_reference() -> None:
    for text in _split_texts():
        got = sentences.split_sentences(text)
        assert [tuple(s) for s in got] == _reference_split(text), text
        assert all(text[s.start : s.end] == s.text for s in got)
