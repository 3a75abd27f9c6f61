"""Searching the folded text (``fastre.fold``) with ``fastre.lowered`` patterns finds exactly what
the same patterns with IGNORECASE find in the original text."""

from __future__ import annotations

import re
import string
import sys

import pytest

from graph.ingest import fastre, pipeline, relations, triggers  # noqa: F401 - they define lowered patterns
from tests.unit.random_text import random_texts

pytestmark = pytest.mark.unit

_VOCABULARY = (
    "the France recognised recognition would not have talks in at on since after before but when; "
    "— – of Monday 2019 21 September said was were ties restored cut withdrew joined member NATO "
    "ſince KOSOVO İf ıf \u212aosovo “quoted” it’s de-recognised re-established is recognised by "
    "signed applied to join same suit follow lead also as do did has done Straße ΟΔΟΣ"
)


def _texts(count: int) -> list[str]:
    return random_texts(_VOCABULARY, count, seed=3, words=(1, 25), upper=0.2)


def test_fold_agrees_with_the_regex_engine_on_every_character() -> None:
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    folded = fastre.fold(every)
    assert len(folded) == len(every)
    for letter in string.ascii_lowercase:
        by_re = {m.start() for m in re.finditer(letter, every, re.I)}
        by_fold = {m.start() for m in re.finditer(letter, folded)}
        assert by_re == by_fold, letter
    for cls in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(cls, every)] == [m.start() for m in re.finditer(cls, folded)]


def test_lowered_patterns_find_what_ignorecase_finds() -> None:
    assert len(fastre.LOWERED) >= 2
    for pattern in fastre.LOWERED:
        plain = re.compile(pattern.pattern, pattern.flags | re.I)
        for text in _texts(800):
            low = fastre.fold(text)
            for pos, endpos in ((0, len(text)), (3, len(text)), (2, len(text) // 2)):
                want = [m.span() for m in plain.finditer(text, pos, endpos)]
                assert [m.span() for m in pattern.finditer(low, pos, endpos)] == want, (pattern.pattern, text)


def test_lowered_rejects_upper_case_letters() -> None:
    with pytest.raises(ValueError):
        fastre.lowered(r"\bthe\s+[A-Z]")
    with pytest.raises(ValueError):
        fastre.lowered(r"[0-`]")  # a range that holds A-Z but not a-z
    assert fastre.lowered(r"\b(?:it|they)\s+[a-z\d]+").pattern
