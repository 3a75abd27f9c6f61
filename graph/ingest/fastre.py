"""Faster ``search`` for scanning patterns: jump to the characters a match can start with.

CPython's ``re`` skips ahead by first character only when a pattern begins with a literal or a
case-sensitive character class. A leading ``\\b``, a case-insensitive word list or an
alternation make it run the whole pattern at every position of the text, which is what most
cue patterns of the rules look like. ``Scanner`` wraps such a pattern with a companion that
begins with the (case-folded) set of possible first characters and checks the real pattern by
lookahead from there; ``search`` then re-matches the real pattern at the position found, so the
match object is the real pattern's own, with the same span and groups as a plain ``search``.

``first_chars`` reads the stdlib's parse tree; anything it cannot bound (``.``, a negated class,
a pattern that can match the empty string) leaves the pattern unwrapped.

``fold`` and ``lowered`` are the other way round: fold the text once (per article), then search it
with case-sensitive patterns. ``re`` compares case-insensitively character by character and
cannot use its prefix skips then, so a case-sensitive search of the folded text is several times
cheaper and finds the same spans as the IGNORECASE pattern in the original text.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any

_PARSER: Any = importlib.import_module("re._parser")  # the stdlib's own regex parser (no stubs)
# Classes such as \d stay symbolic in the skip class (re's charset check handles them).
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
# Non-ASCII characters that re.IGNORECASE lets match an ASCII letter (checked by a unit test).
_SPECIAL_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None when unbounded. Members are
    single characters or class escapes such as ``\\d`` (two characters, starting with a backslash)."""
    chars, empty = _first(_PARSER.parse(pattern, flags))
    if chars is None or empty:
        return None
    return _folded(chars) if flags & re.IGNORECASE else frozenset(chars)


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """(first characters or None if unknown, whether the items can match the empty string)."""
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: only narrows where a match starts
        found, empty = _first_of(name, arg)
        if found is None:
            return None, True
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _first_of(name: str, arg: Any) -> tuple[set[str] | None, bool]:
    if name == "LITERAL":
        return {chr(arg)}, False
    if name == "IN":
        return _class(arg), False
    if name == "SUBPATTERN":
        return _first(arg[3])
    if name == "BRANCH":
        chars: set[str] = set()
        nullable = False
        for branch in arg[1]:
            found, empty = _first(branch)
            if found is None:
                return None, True
            chars |= found
            nullable = nullable or empty
        return chars, nullable
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        found, empty = _first(arg[2])
        return found, empty or arg[0] == 0
    return None, True


def _class(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(arg))
        elif name == "RANGE" and arg[1] - arg[0] < 256:
            chars |= {chr(c) for c in range(arg[0], arg[1] + 1)}
        elif name == "CATEGORY" and str(arg) in _CATEGORIES:
            chars.add(_CATEGORIES[str(arg)])
        else:
            return None  # negated classes, wide ranges: not worth bounding
    return chars


def _folded(chars: set[str]) -> frozenset[str] | None:
    """The characters that match ``chars`` case-insensitively (None if that is not known here)."""
    out: set[str] = set()
    for ch in chars:
        low = ch.lower()
        if len(ch) == 2:
            out.add(ch)  # a class escape: the same with or without IGNORECASE
        elif ch.isascii() and ch.isalpha():
            out |= {low, ch.upper(), *_SPECIAL_FOLDS.get(low, "")}
        elif low == ch == ch.upper() and ch.casefold() == ch:
            out.add(ch)  # not a cased character
        else:
            return None
    return frozenset(out)


class Scanner:
    """A compiled pattern whose ``search``/``finditer`` skip to possible first characters."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.regex = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        chars = first_chars(compiled.pattern, compiled.flags)
        self._skip: re.Pattern[str] | None = None
        if chars:
            lead = "".join(c if len(c) == 2 else re.escape(c) for c in sorted(chars))
            # one case-sensitive class to skip by, then "the real pattern matches from the character
            # just consumed" (a one-character lookbehind holding a lookahead)
            self._skip = re.compile(f"(?-i:[{lead}])(?<=(?={compiled.pattern})[\\s\\S])", compiled.flags)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._skip is None:
            return self.regex.search(string, pos, endpos)
        at = self._skip.search(string, pos, endpos)
        return self.regex.match(string, at.start(), endpos) if at else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer`` (the pattern never matches the empty string)."""
        if self._skip is None:
            yield from self.regex.finditer(string, pos, endpos)
            return
        while True:
            m = self.search(string, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end()

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(string, pos, endpos)


def scanner(pattern: str, flags: int = 0) -> Scanner:
    return Scanner(re.compile(pattern, flags))


# Characters that re.IGNORECASE equates with an ASCII letter although str.lower() does not turn
# them into it ("İ".lower() is even two characters); fold maps them to that letter (a unit test
# checks every code point against the regex engine).
_FOLD_SPECIAL = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans(_FOLD_SPECIAL)
LOWERED: list[re.Pattern[str]] = []  # every ``lowered`` pattern, for the tests


def fold(text: str) -> str:
    """``text`` lower-cased, position for position: a ``lowered`` pattern finds in it the spans
    that the same pattern with IGNORECASE finds in ``text``."""
    if not text.isascii() and any(ch in text for ch in _FOLD_SPECIAL):
        text = text.translate(_FOLD_TABLE)
    return text.lower()


def lowered(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled case-sensitively, to search ``fold(text)`` instead of ``text`` with
    IGNORECASE. Its letters must be lower case (an upper-case one could never match)."""
    compiled = re.compile(pattern, flags & ~re.IGNORECASE)
    if any(fold(ch) != ch for ch in _literals(_PARSER.parse(pattern, compiled.flags))):
        raise ValueError(f"lowered() needs a pattern without upper-case letters: {pattern!r}")
    LOWERED.append(compiled)
    return compiled


def _literals(items: Any) -> Iterator[str]:
    """Every literal character of a parsed pattern (every member of a range), at any depth."""
    for item in items:
        if isinstance(item, tuple) and len(item) == 2 and str(item[0]) in ("LITERAL", "NOT_LITERAL"):
            yield chr(item[1])
        elif isinstance(item, tuple) and len(item) == 2 and str(item[0]) == "RANGE":
            yield from map(chr, range(item[1][0], item[1][1] + 1))
        elif isinstance(item, (tuple, list)) or hasattr(item, "data"):
            yield from _literals(item.data if hasattr(item, "data") else item)
