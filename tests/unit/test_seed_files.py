"""The seed files: every row parses, every id and source resolves, no triple is stated twice."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest

from graph.catalog import SEEDS_DIR, load_agreements, load_countries
from graph.errors import InvalidInput
from graph.models import RelationType, Status, UNStatus
from graph.seed import Fact, build_articles, load_seed, read_sources, to_date

FILES = ["un_status.csv", "recognitions.csv", "memberships.csv"]
REQUIRED_ORGS = [
    "united_nations", "european_union", "nato", "arab_league", "oic", "african_union", "asean", "gcc",
    "brics", "sco", "csto", "cis", "eaeu", "g7", "g20", "opec", "commonwealth", "mercosur", "oas",
    "ecowas", "abraham_accords",
]


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return load_seed()


def test_every_row_loads_and_every_reference_resolves(seed) -> None:  # type: ignore[no-untyped-def]
    # load_seed raises InvalidInput (file:line) on any bad row, unknown id or unknown source.
    assert len(seed.facts) > 900
    assert {c.id for c in seed.countries} >= {c.id for c in load_countries()}
    assert len(seed.agreements) == len(load_agreements())


def test_source_ids_are_unique_and_all_used(seed) -> None:  # type: ignore[no-untyped-def]
    ids = [s.id for s in seed.sources]
    assert len(ids) == len(set(ids))
    used = {f.source for f in seed.facts}
    assert used == set(ids), f"unused sources: {set(ids) - used}"
    assert all(s.url.startswith("https://") for s in seed.sources)


def test_un_status_lists_193_members_and_two_observers(seed) -> None:  # type: ignore[no-untyped-def]
    by_status = Counter(c.un_status for c in seed.countries)
    assert by_status[UNStatus.MEMBER] == 193
    observers = {c.id for c in seed.countries if c.un_status is UNStatus.OBSERVER}
    assert observers == {"PSE", "VAT"}
    assert all(c.un_admitted for c in seed.countries if c.un_status is not UNStatus.NONE)


def test_csv_headers_are_as_documented() -> None:
    expected = {
        "un_status.csv": ["country", "status", "admitted", "source"],
        "recognitions.csv": ["subject", "object", "status", "date", "end", "source"],
        "memberships.csv": ["country", "agreement", "status", "start", "end", "source"],
    }
    for name in FILES:
        with (SEEDS_DIR / name).open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == expected[name]


def _periods(facts: list[Fact]) -> dict[tuple[str, RelationType, str], list[Fact]]:
    out: dict[tuple[str, RelationType, str], list[Fact]] = defaultdict(list)
    for f in facts:
        out[(f.subject, f.predicate, f.object)].append(f)
    return out


def test_no_overlapping_in_force_periods(seed) -> None:  # type: ignore[no-untyped-def]
    for key, facts in _periods(list(seed.facts)).items():
        spans = sorted(
            (to_date(f.start), to_date(f.end) if f.end else date.max)
            for f in facts if f.status is Status.IN_FORCE and f.start
        )
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, f"overlapping in-force periods for {key}"


def test_every_required_organisation_has_members(seed) -> None:  # type: ignore[no-untyped-def]
    members = Counter(f.object for f in seed.facts if f.predicate is RelationType.MEMBER_OF)
    for org in REQUIRED_ORGS:
        assert members[org] >= 3, org


def test_one_article_per_source_with_stable_hash(seed) -> None:  # type: ignore[no-untyped-def]
    first = build_articles(seed)
    again = build_articles(load_seed())
    assert [a.id for a, _ in first] == [f"seed:{s.id}" for s in seed.sources]
    assert [a.content_hash for a, _ in first] == [a.content_hash for a, _ in again]
    for article, claims in first:
        assert article.source == "seed"
        for claim in claims:
            ev = claim.evidence
            assert ev.start == 0 and ev.end == len(ev.sentence) and "(seed:" in ev.sentence
            assert claim.event_date is not None and claim.rule.startswith("seed:")


def _copy_seeds(tmp_path: Path) -> Path:
    for path in SEEDS_DIR.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("FIN,nato,in_force,2023-13-04,,nato_members", "memberships.csv:"),
        ("XXX,nato,in_force,2023-04-04,,nato_members", "unknown country 'XXX'"),
        ("FIN,no_such_org,in_force,2023-04-04,,nato_members", "unknown entity 'no_such_org'"),
        ("FIN,nato,maybe,2023-04-04,,nato_members", "memberships.csv:"),
        ("FIN,nato,in_force,2023-04-04,,nowhere", "source 'nowhere'"),
        ("FIN,nato,in_force,2023-04-04,2020-01-01,nato_members", "before start"),
    ],
)
def test_a_bad_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    seeds = _copy_seeds(tmp_path)
    path = seeds / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, row]) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=message) as info:
        load_seed(seeds)
    assert "memberships.csv:" in str(info.value)
    assert f":{len(lines) + 1}" in str(info.value)


def test_duplicate_source_id_is_rejected(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    text = (seeds / "sources.yaml").read_text(encoding="utf-8")
    first = text[text.index("- id:"):].split("\n- id:")[0]
    (seeds / "sources.yaml").write_text(text + "\n" + first + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="duplicate source ids"):
        read_sources(seeds)
