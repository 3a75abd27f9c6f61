"""The speed-ups of the extractor match exactly what the plain patterns match.

``fastre.Scanner`` must find the same matches as ``re`` (its case folding is checked against the
regex engine itself); the trigger finder must return what the full trigger alternation returns
when tried at every head word.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from graph.ingest import cues, dates, fastre, mentions, pipeline, recognition, relations, resolve, triggers
from tests.unit.random_text import random_texts

pytestmark = pytest.mark.unit

_VOCABULARY = (
    "the France Kosovo recognised recognition would not never have could will talks in at on since "
    "after before but when; — – hosted by mediated of Monday 2019 21 September reported claims denied "
    "sources according to false if unless without once said was were ties relations restored cut "
    "withdrew from joined member NATO UN U.S. ſince KOSOVO İf ıf Kelvin \u212aosovo “quoted” it’s "
    "de-recognised re-established is recognised by signed accession applied to join"
)


def _texts(count: int = 1500) -> list[str]:
    return random_texts(_VOCABULARY, count, seed=11, words=(1, 30), upper=0.15)


def _scanners() -> list[fastre.Scanner]:
    found = []
    for module in (cues, dates, pipeline, resolve, relations, recognition):
        found += [v for v in vars(module).values() if isinstance(v, fastre.Scanner)]
    return found


def test_scanners_are_used_and_mostly_skip() -> None:
    scanners = _scanners()
    assert len(scanners) >= 10
    assert sum(s._skip is not None for s in scanners) >= len(scanners) - 1


@pytest.mark.parametrize("scanner", _scanners(), ids=lambda s: s.pattern[:30])
def test_scanner_finds_what_re_finds(scanner: fastre.Scanner) -> None:
    plain = scanner.regex
    for text in _texts():
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos, endpos in ((3, len(text)), (0, len(text) // 2), (5, 40)):
            got, want = scanner.search(text, pos, endpos), plain.search(text, pos, endpos)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_case_folding_matches_the_regex_engine() -> None:
    """Every character that re.IGNORECASE lets match a first character is in the skip class."""
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    folds: dict[str, set[str]] = {}
    for scanner in _scanners():
        if scanner._skip is None or not scanner.flags & re.IGNORECASE:
            continue
        raw = fastre.first_chars(scanner.pattern)  # the same pattern read case-sensitively
        folded = fastre.first_chars(scanner.pattern, scanner.flags)
        assert raw is not None and folded is not None
        for ch in raw - {r"\d", r"\s", r"\w"}:
            if ch not in folds:
                folds[ch] = set(re.compile(re.escape(ch), re.I).findall(every))
            assert folds[ch] <= folded, ch


def test_unbounded_patterns_are_left_alone() -> None:
    assert fastre.first_chars(r".+ly") is None
    assert fastre.first_chars(r"[^a]b") is None
    assert fastre.first_chars(r"\b(?:\d+|x)") == frozenset({r"\d", "x"})
    assert fastre.first_chars(r"(?:a|)b?") is None  # can match the empty string
    assert fastre.first_chars(r"\bab|c", re.I) == frozenset("aAcC")
    assert fastre.first_chars(r"(?:is|was)\b", re.I) == frozenset("iIwW\u0130\u0131")


def test_triggers_match_the_full_alternation_at_every_head() -> None:
    for text in _texts(600):
        want = []
        pos = 0
        for head in triggers._HEAD.finditer(text):
            if head.start() < pos:
                continue
            m = triggers.TRIGGERS.match(text, head.start())
            if m and m.end() > m.start():
                want.append((m.span(), m.lastgroup))
                pos = m.end()
        got = [(m.span(), m.lastgroup) for m in triggers.find_triggers(text, 0, len(text))]
        assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "Norway is not part of the European Union.",
        "Montenegro and Kosovo, which are part of NATO, were recognised by Chile.",
        "Kosovo was a member of nothing; Taiwan has been recognised by Palau.",
        "Having diplomatic ties, a member state is no longer outside NATO.",
    ],
)
def test_frequent_word_shortcuts_match_the_full_alternation(text: str) -> None:
    """The words with a family table of their own ("is", "have", "a", ...) find what every family finds."""
    want = [(m.span(), m.lastgroup) for m in _full_triggers(text)]
    assert [(m.span(), m.lastgroup) for m in triggers.find_triggers(text, 0, len(text))] == want


def _full_triggers(text: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    pos = 0
    for head in triggers._HEAD.finditer(text):
        m = triggers.TRIGGERS.match(text, head.start())
        if head.start() >= pos and m and m.end() > m.start():
            found.append(m)
            pos = m.end()
    return found


@pytest.mark.parametrize(
    ("tail", "full"),
    [(resolve._VENUE_TAIL, resolve._VENUE), (resolve._MEDIATOR_TAIL, resolve._MEDIATOR_BEFORE)],
    ids=["venue", "mediator"],
)
def test_reversed_tails_accept_whatever_the_full_pattern_accepts(tail: re.Pattern[str], full: object) -> None:
    assert isinstance(full, fastre.Scanner)
    words = re.findall(r"[a-z]+", full.pattern) + ["", "X", ",", " ", "  ", "\n", "ſ", "İn", "BY", "The"]
    rng = random.Random(5)
    hits = 0
    for _ in range(40000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 6))]
        text = "".join(p + rng.choice([" ", "", "  ", ", ", " , "]) for p in parts)
        text = text.upper() if rng.random() < 0.1 else text
        if full.search(text):
            hits += 1
            assert tail.match(text[::-1]), text
    assert hits > 1000


def test_head_tables_find_what_every_family_finds() -> None:
    """Each head tries only the families that can start with it: on texts made of the families' own
    words the trigger finder still returns what the full alternation returns. (Not the words with a
    table of their own: "with member" is an ordinal "...th member" to the full alternation.)"""
    words = {w for _, p in triggers.FAMILIES for w in re.findall(r"[a-z]{2,}", p)} - set(triggers._FAST)
    vocabulary = " ".join(sorted(words)) + " the its of to France Kosovo , . ; ſ İ \u212a - re- de-"
    for text in random_texts(vocabulary, 4000, seed=3, words=(2, 16), upper=0.1):
        want = [(m.span(), m.lastgroup) for m in _full_triggers(text)]
        assert [(m.span(), m.lastgroup) for m in triggers.find_triggers(text, 0, len(text))] == want


def test_starts_read_from_a_pattern() -> None:
    parsed = triggers._PARSER.parse(r"\b(?:re-?)?recogni[sz]e", re.I)
    assert {s for s, _ in triggers._starts(parsed)} == {"re-r", "rere", "reco"}
    # ("talks on Turkish membership" starts an accession trigger too)
    expected = ["ties_process", "accession", "member_noun", "negotiate"]
    assert list(triggers._BY_HEAD["talks"].groupindex) == expected


def test_whole_word_heads_look_ahead_for_every_trigger_of_theirs() -> None:
    """A frequent word whose head looks ahead ("is", "with", "a", ...) is still found wherever the
    families tried at it match (written for the families of today: a new branch starting with one
    of these words needs its word in ``_AHEAD``)."""
    texts = [
        "a party, and", "no longer a member", "No longer be a member", "with no diplomatic relations between",
        "with still no relations between", "With an embassy in", "is widely recognised by", "is not part of",
        "are now a part of", "was formally accepted as a state by", "were recognized by",
        "been recognised by", "being still not yet recognised as the state by", "with member states",
    ]
    for word in triggers._AHEAD:
        own = sorted(set(re.findall(r"[a-z]+", triggers._FAST[word].pattern)))  # the words its families read
        vocabulary = " ".join(own) + " the of to its widely France , . ; ſ İ"
        texts += [f"{word} {tail}" for tail in random_texts(vocabulary, 4000, seed=len(word), words=(1, 5))]
    hits = 0
    for text in texts:
        word = text.split()[0].lower()
        m = triggers._FAST[word].match(text)
        if m and m.end() > m.start():
            hits += 1
            head = triggers._HEAD_FOLDED.match(fastre.fold(text))
            assert head is not None and head.group() == word, text
    assert hits > 30


def test_described_agreements_are_found_where_the_full_pattern_finds_them() -> None:
    """The "the ... bloc" descriptions are looked for only after a "the" with a head noun ahead."""
    vocabulary = (
        "the The THE tHe bathe x-the of its regional Soviet-led East African 35-member body bloc Bloc "
        "alliance organisation organization grouping pact club blocs bloc's body- ’s 's - France NATO ſ "
        "impact nobody " + "x" * 90 + " " + "Long-" * 30
    )
    texts = random_texts(vocabulary, 6000, seed=7, words=(2, 14), upper=0.05)
    hits = 0
    for text in texts:
        want = [m.span() for m in mentions._DESCRIBED_AGREEMENT.finditer(text)]
        assert [m.span() for m in mentions._described_matches(text)] == want, text
        hits += bool(want)
    assert hits > 200


@pytest.mark.parametrize("surname", ["Kim", "Sargsyan", "Al-Sisi", "O'Neill", "-ov", "Jr."])
def test_surname_pattern_finds_what_the_word_boundary_pattern_finds(surname: str) -> None:
    plain = re.compile(rf"\b{re.escape(surname)}\b(?![\s-]+[A-Z])")
    vocabulary = f"{surname} {surname}s x{surname} {surname}-{surname} said Jong-un - Aliyev . KIM ov"
    hits = 0
    for text in random_texts(vocabulary, 3000, seed=len(surname), words=(1, 10), upper=0.05):
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in mentions._surname_pattern(surname).finditer(text)] == want, text
        hits += len(want)
    assert hits > 500


def test_first_character_pretests_accept_whatever_the_pattern_accepts() -> None:
    """_flags tries _MEDIATOR_AFTER and _POSSESSIVE only after a cheap test of the first characters."""
    words = re.findall(r"[a-z]+", resolve._MEDIATOR_AFTER.pattern) + ["'", "’", "s", "X", "ſerving"]
    rng = random.Random(9)
    hits = 0
    for _ in range(20000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 3))]
        lead = rng.choice(["", " ", "\n", "\xa0", "-", " - ", ",", ", ", "'", "’"])
        text = lead + "".join(p + rng.choice([" ", "", "  "]) for p in parts)
        text = text.upper() if rng.random() < 0.1 else text
        if resolve._MEDIATOR_AFTER.match(text):
            hits += 1
            assert text.lstrip()[:1] in resolve._MEDIATOR_AFTER_FIRST, text
        if resolve._POSSESSIVE.match(text):
            assert text[:1] in resolve._APOSTROPHES, text
    assert hits > 200


def _triggers_from_every_word_start(text: str, start: int, end: int) -> list[re.Match[str]]:
    """find_triggers as it was written over _HEAD_FOLDED.finditer (the reference)."""
    found: list[re.Match[str]] = []
    pos = start
    for head in triggers._HEAD_FOLDED.finditer(fastre.fold(text), start, end):
        at, word = head.start(), head.group()
        if at < pos:
            continue
        pattern = triggers._BY_HEAD[word]
        if word in triggers._FAST_HEADS:
            whole = triggers._WORD.match(text, at)
            if whole:
                pattern = triggers._FAST.get(whole.group().lower(), pattern)
        m = pattern.match(text, at, end)
        if m and m.end() > m.start():
            found.append(m)
            pos = m.end()
    return found


def test_heads_after_non_word_characters_are_the_word_start_heads() -> None:
    """The heads found after non-word characters give what a scan of every word start gives, in any
    part of a text (overlapping heads such as "re-" then "recogn" included)."""
    words = {w for _, p in triggers.FAMILIES for w in re.findall(r"[a-z]{2,}", p)} - set(triggers._FAST)
    extra = " is was a with no re- de-recognised co-chaired xre France , . ; ſ İ"
    vocabulary = " ".join(sorted(words)) + extra
    rng = random.Random(4)
    for text in random_texts(vocabulary, 3000, seed=8, words=(1, 16), upper=0.1):
        for start, end in ((0, len(text)), (rng.randint(0, len(text)), len(text)), (1, len(text) // 2)):
            want = [(m.span(), m.lastgroup) for m in _triggers_from_every_word_start(text, start, end)]
            assert [(m.span(), m.lastgroup) for m in triggers.find_triggers(text, start, end)] == want, text
