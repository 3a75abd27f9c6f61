"""Known answers from the seeded graph, asked through the store on every backend."""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import RelationType, Status
from graph.query import members_of, recognized_by
from graph.seed import seed_store
from graph.store.base import GraphStore
from tests.contract.factories import article, claim

NATO_2025 = {
    "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "ITA",
    "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR",
    "GBR", "USA",
}
BRICS_2025 = {"BRA", "RUS", "IND", "CHN", "ZAF", "EGY", "ETH", "IRN", "ARE", "IDN"}


def members(store: GraphStore, org: str, day: date) -> set[str]:
    return {item.id for item in members_of(store, org, as_of=day)}


def recognizers(store: GraphStore, state: str, day: date) -> set[str]:
    return {item.id for item in recognized_by(store, state, as_of=day)}


@pytest.fixture
def seeded(store: GraphStore) -> GraphStore:
    seed_store(store)
    return store


def test_seeding_twice_changes_nothing(store: GraphStore) -> None:
    first = seed_store(store)
    before = store.export()
    second = seed_store(store)
    assert first.created == first.sources and second.created == 0
    assert second.unchanged == second.sources
    after = store.export()
    assert len(after.claims) == len(before.claims) == first.claims
    assert [a.id for a in after.articles] == [a.id for a in before.articles]


def test_abraham_accords_members_early_2021(seeded: GraphStore) -> None:
    assert members(seeded, "abraham_accords", date(2021, 1, 31)) == {"ISR", "ARE", "BHR", "MAR", "SDN"}
    assert members(seeded, "abraham_accords", date(2020, 10, 1)) == {"ISR", "ARE", "BHR"}


def test_nato_had_finland_but_not_sweden_in_april_2023(seeded: GraphStore) -> None:
    nato = members(seeded, "nato", date(2023, 4, 5))
    assert "FIN" in nato and "SWE" not in nato
    assert len(nato) == 31
    assert members(seeded, "nato", date(2025, 12, 1)) == NATO_2025


def test_brics_enlargements(seeded: GraphStore) -> None:
    assert "IDN" in members(seeded, "brics", date(2025, 1, 7))
    assert "IDN" not in members(seeded, "brics", date(2024, 12, 31))
    assert members(seeded, "brics", date(2025, 12, 1)) == BRICS_2025
    assert len(members(seeded, "brics", date(2023, 12, 31))) == 5


def test_saudi_arabia_is_only_invited_to_brics(seeded: GraphStore) -> None:
    found = members_of(seeded, "BRICS", as_of=date(2025, 12, 1), status=None)
    assert {i.id: i.status for i in found}["SAU"] is Status.PROPOSED
    assert {i.id: i.status for i in found}["ARG"] is Status.DENIED


def test_honduras_switched_from_taipei_to_beijing_in_2023(seeded: GraphStore) -> None:
    assert "HND" in recognizers(seeded, "TWN", date(2022, 6, 1))
    assert "HND" not in recognizers(seeded, "TWN", date(2024, 1, 1))
    assert "HND" in recognizers(seeded, "CHN", date(2024, 1, 1))
    assert "HND" not in recognizers(seeded, "CHN", date(2022, 6, 1))


def test_taiwan_has_twelve_allies_at_end_of_2025(seeded: GraphStore) -> None:
    allies = recognizers(seeded, "TWN", date(2025, 12, 1))
    assert len(allies) == 12 and {"PRY", "GTM", "VAT", "SWZ"} <= allies
    assert "NRU" in recognizers(seeded, "TWN", date(2023, 12, 31))
    assert "NRU" not in allies


def test_israel_recognized_by_164_un_members_in_2025(seeded: GraphStore) -> None:
    states = recognizers(seeded, "ISR", date(2025, 8, 1))
    un_members = members(seeded, "united_nations", date(2025, 8, 1))
    assert len(states & un_members) == 164
    assert {"ARE", "BHR", "MAR", "SDN", "EGY", "JOR", "BOL", "COL", "BLZ"} <= states
    assert not {"SAU", "IRN", "PAK", "IDN", "DZA", "CUB", "VEN", "PRK"} & states
    assert "ARE" not in recognizers(seeded, "ISR", date(2020, 1, 1))


def test_palestine_recognition_wave_of_september_2025(seeded: GraphStore) -> None:
    before = recognizers(seeded, "PSE", date(2025, 9, 1))
    after = recognizers(seeded, "PSE", date(2025, 10, 1))
    un_members = members(seeded, "united_nations", date(2025, 10, 1))
    assert len(after & un_members) == 158
    wave = {"GBR", "CAN", "AUS", "PRT", "FRA", "BEL", "LUX", "MLT", "MCO", "AND", "SMR"}
    assert wave <= after
    assert not (wave - {"MLT"}) & before
    assert not {"USA", "DEU", "ITA", "JPN", "ISR", "PAN"} & after
    assert "MEX" in before


def test_un_membership_and_observers(seeded: GraphStore) -> None:
    un = members(seeded, "united_nations", date(2025, 12, 1))
    assert len(un) == 193 and "PSE" not in un and "XKX" not in un
    assert "SSD" not in members(seeded, "united_nations", date(2011, 7, 1))
    assert seeded.get_country("PSE").un_status.value == "observer"
    assert seeded.get_country("FIN").un_admitted == date(1955, 12, 14)


def test_seed_claims_have_evidence_with_their_source(seeded: GraphStore) -> None:
    items = seeded.get_evidence("FIN", RelationType.MEMBER_OF, "nato")
    assert len(items) == 1
    item = items[0]
    assert item.article.id == "seed:nato_members" and item.article.source == "seed"
    assert item.claim.event_date == date(2023, 4, 4)
    assert "since 2023-04-04" in item.claim.evidence.sentence


def test_a_later_news_claim_updates_a_seeded_relation(seeded: GraphStore) -> None:
    news = article("news-sau-isr", date(2030, 3, 1))
    seeded.add_article(news, [claim("SAU", RelationType.RECOGNIZES, "ISR", event_date=date(2030, 2, 27))])
    assert "SAU" not in recognizers(seeded, "ISR", date(2030, 2, 1))
    assert "SAU" in recognizers(seeded, "ISR", date(2030, 3, 1))
    left = article("news-nato-exit", date(2030, 5, 2))
    seeded.add_article(left, [claim("HUN", RelationType.MEMBER_OF, "nato", Status.ENDED,
                                    event_date=date(2030, 5, 1))])
    assert "HUN" in members(seeded, "nato", date(2030, 4, 30))
    assert "HUN" not in members(seeded, "nato", date(2030, 5, 1))
    evidence = seeded.get_evidence("HUN", RelationType.MEMBER_OF, "nato")
    assert [e.article.id for e in evidence] == ["seed:nato_members", "news-nato-exit"]
