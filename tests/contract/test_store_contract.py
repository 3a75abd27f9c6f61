"""The store contract: every GraphStore method, run against every backend."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from graph.errors import InvalidInput, NotFound
from graph.models import Country, RelationType, Status
from graph.store.base import GraphStore
from tests.contract.factories import AGREEMENTS, COUNTRIES, article, claim, seed_entities

R, M, N = RelationType.RECOGNIZES, RelationType.MEMBER_OF, RelationType.NEGOTIATING_WITH


@pytest.fixture
def seeded(store: GraphStore) -> GraphStore:
    seed_entities(store)
    return store


def counts(store: GraphStore) -> tuple[int, int, int, int]:
    s = store.get_stats(as_of=date(2100, 1, 1))
    return s.countries, s.agreements, s.articles, s.claims


# --- entities -----------------------------------------------------------------------------


def test_store_satisfies_protocol(store: GraphStore) -> None:
    assert isinstance(store, GraphStore)
    store.ping()


def test_upsert_and_get_entities(seeded: GraphStore) -> None:
    assert seeded.get_country("ARE").aliases == ("UAE",)
    assert seeded.get_agreement("abraham_accords").name == "Abraham Accords"
    assert [c.id for c in seeded.find_countries()] == sorted(c.id for c in COUNTRIES)
    assert [a.id for a in seeded.find_agreements()] == sorted(a.id for a in AGREEMENTS)


def test_upsert_replaces_and_is_idempotent(seeded: GraphStore) -> None:
    seeded.upsert_countries([Country(id="ISR", name="Israel", alpha2="IL", demonyms=("Israeli",))])
    seeded.upsert_countries([Country(id="ISR", name="Israel", alpha2="IL", demonyms=("Israeli",))])
    assert seeded.get_country("ISR").demonyms == ("Israeli",)
    assert counts(seeded)[0] == len(COUNTRIES)


def test_unicode_names_round_trip(seeded: GraphStore) -> None:
    assert seeded.get_country("CIV").name == "Côte d’Ivoire"
    seeded.upsert_countries([Country(id="XKX", name="Kosova — Kosovë ✓", iso=False)])
    assert seeded.get_country("XKX").name == "Kosova — Kosovë ✓"


def test_unknown_entities_raise_not_found(seeded: GraphStore) -> None:
    with pytest.raises(NotFound):
        seeded.get_country("ZZZ")
    with pytest.raises(NotFound):
        seeded.get_agreement("no_such_pact")
    with pytest.raises(NotFound):
        seeded.get_article("missing")


# --- articles and claims --------------------------------------------------------------------


def test_add_article_stores_claims(seeded: GraphStore) -> None:
    result = seeded.add_article(
        article("a1", date(2020, 9, 15)), [claim("ARE", R, "ISR"), claim("ARE", M, "abraham_accords")]
    )
    assert result.created
    assert seeded.get_article("a1").title == "Title a1"
    stored = seeded.get_claims("a1")
    assert [(c.subject, c.predicate, c.object) for c in stored] == [
        ("ARE", R, "ISR"),
        ("ARE", M, "abraham_accords"),
    ]
    assert all(c.article_id == "a1" and c.article_date == date(2020, 9, 15) for c in stored)


def test_same_article_twice_changes_nothing(seeded: GraphStore) -> None:
    claims = [claim("ARE", R, "ISR"), claim("BHR", N, "ISR")]
    seeded.add_article(article("a1", date(2020, 9, 15)), claims)
    before = (counts(seeded), seeded.export())
    again = seeded.add_article(article("a1", date(2020, 9, 15)), claims)
    assert not again.created and again.article.id == "a1"
    same_text_other_id = seeded.add_article(article("a2", date(2020, 9, 15), text="text of a1"), claims)
    assert not same_text_other_id.created and same_text_other_id.article.id == "a1"
    assert (counts(seeded), seeded.export()) == before


def test_same_id_new_content_replaces_claims(seeded: GraphStore) -> None:
    seeded.add_article(article("a1", date(2020, 1, 1), text="v1"), [claim("ARE", R, "ISR")])
    seeded.add_article(article("a1", date(2020, 1, 1), text="v2"), [claim("BHR", R, "ISR")])
    assert [c.subject for c in seeded.get_claims("a1")] == ["BHR"]
    subjects = [r.subject for r in seeded.find_relations(predicate=R, object="ISR", as_of=date(2021, 1, 1))]
    assert subjects == ["BHR"]


def test_failed_write_leaves_nothing(seeded: GraphStore) -> None:
    before = counts(seeded)
    with pytest.raises(InvalidInput):
        seeded.add_article(article("bad", date(2020, 1, 1)), [claim("ARE", R, "ISR"), claim("ARE", R, "ZZZ")])
    assert counts(seeded) == before
    with pytest.raises(NotFound):
        seeded.get_article("bad")
    assert seeded.find_relations(as_of=date(2100, 1, 1)) == []


def test_find_articles_newest_first(seeded: GraphStore) -> None:
    for i, day in enumerate([date(2020, 1, 1), date(2022, 1, 1), date(2021, 1, 1)]):
        seeded.add_article(article(f"a{i}", day), [])
    assert [a.id for a in seeded.find_articles()] == ["a1", "a2", "a0"]
    assert [a.id for a in seeded.find_articles(limit=1, offset=1)] == ["a2"]


def test_delete_article_removes_claims_and_relations(seeded: GraphStore) -> None:
    seeded.add_article(article("old", date(2019, 1, 1)), [claim("HND", R, "TWN")])
    seeded.add_article(article("new", date(2023, 3, 26)), [claim("HND", R, "TWN", Status.ENDED)])
    assert seeded.find_relations(subject="HND", as_of=date(2024, 1, 1))[0].status is Status.ENDED
    seeded.delete_article("new")
    assert seeded.find_relations(subject="HND", as_of=date(2024, 1, 1))[0].status is Status.IN_FORCE
    seeded.delete_article("old")
    assert seeded.find_relations(subject="HND", as_of=date(2024, 1, 1)) == []
    with pytest.raises(NotFound):
        seeded.delete_article("old")
    assert counts(seeded)[2:] == (0, 0)


# --- relations as of a date ----------------------------------------------------------------------


@pytest.fixture
def switch(seeded: GraphStore) -> GraphStore:
    """Honduras recognised Taiwan, then switched to China on 2023-03-26."""
    seeded.add_article(article("bg", date(2015, 6, 1)), [claim("HND", R, "TWN", event_date=date(1965, 1, 1))])
    seeded.add_article(
        article("switch", date(2023, 3, 27)),
        [
            claim("HND", R, "TWN", Status.ENDED, event_date=date(2023, 3, 26)),
            claim("HND", R, "CHN", Status.IN_FORCE, event_date=date(2023, 3, 26)),
        ],
    )
    seeded.add_article(article("plan", date(2023, 3, 15)), [claim("HND", R, "CHN", Status.ANNOUNCED)])
    return seeded


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(1960, 1, 1), {}),
        (date(2022, 1, 1), {"TWN": Status.IN_FORCE}),
        (date(2023, 3, 20), {"TWN": Status.IN_FORCE, "CHN": Status.ANNOUNCED}),
        (date(2024, 1, 1), {"TWN": Status.ENDED, "CHN": Status.IN_FORCE}),
    ],
)
def test_as_of_answers(switch: GraphStore, as_of: date, expected: dict[str, Status]) -> None:
    found = switch.find_relations(predicate=R, subject="HND", as_of=as_of)
    assert {r.object: r.status for r in found} == expected


def test_since_until_and_counts(switch: GraphStore) -> None:
    (taiwan,) = switch.find_relations(predicate=R, subject="HND", object="TWN", as_of=date(2024, 1, 1))
    assert (taiwan.since, taiwan.until) == (date(1965, 1, 1), date(2023, 3, 26))
    assert taiwan.evidence_count == 2
    assert (taiwan.first_seen, taiwan.last_seen) == (date(1965, 1, 1), date(2023, 3, 26))
    (china,) = switch.find_relations(
        predicate=R, object="CHN", status=Status.IN_FORCE, as_of=date(2024, 1, 1)
    )
    assert china.since == date(2023, 3, 26) and china.until is None
    assert (
        switch.find_relations(predicate=R, object="CHN", status=Status.DENIED, as_of=date(2024, 1, 1)) == []
    )


def test_ties_on_a_date_go_to_higher_confidence(seeded: GraphStore) -> None:
    seeded.add_article(
        article("x", date(2025, 1, 1)), [claim("SAU", R, "ISR", Status.DENIED, confidence=0.9)]
    )
    seeded.add_article(
        article("y", date(2025, 1, 1)), [claim("SAU", R, "ISR", Status.PROPOSED, confidence=0.5)]
    )
    (rel,) = seeded.find_relations(subject="SAU", as_of=date(2025, 6, 1))
    assert rel.status is Status.DENIED and rel.confidence == 0.9


def test_negotiation_is_symmetric(seeded: GraphStore) -> None:
    seeded.add_article(article("n1", date(2025, 8, 2)), [claim("USA", N, "AZE")])
    seeded.add_article(article("n2", date(2025, 8, 3)), [claim("AZE", N, "USA")])
    found_a = seeded.find_relations(predicate=N, subject="AZE", as_of=date(2025, 9, 1))
    found_b = seeded.find_relations(predicate=N, object="AZE", as_of=date(2025, 9, 1))
    found_c = seeded.find_relations(predicate=N, subject="USA", object="AZE", as_of=date(2025, 9, 1))
    assert found_a == found_b == found_c
    assert len(found_a) == 1 and found_a[0].evidence_count == 2
    assert {found_a[0].subject, found_a[0].object} == {"AZE", "USA"}


def test_evidence_for_one_triple(switch: GraphStore) -> None:
    items = switch.get_evidence("HND", R, "TWN")
    assert [i.article.id for i in items] == ["bg", "switch"]
    assert items[1].claim.status is Status.ENDED and items[1].article.date == date(2023, 3, 27)
    assert items[0].claim.evidence.sentence == "HND RECOGNIZES TWN."
    assert switch.get_evidence("HND", R, "ISR") == []


# --- traversal --------------------------------------------------------------------------


@pytest.fixture
def accords(seeded: GraphStore) -> GraphStore:
    seeded.add_article(
        article("aa", date(2020, 9, 15)),
        [claim(c, M, "abraham_accords") for c in ("ISR", "ARE", "BHR")] + [claim("ARE", R, "ISR")],
    )
    seeded.add_article(
        article("oic", date(1972, 1, 1)), [claim(c, M, "oic") for c in ("AZE", "SAU", "ARE", "BHR")]
    )
    seeded.add_article(article("bhr-left", date(2022, 1, 1)), [claim("BHR", M, "oic", Status.ENDED)])
    return seeded


def ids(paths: list[list[object]]) -> list[list[str]]:
    return [[n.id for n in p] for p in paths]  # type: ignore[attr-defined]


def test_membership_paths(accords: GraphStore) -> None:
    found = accords.find_membership_paths("AZE", "ISR", max_hops=4, as_of=date(2021, 1, 1))
    assert ids(found) == [
        ["AZE", "oic", "ARE", "abraham_accords", "ISR"],
        ["AZE", "oic", "BHR", "abraham_accords", "ISR"],
    ]
    assert found[0][1].kind.value == "agreement" and found[0][1].name == "Organisation of Islamic Cooperation"
    # Bahrain left the OIC in this story: only the UAE path remains after 2022.
    assert ids(accords.find_membership_paths("AZE", "ISR", max_hops=4, as_of=date(2023, 1, 1))) == [
        ["AZE", "oic", "ARE", "abraham_accords", "ISR"]
    ]
    assert accords.find_membership_paths("AZE", "ISR", max_hops=2, as_of=date(2021, 1, 1)) == []
    assert accords.find_membership_paths("AZE", "ISR", max_hops=4, as_of=date(2019, 1, 1)) == []
    assert ids(accords.find_membership_paths("AZE", "SAU", max_hops=4, as_of=date(2021, 1, 1))) == [
        ["AZE", "oic", "SAU"]
    ]
    with pytest.raises(NotFound):
        accords.find_membership_paths("AZE", "ZZZ", max_hops=4, as_of=date(2021, 1, 1))


def test_neighbourhood(accords: GraphStore) -> None:
    one = accords.get_neighbourhood("ISR", depth=1, as_of=date(2021, 1, 1))
    assert {n.id for n in one.nodes} == {"ISR", "abraham_accords", "ARE"}
    two = accords.get_neighbourhood("ISR", depth=2, as_of=date(2021, 1, 1))
    assert {n.id for n in two.nodes} == {"ISR", "abraham_accords", "ARE", "BHR", "oic"}
    assert {(e.source, e.predicate, e.target) for e in one.edges} == {
        ("ISR", M, "abraham_accords"),
        ("ARE", M, "abraham_accords"),
        ("ARE", R, "ISR"),
    }
    assert {n.id for n in accords.get_neighbourhood("ISR", depth=2, as_of=date(2000, 1, 1)).nodes} == {"ISR"}


# --- aggregates, export, concurrency ------------------------------------------------------------


def test_stats_and_timeline(accords: GraphStore) -> None:
    stats = accords.get_stats(as_of=date(2023, 1, 1))
    assert (stats.countries, stats.agreements, stats.articles, stats.claims) == (
        len(COUNTRIES),
        len(AGREEMENTS),
        3,
        9,
    )
    assert stats.relations == {"RECOGNIZES": 1, "MEMBER_OF": 6, "NEGOTIATING_WITH": 0}
    buckets = {(b.period, b.predicate, b.status): b.count for b in accords.get_timeline()}
    assert buckets == {
        ("1972-01", M, Status.IN_FORCE): 4,
        ("2020-09", M, Status.IN_FORCE): 3,
        ("2020-09", R, Status.IN_FORCE): 1,
        ("2022-01", M, Status.ENDED): 1,
    }
    only_bhr = accords.get_timeline(predicate=M, entity="BHR")
    assert [(b.period, b.count) for b in only_bhr] == [("1972-01", 1), ("2020-09", 1), ("2022-01", 1)]


def test_export_everything(accords: GraphStore) -> None:
    dump = accords.export()
    assert len(dump.countries) == len(COUNTRIES) and len(dump.agreements) == len(AGREEMENTS)
    assert [a.id for a in dump.articles] == ["aa", "bhr-left", "oic"]
    assert len(dump.claims) == 9


def test_concurrent_overlapping_writes_make_no_duplicates(seeded: GraphStore) -> None:
    def write(i: int) -> bool:
        shared = article(f"shared-{i % 3}", date(2024, 1, 1 + i % 3))
        return seeded.add_article(shared, [claim("ARE", R, "ISR"), claim("USA", N, "SAU")]).created

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(write, range(24)))
    assert sum(created) == 3
    assert counts(seeded)[2:] == (3, 6)
    rels = seeded.find_relations(as_of=date(2025, 1, 1))
    assert [(r.subject, r.predicate, r.object, r.evidence_count) for r in rels] == [
        ("SAU", N, "USA", 3),
        ("ARE", R, "ISR", 3),
    ]


def test_cypher_status_and_derivation_agree_on_ties(seeded: GraphStore) -> None:
    # The Neo4j store picks the as-of status in Cypher (stats, paths, the status filter) and
    # derives the full relation in Python: both must follow graph.derive's order.
    day = date(2021, 5, 1)
    claims = [
        claim("ARE", M, "oic", Status.ENDED, event_date=day, confidence=0.9),
        claim("ARE", M, "oic", Status.IN_FORCE, event_date=day, confidence=0.85),
        claim("BHR", M, "oic", Status.ENDED, event_date=day, confidence=0.7),
        claim("BHR", M, "oic", Status.IN_FORCE, event_date=day, confidence=0.7),  # status name breaks it
        claim("SAU", M, "oic", Status.IN_FORCE, event_date=day, confidence=1.0),
        claim("SAU", M, "oic", Status.PROPOSED, event_date=day, confidence=0.999),
        claim("ISR", M, "oic", Status.IN_FORCE, confidence=0.5),  # dated by its article
    ]
    seeded.add_article(article("t1", date(2021, 6, 1)), claims)
    as_of = date(2022, 1, 1)
    relations = {r.subject: r.status for r in seeded.find_relations(predicate=M, as_of=as_of)}
    assert relations == {
        "ARE": Status.ENDED,
        "BHR": Status.IN_FORCE,
        "ISR": Status.IN_FORCE,
        "SAU": Status.IN_FORCE,
    }
    in_force = seeded.find_relations(predicate=M, status=Status.IN_FORCE, as_of=as_of)
    assert [r.subject for r in in_force] == ["BHR", "ISR", "SAU"]
    assert seeded.get_stats(as_of=as_of).relations[M.value] == 3
    assert seeded.get_stats(as_of=date(2021, 5, 31)).relations[M.value] == 2  # not ISR yet
    assert seeded.get_stats(as_of=date(2021, 4, 30)).relations[M.value] == 0
    assert len(seeded.find_membership_paths("BHR", "SAU", max_hops=2, as_of=as_of)) == 1
    assert seeded.find_membership_paths("ARE", "SAU", max_hops=2, as_of=as_of) == []


def test_replacing_and_deleting_keep_other_articles_evidence(seeded: GraphStore) -> None:
    seeded.add_article(article("k1", date(2020, 1, 1)), [claim("ARE", R, "ISR"), claim("USA", N, "SAU")])
    seeded.add_article(article("k2", date(2020, 2, 1), text="v1"), [claim("ARE", R, "ISR", Status.DENIED)])
    seeded.add_article(article("k2", date(2020, 2, 1), text="v2"), [claim("SAU", N, "USA")])
    as_of = date(2021, 1, 1)
    by_key = {(r.subject, r.predicate, r.object): r for r in seeded.find_relations(as_of=as_of)}
    assert by_key[("ARE", R, "ISR")].status is Status.IN_FORCE
    assert by_key[("ARE", R, "ISR")].evidence_count == 1
    assert by_key[("SAU", N, "USA")].evidence_count == 2
    assert [e.article.id for e in seeded.get_evidence("USA", N, "SAU")] == ["k1", "k2"]
    seeded.delete_article("k1")
    assert [(r.subject, r.object, r.evidence_count) for r in seeded.find_relations(as_of=as_of)] == [
        ("SAU", "USA", 1)
    ]
    timeline = seeded.get_timeline()
    assert [(b.period, b.predicate, b.count) for b in timeline] == [("2020-02", N, 1)]
