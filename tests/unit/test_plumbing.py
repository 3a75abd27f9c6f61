"""The cheaper plumbing of the extractor gives what the plain versions it replaced gave.

Each test keeps a short reference implementation (the straightforward version) and compares it
with the module's on random texts built to hit the edge cases (abbreviations, runs of
punctuation and whitespace, non-ASCII spaces and digits).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import sys
import unicodedata

import pytest

from graph.ingest import dates, pipeline, select, sentences
from graph.ingest.load import Document
from graph.ingest.rulebase import Raw
from graph.models import Claim, Evidence, RelationType, Status
from scripts.bench_extract import make_article
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
    last_word = re.compile(r"(?<![0-9])([A-Za-z.]+)$")  # (since session 9: not the "s" of "1990s.")

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


_DATE_WORDS = (
    "in on since until before after but when; — – 2019 21 September Sept. May may Monday monday today "
    "yesterday tomorrow tonight last next this week month year coming previous early late mid-July 1st 3rd "
    "Jan. 2020, , which left , who 1995 ٣ ٢٠١٩ 20 19 31 February 29 Feb the France withdrew rejoined "
    "March 2024 mid-2010 Dec 12, 2021 from Sunday's weekend Mayor Marseille"
)


def _reference_event_date(sentence: str, position: int, anchor: dt.date | None) -> dt.date | None:
    """event_date with the whole _DATE pattern on every sentence."""
    best: tuple[int, dt.date] | None = None
    lo, hi = dates._clause_bounds(sentence, position)
    asides = dates._asides(sentence, position) if "," in sentence else []
    for m in dates._DATE.finditer(sentence, lo, hi):
        if any(a <= m.start() < b for a, b in asides):
            continue
        if dates._SINCE.search(sentence, max(0, m.start() - 12), m.start()):
            continue
        value = dates._resolve(m, anchor)
        if value is not None and (best is None or abs((m.start() + m.end()) // 2 - position) < best[0]):
            best = (abs((m.start() + m.end()) // 2 - position), value)
    return best[1] if best else None


def test_dates_scan_only_the_alternatives_a_sentence_can_match() -> None:
    rng = random.Random(8)
    anchors = (None, dt.date(2024, 1, 1), dt.date(2020, 2, 29), dt.date(2023, 12, 31))
    for text in random_texts(_DATE_WORDS, 6000, seed=9, words=(0, 25), upper=0.05, title=0.1):
        scan = dates._SCANNERS[dates._kinds(text)]
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in dates._DATE.finditer(text)]
        position, anchor = rng.randint(0, len(text)), rng.choice(anchors)
        assert dates.event_date(text, position, anchor) == _reference_event_date(text, position, anchor)


def test_claims_made_without_validation_equal_validated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    docs = [
        Document(id=f"d{i}", text=make_article(rng, 300), date=rng.choice([None, dt.date(2024, 3, 1)]))
        for i in range(30)
    ]
    odd = "Kosovo joined NATO. The EU recognised Kosovo. NATO recognised Kosovo."
    docs.append(Document(id="odd", text=odd, date=dt.date(2024, 1, 1)))
    fast = [pipeline.extract_document(doc).claims for doc in docs]
    monkeypatch.setattr(pipeline, "_valid_ids", lambda raw: False)  # every claim through Claim(...)
    slow = [pipeline.extract_document(doc).claims for doc in docs]
    assert sum(map(len, fast)) > 100
    for got, want in zip(fast, slow, strict=True):
        assert got == want
        assert [c.model_dump_json() for c in got] == [c.model_dump_json() for c in want]
        assert all(Claim.model_validate(c.model_dump()) == c for c in got)
        assert all(c.model_fields_set == w.model_fields_set for c, w in zip(got, want, strict=True))


def test_content_hash_normalises_whitespace_as_split_does() -> None:
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace())
    assert sorted(pipeline._SPACES + " ") == sorted(every)
    words = "a b é 日本 e\u0301 x" + "".join(f" {ch}" for ch in every) + " " + every
    for text in random_texts(words, 3000, seed=2, words=(0, 30), glue=(" ", "", "  ", "\n\n", "\t")):
        normal = " ".join(unicodedata.normalize("NFC", text).split())
        assert pipeline.content_hash(text) == hashlib.sha256(normal.encode("utf-8")).hexdigest()


def test_select_orders_claims_by_their_values() -> None:
    rng = random.Random(6)
    countries, agreements = ["FRA", "KOS", "SRB", "USA", "A_B"], ["nato", "eu", "opec"]
    claims = []
    for _ in range(400):
        predicate = rng.choice(list(RelationType))
        subject = rng.choice(countries)
        others = [c for c in countries if c != subject]
        obj = rng.choice(agreements if predicate is RelationType.MEMBER_OF else others)
        claims.append(
            Claim(
                subject=subject, predicate=predicate, object=obj, status=rng.choice(list(Status)),
                event_date=rng.choice([None, dt.date(2020, 5, 1), dt.date(2024, 1, 1)]),
                confidence=rng.choice([0.4, 0.6, 0.8]), rule=rng.choice(["r", "r.background"]),
                evidence=Evidence(sentence="s", start=rng.randint(0, 9), end=10),
                article_date=rng.choice([None, dt.date(2024, 2, 1)]),
            )  # fmt: skip
        )
    for size in (0, 1, 5, 40, 400):
        chosen = claims[:size]
        best: dict[tuple[str, RelationType, str], Claim] = {}
        for c in chosen:
            if c.key not in best or select._preference(c) > select._preference(best[c.key]):
                best[c.key] = c
        want = sorted(best.values(), key=lambda c: (c.subject, c.predicate.value, c.object, c.status.value))
        assert select.select(chosen) == want


def test_ids_taken_as_valid_are_valid() -> None:
    ids = ["KOS", "FRA", "SOMALILAND", "A", "KOS\n", "kos", "nato", "eu_x", "n", "NATO_1", "X" * 41, "é", ""]
    taken = 0
    for subject in ids:
        for obj in ids:
            for predicate in RelationType:
                for about in (None, "nato", "NATO", "a"):
                    raw = Raw(subject, predicate, obj, Status.IN_FORCE, "rule", 0, about)
                    if pipeline._valid_ids(raw):
                        taken += 1
                        evidence = Evidence(sentence="", start=0, end=0)
                        Claim(subject=subject, predicate=predicate, object=obj, status=Status.IN_FORCE,
                              about=about, evidence=evidence, rule="rule")  # fmt: skip
    assert taken > 20
