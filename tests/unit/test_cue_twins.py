"""The cheap cue tests of cues.py answer exactly what the cue patterns answer.

``cues.found`` reads ASCII windows with a case-sensitive twin of a cue over the lower-cased text;
``cues.may_contain`` is a word test before a pattern, which must never miss a match.
"""

from __future__ import annotations

import re

import pytest

from graph.ingest import cues, recognition, rulebase
from tests.unit.random_text import random_texts

pytestmark = pytest.mark.unit

_VOCABULARY = (
    "the France would have could not never no longer refused will shall plans to could might "
    "consider applied bids if unless without as soon as on condition once first third 21st last "
    "week latest to formally recognise NOT WILL İf ıf ſhall ſaid n't won’t true untrue denied "
    "reportedly according sources claims said is said to SAID\tTO "
    "independence declared declaration of only provided "
    "that , ; - it’s calls for talks on in principle"
)


def _texts(count: int = 3000) -> list[str]:
    glue = (" ", " ", "  ", ", ", "\n", "")
    return random_texts(_VOCABULARY, count, seed=5, words=(0, 12), upper=0.2, title=0.1, glue=glue)


@pytest.mark.parametrize("cue", list(cues._TWINS), ids=lambda c: c.pattern[:30])
def test_twin_finds_what_the_cue_finds(cue: cues.Scanner) -> None:
    twin = cues._TWINS[cue]
    for text in _texts():
        assert cues.found(cue, text) == bool(cue.search(text)), text
        if text.isascii():
            want = [m.span() for m in cue.regex.finditer(text)]
            assert [m.span() for m in twin.finditer(text.lower())] == want, text


def test_grouping_by_first_letter_keeps_the_matches() -> None:
    grouped = cues._by_first_letter(r"\b(?:a|ab|b\w*|x?y|[cd]e|(?:f|g)h)\b")
    assert grouped == r"\b(?:a(?:|b)|b\w*|x?y|[cd]e|(?:f|g)h)\b"
    for text in ("a ab b bz y xy ce de fh gh", "ab", "xyz"):
        assert re.findall(grouped, text) == re.findall(r"\b(?:a|ab|b\w*|x?y|[cd]e|(?:f|g)h)\b", text)


@pytest.mark.parametrize(
    ("pattern", "words", "also"),
    [
        (cues._EITHER, cues._EITHER_WORDS, cues._SAID_TO),
        (recognition._DECLARED, ("independence",), None),
        (rulebase._CONDITION_AFTER, rulebase._CONDITION_WORDS, None),
    ],
    ids=["either", "declared", "condition_after"],
)
def test_word_prefilter_never_misses(
    pattern: cues.Scanner | re.Pattern[str], words: tuple[str, ...], also: re.Pattern[str] | None
) -> None:
    for text in _texts():
        if pattern.search(text):
            assert cues.may_contain(text, words, also), text


def test_any_cue_matches_where_one_of_the_five_does() -> None:
    any_cue, *five = cues._LOWER_ASCII
    for text in _texts():
        if text.isascii():
            low = text.lower()
            assert bool(any_cue.search(low)) == any(p.search(low) for p in five), text
